package winloss

import (
	"cmp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/calendar"
	"keystone/core/money"
	"keystone/core/opportunity"
)

// The worked portfolio: three accounts, ten deals, reporting in CNY with a
// 2025 dollar rate (7.2), standing rates (dollar 7.0) and no euro rate. Every
// expected figure below is worked out by hand in the comments.
const (
	acA1 = "A1" // 华东化工, enterprise
	acA2 = "A2" // Nordic Steel, large
	acA3 = "A3" // Delta Foods, mid_market
)

var stagesAll = []string{"information", "qualification", "solution", "recommendation", "needs", "key_person", "negotiation", "intent"}

func upTo(stage string) []string {
	for i, s := range stagesAll {
		if s == stage {
			return stagesAll[:i+1]
		}
	}
	panic(stage)
}

func cny(yuan int64) money.Money { return money.Money{Amount: yuan * 100, Currency: "CNY"} }
func usd(dollars int64) money.Money {
	return money.Money{Amount: dollars * 100, Currency: "USD"}
}

func worked() Input {
	s := opportunity.Defaults()
	deals := []*Deal{
		// d1: won, 50 days (Jan 10 → Mar 1), CNY 100,000, Alpha in it.
		{ID: "d1", AccountID: acA1, Owner: "王磊", Value: cny(100_000), Outcome: opportunity.Won, Primary: "relationship",
			Competitors: []string{"Alpha"}, OpenedOn: "2025-01-10", ClosedOn: "2025-03-01", Stage: "negotiation", Stages: upTo("negotiation")},
		// d2: lost to Alpha (Beta also in it), 90 days, CNY 200,000, got to recommendation; interviewed.
		{ID: "d2", AccountID: acA1, Owner: "王磊", Value: cny(200_000), Outcome: opportunity.Lost, Primary: "price", Secondary: []string{"time"},
			Competitors: []string{"Alpha", "Beta"}, Winner: "Alpha", OpenedOn: "2025-02-01", ClosedOn: "2025-05-02",
			Stage: "recommendation", Stages: upTo("recommendation"), Interviewed: true, Drivers: []string{"relationship"}},
		// d3: lost to Beta, 60 days, USD 10,000 at 2025's 7.2 = CNY 72,000, got to qualification.
		{ID: "d3", AccountID: acA1, Owner: "李娜", Value: usd(10_000), Outcome: opportunity.Lost, Primary: "price",
			Competitors: []string{"Beta"}, Winner: "beta", OpenedOn: "2025-06-16", ClosedOn: "2025-08-15", Stage: "qualification", Stages: upTo("qualification")},
		// d4: won against Beta, 60 days, USD 5,000 at the standing 7.0 (no 2026 row) = CNY 35,000.
		{ID: "d4", AccountID: acA2, Owner: "李娜", Value: usd(5_000), Outcome: opportunity.Won, Primary: "quality",
			Competitors: []string{"Beta"}, OpenedOn: "2025-12-12", ClosedOn: "2026-02-10", Stage: "intent", Stages: stagesAll},
		// d5: lost to Gamma, 90 days, EUR: no rate, so out of every value figure; got to needs.
		{ID: "d5", AccountID: acA2, Owner: "王磊", Value: money.Money{Amount: 100_000, Currency: "EUR"}, Outcome: opportunity.Lost,
			Primary: "service", Winner: "Gamma", OpenedOn: "2025-10-22", ClosedOn: "2026-01-20", Stage: "needs", Stages: upTo("needs")},
		// d6: no decision (no budget), CNY 50,000, got to qualification.
		{ID: "d6", AccountID: acA2, Owner: "王磊", Value: cny(50_000), Outcome: opportunity.NoDecision, Primary: "no_budget",
			OpenedOn: "2025-11-01", ClosedOn: "2026-01-05", Stage: "qualification", Stages: upTo("qualification")},
		// d7: withdrawn: counts as closed, in no rate.
		{ID: "d7", AccountID: acA3, Owner: "李娜", Value: cny(30_000), Outcome: opportunity.Withdrawn, Primary: "product_fit",
			OpenedOn: "2025-08-01", ClosedOn: "2025-09-30", Stage: "solution", Stages: upTo("solution")},
		// d8: invalid (a duplicate): in no figure at all.
		{ID: "d8", AccountID: acA3, Owner: "王磊", Value: cny(999_999), Outcome: opportunity.Invalid, Primary: "price",
			Competitors: []string{"Alpha"}, Winner: "Alpha", OpenedOn: "2025-06-01", ClosedOn: "2025-07-01", Stage: "information"},
		// d9: still open: not a closed deal.
		{ID: "d9", AccountID: acA1, Owner: "王磊", Value: cny(80_000), Stage: "negotiation", OpenedOn: "2026-05-01"},
		// d10: lost to Alpha, 90 days (Apr 1 → Jun 30), CNY 40,000, got to key_person; interviewed.
		{ID: "d10", AccountID: acA3, Owner: "李娜", Value: cny(40_000), Outcome: opportunity.Lost, Primary: "price",
			Competitors: []string{"Alpha"}, Winner: "Alpha", OpenedOn: "2026-04-01", ClosedOn: "2026-06-30",
			Stage: "key_person", Stages: upTo("key_person"), Interviewed: true, Drivers: []string{"advisory", "relationship"}},
	}
	return Input{
		Deals: deals,
		Accounts: map[string]Account{
			acA1: {Name: "华东化工", Segment: "enterprise"},
			acA2: {Name: "Nordic Steel", Segment: "large"},
			acA3: {Name: "Delta Foods", Segment: "mid_market"},
		},
		Settings: &s,
		Rates: money.Rates{Reporting: "CNY", Years: []money.YearRates{
			{Year: 0, Rates: map[string]float64{"USD": 7.0}},
			{Year: 2025, Rates: map[string]float64{"USD": 7.2}},
		}},
		Today: "2026-11-23",
	}
}

