package portfolio

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/fault"
)

func fieldRule(t *testing.T, err error) (string, string) {
	t.Helper()
	require.Error(t, err)
	e := fault.As(err)
	return e.Field, e.Rule
}

func TestSettingsValidate(t *testing.T) {
	require.NoError(t, func() error { s := DefaultSettings(); return s.Validate() }())
	cases := []struct {
		name  string
		edit  func(*Settings)
		field string
		rule  string
	}{
		{"weights not summing to 100", func(s *Settings) { s.Attractiveness[0].Weight = 30 }, "attractiveness", "weights_sum"},
		{"weight out of range", func(s *Settings) { s.Strength[0].Weight = -5; s.Strength[1].Weight = 45 }, "strength[0].weight", "out_of_range"},
		{"criterion twice", func(s *Settings) { s.Strength[1].Key = s.Strength[0].Key }, "strength[1].key", "duplicate"},
		{"no criteria", func(s *Settings) { s.Strength = nil }, "strength", "out_of_range"},
		{"cut off the scale", func(s *Settings) { s.Cut = 11 }, "cut", "out_of_range"},
		{"quadrant suggests unknown tier", func(s *Settings) { s.QuadrantTier[Star] = "gold" }, "quadrantTier.star", "unknown_value"},
		{"ABC limits out of order", func(s *Settings) { s.ClassA = 96 }, "classB", "order"},
		{"bands not descending", func(s *Settings) { s.Bands[1].Min = s.Bands[0].Min }, "bands[1].min", "order"},
		{"lowest band not at zero", func(s *Settings) { s.Bands[3].Min = 1 }, "bands[3].min", "order"},
		{"retention diverges", func(s *Settings) { s.Retention, s.Discount = 1, 0 }, "retention", "diverges"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := DefaultSettings()
			tc.edit(&s)
			f, r := fieldRule(t, s.Validate())
			assert.Equal(t, tc.field, f)
			assert.Equal(t, tc.rule, r)
		})
	}
}

func fullCard(s Settings, a, st int) Scorecard {
	sc := Scorecard{AccountID: "A", ScoredOn: "2026-03-31"}
	for _, c := range s.Attractiveness {
		sc.Attractiveness = append(sc.Attractiveness, Score{Key: c.Key, Score: a})
	}
	for _, c := range s.Strength {
		sc.Strength = append(sc.Strength, Score{Key: c.Key, Score: st})
	}
	return sc
}

func TestIndexAndQuadrant(t *testing.T) {
	s := DefaultSettings()
	// weights 25/15/15/15/15/15: scores 9,6,5,7,8,4 → (225+90+75+105+120+60)/100 = 6.75
	scores := []Score{{"future_revenue", 9, ""}, {"financial_security", 6, ""}, {"relationship", 5, ""},
		{"influence", 7, ""}, {"growth", 8, ""}, {"budget", 4, ""}}
	assert.InDelta(t, 6.75, Index(s.Attractiveness, scores), 1e-9)
	assert.InDelta(t, 2.25, Index(s.Attractiveness, scores[:1]), 1e-9, "an unscored criterion counts nothing")

	cases := []struct {
		a, st float64
		want  string
	}{
		{5.5, 5.5, Strategic}, // the cut itself is high
		{5.49, 5.5, Status},
		{5.5, 5.49, Star},
		{5.49, 5.49, Streamline},
		{10, 1, Star},
		{1, 10, Status},
		{1, 1, Streamline},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, Quadrant(tc.a, tc.st, 5.5), "%v/%v", tc.a, tc.st)
	}
	p := Place(fullCard(s, 8, 3), s)
	assert.Equal(t, Position{Attractiveness: 8, Strength: 3, Quadrant: Star, SuggestedTier: "key"}, p)
}

