package app

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"

	"keystone/core/account"
	"keystone/core/fault"
	"keystone/core/record"
	"keystone/core/review"
	"keystone/core/winloss"
	"keystone/storage"
)

// ReviewExport is a printed review: where it was saved (desktop), or its
// bytes for the page to download (browser mode). Path and Data both empty:
// the user cancelled the dialog.
type ReviewExport struct {
	Name  string `json:"name"`
	Path  string `json:"path"`
	Bytes int    `json:"bytes"`
	Data  string `json:"data"` // base64, browser mode only
}

// checkLang accepts the two printed languages.
func checkLang(code string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(code)) {
	case "zh", "zh-cn":
		return "zh-CN", nil
	case "en", "":
		return "en", nil
	}
	return "", &fault.Error{Code: fault.Invalid, Field: "lang", Rule: "unknown_value", Params: map[string]any{"value": code, "allowed": []string{"zh", "en"}},
		Message: fmt.Sprintf("language %q is not one of zh, en", code)}
}

// PDF prints a review in lang ("zh" or "en").
func (s *ReviewService) PDF(id, lang string) ([]byte, string, error) {
	code, err := checkLang(lang)
	if err != nil {
		return nil, "", err
	}
	r, err := s.Get(id)
	if err != nil {
		return nil, "", err
	}
	var buf bytes.Buffer
	if err := renderReview(r, code, &buf); err != nil {
		return nil, "", fault.Wrap(fault.Internal, "pdf_failed", err, "could not print the review")
	}
	return buf.Bytes(), reviewFileName(r, code), nil
}

var unsafeName = regexp.MustCompile(`[\\/:*?"<>|\x00-\x1f]+`)

// reviewFileName is e.g. "华东精密-2026-annual-zh.pdf".
func reviewFileName(r review.Review, code string) string {
	name := strings.TrimSpace(unsafeName.ReplaceAllString(r.Snapshot.Account.Name, "_"))
	if name == "" {
		name = r.AccountID
	}
	period := fmt.Sprint(r.Year)
	if r.Kind == review.Quarterly {
		period += fmt.Sprintf("-Q%d", r.Quarter)
	}
	return fmt.Sprintf("%s-%s-%s-%s.pdf", name, period, r.Kind, strings.SplitN(code, "-", 2)[0])
}

// Export prints a review and asks where to save it (desktop); in browser
// mode it returns the bytes for the page to download.
func (s *ReviewService) Export(id, lang string) (ReviewExport, error) {
	data, name, err := s.PDF(id, lang)
	if err != nil {
		return ReviewExport{}, err
	}
	out := ReviewExport{Name: name, Bytes: len(data)}
	path, err := s.files.ChooseSave(name)
	if fe := fault.As(err); err != nil && fe.Rule == "no_dialog" {
		out.Data = base64.StdEncoding.EncodeToString(data)
		return out, nil
	}
	if err != nil {
		return ReviewExport{}, err
	}
	if path == "" {
		return ReviewExport{Name: name}, nil
	}
	if err := writeFileAtomic(path, data); err != nil {
		return ReviewExport{}, fault.Wrap(fault.Internal, "write_failed", err, "could not save %s", path)
	}
	out.Path = path
	return out, nil
}

// BatchInput selects the annual evaluations to print into a folder.
type BatchInput struct {
	Year      int    `json:"year"`
	Lang      string `json:"lang"`
	Tier      string `json:"tier"`
	Owner     string `json:"owner"`
	AccountID string `json:"accountId"`
	Folder    string `json:"folder"`
}

// BatchResult is what a batch wrote.
type BatchResult struct {
	Files   []string `json:"files"`
	Summary string   `json:"summary"` // the portfolio summary PDF
	Skipped []string `json:"skipped"` // accounts that could not be printed, with why
}

// batchProgress is told each document as it is written.
type batchProgress func(done, total int, name string)

// checkBatch validates a batch; the folder is made when the batch runs.
func checkBatch(in *BatchInput) (string, error) {
	var c fault.Checker
	c.Range("year", int64(in.Year), account.MinYear, account.MaxYear)
	in.Folder = strings.TrimSpace(in.Folder)
	c.Required("folder", in.Folder)
	if err := c.Err(); err != nil {
		return "", err
	}
	code, err := checkLang(in.Lang)
	if err != nil {
		return "", err
	}
	if st, err := os.Stat(in.Folder); err == nil && !st.IsDir() {
		return "", notWritable(in.Folder, fmt.Errorf("%s is a file", in.Folder))
	}
	return code, nil
}