func TestAnalyzeWorkedPortfolio(t *testing.T) {
	a := Analyze(worked(), Filter{})
	assert.Equal(t, "CNY", a.Currency)
	// won d1 d4; lost d2 d3 d5 d10; no decision d6; withdrawn d7; invalid d8.
	assert.Equal(t, Counts{Won: 2, Lost: 4, NoDecision: 1, Withdrawn: 1, Invalid: 1, Closed: 8}, a.Counts)
	// 2 ÷ (2 + 4)
	assert.Equal(t, Rate{Part: 2, Whole: 6, Percent: 100.0 / 3, Defined: true}, a.WinRate)
	// won 100,000 + 35,000 = 135,000; lost 200,000 + 72,000 + 40,000 = 312,000 (d5 has no rate)
	assert.Equal(t, int64(13_500_000), a.WonValue)
	assert.Equal(t, int64(31_200_000), a.LostValue)
	assert.Equal(t, int64(5_000_000), a.NoDecisionVal)
	assert.Equal(t, int64(13_500_000), a.ValueWinRate.Part)
	assert.Equal(t, int64(44_700_000), a.ValueWinRate.Whole)
	assert.InDelta(t, 30.20134, a.ValueWinRate.Percent, 1e-4)
	// 1 ÷ (2 + 4 + 1)
	assert.Equal(t, Rate{Part: 1, Whole: 7, Percent: 100.0 / 7, Defined: true}, a.NoDecisionRate)
	assert.Equal(t, []MissingRate{{Currency: "EUR", Year: 2026, Deals: 1}}, a.Missing)
	assert.Equal(t, 1, a.ValueExcluded)

	// Alpha: d1 won, d2 and d10 lost to it; Beta: d2 lost (to Alpha), d3
	// lost to it (spelt "beta"), d4 won; Gamma: d5 lost to it, no rate.
	// The invalid d8 is not counted against Alpha.
	assert.Equal(t, []CompetitorRow{
		{Name: "Alpha", Deals: 3, Won: 1, Lost: 2, LostTo: 2, LostToValue: 24_000_000, WinRate: Rate{1, 3, 100.0 / 3, true}},
		{Name: "Beta", Deals: 3, Won: 1, Lost: 2, LostTo: 1, LostToValue: 7_200_000, WinRate: Rate{1, 3, 100.0 / 3, true}},
		{Name: "Gamma", Deals: 1, Won: 0, Lost: 1, LostTo: 1, LostToValue: 0, WinRate: Rate{0, 1, 0, true}},
	}, a.Competitors)

	// Not won: price 312,000 (three lost deals), no budget 50,000 (no
	// decision), service one deal of unknown value, time only secondary.
	// Shares of 362,000: 86.19 % and 13.81 %.
	require.Len(t, a.Reasons, 4)
	assert.Equal(t, ReasonRow{Reason: "price", Deals: 3, LostValue: 31_200_000, Value: 31_200_000}, withoutShares(a.Reasons[0]))
	assert.InDelta(t, 31.2/36.2*100, a.Reasons[0].Share, 1e-9)
	assert.InDelta(t, 31.2/36.2*100, a.Reasons[0].Cumulative, 1e-9)
	assert.Equal(t, ReasonRow{Reason: "no_budget", Deals: 1, NoDecisionValue: 5_000_000, Value: 5_000_000}, withoutShares(a.Reasons[1]))
	assert.InDelta(t, 5/36.2*100, a.Reasons[1].Share, 1e-9)
	assert.InDelta(t, 100, a.Reasons[1].Cumulative, 1e-9)
	assert.Equal(t, ReasonRow{Reason: "service", Deals: 1, Cumulative: 100}, a.Reasons[2])
	assert.Equal(t, ReasonRow{Reason: "time", Secondary: 1, Cumulative: 100}, a.Reasons[3])

	// How far lost deals got: d3 qualification, d2 recommendation, d5
	// needs, d10 key person; the no-decision d6 stopped at qualification.
	assert.Equal(t, []StageRow{
		{Stage: "information"},
		{Stage: "qualification", Lost: 1, LostValue: 7_200_000, NoDecision: 1},
		{Stage: "solution"},
		{Stage: "recommendation", Lost: 1, LostValue: 20_000_000},
		{Stage: "needs", Lost: 1},
		{Stage: "key_person", Lost: 1, LostValue: 4_000_000},
		{Stage: "negotiation"},
		{Stage: "intent"},
	}, a.Stages)

	// Won: 50 and 60 days, 100,000 and 35,000. Lost: 90, 60, 90, 90 days;
	// sizes 200,000, 72,000, 40,000 (d5 unknown).
	assert.Equal(t, Cycle{
		Won:  Stats{Deals: 2, AvgDays: 55, MedianDays: 55, ValueDeals: 2, AvgValue: 6_750_000, MedianSize: 6_750_000},
		Lost: Stats{Deals: 4, AvgDays: 82.5, MedianDays: 90, ValueDeals: 3, AvgValue: 10_400_000, MedianSize: 7_200_000},
	}, a.Cycle)

	// Quarters from the first close to the last; 2025-Q4 had only the
	// withdrawn deal, which is in no rate, and shows empty.
	assert.Equal(t, []Quarter{
		{Key: "2025-Q1", Won: 1, WonValue: 10_000_000, WinRate: Rate{1, 1, 100, true}},
		{Key: "2025-Q2", Lost: 1, LostValue: 20_000_000, WinRate: Rate{0, 1, 0, true}},
		{Key: "2025-Q3", Lost: 1, LostValue: 7_200_000, WinRate: Rate{0, 1, 0, true}},
		{Key: "2025-Q4"},
		{Key: "2026-Q1", Won: 1, Lost: 1, NoDecision: 1, WonValue: 3_500_000, WinRate: Rate{1, 2, 50, true}},
		{Key: "2026-Q2", Lost: 1, LostValue: 4_000_000, WinRate: Rate{0, 1, 0, true}},
	}, a.Trend)

	// 24 months to today: 2024-11-24 … 2026-11-23. A1 lost d2 and d3.
	assert.Equal(t, calendar.Date("2024-11-24"), a.RepeatFrom)
	assert.Equal(t, calendar.Date("2026-11-23"), a.RepeatTo)
	assert.Equal(t, []RepeatLoss{{AccountID: acA1, Name: "华东化工", Losses: 2, LostValue: 27_200_000, Last: "2025-08-15"}}, a.RepeatLosses)

	// Sellers said price both times; the buyers said relationship (twice)
	// and advisory value.
	assert.Equal(t, 2, a.Interviews)
	assert.Equal(t, []Voice{{"price", 2, 0}, {"advisory", 0, 1}, {"relationship", 0, 2}}, a.Voices)
}

