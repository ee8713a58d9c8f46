package winloss

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"keystone/core/calendar"
	"keystone/core/money"
	"keystone/core/opportunity"
)

// Input is everything the figures read.
type Input struct {
	Deals    []*Deal // any deals; open ones are skipped
	Accounts map[string]Account
	Settings *opportunity.Settings
	Rates    money.Rates
	Today    calendar.Date
}

// Rate is part ÷ whole as a percentage; Defined is false when whole is 0
// (no deals to divide by), and the UI shows a dash, never 0 %.
type Rate struct {
	Part    int64   `json:"part"`
	Whole   int64   `json:"whole"`
	Percent float64 `json:"percent"`
	Defined bool    `json:"defined"`
}

func rate(part, whole int64) Rate {
	r := Rate{Part: part, Whole: whole}
	if whole != 0 {
		r.Percent, r.Defined = float64(part)*100/float64(whole), true
	}
	return r
}

// Counts are the closed deals by outcome. Invalid deals are counted only to
// say how many were left out.
type Counts struct {
	Won        int `json:"won"`
	Lost       int `json:"lost"`
	NoDecision int `json:"noDecision"`
	Withdrawn  int `json:"withdrawn"`
	Invalid    int `json:"invalid"`
	Closed     int `json:"closed"` // every outcome but invalid
}

// MissingRate is a currency and year with no exchange rate, and how many
// deals were left out of the value figures for it.
type MissingRate struct {
	Currency string `json:"currency"`
	Year     int    `json:"year"`
	Deals    int    `json:"deals"`
}

// CompetitorRow is the win rate against one competitor: over the won and
// lost deals it was in (or won).
type CompetitorRow struct {
	Name        string `json:"name"`
	Deals       int    `json:"deals"`
	Won         int    `json:"won"`
	Lost        int    `json:"lost"`
	LostTo      int    `json:"lostTo"`      // lost deals it won
	LostToValue int64  `json:"lostToValue"` // their value
	WinRate     Rate   `json:"winRate"`
}

// ReasonRow is one bar of the Pareto of value not won: lost and no-decision
// deals by primary reason, largest first, with the cumulative share.
type ReasonRow struct {
	Reason          string  `json:"reason"`
	Deals           int     `json:"deals"`
	Secondary       int     `json:"secondary"` // deals naming it as a secondary reason
	LostValue       int64   `json:"lostValue"`
	NoDecisionValue int64   `json:"noDecisionValue"`
	Value           int64   `json:"value"`
	Share           float64 `json:"share"`      // percent of all value not won
	Cumulative      float64 `json:"cumulative"` // percent, running
}

// StageRow is how many lost deals got as far as a stage (and no further).
type StageRow struct {
	Stage      string `json:"stage"`
	Lost       int    `json:"lost"`
	LostValue  int64  `json:"lostValue"`
	NoDecision int    `json:"noDecision"`
}

// Stats are the cycle length (days from opening to close) and the deal size
// of one outcome. Sizes count only the deals with a rate (ValueDeals).
type Stats struct {
	Deals      int     `json:"deals"`
	AvgDays    float64 `json:"avgDays"`
	MedianDays float64 `json:"medianDays"`
	ValueDeals int     `json:"valueDeals"`
	AvgValue   int64   `json:"avgValue"`
	MedianSize int64   `json:"medianValue"`
}

// Cycle compares won and lost deals.
type Cycle struct {
	Won  Stats `json:"won"`
	Lost Stats `json:"lost"`
}

// Quarter is one calendar quarter of closes.
type Quarter struct {
	Key        string `json:"key"` // "2026-Q1"
	Won        int    `json:"won"`
	Lost       int    `json:"lost"`
	NoDecision int    `json:"noDecision"`
	WonValue   int64  `json:"wonValue"`
	LostValue  int64  `json:"lostValue"`
	WinRate    Rate   `json:"winRate"`
}

// RepeatLoss is an account that lost two or more deals in 24 months.
type RepeatLoss struct {
	AccountID string        `json:"accountId"`
	Name      string        `json:"name"`
	Losses    int           `json:"losses"`
	LostValue int64         `json:"lostValue"`
	Last      calendar.Date `json:"last"`
}

