package program

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/action"
	"keystone/core/calendar"
)

// worked is the roll-up example: four countries in 2025, Brazil dropped on
// 15 May, seen on 10 August (Q3 running).
//
//	      Q1 target/actual  Q2 target/actual  Q3 target   coverage
//	CN    100 / 90          100 / 110         120         covered
//	DE     50 / 40           50 / —  (missing) 60         partial
//	US     30 / 30           30 / 20           —          none
//	BR     20 / 20           20 / 5            20 (after the drop: not counted)
//
// Target to date = the quarters with an actual: 100+100+50+30+30+20+20 = 350;
// actual to date = 90+110+40+30+20+20+5 = 315, i.e. 90 %. DE Q2 is closed
// and missing. Target for the year = CN 320 + DE 160 + US 60 + BR 40 = 580.
// Coverage on 10 August (BR out): (100 + 50 + 0) / 300 = 50 %.
func worked() Program {
	return Program{Currency: "CNY", Countries: []Country{
		{ID: "cn", Country: "CN", Coverage: Covered, Added: "2024-06-01", Quarters: []QuarterFigure{
			qf(2025, 1, 100, i64(90)), qf(2025, 2, 100, i64(110)), qf(2025, 3, 120, nil)}},
		{ID: "de", Country: "DE", Coverage: Partial, Added: "2024-06-01", Quarters: []QuarterFigure{
			qf(2025, 1, 50, i64(40)), qf(2025, 2, 50, nil), qf(2025, 3, 60, nil)}},
		{ID: "us", Country: "US", Coverage: None, Added: "2025-01-01", Quarters: []QuarterFigure{
			qf(2025, 1, 30, i64(30)), qf(2025, 2, 30, i64(20))}},
		{ID: "br", Country: "BR", Coverage: Covered, Added: "2025-01-01", Dropped: "2025-05-15", Quarters: []QuarterFigure{
			qf(2025, 1, 20, i64(20)), qf(2025, 2, 20, i64(5)), qf(2025, 3, 20, nil)}},
	}, Contract: &Contract{Start: "2024-01-01", End: "2026-12-31", Harmonization: PriceUniform, Adopted: []string{"CN", "BR"}}}
}

func TestRollWorkedExample(t *testing.T) {
	r := Roll(worked(), 2025, "2025-08-10", 50)
	tot := r.Total.Figures
	assert.Equal(t, int64(580), tot.TargetYear)
	assert.Equal(t, int64(350), tot.TargetToDate)
	assert.Equal(t, int64(315), tot.ActualToDate)
	assert.InDelta(t, 90.0, tot.Percent, 1e-9)
	assert.True(t, tot.Known)
	assert.Equal(t, 1, tot.Missing, "DE Q2 closed without an actual")
	assert.Equal(t, 3, r.Total.Countries, "Brazil was dropped")
	assert.Equal(t, [3]int{1, 1, 1}, [3]int{r.Total.Covered, r.Total.Partial, r.Total.None})
	assert.InDelta(t, 50.0, r.Total.Coverage.Percent, 1e-9)
	assert.InDelta(t, 100.0/3, r.Total.Adoption.Percent, 1e-9, "CN of CN, DE, US; Brazil's adoption left with it")

	byKey := map[string]Rollup{}
	var keys []string
	for _, reg := range r.Regions {
		byKey[reg.Key] = reg
		keys = append(keys, reg.Key)
	}
	assert.Equal(t, []string{"greater_china", "europe", "north_america", "latin_america"}, keys, "regions in their fixed order")
	assert.Equal(t, int64(200), byKey["greater_china"].Figures.TargetToDate)
	assert.InDelta(t, 200.0/200*100, byKey["greater_china"].Figures.Percent, 1e-9)
	la := byKey["latin_america"]
	assert.Equal(t, 0, la.Countries, "the dropped country no longer counts as a country")
	assert.Equal(t, int64(25), la.Figures.ActualToDate, "but its revenue while it was in stays")
	assert.Equal(t, int64(40), la.Figures.TargetYear, "and its target stops at the drop")
	assert.False(t, la.Coverage.Known)

	br := r.Countries[3]
	assert.False(t, br.Current)
	assert.Equal(t, "latin_america", br.Region)
	assert.True(t, br.Adopted)

	require.Len(t, r.Trend, TrendQuarters)
	assert.Equal(t, Quarter{2025, 3}, r.Trend[7].Quarter)
	assert.Equal(t, Quarter{2023, 4}, r.Trend[0].Quarter)
	q2 := r.Trend[6]
	assert.Equal(t, int64(200), q2.Target)
	assert.Equal(t, int64(135), q2.Actual)
	assert.True(t, q2.Closed)
	q3 := r.Trend[7]
	assert.Equal(t, int64(180), q3.Target, "BR is out of Q3")
	assert.False(t, q3.HasActual)
	assert.False(t, q3.Closed)
}

