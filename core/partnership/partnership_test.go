package partnership

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/fault"
)

// spreadScores splits sum over the keys, each 1..5, earlier keys higher.
func spreadScores(t *testing.T, keys []string, sum int) map[string]Rating {
	t.Helper()
	require.True(t, sum >= len(keys) && sum <= 5*len(keys), "sum %d cannot be made", sum)
	m := map[string]Rating{}
	left := sum
	for i, k := range keys {
		rest := len(keys) - i - 1
		v := min(5, left-rest)
		m[k] = Rating{Score: v}
		left -= v
	}
	return m
}

// assessment with our and the customer's driver sums, facilitator sum and bonuses present.
func assessment(t *testing.T, ours, customer, fac int, bonuses ...string) Assessment {
	t.Helper()
	a := Assessment{AccountID: "acc", AssessedOn: "2026-03-01",
		Drivers:      DriverScores{Ours: spreadScores(t, Drivers, ours), Customer: spreadScores(t, Drivers, customer)},
		Facilitators: spreadScores(t, Facilitators, fac), Bonuses: map[string]Bonus{}}
	for _, b := range bonuses {
		a.Bonuses[b] = Bonus{Present: true}
	}
	return a
}

func TestTypeMatrixEveryBoundary(t *testing.T) {
	const (
		AL  = ArmsLength
		I   = TypeI
		II  = TypeII
		II3 = TypeIII
	)
	ds := []int{7, 8, 11, 12, 15, 16, 20}
	want := map[int][]string{ // f -> type per d in ds
		7:  {AL, AL, AL, AL, AL, AL, AL},
		8:  {AL, I, I, I, I, II, II},
		11: {AL, I, I, I, I, II, II},
		12: {AL, I, I, II, II, II3, II3},
		15: {AL, I, I, II, II, II3, II3},
		16: {AL, II, II, II3, II3, II3, II3},
		20: {AL, II, II, II3, II3, II3, II3},
	}
	s := Defaults()
	for f, row := range want {
		for i, d := range ds {
			assert.Equal(t, row[i], Type(d, f, s), "D %d, F %d", d, f)
			// the same through scored assessments, whichever party is the
			// lower one: D is its sum, the eager side lifts nothing
			for _, side := range []struct {
				lower          string
				ours, customer int
			}{{Customer, 20, d}, {Ours, d, 20}} {
				a := assessment(t, side.ours, side.customer, f)
				sc := Score(a, s)
				assert.Equal(t, d, sc.D)
				if d < 20 {
					assert.Equal(t, side.lower, sc.Lower)
				}
				assert.Equal(t, row[i], Evaluate(a, s).Type, "scored D %d (%s lower), F %d", d, side.lower, f)
			}
		}
	}
}

func TestBands(t *testing.T) {
	s := Defaults()
	for _, c := range []struct{ x, band int }{{4, BandBelow}, {7, BandBelow}, {8, BandLow}, {11, BandLow}, {12, BandMiddle}, {15, BandMiddle}, {16, BandHigh}, {25, BandHigh}} {
		assert.Equal(t, c.band, Band(c.x, s), "score %d", c.x)
	}
}

func TestLowerPartyRule(t *testing.T) {
	s := Defaults()
	cases := []struct {
		name           string
		ours, customer int
		d              int
		lower, typ     string
	}{
		{"customer lower", 18, 13, 13, Customer, TypeII},
		{"ours lower", 13, 18, 13, Ours, TypeII},
		{"equal", 13, 13, 13, Both, TypeII},
		{"one eager side cannot lift a reluctant one", 20, 7, 7, Customer, ArmsLength},
		{"customer at the high cut, ours below", 15, 16, 15, Ours, TypeII},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := assessment(t, c.ours, c.customer, 15)
			sc := Score(a, s)
			assert.Equal(t, c.ours, sc.Ours)
			assert.Equal(t, c.customer, sc.Customer)
			assert.Equal(t, c.d, sc.D)
			assert.Equal(t, c.lower, sc.Lower)
			assert.Equal(t, c.typ, Type(sc.D, sc.F, s))
		})
	}
}