// Voice sets what sellers gave as the primary reason beside what buyers
// named as decision drivers, over the interviewed lost and no-decision deals.
type Voice struct {
	Reason string `json:"reason"`
	Seller int    `json:"seller"`
	Buyer  int    `json:"buyer"`
}

// Analysis is every figure for one filter.
type Analysis struct {
	Currency       string          `json:"currency"`
	Counts         Counts          `json:"counts"`
	WinRate        Rate            `json:"winRate"`        // won ÷ (won + lost)
	ValueWinRate   Rate            `json:"valueWinRate"`   // won value ÷ (won + lost value)
	NoDecisionRate Rate            `json:"noDecisionRate"` // no decision ÷ (won + lost + no decision)
	WonValue       int64           `json:"wonValue"`
	LostValue      int64           `json:"lostValue"`
	NoDecisionVal  int64           `json:"noDecisionValue"`
	Competitors    []CompetitorRow `json:"competitors"`
	Reasons        []ReasonRow     `json:"reasons"`
	Stages         []StageRow      `json:"stages"`
	Cycle          Cycle           `json:"cycle"`
	Trend          []Quarter       `json:"trend"`
	RepeatLosses   []RepeatLoss    `json:"repeatLosses"`
	RepeatFrom     calendar.Date   `json:"repeatFrom"` // the 24-month window of RepeatLosses
	RepeatTo       calendar.Date   `json:"repeatTo"`
	Voices         []Voice         `json:"voices"`
	Interviews     int             `json:"interviews"`
	// Missing lists the rates that were not there; ValueExcluded deals were
	// left out of every value figure because of them.
	Missing       []MissingRate `json:"missing"`
	ValueExcluded int           `json:"valueExcluded"`
}

// RepeatLossMin and RepeatLossMonths define a repeat-loss account.
const (
	RepeatLossMin    = 2
	RepeatLossMonths = 24
)

// converter converts values at the close year's rate and remembers what was
// missing.
type converter struct {
	conv    *Converter
	missing map[rateKey]int
}

type rateKey struct {
	currency string
	year     int
}

// value converts a deal's value; count says whether a missing rate is
// reported for it (each deal is reported once).
func (c *converter) value(d *Deal, count bool) (int64, bool) {
	year := int(d.closeKey / 10000)
	if year == 0 {
		year = opportunity.YearOf(d.ClosedOn)
	}
	v, ok := c.conv.Convert(d.Value, year)
	if !ok && count {
		c.missing[rateKey{d.Value.Currency, year}]++
	}
	return v, ok
}

// Closed lists the deals the figures count for a filter: closed, not
// invalid, passing the filter.
func Closed(in Input, f Filter) []*Deal {
	f.prepare()
	var out []*Deal
	f.eachKept(in.Deals, in.Accounts, func(d *Deal) {
		if d.Outcome != opportunity.Invalid {
			out = append(out, d)
		}
	})
	return out
}