func TestRollPastAndFutureYears(t *testing.T) {
	p := worked()
	past := Roll(p, 2025, "2026-02-01", 50)
	assert.Equal(t, 3, past.Total.Figures.Missing, "in 2026 all of 2025 is closed: DE Q2, CN Q3, DE Q3 are missing")
	assert.Equal(t, Quarter{2025, 4}, past.Trend[7].Quarter, "a past year ends its trend with its own Q4")
	lastYear := Roll(p, 2024, "2025-08-10", 50)
	assert.False(t, lastYear.Total.Figures.Known)
	assert.Equal(t, Quarter{2024, 4}, lastYear.Trend[7].Quarter, "a past year's trend ends with its Q4")
	assert.Equal(t, 2, lastYear.Total.Countries, "at the end of 2024 only CN and DE were in")
}

func TestKPIs(t *testing.T) {
	p := worked()
	p.KPIs = []KPI{{Metric: KPICoverage, Target: 8000}, {Metric: KPIMargin, Target: 2500, Actual: i64(2200)}, {Metric: KPISatisfaction, Target: 80}}
	ks := KPIs(p, Roll(p, 2025, "2025-08-10", 50))
	require.Len(t, ks, len(KPIMetrics))
	rev, margin, cov, adopt, sat := ks[0], ks[1], ks[2], ks[3], ks[4]
	assert.Equal(t, int64(580), rev.Target, "no global target: the countries' targets add up")
	assert.True(t, rev.TargetFromCountries)
	assert.Equal(t, int64(315), rev.Actual)
	assert.Equal(t, int64(5000), cov.Actual)
	assert.InDelta(t, 62.5, cov.Percent, 1e-9)
	assert.Equal(t, int64(3333), adopt.Actual)
	assert.Equal(t, int64(0), adopt.Target)
	assert.InDelta(t, 88.0, margin.Percent, 1e-9)
	assert.False(t, sat.Known, "satisfaction not measured yet")
}

func rulesFired(h Health) []string {
	out := []string{}
	for _, f := range h.Findings {
		out = append(out, f.Rule)
	}
	return out
}

// only leaves one rule on, so each case tests one rule.
func only(key string) Settings {
	s := Defaults()
	for i := range s.Rules {
		s.Rules[i].Enabled = s.Rules[i].Key == key || (key == RuleRevenueRed && s.Rules[i].Key == RuleRevenueAmber) ||
			(key == RuleRenewalUrgent && s.Rules[i].Key == RuleRenewalNear)
	}
	return s
}

func revenueProgram(target, actual int64) Program {
	return Program{Countries: []Country{{ID: "a", Country: "CN", Coverage: Covered, Added: "2025-01-01",
		Quarters: []QuarterFigure{qf(2025, 1, target, i64(actual)), qf(2025, 2, target, nil)}}}}
}

func TestHealthRevenue(t *testing.T) {
	tests := []struct {
		name   string
		p      Program
		level  string
		rule   string
		reason string
	}{
		{"79.9 % is red", revenueProgram(1000, 799), Red, RuleRevenueRed, "revenue to date is 79.9% of the target to date, below 80%"},
		{"80 % is amber, not red", revenueProgram(1000, 800), Amber, RuleRevenueAmber, ""},
		{"94.9 % is amber", revenueProgram(1000, 949), Amber, RuleRevenueAmber, ""},
		{"95 % is green", revenueProgram(1000, 950), Green, "", ""},
		{"ahead of target is green", revenueProgram(1000, 1300), Green, "", ""},
		{"no actuals yet: nothing to judge", Program{Countries: []Country{{ID: "a", Country: "CN", Coverage: Covered, Added: "2025-01-01",
			Quarters: []QuarterFigure{qf(2025, 1, 1000, nil), qf(2025, 2, 1000, nil)}}}}, Green, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := Evaluate(tt.p, nil, only(RuleRevenueRed), "2025-05-10")
			assert.Equal(t, tt.level, h.Level)
			if tt.rule == "" {
				assert.Empty(t, h.Findings)
				return
			}
			require.Len(t, h.Findings, 1)
			assert.Equal(t, tt.rule, h.Findings[0].Rule)
			if tt.reason != "" {
				assert.Equal(t, tt.reason, h.Findings[0].Reason)
			}
		})
	}
}

