package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/account"
	"keystone/core/action"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/portfolio"
	"keystone/core/sample"
	"keystone/core/switching"
)

// scorecard scores every current criterion a on attractiveness, st on strength.
func scorecard(accountID string, a, st int, on string) portfolio.Scorecard {
	sc := portfolio.Scorecard{AccountID: accountID, ScoredOn: calendar.Date(on)}
	for _, c := range portfolio.DefaultSettings().Attractiveness {
		sc.Attractiveness = append(sc.Attractiveness, portfolio.Score{Key: c.Key, Score: a})
	}
	for _, c := range portfolio.DefaultSettings().Strength {
		sc.Strength = append(sc.Strength, portfolio.Score{Key: c.Key, Score: st})
	}
	return sc
}

func mustFigures(t *testing.T, a *App, accountID, currency string, year int, revenue, margin int64) {
	t.Helper()
	_, err := a.Accounts.SaveFigures(account.YearFigures{AccountID: accountID, Year: year, Currency: currency, Revenue: revenue, Margin: margin})
	require.NoError(t, err)
}

func pointOf(v MatrixView, id string) MatrixPoint {
	for _, p := range v.Points {
		if p.AccountID == id {
			return p
		}
	}
	return MatrixPoint{}
}

func TestPortfolioMatrixAndTiers(t *testing.T) {
	a := newTestApp(t)
	x := mustCreate(t, a, account.Account{Name: "华东精密", Owner: "王磊"})
	y := mustCreate(t, a, account.Account{Name: "Nordwind GmbH", Owner: "Anna", Currency: "EUR"})
	z := mustCreate(t, a, account.Account{Name: "未评分客户", Owner: "王磊"})
	mustFigures(t, a, x.ID, "CNY", 2025, 10_000_000_00, 2_500_000_00)
	mustFigures(t, a, y.ID, "EUR", 2025, 1_000_000_00, 200_000_00) // 7.70 CNY per EUR by default

	v1, err := a.Portfolio.Score(scorecard(x.ID, 8, 4, "2026-03-01"))
	require.NoError(t, err)
	assert.Equal(t, portfolio.Star, v1.Position.Quadrant)
	assert.Equal(t, 1, v1.Scorecard.SettingsVersion, "the first scorecard pins the defaults as version 1")
	_, err = a.Portfolio.Score(scorecard(y.ID, 3, 7, "2026-03-01"))
	require.NoError(t, err)

	m, err := a.Portfolio.Matrix(PortfolioFilter{})
	require.NoError(t, err)
	assert.Equal(t, 2025, m.Year, "the default year is the last complete one")
	assert.Equal(t, "CNY", m.Currency)
	px := pointOf(m, x.ID)
	noRisk := 0.0 // figures and no warning: a decline risk of 0, no barrier yet
	assert.Equal(t, MatrixPoint{AccountID: x.ID, Name: "华东精密", Owner: "王磊", Tier: "key", Scored: true, ScoredOn: "2026-03-01",
		Attractiveness: 8, Strength: 4, Quadrant: portfolio.Star, Revenue: 10_000_000_00, RevenueKnown: true,
		Vulnerability: &noRisk, Defence: portfolio.Secure}, px)
	assert.Nil(t, pointOf(m, z.ID).Vulnerability, "no figures, activities or switching costs: nothing to judge by")
	assert.Equal(t, int64(7_700_000_00), pointOf(m, y.ID).Revenue, "EUR converted at the standing rate")
	assert.Equal(t, portfolio.Status, pointOf(m, y.ID).Quadrant)
	assert.False(t, pointOf(m, z.ID).Scored)
	assert.Equal(t, 1, m.Unscored)
	assert.Equal(t, 1, m.KeyAccounts, "a suggested key tier counts; maintain/develop do not")

	// A newer scoring moves the account; an older-dated one does not replace it.
	_, err = a.Portfolio.Score(scorecard(x.ID, 8, 8, "2026-09-01"))
	require.NoError(t, err)
	_, err = a.Portfolio.Score(scorecard(x.ID, 2, 2, "2025-01-01"))
	require.NoError(t, err)
	m, err = a.Portfolio.Matrix(PortfolioFilter{})
	require.NoError(t, err)
	assert.Equal(t, portfolio.Strategic, pointOf(m, x.ID).Quadrant)
	assert.Equal(t, "strategic", pointOf(m, x.ID).Tier)

	// The firm retiers it by hand; clearing goes back to the suggestion.
	tier, err := a.Portfolio.SetTier(portfolio.Assignment{AccountID: x.ID, Tier: "develop", Reason: "预算冻结"})
	require.NoError(t, err)
	m, _ = a.Portfolio.Matrix(PortfolioFilter{})
	assert.Equal(t, "develop", pointOf(m, x.ID).Tier)
	assert.True(t, pointOf(m, x.ID).TierAssigned)
	only, err := a.Portfolio.Matrix(PortfolioFilter{Tier: "develop"})
	require.NoError(t, err)
	assert.Len(t, only.Points, 2, "x by hand, y (status) by suggestion")
	require.NoError(t, a.Portfolio.ClearTier(x.ID, tier.Rev))
	m, _ = a.Portfolio.Matrix(PortfolioFilter{})
	assert.Equal(t, "strategic", pointOf(m, x.ID).Tier)
	assert.False(t, pointOf(m, x.ID).TierAssigned)

	cards, err := a.Portfolio.Scorecards(x.ID)
	require.NoError(t, err)
	require.Len(t, cards, 3)
	assert.Equal(t, "2026-09-01", string(cards[0].Scorecard.ScoredOn), "newest first")
}

