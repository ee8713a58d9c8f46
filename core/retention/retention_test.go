package retention

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/account"
	"keystone/core/action"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/record"
)

const today = calendar.Date("2026-11-23")

func fig(year int, revenue, spend int64) account.YearFigures {
	return account.YearFigures{Year: year, Currency: "CNY", Revenue: revenue, CategorySpend: spend}
}

func keysOf(r Risk) []string {
	out := []string{}
	for _, w := range r.Warnings {
		out = append(out, w.Key)
	}
	return out
}

func TestAssessWorkedExample(t *testing.T) {
	s := Defaults()
	updated := time.Date(2026, 9, 1, 10, 0, 0, 0, time.UTC)
	in := Input{
		Today: today,
		// 2024 → 2025: revenue 1,000 → 850 (−15 %), share 40 % → 30 % (−10 points);
		// this year's partial figures are not compared.
		Figures: []account.YearFigures{fig(2024, 1000, 2500), fig(2025, 850, 2833), fig(2026, 10, 3000)},
		Contacts: []account.Contact{
			{Meta: record.Meta{UpdatedAt: updated}, Name: "陈总", BuyingRole: "economic", Left: true},
			{Meta: record.Meta{UpdatedAt: updated}, Name: "小李", Influence: "low", Left: true},                    // not a key person
			{Meta: record.Meta{UpdatedAt: updated.AddDate(-1, 0, 0)}, Name: "老王", Influence: "high", Left: true}, // long ago
		},
		Activities: []account.Activity{
			{Date: "2026-11-01", Type: "complaint", Subject: "交付延误"},
			{Date: "2026-10-01", Type: "complaint", Subject: "质量问题", Notes: "客户提到竞争对手报价更低"},
			{Date: "2026-07-01", Type: "complaint"}, // the 90 days before: 1
			{Date: "2026-11-10", Type: "visit", Subject: "Met procurement; Siemens was there"},
		},
		Renewal:     "2027-01-15", // in 53 days
		Competitors: []string{"Siemens"},
		Actions: []action.Action{
			{Due: "2027-02-01", Status: action.Open}, // after the renewal: does not cover it
			{Due: "2026-12-01", Status: action.Done}, // done: does not count as open work
		},
	}
	r := Assess(in, s)
	assert.Equal(t, []string{FallingRevenue, FallingShare, RisingComplaints, ContactLeft, RenewalNear, CompetitorActivity}, keysOf(r))
	assert.Equal(t, 100, r.Score)
	assert.Equal(t, High, r.Level)
	assert.Equal(t, map[string]any{"from": 2024, "to": 2025, "percent": 15.0}, r.Warnings[0].Params)
	assert.Equal(t, 10.0, r.Warnings[1].Params["points"])
	assert.Equal(t, map[string]any{"recent": 2, "earlier": 1, "days": 90}, r.Warnings[2].Params)
	assert.Equal(t, "陈总", r.Warnings[3].Params["names"])
	assert.Equal(t, 53, r.Warnings[4].Params["days"])
	assert.Equal(t, 2, r.Warnings[5].Params["count"])
	assert.Equal(t, "siemens", r.Warnings[5].Params["word"])
	assert.Empty(t, r.Unknown)

	// An open action due before the renewal covers it: 100 − 10 = 90.
	in.Actions = append(in.Actions, action.Action{Due: "2027-01-10", Status: action.InProgress})
	r = Assess(in, s)
	assert.NotContains(t, keysOf(r), RenewalNear)
	assert.Equal(t, 90, r.Score)
}

func TestCoversRenewal(t *testing.T) {
	s := Defaults() // run-up: the 90 days before the renewal
	const renewal = calendar.Date("2027-01-15")
	deleted := action.Action{Due: "2027-01-10", Status: action.Open}
	deleted.DeletedAt = &time.Time{}
	tests := []struct {
		name string
		a    action.Action
		want bool
	}{
		{"open, due in the run-up", action.Action{Due: "2027-01-10", Status: action.Open}, true},
		{"open, due on the day", action.Action{Due: renewal, Status: action.InProgress}, true},
		{"open, due on the run-up's first day", action.Action{Due: renewal.AddDays(-90), Status: action.Open}, true},
		{"open, left over from long before", action.Action{Due: renewal.AddDays(-91), Status: action.Open}, false},
		{"open, due after the renewal", action.Action{Due: "2027-01-16", Status: action.Open}, false},
		{"open, no due date", action.Action{Status: action.Open}, false},
		{"done in the run-up", action.Action{Due: "2026-09-01", Status: action.Done, CompletedOn: "2026-11-20"}, true},
		{"done long before", action.Action{Due: "2026-09-01", Status: action.Done, CompletedOn: "2026-09-02"}, false},
		{"done, no completion date", action.Action{Due: "2026-12-01", Status: action.Done}, false},
		{"cancelled", action.Action{Due: "2027-01-10", Status: action.Cancelled}, false},
		{"deleted", deleted, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, CoversRenewal(tt.a, renewal, s))
			in := Input{Today: today, Renewal: renewal, Actions: []action.Action{tt.a}}
			fired := slices.Contains(keysOf(Assess(in, s)), RenewalNear)
			assert.Equal(t, !tt.want, fired, "Assess agrees")
		})
	}
}

