package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"keystone/app"
	"keystone/core/fault"
)

// runExport prints reviews as PDF: "annual" prints the annual evaluations of
// many accounts into a folder with the portfolio summary, "review" one
// review into a file. Progress goes to stderr, the files written to stdout.
func runExport(args []string, env Env) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return fault.New(fault.Invalid, "required", "say what to export: keystone export annual … or keystone export review …")
	}
	switch args[0] {
	case "annual":
		return exportAnnual(args[1:], env)
	case "review":
		return exportReview(args[1:], env)
	}
	return fault.New(fault.Invalid, "unknown_value", "cannot export %q: use annual or review", args[0])
}

func exportAnnual(args []string, env Env) error {
	fl, data := newFlags("export annual", env)
	year := fl.Int("year", 0, "the year of the evaluations (YYYY)")
	acct := fl.String("account", "", "only this account (its id)")
	tier := fl.String("tier", "", "only the accounts of this tier (its key or name)")
	owner := fl.String("owner", "", "only the accounts of this key-account manager")
	lang := fl.String("lang", "zh", "language of the PDFs: zh or en")
	out := fl.String("out", "", "the folder to write into (made if missing)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	switch {
	case fl.NArg() > 0:
		return fault.New(fault.Invalid, "unexpected", "unexpected argument %q", fl.Arg(0))
	case *year == 0 || *out == "":
		return fault.New(fault.Invalid, "required", "say the year and the folder: keystone export annual --year YYYY --out DIR")
	case *acct != "" && *tier != "":
		return fault.New(fault.Invalid, "exclusive", "choose either --account or --tier, not both")
	}
	store, err := openStore(*data, env)
	if err != nil {
		return err
	}
	defer store.Close()
	a := app.New(store, env.Clock)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	start := time.Now()
	fmt.Fprintf(env.Stderr, "Printing the %d annual evaluations into %s …\n", *year, *out)
	res, err := a.Reviews.Batch(ctx, app.BatchInput{Year: *year, Lang: *lang, Tier: *tier, Owner: *owner, AccountID: *acct, Folder: *out},
		func(done, total int, name string) {
			fmt.Fprintf(env.Stderr, "[%d/%d] %s\n", done, total, name)
		})
	for _, s := range res.Skipped {
		fmt.Fprintf(env.Stderr, "skipped: %s\n", s)
	}
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("stopped after %d of the evaluations; the files written stay in %s", len(res.Files), *out)
		}
		return err
	}
	for _, f := range res.Files {
		fmt.Fprintln(env.Stdout, f)
	}
	fmt.Fprintln(env.Stdout, res.Summary)
	fmt.Fprintf(env.Stderr, "Wrote %d evaluations and the portfolio summary in %s.\n", len(res.Files), time.Since(start).Round(time.Millisecond))
	if len(res.Skipped) > 0 {
		return fmt.Errorf("%d accounts could not be printed", len(res.Skipped))
	}
	return nil
}

func exportReview(args []string, env Env) error {
	fl, data := newFlags("export review", env)
	id := fl.String("review", "", "the review's id")
	lang := fl.String("lang", "zh", "language of the PDF: zh or en")
	out := fl.String("out", "", "the PDF file to write")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() > 0 {
		return fault.New(fault.Invalid, "unexpected", "unexpected argument %q", fl.Arg(0))
	}
	if *id == "" || *out == "" {
		return fault.New(fault.Invalid, "required", "say which review and where to: keystone export review --review ID --out FILE")
	}
	store, err := openStore(*data, env)
	if err != nil {
		return err
	}
	defer store.Close()
	a := app.New(store, env.Clock)
	fmt.Fprintf(env.Stderr, "Printing review %s …\n", *id)
	pdf, _, err := a.Reviews.PDF(*id, *lang)
	if err != nil {
		return err
	}
	if dir := filepath.Dir(*out); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("creating %s: %w", dir, err)
		}
	}
	if err := app.SaveReviewPDF(*out, pdf); err != nil {
		return fmt.Errorf("writing %s: %w", *out, err)
	}
	abs, _ := filepath.Abs(*out)
	fmt.Fprintf(env.Stdout, "%s (%d KB)\n", abs, (len(pdf)+1023)/1024)
	return nil
}
