package app

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"keystone/app/transfer"
	"keystone/core/account"
	"keystone/core/action"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/opportunity"
	"keystone/core/record"
	"keystone/core/settings"
	"keystone/storage"
)

// ImportRequest is a file to import and how to read it. The UI sends the
// same request to PreviewImport and then to Import: the service keeps no
// state between the two, it reads the file again.
type ImportRequest struct {
	Name     string   `json:"name"`
	Data     string   `json:"data"`     // the file, base64
	Kind     string   `json:"kind"`     // accounts, contacts, activities, opportunities; "" guesses
	Encoding string   `json:"encoding"` // auto, utf-8, gbk
	Sheet    string   `json:"sheet"`    // Excel sheet; "" the first
	Mapping  []string `json:"mapping"`  // a field key or "" per column; nil: the proposed mapping
	SkipBad  bool     `json:"skipBad"`  // import the good rows, leave out those with problems
	// Token names this run for ImportProgress (the UI's own random id); "" for none.
	Token string `json:"token"`
}

// ImportResult is what an import did.
type ImportResult struct {
	Preview transfer.Preview `json:"preview"`
	Written int              `json:"written"` // records written, derived ones included
}

// ImportOptions are ImportRequest without the file, for the command line.
type ImportOptions struct {
	Kind, Encoding, Sheet string
	Mapping               []string
	SkipBad               bool
	// Progress, if set, hears the rows read so far ("read") and the start
	// of the write ("write").
	Progress func(phase string, rows int)
}

// ImportProgress is how far a running preview or import is.
type ImportProgress struct {
	Phase string `json:"phase"` // "read", "write" or "" when the token is unknown (not started or finished)
	Rows  int    `json:"rows"`
}

// running holds the progress of the previews and imports under way, by the
// caller's token. It is the one piece of state the transfer methods keep,
// and only while a call runs.
var running sync.Map // token -> *ImportProgress

// ImportProgress tells how far the preview or import started with token is,
// for a progress bar; the UI asks while the call is under way.
func (s *DataService) ImportProgress(token string) ImportProgress {
	if v, ok := running.Load(token); ok {
		p := v.(*progressCell)
		return p.get()
	}
	return ImportProgress{}
}

type progressCell struct {
	mu sync.Mutex
	p  ImportProgress
}

func (c *progressCell) get() ImportProgress {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.p
}

func (c *progressCell) set(phase string, rows int) {
	c.mu.Lock()
	c.p = ImportProgress{Phase: phase, Rows: rows}
	c.mu.Unlock()
}

// track registers a run under its token for ImportProgress.
func track(token string, opt *ImportOptions) (done func()) {
	if token == "" {
		return func() {}
	}
	cell := &progressCell{}
	running.Store(token, cell)
	opt.Progress = cell.set
	return func() { running.Delete(token) }
}

// PreviewImport reads the file and says what an import would do: the
// proposed (or given) column mapping with samples, the counts and every
// problem with its row and column. Nothing is written.
func (s *DataService) PreviewImport(req ImportRequest) (transfer.Preview, error) {
	data, err := decodeFile(req.Data)
	if err != nil {
		return transfer.Preview{}, err
	}
	opt := req.options()
	defer track(req.Token, &opt)()
	p, _, err := ImportFile(s.store, s.clock, bytes.NewReader(data), int64(len(data)), opt, true)
	return p, err
}

// Import imports the file, all or nothing: when any row has a problem and
// SkipBad is off, nothing is written and the preview lists the problems.
func (s *DataService) Import(req ImportRequest) (ImportResult, error) {
	data, err := decodeFile(req.Data)
	if err != nil {
		return ImportResult{}, err
	}
	opt := req.options()
	defer track(req.Token, &opt)()
	p, n, err := ImportFile(s.store, s.clock, bytes.NewReader(data), int64(len(data)), opt, false)
	return ImportResult{Preview: p, Written: n}, err
}

func (r ImportRequest) options() ImportOptions {
	return ImportOptions{Kind: r.Kind, Encoding: r.Encoding, Sheet: r.Sheet, Mapping: r.Mapping, SkipBad: r.SkipBad}
}

// maxImport bounds a file sent by the UI.
const maxImport = 512 << 20

func decodeFile(b64 string) ([]byte, error) {
	if len(b64) > maxImport/3*4+4 {
		return nil, fault.New(fault.Invalid, "too_large", "the file is larger than %d MB", maxImport>>20)
	}
	data, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		return nil, fault.Wrap(fault.Invalid, "bad_upload", err, "the file did not arrive whole; choose it again")
	}
	return data, nil
}

// ruleHasProblems is the rule of an import refused for the problems its
// preview lists.
const ruleHasProblems = "import_problems"

