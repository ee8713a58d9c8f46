package app

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/opportunity"
	"keystone/core/portfolio"
	"keystone/core/settings"
	"keystone/core/winloss"
	"keystone/storage"
)

// WinLossService keeps the win-loss analysis over closed opportunities.
type WinLossService struct {
	store   *storage.Store
	clock   calendar.Clock
	actions *ActionService
	index   *oppIndex
	tiers   tierSource // the accounts' tiers, for the tier filter; nil in isolation
}

func newWinLossService(store *storage.Store, clock calendar.Clock, actions *ActionService, index *oppIndex) *WinLossService {
	return &WinLossService{store: store, clock: clock, actions: actions, index: index}
}

// AnalysisView is the analysis with what the page needs to label and filter it.
type AnalysisView struct {
	winloss.Analysis
	Filter          winloss.Filter       `json:"filter"`
	Today           calendar.Date        `json:"today"`
	Settings        opportunity.Settings `json:"settings"`
	Owners          []string             `json:"owners"`
	Segments        []string             `json:"segments"`
	CompetitorNames []string             `json:"competitorNames"`
	Tiers           []portfolio.Tier     `json:"tiers"`    // the firm's tiers, for the filter
	Accounts        []AccountRef         `json:"accounts"` // accounts with closed deals, for the filter
}

// input gathers the deals, accounts, settings and rates the figures read.
func (s *WinLossService) input() (winloss.Input, error) {
	in := winloss.Input{Today: calendar.Today(s.clock)}
	var set settings.Model[opportunity.Settings]
	var cur settings.Currency
	if err := s.store.View(func(tx *storage.Tx) (err error) {
		if set, err = winlossSettings.current(tx); err != nil {
			return err
		}
		cur, err = loadCurrency(tx)
		return err
	}); err != nil {
		return in, err
	}
	in.Settings, in.Rates = &set.Value, cur.Rates
	snap, err := s.index.snapshot()
	if err != nil {
		return in, err
	}
	if in.Accounts, err = liveAccountInfo(s.actions.rows); err != nil {
		return in, err
	}
	in.Deals = closedOfLive(snap, in.Accounts)
	return in, nil
}

// inputFor is input with each account's tier when f filters by tier.
func (s *WinLossService) inputFor(f winloss.Filter) (winloss.Input, error) {
	in, err := s.input()
	if err != nil || f.Tier == "" {
		return in, err
	}
	return in, withTiers(in.Accounts, s.tiers)
}

// closedOfLive is the closed deals of live accounts: an archived account's
// deals leave the figures with it. Usually none is archived, and the
// snapshot's own list serves as it is.
func closedOfLive(snap *oppSnapshot, accounts map[string]winloss.Account) []*winloss.Deal {
	gone := false
	for _, id := range snap.accounts {
		if _, ok := accounts[id]; !ok {
			gone = true
			break
		}
	}
	if !gone {
		return snap.closed
	}
	out := make([]*winloss.Deal, 0, len(snap.closed))
	for _, d := range snap.closed {
		if _, ok := accounts[d.AccountID]; ok {
			out = append(out, d)
		}
	}
	return out
}

// Analysis computes every win-loss figure for a filter (the portfolio, or
// one account with AccountID set).
func (s *WinLossService) Analysis(f winloss.Filter) (AnalysisView, error) {
	if err := checkFilter(f); err != nil {
		return AnalysisView{}, err
	}
	in, err := s.inputFor(f)
	if err != nil {
		return AnalysisView{}, err
	}
	snap, err := s.index.snapshot()
	if err != nil {
		return AnalysisView{}, err
	}
	var tiers []portfolio.Tier
	if err := s.store.View(func(tx *storage.Tx) (err error) {
		tiers, err = tierList(tx)
		return err
	}); err != nil {
		return AnalysisView{}, err
	}
	v := AnalysisView{Analysis: winloss.Analyze(in, f), Filter: f, Today: in.Today, Settings: *in.Settings,
		Owners: snap.owners, CompetitorNames: snap.competitors, Tiers: tiers}
	segments := map[string]bool{}
	for _, a := range in.Accounts {
		if a.Segment != "" {
			segments[a.Segment] = true
		}
	}
	v.Segments = keys(segments)
	v.Accounts = make([]AccountRef, 0, len(snap.accounts))
	for _, id := range snap.accounts {
		if a, ok := in.Accounts[id]; ok {
			v.Accounts = append(v.Accounts, AccountRef{ID: id, Name: a.Name})
		}
	}
	slices.SortFunc(v.Accounts, func(a, b AccountRef) int { return cmp.Or(strings.Compare(a.Name, b.Name), strings.Compare(a.ID, b.ID)) })
	return v, nil
}

