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
	// lastDay is LastChange as a day number (noDay when malformed) and
	// expectKey ExpectedClose as yyyymmdd (0 when not set): the pipeline
	// reads them for every open deal, so they are worked out once here.
	lastDay   int32
	expectKey int32
	// cycle is the closed deal's cycle length in days (CycleDays)
	cycle int32
}

// noDay marks a date that is not a valid YYYY-MM-DD.
const noDay = -1 << 31

// DaysSinceChange is how many days before today (a day number, see
// opportunity.DayNumber) the deal last changed stage; ok is false when its
// last change date is malformed.
func (d *Deal) DaysSinceChange(today int) (days int, ok bool) {
	if d.lastDay == noDay {
		return 0, false
	}
	return today - int(d.lastDay), true
}

// ExpectedYear is the year of the expected close, 0 when not set.
func (d *Deal) ExpectedYear() int { return int(d.expectKey / 10000) }

// ExpectedKey is the expected close as the number yyyymmdd, 0 when not set:
// sorting by it needs no date text.
func (d *Deal) ExpectedKey() int32 { return d.expectKey }

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
		lastDay: noDay, expectKey: dateKey(o.ExpectedClose),
	}
	if n, ok := opportunity.DayNumber(d.LastChange); ok {
		d.lastDay = int32(n)
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
		if n, ok := opportunity.DaysBetween(o.OpenedOn, c.On); ok {
			d.cycle = int32(n)
		}
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
	Tier    string `json:"tier"` // set only when a tier filter asks for it
}

// Filter narrows the deals; empty fields do not filter. From and To bound
// the close date (inclusive) for the win-loss figures. Tier is the
// account's tier (the portfolio area's: set by hand, else suggested).
type Filter struct {
	From       calendar.Date `json:"from"`
	To         calendar.Date `json:"to"`
	Owner      string        `json:"owner"`
	Segment    string        `json:"segment"`
	Tier       string        `json:"tier"`
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
	return f.keepsAccount(d.AccountID, accounts) && f.keepsDeal(d)
}

// keepsAccount is the part of the filter about the deal's account.
func (f *Filter) keepsAccount(id string, accounts map[string]Account) bool {
	switch {
	case f.AccountID != "" && id != f.AccountID,
		f.Segment != "" && accounts[id].Segment != f.Segment,
		f.Tier != "" && accounts[id].Tier != f.Tier:
		return false
	}
	return true
}

// keepsDeal is the part of the filter about the deal itself.
func (f *Filter) keepsDeal(d *Deal) bool {
	switch {
	case f.From != "" && f.closedBefore(d),
		f.To != "" && f.closedAfter(d),
		f.Owner != "" && d.Owner != f.Owner,
		f.Competitor != "" && !d.Involves(f.Competitor):
		return false
	}
	return true
}

// eachKept calls fn for every closed deal that passes the filter, in order.
// The account part is judged once per run of one account's deals, so a
// list kept account by account (as the index keeps it) costs one account
// look-up per account instead of one per deal.
func (f *Filter) eachKept(deals []*Deal, accounts map[string]Account, fn func(d *Deal)) {
	for i := 0; i < len(deals); {
		id := deals[i].AccountID
		j := i + 1
		for j < len(deals) && deals[j].AccountID == id {
			j++
		}
		if f.keepsAccount(id, accounts) {
			for _, d := range deals[i:j] {
				if !d.IsOpen() && f.keepsDeal(d) {
					fn(d)
				}
			}
		}
		i = j
	}
}