// ImportFile previews (dryRun) or imports a Keystone JSON export, a CSV or
// an Excel file read from r. It returns the preview and how many records
// were written. An import with problems, not told to skip them, writes
// nothing and returns an Invalid fault with rule "import_problems" beside
// the preview that lists them.
func ImportFile(store *storage.Store, clock calendar.Clock, r io.ReaderAt, size int64, opt ImportOptions, dryRun bool) (transfer.Preview, int, error) {
	if clock == nil {
		clock = calendar.System{}
	}
	head := make([]byte, min(size, 64<<10))
	if _, err := r.ReadAt(head, 0); err != nil && !errors.Is(err, io.EOF) {
		return transfer.Preview{}, 0, fmt.Errorf("import: read: %w", err)
	}
	format, err := transfer.DetectFormat(head)
	if err != nil {
		return transfer.Preview{}, 0, err
	}
	if format == transfer.FormatJSON {
		return importJSON(store, io.NewSectionReader(r, 0, size), dryRun, opt.Progress)
	}
	im := &tableImport{store: store, now: clock.Now().UTC(), today: calendar.Today(clock), opt: opt}
	return im.run(format, r, size, dryRun)
}

// problemsError says an import was refused for its problems.
func problemsError(p transfer.Preview) error {
	rows := len(p.BadRows)
	return &fault.Error{Code: fault.Invalid, Rule: ruleHasProblems, Params: map[string]any{"rows": rows, "problems": len(p.Problems)},
		Message: fmt.Sprintf("nothing was imported: %d rows have problems (first: row %d, %s)", rows, p.Problems[0].Row, p.Problems[0].Message)}
}

// envelope sets a written record's envelope as storage.Tx.Put would:
// a new record gets revision 1, an update the next revision.
func envelope(m *record.Meta, old *record.Meta, now time.Time) {
	if old == nil {
		m.Rev, m.CreatedAt, m.UpdatedAt, m.DeletedAt = 1, now, now, nil
		return
	}
	m.ID, m.Rev, m.CreatedAt, m.UpdatedAt, m.DeletedAt = old.ID, old.Rev+1, old.CreatedAt, now, old.DeletedAt
}

// ---- the JSON export ----