// In the worked example, Brazil (covered) left on 15 May: on 12 May, 90
// days back, coverage was (100+50+0+100)/400 = 62.5 %, now 50 %: red. Revenue
// is at 90 % of target to date (amber) and DE Q2 ended 41 days ago without
// an actual (amber).
func TestHealthWorkedExample(t *testing.T) {
	h := Evaluate(worked(), nil, Defaults(), "2025-08-10")
	assert.Equal(t, Red, h.Level)
	require.Equal(t, []string{RuleCoverageFell, RuleRevenueAmber, RuleActualsMissing}, rulesFired(h))
	assert.Equal(t, 62.5, h.Findings[0].Params["from"])
	assert.Equal(t, 50.0, h.Findings[0].Params["to"])
	assert.Equal(t, 90.0, h.Findings[1].Params["percent"])
	assert.Equal(t, 1, h.Findings[2].Params["count"])
	assert.Equal(t, "coverage fell from 62.5% to 50.0% in the last 90 days", h.Findings[0].Reason)

	s := Defaults()
	s.Rules[4].Enabled = false // coverage_fell off
	assert.Equal(t, Amber, Evaluate(worked(), nil, s, "2025-08-10").Level, "a disabled rule does not fire")
}

func TestHealthRenewal(t *testing.T) {
	contract := func(renewal calendar.Date) Program {
		return Program{Contract: &Contract{Start: "2024-01-01", End: "2027-12-31", Renewal: renewal, Harmonization: PriceUniform}}
	}
	today := calendar.Date("2025-06-01")
	tests := []struct {
		name    string
		renewal calendar.Date
		acts    []action.Action
		rule    string
		alert   string
	}{
		{"181 days: quiet", today.AddDays(181), nil, "", ""},
		{"180 days: amber and a notice", today.AddDays(180), nil, RuleRenewalNear, AlertNotice},
		{"91 days: amber", today.AddDays(91), nil, RuleRenewalNear, AlertNotice},
		{"90 days: red and urgent", today.AddDays(90), nil, RuleRenewalUrgent, AlertUrgent},
		{"today: red", today, nil, RuleRenewalUrgent, AlertUrgent},
		{"a day late: red and overdue", today.AddDays(-1), nil, RuleRenewalUrgent, AlertOverdue},
		{"an open renewal action quiets it", today.AddDays(30), []action.Action{act(DetailRenewal, action.Open, "2025-06-20")}, "", AlertUrgent},
		{"a milestone is not a renewal action", today.AddDays(30), []action.Action{act(DetailMilestone, action.Open, "2030-01-01")}, RuleRenewalUrgent, AlertUrgent},
		{"a cancelled renewal action does not count", today.AddDays(30), []action.Action{act(DetailRenewal, action.Cancelled, "")}, RuleRenewalUrgent, AlertUrgent},
		{"last term's renewal does not count", today.AddDays(30), []action.Action{func() action.Action {
			a := act(DetailRenewal, action.Done, "2023-11-01")
			a.CompletedOn = "2023-12-15"
			return a
		}()}, RuleRenewalUrgent, AlertUrgent},
		{"this term's done renewal counts", today.AddDays(30), []action.Action{func() action.Action {
			a := act(DetailRenewal, action.Done, "2025-05-01")
			a.CompletedOn = "2025-05-02"
			return a
		}()}, "", AlertUrgent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := contract(tt.renewal)
			h := Evaluate(p, tt.acts, only(RuleRenewalUrgent), today)
			if tt.rule == "" {
				assert.Empty(t, h.Findings)
			} else {
				assert.Equal(t, []string{tt.rule}, rulesFired(h))
			}
			a := Renewal(p, tt.acts, Defaults(), today)
			if tt.alert == "" {
				assert.Nil(t, a)
				return
			}
			require.NotNil(t, a)
			assert.Equal(t, tt.alert, a.Level)
			assert.Equal(t, today.DaysUntil(tt.renewal), a.Days)
			assert.Equal(t, tt.rule == "", a.Actioned)
		})
	}
	expired := Program{Contract: &Contract{Start: "2023-01-01", End: "2025-05-31", Harmonization: PriceLocal}}
	a := Renewal(expired, nil, Defaults(), today)
	require.NotNil(t, a)
	assert.Equal(t, AlertExpired, a.Level)
	assert.Equal(t, calendar.Date("2025-05-31"), a.Date, "without a renewal date the end date is the renewal")
	assert.Nil(t, Renewal(Program{}, nil, Defaults(), today), "no contract, no alert")
}