func TestBonusFacilitators(t *testing.T) {
	s := Defaults()
	cases := []struct {
		name    string
		fac     int
		bonuses []string
		points  int
		f       int
		typ     string
	}{
		{"none", 10, nil, 1, 10, TypeI},
		{"two lift F into the middle band", 10, []string{"exclusivity", "proximity"}, 1, 12, TypeII},
		{"all five", 11, Bonuses, 1, 16, TypeIII},
		{"above 20 with every bonus", 20, Bonuses, 1, 25, TypeIII},
		{"worth nothing when set to 0", 10, []string{"exclusivity", "proximity"}, 0, 10, TypeI},
		{"worth two each", 6, []string{"exclusivity"}, 2, 8, TypeI},
		{"absent ones count nothing", 7, nil, 1, 7, ArmsLength},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s.BonusPoints = c.points
			a := assessment(t, 14, 14, c.fac, c.bonuses...)
			a.Bonuses["shared_end_users"] = Bonus{Present: false, Note: "not yet"}
			if len(c.bonuses) == len(Bonuses) {
				a.Bonuses["shared_end_users"] = Bonus{Present: true}
			}
			sc := Score(a, s)
			assert.Equal(t, c.f, sc.F)
			assert.Equal(t, c.fac, sc.Facilitators)
			assert.Equal(t, c.typ, Evaluate(a, s).Type)
		})
	}
}

func TestVersionedSettingsChangeTheType(t *testing.T) {
	a := assessment(t, 16, 13, 15)
	v1 := Defaults()
	v2 := Defaults()
	v2.ArmsLengthBelow, v2.MiddleFrom, v2.HighFrom = 10, 14, 18
	require.NoError(t, Validate(&v2))
	assert.Equal(t, TypeII, Evaluate(a, v1).Type)
	assert.Equal(t, TypeI, Evaluate(a, v2).Type, "13 is low under v2's cuts")
	v3 := Defaults()
	v3.Matrix[BandMiddle][BandMiddle] = TypeIII
	assert.Equal(t, TypeIII, Evaluate(a, v3).Type, "an edited matrix cell decides")
	assert.Equal(t, TypeII, Evaluate(a, v1).Type, "the shipped defaults are not changed by editing a copy")
}

func TestReasonInPlainWords(t *testing.T) {
	s := Defaults()
	cases := []struct {
		ours, customer, fac int
		bonuses             []string
		code, text          string
	}{
		{16, 13, 15, nil, ReasonMatrix, "drivers 13 — the customer's side is the lower; facilitators 15 → Type II"},
		{9, 17, 16, nil, ReasonMatrix, "drivers 9 — our side is the lower; facilitators 16 → Type II"},
		{12, 12, 12, nil, ReasonMatrix, "drivers 12 — both sides score the same; facilitators 12 → Type II"},
		{7, 17, 16, nil, ReasonDriversLow, "drivers 7 — our side is the lower, below 8; facilitators 16 → arm's length"},
		{14, 15, 6, []string{"exclusivity"}, ReasonFacilitatorsLow, "drivers 14 — our side is the lower; facilitators 7, below 8 → arm's length"},
		{6, 6, 4, nil, ReasonBothLow, "drivers 6 — both sides score the same, below 8; facilitators 4, below 8 → arm's length"},
	}
	for _, c := range cases {
		sc := Score(assessment(t, c.ours, c.customer, c.fac, c.bonuses...), s)
		e := Reason(sc, s)
		assert.Equal(t, c.code, e.Code)
		assert.Equal(t, c.text, e.Text)
		assert.Equal(t, 8, e.Cut)
	}
}