func notWritable(folder string, err error) error {
	return &fault.Error{Code: fault.Invalid, Field: "folder", Rule: "folder_not_writable", Params: map[string]any{"folder": folder},
		Message: fmt.Sprintf("cannot write into %s", folder), Err: err}
}

// summaryEntry is one account's line in the portfolio summary.
type summaryEntry struct {
	id        string
	name      string
	tier      string
	revenue   int64 // reporting currency
	known     bool
	attained  float64
	hasTarget bool
	risk      string
}

// Batch prints the annual evaluations of the selected accounts into the
// folder, one file each, then the one-page portfolio summary. An account's
// own annual review for the year is printed as saved (a final one frozen);
// an account without one gets an evaluation filled from today's data, not
// stored. It stops between documents when ctx is cancelled.
func (s *ReviewService) Batch(ctx context.Context, in BatchInput, progress batchProgress) (BatchResult, error) {
	res := BatchResult{Files: []string{}, Skipped: []string{}}
	code, err := checkBatch(&in)
	if err != nil {
		return res, err
	}
	pc, err := s.context(in.Year)
	if err != nil {
		return res, err
	}
	for _, t := range pc.matrix.Tiers { // a tier may be named by its key or either label
		if strings.EqualFold(in.Tier, t.En) || in.Tier == t.Zh {
			in.Tier = t.Key
		}
	}
	var targets []MatrixPoint
	for _, p := range pc.matrix.Points {
		if (in.Tier != "" && p.Tier != in.Tier) || (in.Owner != "" && p.Owner != in.Owner) || (in.AccountID != "" && p.AccountID != in.AccountID) {
			continue
		}
		targets = append(targets, p)
	}
	if len(targets) == 0 {
		return res, &fault.Error{Code: fault.Invalid, Rule: "no_accounts_selected", Params: map[string]any{"tier": in.Tier, "owner": in.Owner, "accountId": in.AccountID},
			Message: "no live account matches the selection"}
	}
	sort.SliceStable(targets, func(i, j int) bool { return targets[i].Name < targets[j].Name })
	if err := os.MkdirAll(in.Folder, 0o755); err != nil { // made only once there is something to put in it
		return res, notWritable(in.Folder, err)
	}
	saved, err := s.annualByAccount(in.Year)
	if err != nil {
		return res, err
	}
	total := len(targets) + 1
	done, err := s.printAll(ctx, targets, saved, pc, in, code, func(n int, name string) {
		if progress != nil {
			progress(n, total, name)
		}
	})
	entries := make([]summaryEntry, 0, len(targets))
	for _, d := range done {
		switch {
		case d.skipped != "":
			res.Skipped = append(res.Skipped, d.skipped)
		case d.path != "":
			res.Files = append(res.Files, d.path)
			entries = append(entries, d.entry)
		}
	}
	if err != nil {
		return res, err
	}
	var buf bytes.Buffer
	an := winloss.Analyze(pc.wl, winloss.Filter{From: calDate(in.Year, "01-01"), To: calDate(in.Year, "12-31"), Owner: in.Owner})
	if err := renderPortfolioSummary(pc, entries, an, in, code, &buf); err != nil {
		return res, fault.Wrap(fault.Internal, "pdf_failed", err, "could not print the portfolio summary")
	}
	res.Summary = filepath.Join(in.Folder, fmt.Sprintf("portfolio-summary-%d-%s.pdf", in.Year, strings.SplitN(code, "-", 2)[0]))
	if err := writeFileAtomic(res.Summary, buf.Bytes()); err != nil {
		return res, fault.Wrap(fault.Internal, "write_failed", err, "could not save %s", res.Summary)
	}
	if progress != nil {
		progress(total, total, filepath.Base(res.Summary))
	}
	return res, nil
}

