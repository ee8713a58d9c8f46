// Package cli is Keystone's command line: the desktop window by default,
// and the serve, demo and version commands. The contract of these commands
// is relied on by scripts; add to it, do not change it.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"keystone/app"
	"keystone/app/bridge"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/sample"
	"keystone/storage"
)

// DesktopFunc opens the desktop window over a ready App; it returns when the
// window closes.
type DesktopFunc func(a *app.App, assets fs.FS, icon []byte) error

// ProblemFunc shows, in a window, why the desktop app cannot open its data.
type ProblemFunc func(code fault.Code, message, dir string) error

// Env is what the commands need from the outside world.
type Env struct {
	Stdout, Stderr io.Writer
	Assets         fs.FS  // the built frontend, index.html at its root
	Icon           []byte // the window icon (PNG)
	Desktop        DesktopFunc
	Problem        ProblemFunc // nil: the sentence on stderr is all
	Clock          calendar.Clock
}

const usage = `Keystone (基石) — key account management on your own machine.

Usage:
  keystone [--data DIR]                                  open the desktop window
  keystone serve [--data DIR] [--addr 127.0.0.1:PORT]    serve the UI to a browser on this machine
  keystone demo [--data DIR] [--size s|m|l] [--seed N]   write a generated sample portfolio
  keystone backup --out FILE [--data DIR]                back the data folder up to one file
  keystone restore --in FILE --data DIR                  restore a backup into a new data folder
  keystone import FILE [--data DIR] [--dry-run]          import a Keystone JSON, Excel or CSV file, all or nothing
                [--kind accounts|contacts|activities|opportunities] [--encoding auto|utf-8|gbk]
                [--sheet NAME] [--skip-bad-rows]
  keystone export annual --year YYYY [--account ID | --tier T] [--owner NAME] [--lang zh|en] --out DIR [--data DIR]
                                                         print the annual evaluations as PDF into a folder
  keystone export review --review ID [--lang zh|en] --out FILE [--data DIR]
                                                         print one review as PDF
  keystone version                                       print the version

DIR defaults to $KEYSTONE_DATA, else the per-user data folder. An encrypted
folder's passphrase comes from $KEYSTONE_PASSPHRASE or is asked on the
terminal; the window and the browser ask for it on screen.
`