func withoutShares(r ReasonRow) ReasonRow {
	r.Share, r.Cumulative = 0, 0
	return r
}

func TestAnalyzeFilters(t *testing.T) {
	in := worked()
	tests := []struct {
		name                      string
		f                         Filter
		won, lost, nd, wd, invald int
		winRate                   Rate
		valueWin                  Rate
		noDecision                Rate
	}{
		{"owner", Filter{Owner: "王磊"}, 1, 2, 1, 0, 1,
			Rate{1, 3, 100.0 / 3, true}, Rate{10_000_000, 30_000_000, 100.0 / 3, true}, Rate{1, 4, 25, true}},
		// Only the EUR deal was lost in this segment: the value rate reads 100 %.
		{"segment", Filter{Segment: "large"}, 1, 1, 1, 0, 0,
			Rate{1, 2, 50, true}, Rate{3_500_000, 3_500_000, 100, true}, Rate{1, 3, 100.0 / 3, true}},
		{"account", Filter{AccountID: acA3}, 0, 1, 0, 1, 1,
			Rate{0, 1, 0, true}, Rate{0, 4_000_000, 0, true}, Rate{0, 1, 0, true}},
		{"competitor (any case)", Filter{Competitor: "BETA"}, 1, 2, 0, 0, 0,
			Rate{1, 3, 100.0 / 3, true}, Rate{3_500_000, 30_700_000, 3.5 / 30.7 * 100, true}, Rate{0, 3, 0, true}},
		{"period 2026", Filter{From: "2026-01-01", To: "2026-12-31"}, 1, 2, 1, 0, 0,
			Rate{1, 3, 100.0 / 3, true}, Rate{3_500_000, 7_500_000, 3.5 / 7.5 * 100, true}, Rate{1, 4, 25, true}},
		{"period bounds are inclusive", Filter{From: "2025-03-01", To: "2025-05-02"}, 1, 1, 0, 0, 0,
			Rate{1, 2, 50, true}, Rate{10_000_000, 30_000_000, 100.0 / 3, true}, Rate{0, 2, 0, true}},
		// Zero denominators: no deals at all, every rate undefined (not 0 %).
		{"nothing matches", Filter{Owner: "nobody"}, 0, 0, 0, 0, 0, Rate{}, Rate{}, Rate{}},
		{"only withdrawn", Filter{AccountID: acA3, To: "2025-12-31"}, 0, 0, 0, 1, 1, Rate{}, Rate{}, Rate{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Analyze(in, tt.f)
			assert.Equal(t, tt.won, a.Counts.Won, "won")
			assert.Equal(t, tt.lost, a.Counts.Lost, "lost")
			assert.Equal(t, tt.nd, a.Counts.NoDecision, "no decision")
			assert.Equal(t, tt.wd, a.Counts.Withdrawn, "withdrawn")
			assert.Equal(t, tt.invald, a.Counts.Invalid, "invalid")
			assertRate(t, tt.winRate, a.WinRate)
			assertRate(t, tt.valueWin, a.ValueWinRate)
			assertRate(t, tt.noDecision, a.NoDecisionRate)
			if tt.won+tt.lost+tt.nd == 0 {
				assert.Empty(t, a.Trend)
				assert.Empty(t, a.Competitors)
				assert.Equal(t, Stats{}, a.Cycle.Won)
			}
		})
	}
}