// importJSON loads a Keystone export into a data folder that holds no
// accounts: it is how a whole portfolio moves to another machine, record
// for record. Merging into existing data is the tables' job, where rows are
// matched by a key the user sees.
func importJSON(store *storage.Store, r io.Reader, dryRun bool, progress func(string, int)) (transfer.Preview, int, error) {
	if progress == nil {
		progress = func(string, int) {}
	}
	p := transfer.Preview{Format: transfer.FormatJSON, Kind: "all", MatchKey: "empty_folder", Problems: []transfer.Problem{}, BadRows: []int{}, Counts: map[string]int{}}
	var existing int
	err := store.View(func(tx *storage.Tx) error {
		var err error
		existing, err = countAccounts(tx)
		if err == nil && existing == 0 {
			existing, err = tx.Count(storage.WorkspacesPrefix())
		}
		return err
	})
	if err != nil {
		return p, 0, err
	}
	if existing > 0 {
		return p, 0, &fault.Error{Code: fault.Invalid, Rule: "export_needs_empty_folder", Params: map[string]any{"accounts": existing},
			Message: "a Keystone export loads only into an empty data folder; this one already holds data. Open a new folder (--data) and import there, or import accounts, contacts, activities and opportunities as Excel or CSV to merge them"}
	}
	accounts := map[string]bool{}
	var orphans []transfer.Problem
	pending := map[string][]int{} // account id -> record numbers of children seen before it
	check := func(n int, rec transfer.Record) (transfer.Key, bool) {
		k, err := transfer.CheckRecord(rec)
		p.Rows++
		if p.Rows%2000 == 0 {
			progress("read", p.Rows)
		}
		if err != nil {
			if len(p.Problems) < transfer.MaxListed {
				p.Problems = append(p.Problems, transfer.RecordProblem(n, rec, err))
			} else {
				p.Truncated = true
			}
			p.BadRows = append(p.BadRows, n)
			return k, false
		}
		if k.Kind == account.KindAccount {
			accounts[k.ID] = true
			delete(pending, k.ID)
		} else if k.AccountID != "" && !accounts[k.AccountID] {
			pending[k.AccountID] = append(pending[k.AccountID], n)
		}
		p.Counts[k.Kind]++
		return k, true
	}
	finish := func() {
		for id, ns := range pending {
			for _, n := range ns {
				orphans = append(orphans, transfer.Problem{Row: n, Rule: "not_found", Field: "accountId", Params: map[string]any{"kind": "account", "id": id},
					Message: fmt.Sprintf("the record belongs to account %s, which is not in the file", id)})
			}
		}
		p.Problems = append(p.Problems, orphans...)
		for _, o := range orphans {
			p.BadRows = append(p.BadRows, o.Row)
		}
		p.Create = p.Rows - len(p.BadRows)
	}
	if dryRun {
		exp, err := transfer.ReadJSON(r, storage.CurrentSchema, func(n int, rec transfer.Record) error { check(n, rec); return nil })
		if err != nil {
			return p, 0, err
		}
		p.Header = &exp.Header
		finish()
		return p, 0, nil
	}
	written := 0
	errRefused := errors.New("refused")
	err = store.ApplyStaged(func(st *storage.Stager) error {
		// Whatever the empty folder holds (pinned settings) gives way to the file's.
		if err := store.View(func(tx *storage.Tx) error {
			for _, root := range storage.RecordRoots() {
				if err := tx.Scan(root, func(key, _ []byte) error { return st.Delete(key) }); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			return err
		}
		exp, err := transfer.ReadJSON(r, storage.CurrentSchema, func(n int, rec transfer.Record) error {
			if _, ok := check(n, rec); ok {
				written++
				return st.Put([]byte(rec.Key), rec.Value)
			}
			return nil
		})
		if err != nil {
			return err
		}
		p.Header = &exp.Header
		finish()
		if len(p.Problems) > 0 {
			return errRefused
		}
		return nil
	}, func(string, int) { progress("write", p.Rows) })
	if errors.Is(err, errRefused) {
		return p, 0, problemsError(p)
	}
	if err != nil {
		return p, 0, err
	}
	return p, written, nil
}

// ExportFile is a file for the UI to save.
type ExportFile struct {
	Name string `json:"name"`
	Data string `json:"data"` // base64
}

// ExportAll writes every record to one Keystone JSON export.
func (s *DataService) ExportAll() (ExportFile, error) {
	var buf bytes.Buffer
	if _, err := WriteExport(s.store, s.clock, &buf); err != nil {
		return ExportFile{}, err
	}
	name := "keystone-" + string(calendar.Today(s.clock)) + ".json"
	return ExportFile{Name: name, Data: base64.StdEncoding.EncodeToString(buf.Bytes())}, nil
}

// WriteExport streams every record of the store, as one consistent
// snapshot, to w in the Keystone JSON format, and returns the counts.
func WriteExport(store *storage.Store, clock calendar.Clock, w io.Writer) (map[string]int, error) {
	if clock == nil {
		clock = calendar.System{}
	}
	ew, err := transfer.NewWriter(w, transfer.Header{App: Version, SchemaVersion: store.SchemaVersion(), ExportedAt: clock.Now().UTC()})
	if err != nil {
		return nil, err
	}
	err = store.View(func(tx *storage.Tx) error {
		for _, root := range storage.RecordRoots() {
			if err := tx.Scan(root, func(key, val []byte) error { return ew.Add(key, val) }); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	if err := ew.Close(); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	return ew.Counts(), nil
}

// matchKeys names how each table kind finds the record a row updates.
var matchKeys = map[string]string{
	transfer.KindAccounts:      "name_country",
	transfer.KindContacts:      "account_name",
	transfer.KindActivities:    "account_date_subject",
	transfer.KindOpportunities: "account_title",
}

func lower(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// opportunitySettings reads the deal settings rows are checked against.
func opportunitySettings(store *storage.Store) (opportunity.Settings, int, error) {
	var m settings.Model[opportunity.Settings]
	err := store.View(func(tx *storage.Tx) (err error) { m, err = winlossSettings.current(tx); return err })
	return m.Value, m.Version, err
}

// followUpFor is the follow-up action an imported activity needs, as
// syncFollowUp keeps it for a saved one; nil when nothing changes.
func followUpFor(tx *storage.Tx, now time.Time, acc *account.Account, act *account.Activity) (*action.Action, error) {
	var a action.Action
	err := tx.Get(storage.FollowUpKey(act.ID), action.Kind, &a)
	exists := err == nil
	if err != nil && fault.CodeOf(err) != fault.NotFound {
		return nil, err
	}
	old := a.Meta
	switch {
	case act.FollowUp == "":
		if !exists || !a.IsOpen() {
			return nil, nil
		}
		a.Status = action.Cancelled
	case !exists:
		a = action.FollowUp(act.ID, acc.ID, act.Subject, acc.Owner, act.FollowUp)
	default:
		if a.Due == act.FollowUp && a.Title == act.Subject && !a.Deleted() && a.Status != action.Cancelled {
			return nil, nil
		}
		if a.Status == action.Cancelled || a.Deleted() {
			a.Status, a.DeletedAt = action.Open, nil
		}
		a.Due, a.Title = act.FollowUp, act.Subject
	}
	if exists {
		deleted := a.DeletedAt
		envelope(&a.Meta, &old, now)
		a.DeletedAt = deleted
	} else {
		envelope(&a.Meta, nil, now)
	}
	return &a, nil
}