func TestScorecardValidate(t *testing.T) {
	s := DefaultSettings()
	good := fullCard(s, 5, 5)
	require.NoError(t, good.Validate(s))
	cases := []struct {
		name  string
		edit  func(*Scorecard)
		field string
		rule  string
	}{
		{"score above 10", func(c *Scorecard) { c.Attractiveness[2].Score = 11 }, "attractiveness[2].score", "out_of_range"},
		{"score of 0", func(c *Scorecard) { c.Strength[0].Score = 0 }, "strength[0].score", "out_of_range"},
		{"unknown criterion", func(c *Scorecard) { c.Strength[0].Key = "luck" }, "strength[0].key", "unknown_value"},
		{"criterion twice", func(c *Scorecard) { c.Strength[1].Key = c.Strength[0].Key }, "strength[1].key", "duplicate"},
		{"criterion missing", func(c *Scorecard) { c.Attractiveness = c.Attractiveness[1:] }, "attractiveness", "missing_score"},
		{"bad date", func(c *Scorecard) { c.ScoredOn = "2026-02-30" }, "scoredOn", "invalid_date"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := fullCard(s, 5, 5)
			tc.edit(&c)
			f, r := fieldRule(t, c.Validate(s))
			assert.Equal(t, tc.field, f)
			assert.Equal(t, tc.rule, r)
		})
	}
}

func classes(rows []Ranked) map[string]string {
	out := map[string]string{}
	for _, r := range rows {
		out[r.AccountID] = r.Class
	}
	return out
}

func TestABC(t *testing.T) {
	t.Run("boundaries exactly at 80 and 95", func(t *testing.T) {
		// total 100: a 50, b 30 → 80 before c; c 15 → 95 before d
		rows, sums := ABC([]Valued{{"d", 5}, {"b", 30}, {"a", 50}, {"c", 15}}, 80, 95)
		assert.Equal(t, map[string]string{"a": ClassA, "b": ClassA, "c": ClassB, "d": ClassC}, classes(rows))
		assert.Equal(t, []string{"a", "b", "c", "d"}, []string{rows[0].AccountID, rows[1].AccountID, rows[2].AccountID, rows[3].AccountID})
		assert.Equal(t, 80.0, rows[1].Cumulative)
		assert.Equal(t, 95.0, rows[2].Cumulative)
		assert.Equal(t, []ClassSummary{{ClassA, 2, 80, 80}, {ClassB, 1, 15, 15}, {ClassC, 1, 5, 5}}, sums)
	})
	t.Run("the account that crosses the limit is still needed for it", func(t *testing.T) {
		rows, _ := ABC([]Valued{{"a", 70}, {"b", 20}, {"c", 10}}, 80, 95)
		// b takes the cumulative share from 70 to 90 %: it is needed to reach 80, so A;
		// before c 90 % is held, below 95, so c is B
		assert.Equal(t, map[string]string{"a": ClassA, "b": ClassA, "c": ClassB}, classes(rows))
	})
	t.Run("ties share a class", func(t *testing.T) {
		rows, _ := ABC([]Valued{{"a", 40}, {"b", 40}, {"c", 10}, {"d", 10}}, 80, 95)
		// before c: 80 → B; d ties with c → B as well (before d is 90)
		assert.Equal(t, map[string]string{"a": ClassA, "b": ClassA, "c": ClassB, "d": ClassB}, classes(rows))
		assert.Equal(t, "c", rows[2].AccountID, "ties are ordered by id")
	})
	t.Run("the largest account is always A", func(t *testing.T) {
		rows, _ := ABC([]Valued{{"a", 99}, {"b", 1}}, 80, 95)
		assert.Equal(t, map[string]string{"a": ClassA, "b": ClassC}, classes(rows))
	})
	t.Run("nothing positive", func(t *testing.T) {
		rows, sums := ABC([]Valued{{"a", 0}, {"b", -5}}, 80, 95)
		assert.Equal(t, map[string]string{"a": ClassC, "b": ClassC}, classes(rows))
		assert.Equal(t, 2, sums[2].Count)
		assert.Zero(t, sums[2].Share)
	})
	t.Run("large amounts stay exact", func(t *testing.T) {
		// 8e17 of 1e18 is exactly 80 %: float arithmetic would blur it
		rows, _ := ABC([]Valued{{"a", 800_000_000_000_000_000}, {"b", 150_000_000_000_000_000}, {"c", 50_000_000_000_000_000}}, 80, 95)
		assert.Equal(t, map[string]string{"a": ClassA, "b": ClassB, "c": ClassC}, classes(rows))
	})
}