func assertRate(t *testing.T, want, got Rate) {
	t.Helper()
	assert.Equal(t, want.Part, got.Part)
	assert.Equal(t, want.Whole, got.Whole)
	assert.Equal(t, want.Defined, got.Defined)
	assert.InDelta(t, want.Percent, got.Percent, 1e-9)
}

func TestRepeatLossWindow(t *testing.T) {
	in := worked()
	// Ending mid-2025: the window 2023-07-01 … 2025-06-30 holds only d2.
	a := Analyze(in, Filter{To: "2025-06-30"})
	assert.Equal(t, calendar.Date("2023-07-01"), a.RepeatFrom)
	assert.Empty(t, a.RepeatLosses)
	// A period start does not shorten the window: the window is its own period.
	a = Analyze(in, Filter{From: "2025-08-01"})
	require.Len(t, a.RepeatLosses, 1)
	assert.Equal(t, 2, a.RepeatLosses[0].Losses)
	// A loss exactly 24 months back is in; a day earlier is out.
	in.Deals = append(in.Deals,
		&Deal{ID: "e1", AccountID: acA2, Outcome: opportunity.Lost, Primary: "price", Value: cny(1), OpenedOn: "2024-01-01", ClosedOn: "2024-11-24"},
		&Deal{ID: "e2", AccountID: acA3, Outcome: opportunity.Lost, Primary: "price", Value: cny(1), OpenedOn: "2024-01-01", ClosedOn: "2024-11-23"})
	a = Analyze(in, Filter{})
	require.Len(t, a.RepeatLosses, 2)
	assert.Equal(t, acA2, a.RepeatLosses[1].AccountID)
	assert.Equal(t, 2, a.RepeatLosses[1].Losses)
	// e2's account (A3) has one loss in the window besides it: not listed.
}