func TestGaps(t *testing.T) {
	s := Defaults()
	a := Assessment{Components: map[string]Level{
		"joint_planning":   {Level: Low},
		"communications":   {Level: Medium},
		"trust_commitment": {Level: High},
		"scope":            {Level: ""},
	}}
	assert.Equal(t, []Gap{
		{Component: "joint_planning", Today: Low, Required: Medium, Kind: GapBelow, Steps: 1},
	}, Gaps(a, TypeII, s), "one level above is fine, unassessed ones are skipped")
	assert.Equal(t, []Gap{
		{Component: "joint_planning", Today: Low, Required: High, Kind: GapBelow, Steps: 2},
		{Component: "communications", Today: Medium, Required: High, Kind: GapBelow, Steps: 1},
	}, Gaps(a, TypeIII, s))
	assert.Equal(t, []Gap{
		{Component: "trust_commitment", Today: High, Required: Low, Kind: GapFarAbove, Steps: 2},
	}, Gaps(a, TypeI, s), "high where low is called for is over-investment")
	s.FarAbove = 1
	assert.Len(t, Gaps(a, TypeI, s), 2, "a stricter rule flags one level above too")
	s.FarAbove = 0
	assert.Empty(t, Gaps(a, TypeI, s), "0 turns the over-investment rule off")
	s = Defaults()
	s.ComponentLevels[ArmsLength] = Low
	assert.Equal(t, GapFarAbove, Gaps(a, ArmsLength, s)[0].Kind)
}

func TestEvaluate(t *testing.T) {
	s := Defaults()
	a := assessment(t, 18, 17, 16, "prior_history")
	a.Components = map[string]Level{"joint_planning": {Level: Medium}, "scope": {Level: High}}
	a.Preconditions = map[string]bool{"shared_vision": true, "information_flow": true, "quality_focus": false}
	a.Outcomes = map[string]Rating{"financial": {Score: 4}, "process": {Score: 3}}
	a.Portfolio = "non_critical"
	r := Evaluate(a, s)
	assert.Equal(t, TypeIII, r.Type)
	assert.Equal(t, 17, r.F)
	assert.Equal(t, []Gap{{Component: "joint_planning", Today: Medium, Required: High, Kind: GapBelow, Steps: 1}}, r.Gaps)
	assert.Len(t, r.Unassessed, 6)
	assert.Equal(t, 2, r.PrecondsMet)
	assert.Equal(t, 8, r.PrecondsAll)
	assert.Equal(t, 35, r.OutcomeAvg)
	assert.Equal(t, AdviceNonCriticalRarely, r.Advice)

	a.Portfolio = "strategic"
	a.Drivers.Customer = spreadScores(t, Drivers, 9)
	r = Evaluate(a, s)
	assert.Equal(t, TypeII, r.Type)
	a.Facilitators = spreadScores(t, Facilitators, 8)
	a.Bonuses = nil
	r = Evaluate(a, s)
	assert.Equal(t, TypeI, r.Type)
	assert.Equal(t, AdviceStrategicPays, r.Advice)
}

func issue(t *testing.T, err error) (string, string) {
	t.Helper()
	require.Error(t, err)
	fe := fault.As(err)
	assert.Equal(t, fault.Invalid, fe.Code)
	return fe.Field, fe.Rule
}