func TestCLV(t *testing.T) {
	v, err := CLV(100, 0.8, 0.1, 0)
	require.NoError(t, err)
	assert.InDelta(t, 266.67, v, 0.005, "m = 100, r = 0.8, i = 0.1, AC = 0")
	v, err = CLV(100, 0.8, 0.1, 50)
	require.NoError(t, err)
	assert.InDelta(t, 216.67, v, 0.005)

	// finite: 100 + 100·0.8/1.1 + 100·0.64/1.21 = 100 + 72.727 + 52.893 = 225.62
	v, err = CLVFinite([]float64{100, 100, 100}, 0.8, 0.1, 0)
	require.NoError(t, err)
	assert.InDelta(t, 225.62, v, 0.005)
	// many years approach the closed form plus the year-0 margin: m + m·r/(1+i−r)
	long := make([]float64, 400)
	for i := range long {
		long[i] = 100
	}
	v, err = CLVFinite(long, 0.8, 0.1, 0)
	require.NoError(t, err)
	assert.InDelta(t, 366.67, v, 0.01)

	bad := []struct {
		name            string
		m, r, i, ac     float64
		field, wantRule string
	}{
		{"negative margin", -1, 0.8, 0.1, 0, "margin", "negative"},
		{"retention above 1", 100, 1.2, 0.1, 0, "retention", "out_of_range"},
		{"retention ≥ 1 + discount", 100, 1, 0, 0, "retention", "diverges"},
		{"negative discount", 100, 0.5, -0.2, 0, "discount", "out_of_range"},
		{"negative acquisition", 100, 0.5, 0.1, -3, "acquisition", "negative"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, err := CLV(tc.m, tc.r, tc.i, tc.ac)
			f, r := fieldRule(t, err)
			assert.Equal(t, tc.field, f)
			assert.Equal(t, tc.wantRule, r)
		})
	}
	assert.NoError(t, CheckRates(0.95, 0), "0.95 < 1 + 0: converges")
	v, err = CLV(100, 1, 0.1, 0)
	require.NoError(t, err, "a customer never lost is still worth a finite sum when discounted")
	assert.InDelta(t, 1000, v, 1e-9)
	_, err = CLVFinite([]float64{100, -1}, 0.8, 0.1, 0)
	f, r := fieldRule(t, err)
	assert.Equal(t, "margins", f)
	assert.Equal(t, "negative", r)
}

func TestValueClass(t *testing.T) {
	cases := []struct {
		cpv, clv float64
		want     string
	}{
		{5.5, 1000, Core}, // both cuts are high
		{5.4, 1000, Potential},
		{5.5, 999, OverServed},
		{5.4, 999, Marginal},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, ValueClass(tc.cpv, 5.5, tc.clv, 1000), "%v/%v", tc.cpv, tc.clv)
	}
	assert.Equal(t, 2.5, Median([]float64{4, 1, 3, 2}))
	assert.Equal(t, 3.0, Median([]float64{5, 1, 3}))
	assert.Zero(t, Median(nil))
}

func TestPyramid(t *testing.T) {
	bands := []Band{{Key: "top", Min: 1000}, {Key: "mid", Min: 100}, {Key: "low", Min: 0}}
	assert.Equal(t, "top", BandOf(bands, 1000), "a band's minimum belongs to it")
	assert.Equal(t, "mid", BandOf(bands, 999))
	assert.Equal(t, "low", BandOf(bands, -20))
	levels := Pyramid(bands, []Served{
		{"a", 5000, 1500, 300}, {"b", 1200, 300, 100},
		{"c", 400, 100, 60},
		{"d", 50, 10, 40}, {"e", 80, 16, 30},
	})
	require.Len(t, levels, 3)
	assert.Equal(t, Level{Band: "top", Count: 2, Revenue: 6200, Margin: 1800, Cost: 400, Profit: 1400, Return: 22.58, Accounts: []string{"a", "b"}}, levels[0])
	assert.Equal(t, int64(40), levels[1].Profit)
	assert.Equal(t, int64(-44), levels[2].Profit, "the bottom loses money once cost to serve counts")
	assert.Equal(t, -33.85, levels[2].Return)
}