func TestAssessThresholds(t *testing.T) {
	s := Defaults()
	tests := []struct {
		name string
		in   Input
		want []string
	}{
		{"revenue −10 % exactly fires", Input{Figures: []account.YearFigures{fig(2024, 1000, 0), fig(2025, 900, 0)}}, []string{FallingRevenue}},
		{"revenue −9.9 % does not", Input{Figures: []account.YearFigures{fig(2024, 1000, 0), fig(2025, 901, 0)}}, []string{}},
		{"share −4.95 points does not", Input{Figures: []account.YearFigures{fig(2024, 100, 200), fig(2025, 100, 222)}}, []string{}}, // 50 → 45.05
		{"share −5.16 points fires", Input{Figures: []account.YearFigures{fig(2024, 100, 200), fig(2025, 100, 223)}}, []string{FallingShare}},
		{"two complaints in the last 90 days, none before", Input{Activities: []account.Activity{{Date: "2026-11-23", Type: "complaint"}, {Date: "2026-08-26", Type: "complaint"}}}, []string{RisingComplaints}},
		{"the 90th day back is the span before", Input{Activities: []account.Activity{{Date: "2026-11-23", Type: "complaint"}, {Date: "2026-08-25", Type: "complaint"}}}, []string{}},
		{"one complaint is not enough", Input{Activities: []account.Activity{{Date: "2026-11-20", Type: "complaint"}}}, []string{}},
		{"two against one before", Input{Activities: []account.Activity{{Date: "2026-11-20", Type: "complaint"}, {Date: "2026-08-26", Type: "complaint"}, {Date: "2026-08-25", Type: "complaint"}}}, []string{RisingComplaints}},
		{"as many as before: not rising", Input{Activities: []account.Activity{{Date: "2026-11-20", Type: "complaint"}, {Date: "2026-11-19", Type: "complaint"}, {Date: "2026-08-01", Type: "complaint"}, {Date: "2026-07-01", Type: "complaint"}}}, []string{}},
		{"renewal today fires", Input{Renewal: today}, []string{RenewalNear}},
		{"renewal in 90 days fires", Input{Renewal: today.AddDays(90)}, []string{RenewalNear}},
		{"renewal in 91 days does not", Input{Renewal: today.AddDays(91)}, []string{}},
		{"renewal passed does not", Input{Renewal: today.AddDays(-1)}, []string{}},
		{"competitor 90 days back is outside", Input{Activities: []account.Activity{{Date: today.AddDays(-90), Notes: "competitor demo"}}}, []string{}},
		{"competitor 89 days ago counts", Input{Activities: []account.Activity{{Date: today.AddDays(-89), Notes: "A Rival visited"}}}, []string{CompetitorActivity}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.in.Today = today
			assert.Equal(t, tt.want, keysOf(Assess(tt.in, s)))
		})
	}
}

func TestLevelsAndUnknown(t *testing.T) {
	s := Defaults()
	for _, tt := range []struct {
		score int
		want  string
	}{{0, Low}, {29, Low}, {30, Medium}, {59, Medium}, {60, High}, {100, High}} {
		assert.Equal(t, tt.want, Level(tt.score, s), "%d", tt.score)
	}
	r := Assess(Input{Today: today, Figures: []account.YearFigures{fig(2025, 100, 0)}}, s)
	assert.Equal(t, []string{FallingRevenue, FallingShare, RenewalNear}, r.Unknown, "one year of figures, no renewal date")
	assert.Equal(t, Low, r.Level)
	// Figures in two currencies are never compared.
	eur := fig(2025, 10, 0)
	eur.Currency = "EUR"
	r = Assess(Input{Today: today, Figures: []account.YearFigures{fig(2024, 1000, 0), eur}}, s)
	assert.Contains(t, r.Unknown, FallingRevenue)
	assert.Empty(t, r.Warnings)
}

func TestSettingsValidate(t *testing.T) {
	d := Defaults()
	require.NoError(t, d.Validate())
	tests := []struct {
		name  string
		edit  func(s *Settings)
		field string
		rule  string
	}{
		{"weights 95", func(s *Settings) { s.Weights[RenewalNear] = 5 }, "weights", "weights_not_100"},
		{"levels out of order", func(s *Settings) { s.HighAt = 30 }, "highAt", "not_above"},
		{"switching cut", func(s *Settings) { s.Switching.BarrierCut = 0 }, "switching.barrierCut", "out_of_range"},
		{"empty word", func(s *Settings) { s.CompetitorWords = append(s.CompetitorWords, " ") }, "competitorWords[5]", "required"},
		{"days", func(s *Settings) { s.ComplaintDays = 3 }, "complaintDays", "out_of_range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Defaults()
			tt.edit(&s)
			fe := fault.As(s.Validate())
			assert.Equal(t, tt.field, fe.Field)
			assert.Equal(t, tt.rule, fe.Rule)
		})
	}
}