func TestMissingRateNamedOnceAndReportingCurrencyOnly(t *testing.T) {
	in := worked()
	in.Rates = money.Rates{Reporting: "USD"} // no rates at all: only USD deals have values
	a := Analyze(in, Filter{})
	assert.Equal(t, int64(500_000), a.WonValue)    // d4
	assert.Equal(t, int64(1_000_000), a.LostValue) // d3
	// CNY in 2025: d1, d2, d7; in 2026: d6, d10; EUR 2026: d5. The invalid d8 is not reported.
	assert.Equal(t, []MissingRate{
		{Currency: "CNY", Year: 2025, Deals: 3},
		{Currency: "CNY", Year: 2026, Deals: 2},
		{Currency: "EUR", Year: 2026, Deals: 1},
	}, a.Missing)
	assert.Equal(t, Rate{500_000, 1_500_000, 100.0 / 3, true}, a.ValueWinRate)
	assert.Equal(t, 6, a.ValueExcluded)
}

func TestSelectMatchesTheBars(t *testing.T) {
	in := worked()
	ids := func(ds []*Deal) []string {
		out := []string{}
		for _, d := range ds {
			out = append(out, d.ID)
		}
		return out
	}
	tests := []struct {
		sel  Selection
		f    Filter
		want []string
	}{
		{Selection{}, Filter{}, []string{"d10", "d4", "d5", "d6", "d7", "d3", "d2", "d1"}},
		{Selection{ChartOutcome, "lost"}, Filter{}, []string{"d10", "d5", "d3", "d2"}},
		{Selection{ChartReason, "price"}, Filter{}, []string{"d10", "d3", "d2"}},
		{Selection{ChartReason, "no_budget"}, Filter{}, []string{"d6"}},
		{Selection{ChartCompetitor, "Beta"}, Filter{}, []string{"d4", "d3", "d2"}},
		{Selection{ChartLostTo, "Alpha"}, Filter{}, []string{"d10", "d2"}},
		{Selection{ChartStage, "qualification"}, Filter{}, []string{"d6", "d3"}},
		{Selection{ChartCycle, "won"}, Filter{}, []string{"d4", "d1"}},
		{Selection{ChartQuarter, "2026-Q1"}, Filter{}, []string{"d4", "d5", "d6"}},
		{Selection{ChartRepeat, acA1}, Filter{From: "2025-06-01"}, []string{"d3", "d2"}},
		{Selection{ChartVoice, "relationship"}, Filter{}, []string{"d10", "d2"}},
		{Selection{ChartReason, "price"}, Filter{Owner: "李娜"}, []string{"d10", "d3"}},
		{Selection{"nonsense", "x"}, Filter{}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.sel.Chart+"/"+tt.sel.Key, func(t *testing.T) {
			assert.Equal(t, tt.want, ids(Select(in, tt.f, tt.sel)))
		})
	}
	// Every bar's count equals its list: the competitor view, by construction.
	a := Analyze(in, Filter{})
	for _, c := range a.Competitors {
		assert.Len(t, Select(in, Filter{}, Selection{ChartCompetitor, c.Name}), c.Deals, c.Name)
		assert.Len(t, Select(in, Filter{}, Selection{ChartLostTo, c.Name}), c.LostTo, c.Name)
	}
	for _, r := range a.Reasons {
		assert.Len(t, Select(in, Filter{}, Selection{ChartReason, r.Reason}), r.Deals, r.Reason)
	}
}