func TestPortfolioOldScorecardsReadAsTheyWere(t *testing.T) {
	a := newTestApp(t)
	x := mustCreate(t, a, account.Account{Name: "Acme"})
	sc := scorecard(x.ID, 6, 6, "2026-01-10")
	sc.Attractiveness[0].Score = 10 // future revenue, weight 25: 6 + 0.25·4 = 7
	old, err := a.Portfolio.Score(sc)
	require.NoError(t, err)
	assert.Equal(t, 7.0, old.Position.Attractiveness)

	set, err := a.Portfolio.Settings()
	require.NoError(t, err)
	changed := set.Value
	changed.Attractiveness[0].Weight, changed.Attractiveness[1].Weight = 15, 25
	changed.Cut = 7.5
	v2, err := a.Portfolio.SaveSettings(changed, set.Version)
	require.NoError(t, err)
	assert.Equal(t, 2, v2.Version)

	cards, err := a.Portfolio.Scorecards(x.ID)
	require.NoError(t, err)
	assert.Equal(t, 7.0, cards[0].Position.Attractiveness, "the old weights still apply to the old scorecard")
	assert.Equal(t, 5.5, cards[0].Cut)
	assert.Equal(t, portfolio.Strategic, cards[0].Position.Quadrant)

	now, err := a.Portfolio.Score(sc)
	require.NoError(t, err)
	assert.Equal(t, 2, now.Scorecard.SettingsVersion)
	assert.Equal(t, 6.6, now.Position.Attractiveness, "6 + 0.15·4 under the new weights")
	assert.Equal(t, portfolio.Streamline, now.Position.Quadrant, "below the new cut of 7.5")
}