func TestAssessmentValidate(t *testing.T) {
	s := Defaults()
	good := func() Assessment {
		a := assessment(t, 14, 12, 13, "proximity")
		a.Components = map[string]Level{"scope": {Level: Medium, Note: "两条产品线"}}
		a.Outcomes = map[string]Rating{"financial": {Score: 3}}
		a.Preconditions = map[string]bool{"shared_vision": true}
		a.Portfolio = "strategic"
		return a
	}
	ok := good()
	require.NoError(t, ok.Validate(s))

	cases := []struct {
		name        string
		edit        func(a *Assessment)
		field, rule string
	}{
		{"no account", func(a *Assessment) { a.AccountID = "" }, "accountId", "required"},
		{"no date", func(a *Assessment) { a.AssessedOn = "" }, "assessedOn", "required"},
		{"bad date", func(a *Assessment) { a.AssessedOn = "2026-02-30" }, "assessedOn", "invalid_date"},
		{"score above the scale", func(a *Assessment) { a.Drivers.Ours["asset_cost"] = Rating{Score: 6} }, "drivers.ours.asset_cost.score", "out_of_range"},
		{"negative score", func(a *Assessment) { a.Facilitators["symmetry"] = Rating{Score: -1} }, "facilitators.symmetry.score", "out_of_range"},
		{"missing party", func(a *Assessment) { a.Drivers.Customer = nil }, "drivers.customer", "required"},
		{"one driver unscored", func(a *Assessment) { delete(a.Drivers.Customer, "profit") }, "drivers.customer.profit.score", "required"},
		{"a zero is unscored", func(a *Assessment) { a.Facilitators["mutuality"] = Rating{} }, "facilitators.mutuality.score", "required"},
		{"unknown driver", func(a *Assessment) { a.Drivers.Ours["luck"] = Rating{Score: 3} }, "drivers.ours.luck", "unknown_value"},
		{"unknown level", func(a *Assessment) { a.Components["scope"] = Level{Level: "huge"} }, "components.scope.level", "unknown_value"},
		{"unknown component", func(a *Assessment) { a.Components["golf"] = Level{Level: High} }, "components.golf", "unknown_value"},
		{"unknown bonus", func(a *Assessment) { a.Bonuses["same_city"] = Bonus{Present: true} }, "bonuses.same_city", "unknown_value"},
		{"unknown precondition", func(a *Assessment) { a.Preconditions["luck"] = true }, "preconditions.luck", "unknown_value"},
		{"unknown category", func(a *Assessment) { a.Portfolio = "routine" }, "portfolio", "unknown_value"},
		{"outcome above the scale", func(a *Assessment) { a.Outcomes["process"] = Rating{Score: 9} }, "outcomes.process.score", "out_of_range"},
		{"long note", func(a *Assessment) {
			a.Facilitators["symmetry"] = Rating{Score: 3, Note: string(make([]rune, MaxNote+1))}
		}, "facilitators.symmetry.note", "too_long"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := good()
			c.edit(&a)
			a.Normalize()
			f, r := issue(t, a.Validate(s))
			assert.Equal(t, c.field, f)
			assert.Equal(t, c.rule, r)
		})
	}

	// a wider scale accepts what the default refuses
	wide := Defaults()
	wide.ScaleMax = 7
	a := good()
	a.Drivers.Ours["asset_cost"] = Rating{Score: 7}
	assert.NoError(t, a.Validate(wide))
	assert.Error(t, a.Validate(s))
}

func TestSettingsValidate(t *testing.T) {
	d := Defaults()
	require.NoError(t, Validate(&d))
	cases := []struct {
		name        string
		edit        func(s *Settings)
		field, rule string
	}{
		{"scale too small", func(s *Settings) { s.ScaleMax = 2 }, "scaleMax", "out_of_range"},
		{"cut unreachable", func(s *Settings) { s.ArmsLengthBelow = 21 }, "armsLengthBelow", "out_of_range"},
		{"middle not above the cut", func(s *Settings) { s.MiddleFrom = 8 }, "middleFrom", "not_above"},
		{"high not above middle", func(s *Settings) { s.HighFrom = 12 }, "highFrom", "not_above"},
		{"high unreachable", func(s *Settings) { s.HighFrom = 21 }, "highFrom", "out_of_range"},
		{"unknown type in a cell", func(s *Settings) { s.Matrix[1][2] = "type_4" }, "matrix[1][2]", "unknown_value"},
		{"type without a level", func(s *Settings) { delete(s.ComponentLevels, TypeII) }, "componentLevels.type_2", "unknown_value"},
		{"unknown level", func(s *Settings) { s.ComponentLevels[TypeI] = "none" }, "componentLevels.type_1", "unknown_value"},
		{"far-above rule too wide", func(s *Settings) { s.FarAbove = 3 }, "farAbove", "out_of_range"},
		{"label for nothing", func(s *Settings) { s.Labels["golf"] = Label{En: "Golf"} }, "labels.golf", "unknown_value"},
		{"label too long", func(s *Settings) { s.Labels[TypeIII] = Label{Zh: string(make([]rune, MaxLabel+1))} }, "labels.type_3.zh", "too_long"},
		{"bonus too rich", func(s *Settings) { s.BonusPoints = 6 }, "bonusPoints", "out_of_range"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := Defaults()
			c.edit(&s)
			f, r := issue(t, Validate(&s))
			assert.Equal(t, c.field, f)
			assert.Equal(t, c.rule, r)
		})
	}
	s := Defaults()
	s.ScaleMax = 7
	s.HighFrom = 24
	s.Labels[TypeIII] = Label{En: "Integrated", Zh: "一体化"}
	assert.NoError(t, Validate(&s), "a wider scale allows higher cuts")
}
