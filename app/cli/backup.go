package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"golang.org/x/term"

	"keystone/app"
	"keystone/core/fault"
	"keystone/storage"
)

// PassphraseEnv is where scripts put the passphrase of an encrypted folder;
// there is no flag for it, so it never shows in the process list or history.
const PassphraseEnv = "KEYSTONE_PASSPHRASE"

func runBackup(args []string, env Env) error {
	fl, data := newFlags("backup", env)
	out := fl.String("out", "", "the backup file to write (e.g. keystone-2026-11-23"+storage.BackupExt+")")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *out == "" || fl.NArg() > 0 {
		return fault.New(fault.Invalid, "required", "say where to write the backup: keystone backup --out FILE [--data DIR]")
	}
	store, err := openStore(*data, env)
	if err != nil {
		return err
	}
	defer store.Close()
	start := time.Now()
	fmt.Fprintf(env.Stderr, "Backing up %s …\n", store.Dir())
	m, size, err := store.BackupFile(*out, storage.BackupOptions{AppVersion: app.Version})
	if err != nil {
		return err
	}
	enc := ""
	if m.Encrypted {
		enc = ", encrypted"
	}
	abs, _ := filepath.Abs(*out)
	fmt.Fprintf(env.Stdout, "backed up %d records (%s) to %s (%s%s) in %s\n",
		m.Records, countsText(m.Counts), abs, sizeText(size), enc, time.Since(start).Round(time.Millisecond))
	return nil
}

func runRestore(args []string, env Env) error {
	fl, data := newFlags("restore", env)
	in := fl.String("in", "", "the backup file to restore")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *in == "" || *data == "" || fl.NArg() > 0 {
		return fault.New(fault.Invalid, "required", "say which backup and where to: keystone restore --in FILE --data DIR (a new or empty folder)")
	}
	m, err := storage.ReadBackupManifest(*in)
	if err != nil {
		return err
	}
	var pass string
	if m.Encrypted {
		if pass, err = passphrase(env, "The backup is encrypted. Passphrase (as when it was made): "); err != nil {
			return err
		}
	}
	start := time.Now()
	fmt.Fprintf(env.Stderr, "Restoring %s into %s …\n", *in, *data)
	m, err = storage.RestoreFile(*in, *data, storage.RestoreOptions{Passphrase: pass, Clock: env.Clock})
	if err != nil {
		return err
	}
	abs, _ := filepath.Abs(*data)
	fmt.Fprintf(env.Stdout, "restored %d records (%s) into %s in %s; the backup was made by Keystone %s on %s and its checksum and counts match\n",
		m.Records, countsText(m.Counts), abs, time.Since(start).Round(time.Millisecond), m.AppVersion, m.CreatedAt.Local().Format("2006-01-02 15:04"))
	return nil
}

// passphrase comes from $KEYSTONE_PASSPHRASE, else from the terminal without
// echo; never from a flag.
func passphrase(env Env, prompt string) (string, error) {
	if p := os.Getenv(PassphraseEnv); p != "" {
		return p, nil
	}
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return "", &fault.Error{Code: fault.Invalid, Rule: storage.RulePassphraseRequired, Field: "passphrase",
			Message: "The data is encrypted: set " + PassphraseEnv + " or run this in a terminal to type the passphrase."}
	}
	fmt.Fprint(env.Stderr, prompt)
	b, err := term.ReadPassword(fd)
	fmt.Fprintln(env.Stderr)
	if err != nil {
		return "", fmt.Errorf("reading the passphrase: %w", err)
	}
	if len(b) == 0 {
		return "", errors.New("no passphrase was typed")
	}
	return string(b), nil
}

// countsText lists the kinds with the most records first: "account 24, contact 200, …".
func countsText(c storage.Counts) string {
	kinds := make([]string, 0, len(c))
	for k := range c {
		if k != "meta" {
			kinds = append(kinds, k)
		}
	}
	sort.Slice(kinds, func(i, j int) bool {
		if c[kinds[i]] != c[kinds[j]] {
			return c[kinds[i]] > c[kinds[j]]
		}
		return kinds[i] < kinds[j]
	})
	const shown = 6
	parts := make([]string, 0, shown+1)
	for _, k := range kinds[:min(shown, len(kinds))] {
		parts = append(parts, fmt.Sprintf("%s %d", k, c[k]))
	}
	if len(kinds) > shown {
		parts = append(parts, fmt.Sprintf("%d more kinds", len(kinds)-shown))
	}
	return strings.Join(parts, ", ")
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