func checkFilter(f winloss.Filter) error {
	var c fault.Checker
	for field, d := range map[string]calendar.Date{"from": f.From, "to": f.To} {
		if !d.Valid() {
			c.Add(field, "invalid_date", map[string]any{"value": string(d)}, "%q is not a calendar date", d)
		}
	}
	if f.From != "" && f.To != "" && f.To < f.From {
		c.Add("to", "before_from", map[string]any{"from": string(f.From)}, "the period ends before it starts")
	}
	return c.Err()
}

// DealRow is one closed deal behind a bar.
type DealRow struct {
	winloss.Deal
	AccountName string `json:"accountName"`
	Reporting   int64  `json:"reportingValue"`
	Converted   bool   `json:"converted"`
	CycleDays   int    `json:"cycleDays"`
	Furthest    string `json:"furthest"`
}

// DealList is one page of the deals behind a bar.
type DealList struct {
	Rows     []DealRow `json:"rows"`
	Total    int       `json:"total"`
	Currency string    `json:"currency"`
}

// dealsLimit bounds one page of Deals.
const dealsLimit = 500

// Deals lists the closed deals behind one bar (sel) for a filter, newest
// close first, one page at a time; limit 0 means 100.
func (s *WinLossService) Deals(f winloss.Filter, sel winloss.Selection, offset, limit int) (DealList, error) {
	if err := checkFilter(f); err != nil {
		return DealList{}, err
	}
	var c fault.Checker
	c.OneOf("chart", sel.Chart, true, winloss.Charts...)
	if err := c.Err(); err != nil {
		return DealList{}, err
	}
	in, err := s.inputFor(f)
	if err != nil {
		return DealList{}, err
	}
	picked := winloss.Select(in, f, sel)
	if limit <= 0 {
		limit = 100
	}
	limit = min(limit, dealsLimit)
	from := min(max(offset, 0), len(picked))
	out := DealList{Rows: []DealRow{}, Total: len(picked), Currency: in.Rates.Reporting}
	conv := winloss.NewConverter(in.Rates)
	for _, d := range picked[from:min(from+limit, len(picked))] {
		v, ok := conv.Convert(d.Value, opportunity.YearOf(d.ClosedOn))
		out.Rows = append(out.Rows, DealRow{Deal: *d, AccountName: in.Accounts[d.AccountID].Name, Reporting: v, Converted: ok,
			CycleDays: winloss.CycleDays(d), Furthest: d.Furthest(in.Settings)})
	}
	return out, nil
}

// AccountSummary is the account's own win-loss figures and open pipeline,
// for its workspace.
type AccountSummary struct {
	winloss.Analysis
	Open         int   `json:"open"`
	OpenValue    int64 `json:"openValue"`    // reporting currency
	OpenWeighted int64 `json:"openWeighted"` // reporting currency
	OpenStalled  int   `json:"openStalled"`
	OpenMissing  int   `json:"openMissing"` // open deals left out of the values for a missing rate
}

// Account returns one account's win-loss summary and reasons pattern.
func (s *WinLossService) Account(accountID string) (AccountSummary, error) {
	in, err := s.input()
	if err != nil {
		return AccountSummary{}, err
	}
	out := AccountSummary{Analysis: winloss.Analyze(in, winloss.Filter{AccountID: accountID})}
	snap, err := s.index.snapshot()
	if err != nil {
		return AccountSummary{}, err
	}
	conv := winloss.NewConverter(in.Rates)
	for _, d := range snap.open {
		if d.AccountID != accountID {
			continue
		}
		out.Open++
		year := in.Today.Year()
		if d.ExpectedClose != "" {
			year = opportunity.YearOf(d.ExpectedClose)
		}
		v, ok := conv.Convert(d.Value, year)
		if !ok {
			out.OpenMissing++
			continue
		}
		out.OpenValue += v
		out.OpenWeighted += opportunity.Weighted(v, d.Probability)
		if opportunity.Stalled(d.LastChange, in.Today, in.Settings.StalledDays) {
			out.OpenStalled++
		}
	}
	return out, nil
}

// Limits of an export.
const (
	maxSheets    = 20
	maxSheetRows = 100_000
)

// Workbook turns tables into an .xlsx file, returned base64-encoded: the UI
// builds the tables in the user's language and saves the file.
func (s *WinLossService) Workbook(sheets []Sheet) (string, error) {
	if len(sheets) == 0 || len(sheets) > maxSheets {
		return "", &fault.Error{Code: fault.Invalid, Field: "sheets", Rule: "count", Params: map[string]any{"min": 1, "max": maxSheets, "value": len(sheets)},
			Message: fmt.Sprintf("between 1 and %d tables can be exported at once", maxSheets)}
	}
	for i, sh := range sheets {
		if len(sh.Rows) > maxSheetRows {
			return "", &fault.Error{Code: fault.Invalid, Field: fmt.Sprintf("sheets[%d].rows", i), Rule: "too_many", Params: map[string]any{"max": maxSheetRows},
				Message: fmt.Sprintf("a table can have at most %d rows", maxSheetRows)}
		}
	}
	return writeWorkbook(sheets)
}