func TestVulnerabilityAndKeyCount(t *testing.T) {
	v, ok := Vulnerability(80, true, 60, true) // (20/2 + 60/2)/10 = 4
	assert.True(t, ok)
	assert.Equal(t, 4.0, v)
	v, _ = Vulnerability(30, true, 0, false)
	assert.Equal(t, 7.0, v)
	_, ok = Vulnerability(0, false, 0, false)
	assert.False(t, ok)

	s := DefaultSettings()
	s.MaxKeyAccounts = 2
	n, tooMany := KeyAccountCount(s, map[string]string{"a": "strategic", "b": "key", "c": "maintain"})
	assert.Equal(t, 2, n)
	assert.False(t, tooMany)
	_, tooMany = KeyAccountCount(s, map[string]string{"a": "strategic", "b": "key", "c": "key"})
	assert.True(t, tooMany)
}

func TestDefenceClass(t *testing.T) {
	// the cut on attractiveness is the matrix's (5.5 by default); vulnerability
	// is high from 5: both boundaries belong to the high side
	tests := []struct {
		attractiveness, vulnerability float64
		want                          string
	}{
		{5.5, 5, Defend},
		{9, 9.9, Defend},
		{5.5, 4.99, Secure},
		{10, 0, Secure},
		{5.49, 5, Question},
		{0, 10, Question},
		{5.49, 4.99, Hold},
		{0, 0, Hold},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, DefenceClass(tt.attractiveness, tt.vulnerability, 5.5), "%v × %v", tt.attractiveness, tt.vulnerability)
	}
	// worked through: a low barrier (30) and a high risk (70) make 7 — vulnerable
	v, _ := Vulnerability(30, true, 70, true)
	assert.Equal(t, 7.0, v)
	assert.Equal(t, Defend, DefenceClass(8, v, 5.5))
}

func TestAssignmentValidate(t *testing.T) {
	s := DefaultSettings()
	a := Assignment{AccountID: "A", Tier: "key", SetOn: "2026-01-05"}
	require.NoError(t, a.Validate(s))
	a.Tier = "gold"
	f, r := fieldRule(t, a.Validate(s))
	assert.Equal(t, "tier", f)
	assert.Equal(t, "unknown_value", r)
}

func TestInputs(t *testing.T) {
	s := DefaultSettings()
	var in Inputs
	in.AccountID = "A"
	r, i := in.Rates(s)
	assert.Equal(t, [2]float64{0.8, 0.1}, [2]float64{r, i}, "no own rates: the settings' defaults")
	require.NoError(t, in.Validate(s))
	one, zero, eleven := 1.0, 0.0, 11.0
	cases := []struct {
		name  string
		edit  func(*Inputs)
		field string
		rule  string
	}{
		{"negative cost to serve", func(x *Inputs) { x.CostToServe = -1 }, "costToServe", "negative"},
		{"negative acquisition", func(x *Inputs) { x.Acquisition = -1 }, "acquisition", "negative"},
		{"diverging retention", func(x *Inputs) { x.Retention, x.Discount = &one, &zero }, "retention", "diverges"},
		{"perceived value off scale", func(x *Inputs) { x.PerceivedValue = &eleven }, "perceivedValue", "out_of_range"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			x := Inputs{AccountID: "A"}
			tc.edit(&x)
			f, r := fieldRule(t, x.Validate(s))
			assert.Equal(t, tc.field, f)
			assert.Equal(t, tc.rule, r)
		})
	}
}