func TestDealOfAndFurthest(t *testing.T) {
	s := opportunity.Defaults()
	o := &opportunity.Opportunity{
		AccountID: "A", Title: "扩产项目", Owner: "王磊", Value: cny(10), Stage: "solution", OpenedOn: "2026-01-05",
		Competitors: []string{"Alpha"}, Screen: opportunity.Screen{"need": "yes", "budget": "no"},
		History: []opportunity.StageChange{{Stage: "information", On: "2026-01-05"}, {Stage: "negotiation", On: "2026-02-01"}, {Stage: "solution", On: "2026-03-01"}},
		Close: &opportunity.Close{Outcome: opportunity.Lost, PrimaryReason: "price", Winner: "Alpha", On: "2026-04-01",
			Interview: &opportunity.Interview{Who: "张总", Drivers: []string{"quality"}}},
	}
	interned := map[string]string{}
	d := DealOf(o, func(s string) string {
		if v, ok := interned[s]; ok {
			return v
		}
		interned[s] = s
		return s
	})
	assert.Equal(t, []string{"information", "negotiation", "solution"}, d.Stages)
	assert.Equal(t, "negotiation", d.Furthest(&s), "it went back to solution after reaching negotiation")
	assert.Equal(t, calendar.Date("2026-03-01"), d.LastChange)
	assert.True(t, d.Flagged)
	assert.True(t, d.Interviewed)
	assert.Equal(t, []string{"quality"}, d.Drivers)
	assert.Equal(t, 86, CycleDays(d))
	assert.True(t, d.Involves("ALPHA"))
	assert.False(t, d.Involves("Beta"))
	assert.Equal(t, "2026-Q2", QuarterOf(d.ClosedOn))
	// A stage that left the list reads as the last known.
	gone := &Deal{Stage: "old", Stages: []string{"old"}}
	assert.Equal(t, "old", gone.Furthest(&s))
}

func TestConverterMatchesMoney(t *testing.T) {
	r := money.Rates{Reporting: "CNY", Years: []money.YearRates{
		{Year: 0, Rates: map[string]float64{"USD": 7.1, "JPY": 0.048, "KWD": 23.3}},
		{Year: 2025, Rates: map[string]float64{"USD": 7.2}},
	}}
	c := NewConverter(r)
	for _, m := range []money.Money{{Amount: 123_457, Currency: "USD"}, {Amount: 999_999, Currency: "JPY"}, {Amount: 1_234_567, Currency: "KWD"},
		{Amount: 5, Currency: "CNY"}, {Amount: 100, Currency: "EUR"}} {
		for _, year := range []int{2024, 2025} {
			want, wok := r.Convert(m, year)
			got, ok := c.Convert(m, year)
			got2, _ := c.Convert(m, year) // from the memo
			assert.Equal(t, wok, ok, "%v %d", m, year)
			if wok {
				assert.Equal(t, want.Amount, got, "%v %d", m, year)
				assert.Equal(t, got, got2)
			}
		}
	}
}