func TestPortfolioBadInputChangesNothing(t *testing.T) {
	a := newTestApp(t)
	x := mustCreate(t, a, account.Account{Name: "Acme"})
	bad := scorecard(x.ID, 6, 6, "2026-01-10")
	bad.Strength[2].Score = 11
	_, err := a.Portfolio.Score(bad)
	assertFault(t, err, fault.Invalid, "strength[2].score", "out_of_range")

	set, _ := a.Portfolio.Settings()
	wrong := set.Value
	wrong.Strength[0].Weight = 40
	_, err = a.Portfolio.SaveSettings(wrong, set.Version)
	assertFault(t, err, fault.Invalid, "strength", "weights_sum")

	_, err = a.Portfolio.SetTier(portfolio.Assignment{AccountID: x.ID, Tier: "platinum"})
	assertFault(t, err, fault.Invalid, "tier", "unknown_value")
	neg := -0.5
	_, err = a.Portfolio.SaveInputs(portfolio.Inputs{AccountID: x.ID, Retention: &neg})
	assertFault(t, err, fault.Invalid, "retention", "out_of_range")

	cards, err := a.Portfolio.Scorecards(x.ID)
	require.NoError(t, err)
	assert.Empty(t, cards)
	after, _ := a.Portfolio.Settings()
	assert.Equal(t, 0, after.Version, "no settings version was written")
	in, err := a.Portfolio.Inputs(x.ID)
	require.NoError(t, err)
	assert.Nil(t, in.Retention)
	m, _ := a.Portfolio.Matrix(PortfolioFilter{})
	assert.Equal(t, "", pointOf(m, x.ID).Tier)
}

func TestPortfolioParetoPyramidValues(t *testing.T) {
	a := newTestApp(t)
	ids := map[string]string{}
	for _, n := range []struct {
		name       string
		rev, marg  int64
		currency   string
		costToServ int64
	}{
		{"A", 60_000_000_00, 15_000_000_00, "CNY", 1_000_000_00},
		{"B", 20_000_000_00, 5_000_000_00, "CNY", 500_000_00},
		{"C", 15_000_000_00, 3_000_000_00, "CNY", 0},
		{"D", 5_000_000_00, 200_000_00, "CNY", 400_000_00},
		{"E", 1_000_000_00, 100_000_00, "XAF", 0}, // no rate: left out and reported
	} {
		acc := mustCreate(t, a, account.Account{Name: n.name, Currency: n.currency})
		ids[n.name] = acc.ID
		mustFigures(t, a, acc.ID, n.currency, 2025, n.rev, n.marg)
		if n.costToServ > 0 {
			_, err := a.Portfolio.SaveInputs(portfolio.Inputs{AccountID: acc.ID, CostToServe: n.costToServ})
			require.NoError(t, err)
		}
	}
	p, err := a.Portfolio.Pareto(PortfolioFilter{}, "revenue")
	require.NoError(t, err)
	assert.Equal(t, []string{"XAF"}, p.MissingRates)
	require.Len(t, p.Rows, 4)
	// total 100 M: A 60 (A), B 20 (before it 60 < 80: A), C 15 (before 80: B), D 5 (before 95: C)
	got := map[string]string{}
	for _, r := range p.Rows {
		got[r.Name] = r.Class
	}
	assert.Equal(t, map[string]string{"A": "A", "B": "A", "C": "B", "D": "C"}, got)
	assert.Equal(t, int64(100_000_000_00), p.Total)

	py, err := a.Portfolio.Pyramid(PortfolioFilter{})
	require.NoError(t, err)
	require.Len(t, py.Levels, 4)
	assert.Equal(t, "top", py.Levels[0].Band)
	assert.Equal(t, 1, py.Levels[0].Count) // A ≥ 50 M
	assert.Equal(t, 2, py.Levels[1].Count) // B, C ≥ 10 M
	assert.Equal(t, int64(5_000_000_00+3_000_000_00-500_000_00), py.Levels[1].Profit)
	assert.Equal(t, int64(200_000_00-400_000_00), py.Levels[2].Profit, "D loses money once its cost to serve counts")
	assert.Equal(t, 1, py.NoCost)

	pv := 8.0
	in, err := a.Portfolio.Inputs(ids["D"])
	require.NoError(t, err)
	in.PerceivedValue = &pv
	_, err = a.Portfolio.SaveInputs(in)
	require.NoError(t, err)
	vals, err := a.Portfolio.Values(PortfolioFilter{})
	require.NoError(t, err)
	require.Len(t, vals.Rows, 4)
	assert.Equal(t, "A", vals.Rows[0].Name, "highest CLV first")
	// m = 15 M, r = 0.8, i = 0.1: 15 M × 2.6667 = 40 M
	assert.InDelta(t, 40_000_000_00, float64(vals.Rows[0].CLV), 1)
	assert.True(t, vals.CLVCutMedian)
	d := vals.Rows[3]
	assert.Equal(t, "D", d.Name)
	assert.Equal(t, portfolio.OverServed, d.Class, "felt value high, lifetime value below the median")
	assert.Equal(t, 1, vals.ByClass[portfolio.OverServed])
}