// Analyze computes every figure for a filter.
func Analyze(in Input, f Filter) Analysis {
	f.prepare()
	a := Analysis{Currency: in.Rates.Reporting, Competitors: []CompetitorRow{}, Reasons: []ReasonRow{}, Stages: []StageRow{},
		Trend: []Quarter{}, RepeatLosses: []RepeatLoss{}, Voices: []Voice{}, Missing: []MissingRate{}}
	conv := &converter{conv: NewConverter(in.Rates), missing: map[rateKey]int{}}
	comps := map[string]*CompetitorRow{} // by lower-case name
	rowOf := map[string]*CompetitorRow{} // by the name as written: one look-up per name, not two
	reasons := map[string]*ReasonRow{}
	stages := map[string]*StageRow{}
	quarters := map[int]*Quarter{} // year*4 + quarter-1
	voices := map[string]*Voice{}
	var wonDays, lostDays []int
	var wonSizes, lostSizes []int64
	var wonPlusLostValue int64

	f.eachKept(in.Deals, in.Accounts, func(d *Deal) {
		if d.Outcome == opportunity.Invalid {
			a.Counts.Invalid++
			return
		}
		a.Counts.Closed++
		v, hasValue := conv.value(d, true)
		var q *Quarter
		if d.Outcome == opportunity.Won || d.Outcome == opportunity.Lost || d.Outcome == opportunity.NoDecision {
			q = quarterOf(quarters, d)
		}
		switch d.Outcome {
		case opportunity.Won:
			a.Counts.Won++
			q.Won++
			wonDays = append(wonDays, CycleDays(d))
			if hasValue {
				a.WonValue += v
				q.WonValue += v
				wonSizes = append(wonSizes, v)
			}
		case opportunity.Lost:
			a.Counts.Lost++
			q.Lost++
			lostDays = append(lostDays, CycleDays(d))
			if hasValue {
				a.LostValue += v
				q.LostValue += v
				lostSizes = append(lostSizes, v)
			}
			st := stageRow(stages, d.Furthest(in.Settings))
			st.Lost++
			if hasValue {
				st.LostValue += v
			}
		case opportunity.NoDecision:
			a.Counts.NoDecision++
			q.NoDecision++
			if hasValue {
				a.NoDecisionVal += v
			}
			stageRow(stages, d.Furthest(in.Settings)).NoDecision++
		case opportunity.Withdrawn:
			a.Counts.Withdrawn++
		}
		if d.Outcome == opportunity.Won || d.Outcome == opportunity.Lost {
			if hasValue {
				wonPlusLostValue += v
			}
			var seen [opportunity.MaxCompetitors + 1]*CompetitorRow
			nseen := 0
			each := func(name string) *CompetitorRow {
				if name == "" {
					return nil
				}
				row := rowOf[name]
				if row == nil {
					k := strings.ToLower(name)
					if row = comps[k]; row == nil {
						row = &CompetitorRow{Name: name}
						comps[k] = row
					}
					rowOf[name] = row
				}
				for _, s := range seen[:nseen] {
					if s == row {
						return row
					}
				}
				if nseen < len(seen) {
					seen[nseen] = row
					nseen++
				}
				row.Deals++
				if d.Outcome == opportunity.Won {
					row.Won++
				} else {
					row.Lost++
				}
				return row
			}
			for _, c := range d.Competitors {
				each(c)
			}
			winner := each(d.Winner)
			if d.Outcome == opportunity.Lost && winner != nil {
				row := winner
				row.LostTo++
				if hasValue {
					row.LostToValue += v
				}
			}
		}
		if d.Outcome == opportunity.Lost || d.Outcome == opportunity.NoDecision {
			r := reasonRow(reasons, d.Primary)
			r.Deals++
			if hasValue {
				if d.Outcome == opportunity.Lost {
					r.LostValue += v
				} else {
					r.NoDecisionValue += v
				}
				r.Value += v
			}
			for _, s := range d.Secondary {
				reasonRow(reasons, s).Secondary++
			}
			if d.Interviewed {
				a.Interviews++
				voiceOf(voices, d.Primary).Seller++
				for _, k := range d.Drivers {
					voiceOf(voices, k).Buyer++
				}
			}
		}
	})

	a.WinRate = rate(int64(a.Counts.Won), int64(a.Counts.Won+a.Counts.Lost))
	a.ValueWinRate = rate(a.WonValue, wonPlusLostValue)
	a.NoDecisionRate = rate(int64(a.Counts.NoDecision), int64(a.Counts.Won+a.Counts.Lost+a.Counts.NoDecision))
	a.Cycle = Cycle{Won: stats(wonDays, wonSizes), Lost: stats(lostDays, lostSizes)}
	a.Competitors = competitorRows(comps)
	a.Reasons = pareto(reasons, in.Settings)
	a.Stages = stageRows(stages, in.Settings)
	a.Trend = trend(quarters)
	a.Voices = voiceRows(voices, in.Settings)
	a.RepeatFrom, a.RepeatTo = repeatWindow(in.Today, f)
	a.RepeatLosses = repeatLosses(in, f, a.RepeatFrom, a.RepeatTo, conv)
	for k, n := range conv.missing {
		a.Missing = append(a.Missing, MissingRate{Currency: k.currency, Year: k.year, Deals: n})
		a.ValueExcluded += n
	}
	slices.SortFunc(a.Missing, func(x, y MissingRate) int {
		return cmp.Or(cmp.Compare(x.Currency, y.Currency), cmp.Compare(x.Year, y.Year))
	})
	return a
}