// asOpportunity is the opportunity a worked deal stands for, so it can go
// through DealOf as the index builds deals.
func asOpportunity(d *Deal) *opportunity.Opportunity {
	o := &opportunity.Opportunity{AccountID: d.AccountID, Title: d.Title, Owner: d.Owner, Value: d.Value, Stage: d.Stage,
		OpenedOn: d.OpenedOn, Competitors: d.Competitors}
	o.ID = d.ID
	for _, s := range d.Stages {
		o.History = append(o.History, opportunity.StageChange{Stage: s, On: d.OpenedOn})
	}
	if d.Outcome != "" {
		o.Close = &opportunity.Close{Outcome: d.Outcome, On: d.ClosedOn, PrimaryReason: d.Primary, SecondaryReasons: d.Secondary, Winner: d.Winner}
		if d.Interviewed {
			o.Close.Interview = &opportunity.Interview{Who: "采购经理", Drivers: d.Drivers}
		}
	}
	return o
}

// The index's deals carry their dates as numbers and sit account by
// account; every figure must read the same as from the plain deals.
func TestAnalyzeIndexedDealsAgree(t *testing.T) {
	plain := worked()
	plain.Accounts[acA1] = Account{Name: "华东化工", Segment: "enterprise", Tier: "key"}
	indexed := plain
	indexed.Deals = nil
	for _, d := range plain.Deals {
		indexed.Deals = append(indexed.Deals, DealOf(asOpportunity(d), nil))
	}
	slices.SortFunc(indexed.Deals, func(a, b *Deal) int {
		return cmp.Or(strings.Compare(b.AccountID, a.AccountID), strings.Compare(a.ID, b.ID))
	})
	for i, d := range indexed.Deals {
		assert.Equal(t, CycleDays(plain.Deals[slices.IndexFunc(plain.Deals, func(p *Deal) bool { return p.ID == d.ID })]), CycleDays(d), "deal %d", i)
	}
	for _, f := range []Filter{{}, {Owner: "王磊"}, {Segment: "large"}, {Tier: "key"}, {AccountID: acA3}, {Competitor: "beta"},
		{From: "2025-05-02", To: "2026-01-20"}} {
		assert.Equal(t, Analyze(plain, f), Analyze(indexed, f), "%+v", f)
		assert.ElementsMatch(t, ids(Closed(plain, f)), ids(Closed(indexed, f)), "%+v", f)
		for _, sel := range []Selection{{}, {Chart: ChartQuarter, Key: "2025-Q1"}, {Chart: ChartCycle, Key: opportunity.Lost}} {
			assert.Equal(t, ids(Select(plain, f, sel)), ids(Select(indexed, f, sel)), "%+v %+v", f, sel)
		}
	}
}

func ids(deals []*Deal) []string {
	out := make([]string, len(deals))
	for i, d := range deals {
		out[i] = d.ID
	}
	return out
}

func TestTierFilter(t *testing.T) {
	in := worked()
	in.Accounts[acA1] = Account{Name: "华东化工", Segment: "enterprise", Tier: "key"}
	in.Accounts[acA2] = Account{Name: "Nordic Steel", Segment: "large", Tier: "develop"}
	a := Analyze(in, Filter{Tier: "key"})
	// A1's closed deals: d1 won, d2 and d3 lost (d9 is open)
	assert.Equal(t, Counts{Won: 1, Lost: 2, Closed: 3}, a.Counts)
	a = Analyze(in, Filter{Tier: "maintain"})
	assert.Equal(t, Counts{}, a.Counts, "no account in that tier")
	assert.False(t, a.WinRate.Defined)
}

func TestDealDatesAsNumbers(t *testing.T) {
	d := DealOf(&opportunity.Opportunity{AccountID: "A", Stage: "solution", OpenedOn: "2026-01-05", ExpectedClose: "2026-12-31",
		History: []opportunity.StageChange{{Stage: "solution", On: "2026-03-01"}}}, nil)
	today, _ := opportunity.DayNumber("2026-03-31")
	days, ok := d.DaysSinceChange(today)
	assert.True(t, ok)
	assert.Equal(t, 30, days)
	assert.Equal(t, 2026, d.ExpectedYear())
	assert.Equal(t, int32(20261231), d.ExpectedKey())
	none := DealOf(&opportunity.Opportunity{AccountID: "A", Stage: "solution"}, nil)
	assert.Equal(t, 0, none.ExpectedYear())
	assert.Equal(t, int32(0), none.ExpectedKey())
}