func TestDashboardAdaptsToData(t *testing.T) {
	a := newTestApp(t)
	empty, err := a.Portfolio.Dashboard("")
	require.NoError(t, err)
	assert.Zero(t, empty.Accounts)
	assert.Nil(t, empty.ShareOfWallet, "no spend known: no share of wallet tile")
	assert.Empty(t, empty.DueActions)

	x := mustCreate(t, a, account.Account{Name: "华东精密", Owner: "王磊"})
	_, err = a.Accounts.SaveFigures(account.YearFigures{AccountID: x.ID, Year: 2026, Currency: "CNY",
		Revenue: 6_000_000_00, RevenueTarget: 8_000_000_00, Margin: 1_500_000_00, CategorySpend: 20_000_000_00})
	require.NoError(t, err)
	mustFigures(t, a, x.ID, "USD", 2025, 1_000_000_00, 250_000_00) // 7.10 CNY per USD
	for _, todo := range [][2]string{{"送样确认", "2026-11-20"}, {"季度回顾", "2026-11-26"}, {"明年预算", "2027-01-15"}} {
		mustAction(t, a, action.Action{AccountID: x.ID, Title: todo[0], Owner: "王磊", Due: calendar.Date(todo[1])})
	}

	d, err := a.Portfolio.Dashboard("")
	require.NoError(t, err)
	assert.Equal(t, 2026, d.Year)
	assert.Equal(t, Performance{Revenue: 6_000_000_00, RevenueTarget: 8_000_000_00, Margin: 1_500_000_00,
		LastYearRevenue: 7_100_000_00, LastYearMargin: 1_775_000_00, WithFigures: 1}, d.Performance)
	require.NotNil(t, d.ShareOfWallet)
	assert.InDelta(t, 30.0, *d.ShareOfWallet, 1e-9)
	assert.Equal(t, 1, d.Actions.Overdue)
	assert.Equal(t, []string{"送样确认", "季度回顾"}, titles(d.DueActions), "overdue first, then this week; later ones wait")
	assert.Len(t, d.Matrix.Points, 1)
	assert.Len(t, d.Pareto.Rows, 1)
}

