// Package winloss computes the win-loss figures of DOMAIN.md §7 over closed
// opportunities: win rate, value-weighted win rate, no-decision rate, win
// rate by competitor, lost value by reason (Pareto), how far lost deals got,
// cycle length and deal size won vs lost, the trend by quarter, and the
// accounts with two or more losses in 24 months. Every figure is a pure
// function of the deals, a filter, the settings and the exchange rates.
//
// Invalid deals (duplicates, deals that never were) are left out of every
// figure. Money is converted into the reporting currency at the rate of the
// year the deal closed; a deal whose currency has no rate is left out of the
// value figures (it still counts as a deal) and reported as a warning, never
// converted 1:1.
package winloss

import (
	"strings"

	"keystone/core/calendar"
	"keystone/core/money"
	"keystone/core/opportunity"
)

// Deal is what the figures and the pipeline read of one opportunity: a
// compact copy that an in-memory index can hold for 100,000 deals. A Deal
// is never changed once built; a changed opportunity gets a new one.
type Deal struct {
	ID            string        `json:"id"`
	AccountID     string        `json:"accountId"`
	Title         string        `json:"title"`
	Owner         string        `json:"owner"`
	Value         money.Money   `json:"value"`
	Stage         string        `json:"stage"`
	Stages        []string      `json:"-"` // every stage the deal was in, for "stage reached"
	Probability   int           `json:"probability"`
	OpenedOn      calendar.Date `json:"openedOn"`
	ExpectedClose calendar.Date `json:"expectedClose"`
	LastChange    calendar.Date `json:"lastChange"`
	Competitors   []string      `json:"competitors"`
	Flagged       bool          `json:"flagged"` // a "no" in the Real–Win–Worth screen
	Outcome       string        `json:"outcome"` // "" while open
	ClosedOn      calendar.Date `json:"closedOn"`
	Primary       string        `json:"primaryReason"`
	Secondary     []string      `json:"secondaryReasons"`
	Winner        string        `json:"winner"`
	Drivers       []string      `json:"drivers"` // the buyer's decision drivers from an interview
	Interviewed   bool          `json:"interviewed"`
	// closeKey is ClosedOn as the number yyyymmdd (0 when not set): period
	// filters compare it instead of the date's text, which lives elsewhere
	// in memory and costs a cache miss per deal at size L.
	closeKey int32
}

// dateKey is a YYYY-MM-DD date as the number yyyymmdd, 0 when malformed.
func dateKey(d calendar.Date) int32 {
	s := string(d)
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0
	}
	var n int32
	for i := 0; i < 10; i++ {
		if i == 4 || i == 7 {
			continue
		}
		c := s[i]
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int32(c-'0')
	}
	return n
}

// DealOf copies what the figures need out of an opportunity. intern, when
// not nil, shares repeated strings (stages, reasons, competitors, owners)
// between deals, which keeps a large index small.
func DealOf(o *opportunity.Opportunity, intern func(string) string) *Deal {
	if intern == nil {
		intern = func(s string) string { return s }
	}
	list := func(in []string) []string {
		if len(in) == 0 {
			return nil
		}
		out := make([]string, len(in))
		for i, s := range in {
			out[i] = intern(s)
		}
		return out
	}
	d := &Deal{
		ID: o.ID, AccountID: intern(o.AccountID), Title: o.Title, Owner: intern(o.Owner),
		Value: money.Money{Amount: o.Value.Amount, Currency: intern(o.Value.Currency)},
		Stage: intern(o.Stage), Probability: o.Probability, OpenedOn: o.OpenedOn, ExpectedClose: o.ExpectedClose,
		LastChange: o.LastChange(), Competitors: list(o.Competitors), Flagged: o.Screen.Flagged(),
	}
	seen := map[string]bool{}
	for _, h := range o.History {
		if !seen[h.Stage] {
			seen[h.Stage] = true
			d.Stages = append(d.Stages, intern(h.Stage))
		}
	}
	if !seen[o.Stage] && o.Stage != "" {
		d.Stages = append(d.Stages, intern(o.Stage))
	}
	if c := o.Close; c != nil {
		d.Outcome, d.ClosedOn, d.closeKey = intern(c.Outcome), c.On, dateKey(c.On)
		d.Primary, d.Secondary, d.Winner = intern(c.PrimaryReason), list(c.SecondaryReasons), intern(c.Winner)
		if c.Interview != nil {
			d.Interviewed, d.Drivers = true, list(c.Interview.Drivers)
		}
	}
	return d
}

// IsOpen reports whether the deal is still in the pipeline.
func (d *Deal) IsOpen() bool { return d.Outcome == "" }

// Involves reports whether a competitor (case-insensitive) was in the deal
// or won it.
func (d *Deal) Involves(name string) bool {
	if strings.EqualFold(d.Winner, name) {
		return true
	}
	for _, c := range d.Competitors {
		if strings.EqualFold(c, name) {
			return true
		}
	}
	return false
}

// Furthest is the furthest stage in the list the deal ever reached; a deal
// whose stages all left the list reads as its last stage.
func (d *Deal) Furthest(s *opportunity.Settings) string {
	best, at := d.Stage, -1
	for _, k := range d.Stages {
		if i := s.StageIndex(k); i > at {
			best, at = k, i
		}
	}
	if i := s.StageIndex(d.Stage); i > at {
		best = d.Stage
	}
	return best
}

// Account is what the filters and lists need of a deal's account.
type Account struct {
	Name    string `json:"name"`
	Segment string `json:"segment"`
}

// Filter narrows the deals; empty fields do not filter. From and To bound
// the close date (inclusive) for the win-loss figures. Tier is not here yet:
// accounts have no tier until the portfolio area adds it.
type Filter struct {
	From       calendar.Date `json:"from"`
	To         calendar.Date `json:"to"`
	Owner      string        `json:"owner"`
	Segment    string        `json:"segment"`
	AccountID  string        `json:"accountId"`
	Competitor string        `json:"competitor"`
	// the bounds as yyyymmdd once prepared (see prepare); 0 = compare the text
	fromKey, toKey int32
}

// prepare turns the period's bounds into numbers once, before a pass over
// many deals.
func (f *Filter) prepare() {
	f.fromKey, f.toKey = dateKey(f.From), dateKey(f.To)
}

// closedBefore and closedAfter compare a deal's close date with the bounds,
// as numbers when both sides have them.
func (f *Filter) closedBefore(d *Deal) bool {
	if f.fromKey != 0 && d.closeKey != 0 {
		return d.closeKey < f.fromKey
	}
	return d.ClosedOn < f.From
}

func (f *Filter) closedAfter(d *Deal) bool {
	if f.toKey != 0 && d.closeKey != 0 {
		return d.closeKey > f.toKey
	}
	return d.ClosedOn > f.To
}

// Keeps reports whether a closed deal passes the filter.
func (f *Filter) Keeps(d *Deal, accounts map[string]Account) bool {
	switch {
	case f.From != "" && f.closedBefore(d),
		f.To != "" && f.closedAfter(d),
		f.Owner != "" && d.Owner != f.Owner,
		f.AccountID != "" && d.AccountID != f.AccountID,
		f.Segment != "" && accounts[d.AccountID].Segment != f.Segment,
		f.Competitor != "" && !d.Involves(f.Competitor):
		return false
	}
	return true
}