func TestHealthCoverageFell(t *testing.T) {
	base := func() Program {
		return Program{Countries: []Country{
			{ID: "a", Country: "CN", Coverage: Partial, Added: "2024-01-01",
				CoverageLog: []CoverageChange{{"2024-01-01", Covered}, {"2025-05-01", Partial}}},
			{ID: "b", Country: "DE", Coverage: Covered, Added: "2024-01-01"},
		}}
	}
	s := only(RuleCoverageFell)
	h := Evaluate(base(), nil, s, "2025-06-01")
	require.Equal(t, []string{RuleCoverageFell}, rulesFired(h))
	assert.Equal(t, Red, h.Level)
	assert.Equal(t, 100.0, h.Findings[0].Params["from"])
	assert.Equal(t, 75.0, h.Findings[0].Params["to"])

	assert.Empty(t, Evaluate(base(), nil, s, "2025-08-01").Findings, "90 days later the drop is older than the look-back")
	assert.Empty(t, Evaluate(base(), nil, s, "2025-04-30").Findings, "the day before the change")

	grown := base()
	grown.Countries[0].CoverageLog = []CoverageChange{{"2024-01-01", Partial}, {"2025-05-01", Covered}}
	grown.Countries[0].Coverage = Covered
	assert.Empty(t, Evaluate(grown, nil, s, "2025-06-01").Findings, "coverage rose")

	added := base()
	added.Countries[0].CoverageLog = nil
	added.Countries[0].Coverage = Covered
	added.Countries = append(added.Countries, Country{ID: "c", Country: "US", Coverage: None, Added: "2025-05-20"})
	assert.Equal(t, []string{RuleCoverageFell}, rulesFired(Evaluate(added, nil, s, "2025-06-01")),
		"a new uncovered country lowers the share of the customer's countries we serve")

	dropped := base()
	dropped.Countries[0].CoverageLog = nil
	dropped.Countries[0].Coverage = None
	dropped.Countries[0].Dropped = "2025-05-15"
	assert.Empty(t, Evaluate(dropped, nil, s, "2025-06-01").Findings, "dropping an uncovered country raises coverage")
}

func TestHealthOverdueAndKPIs(t *testing.T) {
	today := calendar.Date("2025-06-01")
	acts := []action.Action{
		act(DetailMilestone, action.Open, "2025-05-31"),
		act("", action.InProgress, "2025-05-01"),
		act(DetailMilestone, action.Open, "2025-06-01"), // due today: not overdue
		act(DetailMilestone, action.Done, "2025-01-01"),
	}
	h := Evaluate(Program{}, acts, only(RuleOverdueActions), today)
	require.Equal(t, []string{RuleOverdueActions}, rulesFired(h))
	assert.Equal(t, 2, h.Findings[0].Params["count"])
	assert.Equal(t, 1, h.Findings[0].Params["milestones"])
	assert.Equal(t, Amber, h.Level)

	s := only(RuleOverdueActions)
	s.Rules[5].Threshold = 3
	assert.Empty(t, Evaluate(Program{}, acts, s, today).Findings, "two overdue do not reach a threshold of three")

	p := worked()
	p.KPIs = []KPI{{Metric: KPICoverage, Target: 6000}, {Metric: KPIMargin, Target: 2500, Actual: i64(2250)}, {Metric: KPISatisfaction, Target: 80, Actual: i64(71)}}
	h = Evaluate(p, nil, only(RuleKPIShort), "2025-08-10")
	require.Equal(t, []string{RuleKPIShort, RuleKPIShort}, rulesFired(h), "coverage 50 %% < 54 %% and satisfaction 7.1 < 7.2; margin at exactly 90 %% passes")
	assert.Equal(t, KPICoverage, h.Findings[0].Params["metric"])
	assert.Equal(t, KPISatisfaction, h.Findings[1].Params["metric"])
}

