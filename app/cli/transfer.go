package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"golang.org/x/text/width"

	"keystone/app"
	"keystone/app/transfer"
	"keystone/core/fault"
)

// runImport is `keystone import FILE [--data DIR] [--dry-run]`: a Keystone
// JSON export, a CSV or an Excel file, detected from its content, read with
// the proposed column mapping. The preview and every problem go to stderr;
// any problem exits non-zero with nothing written.
func runImport(args []string, env Env) error {
	fl, data := newFlags("import", env)
	dry := fl.Bool("dry-run", false, "check the file and print what would change, writing nothing")
	kind := fl.String("kind", "", "what the table holds: accounts, contacts, activities or opportunities (default: guessed from the headers)")
	enc := fl.String("encoding", "auto", "a CSV file's encoding: auto, utf-8 or gbk")
	sheet := fl.String("sheet", "", "the Excel sheet to read (default: the first)")
	skip := fl.Bool("skip-bad-rows", false, "import the good rows and leave out the rows with problems")
	var file string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		file, args = args[0], args[1:]
	}
	if err := fl.Parse(args); err != nil {
		return err
	}
	if file == "" {
		file = fl.Arg(0)
	}
	if file == "" {
		return fault.New(fault.Invalid, "required", "name the file to import: keystone import FILE [--data DIR] [--dry-run]")
	}
	f, err := os.Open(file)
	if err != nil {
		return fault.Wrap(fault.Invalid, "no_file", err, "cannot read %s", file)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	store, err := openStore(*data, env)
	if err != nil {
		return err
	}
	defer store.Close()
	start := time.Now()
	opts := app.ImportOptions{Kind: *kind, Encoding: *enc, Sheet: *sheet, SkipBad: *skip}
	p, written, err := app.ImportFile(store, env.Clock, f, info.Size(), opts, *dry)
	if p.Format != "" {
		printPreview(env, file, p)
	}
	if err != nil {
		if fault.As(err).Rule == "import_problems" {
			fmt.Fprintf(env.Stderr, "keystone: nothing was imported: fix the rows above, or use --skip-bad-rows\n")
			return reported{err}
		}
		return err
	}
	if *dry {
		if len(p.Problems) > 0 {
			fmt.Fprintf(env.Stderr, "dry run: %d problems; nothing was written\n", len(p.Problems))
			return reported{errors.New("problems found")}
		}
		fmt.Fprintln(env.Stderr, "dry run: the file is good; nothing was written")
		return nil
	}
	fmt.Fprintf(env.Stdout, "imported %s: %d records written in %s\n", file, written, time.Since(start).Round(time.Millisecond))
	return nil
}

func printPreview(env Env, file string, p transfer.Preview) {
	w := env.Stderr
	what := p.Format
	if p.Encoding != "" {
		what += ", " + p.Encoding
	}
	if p.Sheet != "" {
		what += ", sheet " + p.Sheet
	}
	fmt.Fprintf(w, "%s (%s): %s, %d rows\n", file, what, p.Kind, p.Rows)
	if len(p.Columns) > 0 {
		fmt.Fprintln(w, "columns:")
		for _, c := range p.Columns {
			field := c.Field
			if field == "" {
				field = "(ignored)"
			}
			fmt.Fprintf(w, "  %s -> %s\n", padColumns(c.Header, 28), field)
		}
		fmt.Fprintf(w, "matched by: %s\n", p.MatchKey)
	}
	if p.Format == transfer.FormatJSON {
		fmt.Fprintf(w, "records: %d to create\n", p.Create)
	} else {
		fmt.Fprintf(w, "create %d, update %d, unchanged %d, rows with problems %d\n", p.Create, p.Update, p.Same, p.Skip)
	}
	if len(p.Problems) > 0 {
		fmt.Fprintln(w, "problems (row, column: message):")
		for _, pr := range p.Problems {
			col := pr.Column
			if col == "" {
				col = pr.Field
			}
			fmt.Fprintf(w, "  row %d, %s: %s\n", pr.Row, col, pr.Message)
		}
		if p.Truncated {
			fmt.Fprintf(w, "  … more problems than the first %d are not listed\n", transfer.MaxListed)
		}
	}
}

// padColumns pads s with spaces to n terminal columns; Chinese characters
// take two, so a byte or rune count would leave the arrows ragged.
func padColumns(s string, n int) string {
	cols := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			cols += 2
		default:
			cols++
		}
	}
	if cols >= n {
		return s
	}
	return s + strings.Repeat(" ", n-cols)
}