func quarterKey(d calendar.Date) string { return keyOfQuarter(quarterIndex(d)) }

// quarterIndex numbers quarters consecutively: year*4 + quarter-1.
func quarterIndex(d calendar.Date) int {
	return opportunity.YearOf(d)*4 + opportunity.QuarterOf(d) - 1
}

func keyOfQuarter(i int) string { return fmt.Sprintf("%d-Q%d", i/4, i%4+1) }

// quarterOf is the close quarter's row, read from the deal's close date as
// a number when it has one (no date text to fetch).
func quarterOf(m map[int]*Quarter, d *Deal) *Quarter {
	var k int
	if d.closeKey != 0 {
		k = int(d.closeKey/10000)*4 + (int(d.closeKey/100%100)-1)/3
	} else {
		k = quarterIndex(d.ClosedOn)
	}
	q := m[k]
	if q == nil {
		q = &Quarter{}
		m[k] = q
	}
	return q
}

func stageRow(m map[string]*StageRow, stage string) *StageRow {
	r := m[stage]
	if r == nil {
		r = &StageRow{Stage: stage}
		m[stage] = r
	}
	return r
}

func reasonRow(m map[string]*ReasonRow, reason string) *ReasonRow {
	r := m[reason]
	if r == nil {
		r = &ReasonRow{Reason: reason}
		m[reason] = r
	}
	return r
}

func voiceOf(m map[string]*Voice, reason string) *Voice {
	v := m[reason]
	if v == nil {
		v = &Voice{Reason: reason}
		m[reason] = v
	}
	return v
}

// stats averages and takes medians; a median of an even count is the mean
// of the middle two (sizes rounded half up to the minor unit).
func stats(days []int, sizes []int64) Stats {
	s := Stats{Deals: len(days), ValueDeals: len(sizes)}
	if len(days) > 0 {
		total := 0
		for _, d := range days {
			total += d
		}
		s.AvgDays = float64(total) / float64(len(days))
		slices.Sort(days)
		n := len(days)
		if n%2 == 1 {
			s.MedianDays = float64(days[n/2])
		} else {
			s.MedianDays = float64(days[n/2-1]+days[n/2]) / 2
		}
	}
	if len(sizes) > 0 {
		var total int64
		for _, v := range sizes {
			total += v
		}
		n := int64(len(sizes))
		s.AvgValue = divRound(total, n)
		slices.Sort(sizes)
		if n%2 == 1 {
			s.MedianSize = sizes[n/2]
		} else {
			s.MedianSize = divRound(sizes[n/2-1]+sizes[n/2], 2)
		}
	}
	return s
}

// divRound divides rounding half away from zero.
func divRound(a, b int64) int64 {
	if a >= 0 {
		return (a + b/2) / b
	}
	return -((-a + b/2) / b)
}

func competitorRows(m map[string]*CompetitorRow) []CompetitorRow {
	out := make([]CompetitorRow, 0, len(m))
	for _, r := range m {
		r.WinRate = rate(int64(r.Won), int64(r.Won+r.Lost))
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b CompetitorRow) int {
		return cmp.Or(cmp.Compare(b.Deals, a.Deals), cmp.Compare(b.LostTo, a.LostTo), strings.Compare(a.Name, b.Name))
	})
	return out
}

// pareto sorts the reasons by value not won, then deals, then list order,
// and adds shares. Reasons that only appear as secondary come last.
func pareto(m map[string]*ReasonRow, s *opportunity.Settings) []ReasonRow {
	out := make([]ReasonRow, 0, len(m))
	var total int64
	for _, r := range m {
		total += r.Value
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b ReasonRow) int {
		return cmp.Or(cmp.Compare(b.Value, a.Value), cmp.Compare(b.Deals, a.Deals), cmp.Compare(order(s, a.Reason), order(s, b.Reason)), strings.Compare(a.Reason, b.Reason))
	})
	var run int64
	for i := range out {
		run += out[i].Value
		if total > 0 {
			out[i].Share = float64(out[i].Value) * 100 / float64(total)
			out[i].Cumulative = float64(run) * 100 / float64(total)
		}
	}
	return out
}

