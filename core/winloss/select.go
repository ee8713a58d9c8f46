package winloss

import (
	"cmp"
	"slices"
	"strings"

	"keystone/core/calendar"
	"keystone/core/opportunity"
)

// Charts a selection can come from: each names the deals behind one bar.
const (
	ChartOutcome    = "outcome"    // key: an outcome
	ChartReason     = "reason"     // key: a primary reason; lost and no-decision deals
	ChartCompetitor = "competitor" // key: a competitor; the won and lost deals it was in
	ChartLostTo     = "lost_to"    // key: a competitor; the deals lost to it
	ChartStage      = "stage"      // key: a stage; lost deals that got that far and no further
	ChartCycle      = "cycle"      // key: won or lost
	ChartQuarter    = "quarter"    // key: "2026-Q1"; won, lost and no-decision deals closed in it
	ChartRepeat     = "repeat"     // key: an account id; its losses in the 24-month window
	ChartVoice      = "voice"      // key: a reason; interviewed deals whose seller or buyer named it
)

// Charts lists every chart a selection may name.
var Charts = []string{ChartOutcome, ChartReason, ChartCompetitor, ChartLostTo, ChartStage, ChartCycle, ChartQuarter, ChartRepeat, ChartVoice}

// Selection is a click on one bar; an empty Chart selects every counted deal.
type Selection struct {
	Chart string `json:"chart"`
	Key   string `json:"key"`
}

// Select lists the deals behind a bar for a filter, newest close first;
// it reads the same definitions as Analyze, so the list adds up to the bar.
func Select(in Input, f Filter, sel Selection) []*Deal {
	if sel.Chart == ChartRepeat {
		f.From, f.To = repeatWindow(in.Today, f)
	}
	var out []*Deal
	for _, d := range Closed(in, f) {
		if matches(in, d, sel) {
			out = append(out, d)
		}
	}
	slices.SortFunc(out, func(a, b *Deal) int {
		return cmp.Or(strings.Compare(string(b.ClosedOn), string(a.ClosedOn)), strings.Compare(a.ID, b.ID))
	})
	return out
}

func matches(in Input, d *Deal, sel Selection) bool {
	decided := d.Outcome == opportunity.Won || d.Outcome == opportunity.Lost
	switch sel.Chart {
	case "":
		return true
	case ChartOutcome:
		return d.Outcome == sel.Key
	case ChartReason:
		return (d.Outcome == opportunity.Lost || d.Outcome == opportunity.NoDecision) && d.Primary == sel.Key
	case ChartCompetitor:
		return decided && d.Involves(sel.Key)
	case ChartLostTo:
		return d.Outcome == opportunity.Lost && strings.EqualFold(d.Winner, sel.Key)
	case ChartStage:
		return (d.Outcome == opportunity.Lost || d.Outcome == opportunity.NoDecision) && d.Furthest(in.Settings) == sel.Key
	case ChartCycle:
		return d.Outcome == sel.Key && decided
	case ChartQuarter:
		return (decided || d.Outcome == opportunity.NoDecision) && quarterKey(d.ClosedOn) == sel.Key
	case ChartRepeat:
		return d.Outcome == opportunity.Lost && d.AccountID == sel.Key
	case ChartVoice:
		return d.Interviewed && (d.Outcome == opportunity.Lost || d.Outcome == opportunity.NoDecision) &&
			(d.Primary == sel.Key || slices.Contains(d.Drivers, sel.Key))
	}
	return false
}

// CycleDays is a closed deal's cycle length in days.
func CycleDays(d *Deal) int {
	if d.closeKey != 0 {
		return int(d.cycle) // worked out when the deal was built
	}
	n, _ := opportunity.DaysBetween(d.OpenedOn, d.ClosedOn)
	return n
}

// QuarterOf is the quarter key ("2026-Q1") of a date.
func QuarterOf(d calendar.Date) string { return quarterKey(d) }