func TestCaseValidate(t *testing.T) {
	ok := Case{AccountID: "A", Opened: "2026-10-01", Situation: "at_risk", Cause: "neglect", Tier: "A", Strategy: "executive"}
	ok.Normalize()
	require.NoError(t, ok.Validate())
	assert.Equal(t, Open, ok.Outcome)
	tests := []struct {
		name  string
		edit  func(c *Case)
		field string
		rule  string
	}{
		{"unknown cause", func(c *Case) { c.Cause = "weather" }, "cause", "unknown_value"},
		{"closed without date", func(c *Case) { c.Outcome = Retained }, "closed", "required"},
		{"closed before opened", func(c *Case) { c.Outcome, c.Closed = Retained, "2026-09-30" }, "closed", "closed_before_opened"},
		{"won back an at-risk account", func(c *Case) { c.Outcome, c.Closed = WonBack, "2026-10-02" }, "outcome", "won_back_not_lost"},
		{"no tier", func(c *Case) { c.Tier = "" }, "tier", "unknown_value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ok
			tt.edit(&c)
			fe := fault.As(c.Validate())
			assert.Equal(t, tt.field, fe.Field)
			assert.Equal(t, tt.rule, fe.Rule)
		})
	}
	for _, tier := range Tiers {
		for _, st := range TierStrategies[tier] {
			assert.Contains(t, Strategies, st)
		}
	}
}

func TestRatesWorkedExample(t *testing.T) {
	lost := Case{Opened: "2025-03-01", Situation: "at_risk", Outcome: Lost, Closed: "2025-09-01"}
	kept := Case{Opened: "2025-05-01", Situation: "at_risk", Outcome: Retained, Closed: "2026-01-10"}
	accounts := []History{
		{Figures: []account.YearFigures{fig(2024, 100, 0), fig(2025, 120, 0), fig(2026, 50, 0)}},   // kept all along
		{Figures: []account.YearFigures{fig(2024, 100, 0), fig(2025, 0, 0)}},                       // lost in 2025: no revenue
		{Figures: []account.YearFigures{fig(2024, 100, 0), fig(2025, 30, 0)}, Cases: []Case{lost}}, // lost in 2025 by its case
		{Figures: []account.YearFigures{fig(2024, 100, 0), fig(2025, 80, 0), fig(2026, 60, 0)}, Cases: []Case{kept}},
		{Figures: []account.YearFigures{fig(2025, 40, 0)}}, // new in 2025: in 2026's base, no 2026 figures yet
	}
	got := Rates(accounts, 2025, 2026)
	require.Len(t, got, 2)
	// 2025: four customers from 2024, two lost → 50 % / 50 %; two cases opened, one lost.
	assert.Equal(t, YearRate{Year: 2025, Customers: 4, Retained: 2, Lost: 2, Retention: 50, Churn: 50, CasesOpened: 2, CasesLost: 1}, got[0])
	// 2026: customers of 2025 with revenue, less #3 whose case lost it: #1, #4, #5;
	// none lost (no figures yet is not lost).
	assert.Equal(t, YearRate{Year: 2026, Customers: 3, Retained: 3, Retention: 100, Churn: 0, CasesKept: 1}, got[1])
	assert.Equal(t, []YearRate{{Year: 2020}}, Rates(nil, 2020, 2020), "no customers: no rates, no division by zero")
}

func TestRelevantKeepsTheResult(t *testing.T) {
	s := Defaults()
	var acts []account.Activity
	for i := range 400 {
		typ := []string{"visit", "call", "complaint", "meeting"}[i%4]
		note := ""
		if i%7 == 0 {
			note = "客户提到竞争对手"
		}
		if i%11 == 0 {
			note = "Siemens demo"
		}
		acts = append(acts, account.Activity{Date: today.AddDays(-i * 2), Type: typ, Notes: note})
	}
	in := Input{Today: today, Activities: acts, Competitors: []string{"Siemens"}}
	var kept []account.Activity
	for _, a := range acts {
		if Relevant(a, today, in.Competitors, s) {
			kept = append(kept, a)
		}
	}
	assert.Less(t, len(kept), len(acts)/3)
	full := Assess(in, s)
	in.Activities = kept
	assert.Equal(t, full, Assess(in, s))
	assert.NotEmpty(t, full.Warnings)
}