// Run executes one command line and returns the process exit code.
func Run(args []string, env Env) int {
	if env.Clock == nil {
		env.Clock = calendar.System{}
	}
	cmd := ""
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	var err error
	switch cmd {
	case "":
		err = runDesktop(args, env)
	case "serve":
		err = runServe(args, env)
	case "demo":
		err = runDemo(args, env)
	case "backup":
		err = runBackup(args, env)
	case "restore":
		err = runRestore(args, env)
	case "import":
		err = runImport(args, env)
	case "export":
		err = runExport(args, env)
	case "version":
		_, err = fmt.Fprintf(env.Stdout, "keystone %s (data schema %d)\n", app.Version, storage.CurrentSchema)
	case "help", "-h", "--help":
		fmt.Fprint(env.Stdout, usage)
	default:
		fmt.Fprintf(env.Stderr, "keystone: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	if err == nil {
		return 0
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if !errors.As(err, new(reported)) {
		fmt.Fprintf(env.Stderr, "keystone: %s\n", message(err))
	}
	if c := fault.CodeOf(err); c == fault.Locked || c == fault.NewerSchema {
		return 3
	}
	return 1
}

// reported is an error already told to the user.
type reported struct{ error }

func (r reported) Unwrap() error { return r.error }

// message is the sentence a user reads: a fault's own message without the
// wrapped internals of Badger.
func message(err error) string {
	var fe *fault.Error
	if errors.As(err, &fe) && fe.Code != fault.Internal {
		return fe.Message
	}
	return err.Error()
}

func newFlags(name string, env Env) (*flag.FlagSet, *string) {
	fl := flag.NewFlagSet(name, flag.ContinueOnError)
	fl.SetOutput(env.Stderr)
	data := fl.String("data", "", "data folder (default $KEYSTONE_DATA or the per-user data folder)")
	return fl, data
}

// openStore opens the data folder for a command, unlocked: an encrypted
// folder's passphrase comes from $KEYSTONE_PASSPHRASE or the terminal.
func openStore(dir string, env Env) (*storage.Store, error) {
	dir, err := dataDir(dir)
	if err != nil {
		return nil, err
	}
	opts := storage.Options{Clock: env.Clock}
	if storage.IsEncrypted(dir) {
		if opts.Passphrase, err = passphrase(env, fmt.Sprintf("Passphrase for %s: ", dir)); err != nil {
			return nil, err
		}
	}
	return storage.Open(dir, opts)
}

// openLocked opens the data folder for the window or the browser: an
// encrypted folder starts locked and the UI asks for its passphrase.
func openLocked(dir string, env Env) (*storage.Store, error) {
	dir, err := dataDir(dir)
	if err != nil {
		return nil, err
	}
	return storage.Open(dir, storage.Options{Clock: env.Clock, StartLocked: true})
}

func dataDir(dir string) (string, error) {
	if dir == "" {
		d, err := DefaultDataDir()
		if err != nil {
			return "", fmt.Errorf("finding the data folder: %w", err)
		}
		dir = d
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("creating the data folder: %w", err)
	}
	return dir, nil
}

func runDesktop(args []string, env Env) error {
	fl, data := newFlags("keystone", env)
	if err := fl.Parse(args); err != nil {
		return err
	}
	store, err := openLocked(*data, env)
	if err != nil {
		if env.Problem != nil {
			// Started from a menu there is no terminal: say it in a window too.
			fmt.Fprintf(env.Stderr, "keystone: %s\n", message(err))
			_ = env.Problem(fault.CodeOf(err), message(err), *data)
			return reported{err}
		}
		return err
	}
	defer store.Close()
	if env.Desktop == nil {
		return errors.New("this build has no desktop window; use `keystone serve`")
	}
	a := app.New(store, env.Clock)
	wait := a.Warm()
	defer wait()
	stopAuto := app.StartAutoBackup(a.Data)
	defer stopAuto()
	return env.Desktop(a, env.Assets, env.Icon)
}

func runServe(args []string, env Env) error {
	fl, data := newFlags("serve", env)
	addr := fl.String("addr", "127.0.0.1:7420", "loopback address to listen on (port 0 picks a free one)")
	assetsDir := fl.String("assets", "", "serve the frontend from this built folder instead of the one inside the program (for development)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	assets := env.Assets
	if *assetsDir != "" {
		assets = os.DirFS(*assetsDir)
	}
	host, _, err := net.SplitHostPort(*addr)
	if err != nil {
		return fmt.Errorf("--addr %q: %w", *addr, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("--addr %q: Keystone serves only this machine; use a loopback address such as 127.0.0.1", *addr)
	}
	store, err := openLocked(*data, env)
	if err != nil {
		return err
	}
	defer store.Close()
	a := app.New(store, env.Clock)
	wait := a.Warm()
	defer wait()
	stopAuto := app.StartAutoBackup(a.Data)
	defer stopAuto()
	token := bridge.NewToken()
	br, err := bridge.New(a.Bindings(), token, assets, app.FormatError)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", *addr, err)
	}
	br.AllowHosts(bridge.LoopbackHosts(ln.Addr())...)
	srv := &http.Server{Handler: br, ReadHeaderTimeout: 10 * time.Second}
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	fmt.Fprintf(env.Stdout, "http://127.0.0.1:%s/?token=%s\n", port, token)
	fmt.Fprintf(env.Stderr, "Keystone is serving %s; press Ctrl+C to stop.\n", store.Dir())
	if store.Locked() {
		fmt.Fprintln(env.Stderr, "The data is encrypted: enter its passphrase in the browser to unlock it.")
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil {
		return fmt.Errorf("stopping the server: %w", err)
	}
	fmt.Fprintln(env.Stderr, "Keystone stopped.")
	return nil
}

func runDemo(args []string, env Env) error {
	fl, data := newFlags("demo", env)
	sizeFlag := fl.String("size", "s", "portfolio size: s (24 accounts), m (300) or l (2,000)")
	seed := fl.Int64("seed", 1, "generator seed; the same seed gives the same portfolio")
	if err := fl.Parse(args); err != nil {
		return err
	}
	size, err := sample.ParseSize(*sizeFlag)
	if err != nil {
		return err
	}
	store, err := openStore(*data, env)
	if err != nil {
		return err
	}
	defer store.Close()
	start := time.Now()
	p := sample.Generate(size, *seed, calendar.Today(env.Clock))
	sum, err := app.LoadPortfolio(store, p)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "wrote %d accounts, %d contacts, %d activities, %d yearly figures, %d plans, %d actions to %s in %s\n",
		sum.Accounts, sum.Contacts, sum.Activities, sum.Figures, sum.Plans, sum.Actions, store.Dir(), time.Since(start).Round(time.Millisecond))
	return nil
}