func TestDashboardShowsTheOtherAreas(t *testing.T) {
	a := newTestApp(t)
	today := calendar.Today(calendar.Fixed{T: testNow})
	_, err := LoadPortfolio(a.Store, sample.Generate(sample.Small, 1, today))
	require.NoError(t, err)
	d, err := a.Portfolio.Dashboard("")
	require.NoError(t, err)

	require.NotNil(t, d.WinLoss, "the sample has closed deals")
	assert.Greater(t, d.WinLoss.Decided, 20)
	assert.InDelta(t, 40, d.WinLoss.WinRate, 15, "the sample's win rate is realistic")
	assert.Positive(t, d.WinLoss.OpenPipeline)
	require.NotEmpty(t, d.WinLoss.Recent)
	for i, e := range d.WinLoss.Recent {
		assert.Contains(t, []string{"won", "lost"}, e.Outcome)
		assert.NotEmpty(t, e.AccountName)
		if i > 0 {
			assert.GreaterOrEqual(t, d.WinLoss.Recent[i-1].ClosedOn, e.ClosedOn, "newest first")
		}
	}

	require.NotNil(t, d.Risk)
	assert.Positive(t, d.Risk.AtRisk, "the sample has troubled accounts")
	for i, r := range d.Risk.Top {
		assert.Contains(t, []string{"high", "medium"}, r.Level)
		if i > 0 {
			assert.GreaterOrEqual(t, d.Risk.Top[i-1].Score, r.Score, "riskiest first")
		}
	}
	for i, r := range d.Renewals {
		assert.Equal(t, "program", r.What)
		assert.GreaterOrEqual(t, r.DaysLeft, 0)
		assert.LessOrEqual(t, r.DaysLeft, 180)
		if i > 0 {
			assert.LessOrEqual(t, d.Renewals[i-1].Date, r.Date, "soonest first")
		}
	}

	// the remembered views follow a write: archiving the riskiest account drops it
	top := d.Risk.Top[0]
	acc, err := a.Accounts.Get(top.AccountID)
	require.NoError(t, err)
	_, err = a.Accounts.Archive(acc.ID, acc.Rev)
	require.NoError(t, err)
	again, err := a.Portfolio.Dashboard("")
	require.NoError(t, err)
	for _, r := range again.Risk.Top {
		assert.NotEqual(t, top.AccountID, r.AccountID)
	}
	assert.Equal(t, d.Risk.AtRisk-1, again.Risk.AtRisk)
}

// The second view: vulnerability from the switching-cost barrier (and the
// decline risk when there are figures) against attractiveness.
func TestPortfolioMatrixVulnerability(t *testing.T) {
	a := newTestApp(t)
	locked := mustCreate(t, a, account.Account{Name: "华东精密", Owner: "王磊"})
	loose := mustCreate(t, a, account.Account{Name: "Nordwind GmbH", Owner: "Anna"})
	dull := mustCreate(t, a, account.Account{Name: "西部物流", Owner: "王磊"})
	for _, id := range []string{locked.ID, loose.ID, dull.ID} {
		attractive := 8
		if id == dull.ID {
			attractive = 3
		}
		_, err := a.Portfolio.Score(scorecard(id, attractive, 6, "2026-03-01"))
		require.NoError(t, err)
	}
	// every switching cost at its top (barrier 100) or its bottom (barrier 0)
	for id, s := range map[string]int{locked.ID: 5, loose.ID: 1, dull.ID: 1} {
		_, err := a.Switching.SaveAssessment(switching.Assessment{AccountID: id, Date: "2026-05-01", Scores: switchingScores(s, s, s, s, s, s, s, s)})
		require.NoError(t, err)
	}
	m, err := a.Portfolio.Matrix(PortfolioFilter{})
	require.NoError(t, err)
	tests := []struct {
		id      string
		vuln    float64
		defence string
	}{
		{locked.ID, 0, portfolio.Secure},  // (100 − 100) / 10
		{loose.ID, 10, portfolio.Defend},  // (100 − 0) / 10, and attractive: defend first
		{dull.ID, 10, portfolio.Question}, // as vulnerable, but not attractive
	}
	for _, tt := range tests {
		p := pointOf(m, tt.id)
		require.NotNil(t, p.Vulnerability, p.Name)
		assert.Equal(t, tt.vuln, *p.Vulnerability, p.Name)
		assert.Equal(t, tt.defence, p.Defence, p.Name)
	}
	assert.Equal(t, map[string]int{portfolio.Secure: 1, portfolio.Defend: 1, portfolio.Question: 1}, m.ByDefence)
	assert.Equal(t, portfolio.VulnerableFrom, m.VulnerableFrom)

	// A new assessment that raises the barriers moves the account out of "defend".
	_, err = a.Switching.SaveAssessment(switching.Assessment{AccountID: loose.ID, Date: "2026-08-01", Scores: switchingScores(5, 5, 5, 5, 5, 5, 5, 5)})
	require.NoError(t, err)
	m, err = a.Portfolio.Matrix(PortfolioFilter{})
	require.NoError(t, err)
	assert.Equal(t, portfolio.Secure, pointOf(m, loose.ID).Defence)
}