func TestHealthAcrossYearEnd(t *testing.T) {
	p := Program{Countries: []Country{{ID: "a", Country: "CN", Coverage: Covered, Added: "2025-01-01", Quarters: []QuarterFigure{
		qf(2025, 3, 100, i64(100)), qf(2025, 4, 100, nil), qf(2026, 1, 100, nil)}}}}
	s := Defaults()
	tests := []struct {
		today   calendar.Date
		missing bool
	}{
		{"2025-12-31", false}, // Q4 still running on its last day
		{"2026-01-01", false}, // Q4 closed today: the 30 days' grace starts
		{"2026-01-30", false}, // 31 Dec + 30 days: last day of grace
		{"2026-01-31", true},
	}
	for _, tt := range tests {
		h := Evaluate(p, nil, s, tt.today)
		assert.Equal(t, tt.missing, len(h.Findings) == 1 && h.Findings[0].Rule == RuleActualsMissing, tt.today)
		if tt.missing {
			assert.Equal(t, "2025-Q4", h.Findings[0].Params["since"])
		}
	}
	// On 1 January the year to date is the new year's: no actual yet, so no revenue verdict from last year.
	last := Program{Countries: []Country{{ID: "a", Country: "CN", Coverage: Covered, Added: "2025-01-01", Quarters: []QuarterFigure{
		qf(2025, 4, 100, i64(10)), qf(2026, 1, 100, nil)}}}}
	assert.Equal(t, Red, Evaluate(last, nil, s, "2025-12-31").Level, "on 31 December, 10 % of Q4's target")
	assert.Equal(t, Green, Evaluate(last, nil, s, "2026-01-01").Level, "a new year starts without a revenue verdict")
}

func TestHealthOrdersRedFirst(t *testing.T) {
	p := revenueProgram(1000, 500)
	p.Contract = &Contract{Start: "2024-01-01", End: "2025-10-31", Harmonization: PriceUniform}
	acts := []action.Action{act("", action.Open, "2025-01-01")}
	h := Evaluate(p, acts, Defaults(), "2025-05-10")
	assert.Equal(t, Red, h.Level)
	assert.Equal(t, []string{RuleRevenueRed, RuleRenewalNear, RuleOverdueActions}, []string{h.Findings[0].Rule, h.Findings[1].Rule, h.Findings[2].Rule})
}

// A program with no actuals yet: it runs from 1 January 2025 with quarterly
// targets of 100 in China and 50 in Germany, and on 20 May nobody has
// entered an actual. Nothing counts "to date" (no actual is not 0 % of
// target), so there is no revenue verdict; the year's target is 600; Q1's
// two country-quarters are missing, which the actuals_missing rule reports
// once its 30 days' grace after 31 March is over.
func TestNoActualsYet(t *testing.T) {
	quarters := func(target int64) []QuarterFigure {
		return []QuarterFigure{qf(2025, 1, target, nil), qf(2025, 2, target, nil), qf(2025, 3, target, nil), qf(2025, 4, target, nil)}
	}
	p := Program{Currency: "EUR", Countries: []Country{
		{ID: "cn", Country: "CN", Coverage: Covered, Added: "2025-01-01", Quarters: quarters(100)},
		{ID: "de", Country: "DE", Coverage: Partial, Added: "2025-01-01", Quarters: quarters(50)},
	}}
	r := Roll(p, 2025, "2025-05-20", 50)
	tot := r.Total.Figures
	assert.Equal(t, Figures{TargetYear: 600, Missing: 2}, tot, "no target or actual to date, not known, two missing")
	for _, reg := range r.Regions {
		assert.False(t, reg.Figures.Known, reg.Key)
	}
	assert.InDelta(t, 75.0, r.Total.Coverage.Percent, 1e-9, "coverage does not wait for actuals")
	q1 := r.Trend[6]
	assert.Equal(t, Quarter{2025, 1}, q1.Quarter)
	assert.Equal(t, int64(150), q1.Target)
	assert.False(t, q1.HasActual)
	assert.True(t, q1.Closed)

	rev := KPIs(p, r)[0]
	assert.Equal(t, KPIRevenue, rev.Metric)
	assert.False(t, rev.Known, "no revenue measured yet")
	assert.Equal(t, int64(600), rev.Target)
	assert.Zero(t, rev.Percent)

	h := Evaluate(p, nil, Defaults(), "2025-05-20")
	assert.Equal(t, Amber, h.Level)
	require.Equal(t, []string{RuleActualsMissing}, rulesFired(h), "no revenue rule fires without actuals")
	assert.Equal(t, 2, h.Findings[0].Params["count"])
	assert.Equal(t, "2025-Q1", h.Findings[0].Params["since"])

	early := Evaluate(p, nil, Defaults(), "2025-04-15")
	assert.Equal(t, Green, early.Level, "within the grace after Q1: nothing to say yet")
	assert.Empty(t, early.Findings)
}