// order is a reason's place in the list; unknown reasons go last.
func order(s *opportunity.Settings, key string) int {
	for i, r := range s.Reasons {
		if r.Key == key {
			return i
		}
	}
	return len(s.Reasons)
}

// stageRows lists every stage of the list in order (zeros included, so the
// chart reads as a funnel), then stages no longer in the list.
func stageRows(m map[string]*StageRow, s *opportunity.Settings) []StageRow {
	out := make([]StageRow, 0, len(s.Stages)+len(m))
	for _, st := range s.Stages {
		if r := m[st.Key]; r != nil {
			out = append(out, *r)
			delete(m, st.Key)
		} else {
			out = append(out, StageRow{Stage: st.Key})
		}
	}
	var rest []StageRow
	for _, r := range m {
		rest = append(rest, *r)
	}
	slices.SortFunc(rest, func(a, b StageRow) int { return strings.Compare(a.Stage, b.Stage) })
	return append(out, rest...)
}

// trend lists every quarter from the first close to the last, empty ones
// included, so the time axis has no gaps.
func trend(m map[int]*Quarter) []Quarter {
	out := []Quarter{}
	if len(m) == 0 {
		return out
	}
	first, last := math.MaxInt, math.MinInt
	for k := range m {
		first, last = min(first, k), max(last, k)
	}
	for k := first; k <= last; k++ {
		row := Quarter{}
		if r := m[k]; r != nil {
			row = *r
		}
		row.Key = keyOfQuarter(k)
		row.WinRate = rate(int64(row.Won), int64(row.Won+row.Lost))
		out = append(out, row)
	}
	return out
}

func voiceRows(m map[string]*Voice, s *opportunity.Settings) []Voice {
	out := make([]Voice, 0, len(m))
	for _, v := range m {
		out = append(out, *v)
	}
	slices.SortFunc(out, func(a, b Voice) int {
		return cmp.Or(cmp.Compare(order(s, a.Reason), order(s, b.Reason)), strings.Compare(a.Reason, b.Reason))
	})
	return out
}

// repeatWindow is the 24 months up to the filter's end, or up to today.
func repeatWindow(today calendar.Date, f Filter) (from, to calendar.Date) {
	to = today
	if f.To != "" && f.To < today {
		to = f.To
	}
	return calendar.DateOf(to.Time().AddDate(0, -RepeatLossMonths, 0).Add(24 * time.Hour)), to
}

// repeatLosses are the accounts with two or more lost deals closed in the
// window (both ends included). The filter applies except for its period: the
// window is the period.
func repeatLosses(in Input, main Filter, from, to calendar.Date, conv *converter) []RepeatLoss {
	f := main
	f.From, f.To = from, to
	f.prepare()
	by := map[string]*RepeatLoss{}
	var last *RepeatLoss
	f.eachKept(in.Deals, in.Accounts, func(d *Deal) {
		if d.Outcome != opportunity.Lost {
			return
		}
		r := last // the deals come account by account: usually the same row as before
		if r == nil || r.AccountID != d.AccountID {
			r = by[d.AccountID]
		}
		if r == nil {
			r = &RepeatLoss{AccountID: d.AccountID, Name: in.Accounts[d.AccountID].Name}
			by[d.AccountID] = r
		}
		r.Losses++
		// A deal the main figures did not count reports its own missing rate.
		if v, ok := conv.value(d, !main.Keeps(d, in.Accounts)); ok {
			r.LostValue += v
		}
		if d.ClosedOn > r.Last {
			r.Last = d.ClosedOn
		}
		last = r
	})
	out := []RepeatLoss{}
	for _, r := range by {
		if r.Losses >= RepeatLossMin {
			out = append(out, *r)
		}
	}
	slices.SortFunc(out, func(a, b RepeatLoss) int {
		return cmp.Or(cmp.Compare(b.Losses, a.Losses), cmp.Compare(b.LostValue, a.LostValue), strings.Compare(a.Name, b.Name), strings.Compare(a.AccountID, b.AccountID))
	})
	return out
}