// annualByAccount is each account's live annual review of the year: the
// final one when there is one, else the latest draft.
func (s *ReviewService) annualByAccount(year int) (map[string]review.Review, error) {
	out := map[string]review.Review{}
	err := s.store.View(func(tx *storage.Tx) error {
		refs, err := storage.List[review.Ref](tx, storage.GlobalPrefix(review.RefKind))
		if err != nil {
			return err
		}
		for _, ref := range refs {
			if ref.Deleted() || ref.Kind != review.Annual || ref.Year != year {
				continue
			}
			if have, ok := out[ref.AccountID]; ok && have.Final() {
				continue
			}
			r, err := loadReview(tx, ref.ID)
			if err != nil {
				return err
			}
			out[ref.AccountID] = r
		}
		return nil
	})
	return out, err
}

func entryOf(r review.Review, p MatrixPoint) summaryEntry {
	e := summaryEntry{id: p.AccountID, name: p.Name, tier: p.Tier, revenue: p.Revenue, known: p.RevenueKnown}
	if perf := r.Snapshot.Performance; perf != nil {
		if cur := perf.Current(r.Year); cur != nil {
			e.attained, e.hasTarget = review.Attainment(cur.Revenue, cur.RevenueTarget)
		}
	}
	if r.Snapshot.Risk != nil {
		e.risk = r.Snapshot.Risk.Level
	}
	return e
}

// SaveReviewPDF writes a printed review to path, never leaving half a file
// under that name (for the command line).
func SaveReviewPDF(path string, pdf []byte) error { return writeFileAtomic(path, pdf) }

// printed is one account's outcome in a batch.
type printed struct {
	path    string
	entry   summaryEntry
	skipped string
}

// printAll prints the targets on as many workers as there are cores (the
// PDF layout is CPU-bound); each worker reuses one buffer, so memory stays
// flat however many accounts there are. Results keep the targets' order.
// The first failure, or ctx, stops the rest between documents.
func (s *ReviewService) printAll(ctx context.Context, targets []MatrixPoint, saved map[string]review.Review, pc *portfolioContext,
	in BatchInput, code string, progress func(done int, name string)) ([]printed, error) {
	out := make([]printed, len(targets))
	names := map[string]bool{}
	files := make([]string, len(targets))
	for i, p := range targets { // file names first: two accounts of one name get the id's tail added
		r := review.Review{AccountID: p.AccountID, Kind: review.Annual, Year: in.Year, Snapshot: review.Snapshot{Account: review.AccountInfo{Name: p.Name}}}
		name := reviewFileName(r, code)
		if names[name] {
			r.Snapshot.Account.Name = p.Name + "-" + p.AccountID[max(0, len(p.AccountID)-6):]
			name = reviewFileName(r, code)
		}
		names[name] = true
		files[i] = filepath.Join(in.Folder, name)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu       sync.Mutex
		finished int
		firstErr error
		next     = make(chan int)
		wg       sync.WaitGroup
	)
	fail := func(err error) {
		mu.Lock()
		if firstErr == nil {
			firstErr = err
		}
		mu.Unlock()
		cancel()
	}
	for range max(1, min(runtime.GOMAXPROCS(0), 4)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for i := range next {
				p := targets[i]
				r, ok := saved[p.AccountID]
				if !ok {
					r = review.Review{Meta: record.Meta{UpdatedAt: s.clock.Now().UTC()}, AccountID: p.AccountID, Kind: review.Annual, Year: in.Year, Status: review.Draft}
					snap, err := s.snapshot(pc, p.AccountID, review.Annual, in.Year, 0)
					if err != nil {
						out[i].skipped = fmt.Sprintf("%s: %v", p.Name, err)
						continue
					}
					r.Snapshot = snap
					r.Narrative.SignOff.PreparedBy = snap.Account.Owner
				}
				buf.Reset()
				if err := renderReview(r, code, &buf); err != nil {
					fail(fault.Wrap(fault.Internal, "pdf_failed", err, "could not print %s", p.Name))
					continue
				}
				if err := writeFileAtomic(files[i], buf.Bytes()); err != nil {
					fail(fault.Wrap(fault.Internal, "write_failed", err, "could not save %s", files[i]))
					continue
				}
				out[i].path, out[i].entry = files[i], entryOf(r, p)
				mu.Lock()
				finished++
				progress(finished, p.Name)
				mu.Unlock()
			}
		}()
	}
feed:
	for i := range targets {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if firstErr != nil {
		return out, firstErr
	}
	return out, ctx.Err()
}
