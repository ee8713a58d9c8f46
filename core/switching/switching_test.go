package switching

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/action"
	"keystone/core/fault"
	"keystone/core/money"
)

func scores(v ...int) []Score {
	out := make([]Score, len(SubTypes))
	for i, st := range SubTypes {
		out[i] = Score{Key: st.Key, Score: v[i]}
	}
	return out
}

func TestIndexWorkedExamples(t *testing.T) {
	tests := []struct {
		name    string
		scores  []int
		weights map[string]int
		want    Indices
	}{
		// procedural mean 5 → 100; financial 3 → 50; relational 1 → 0;
		// barrier = (50×100 + 25×50 + 25×0) / 100 = 62.5
		{"mixed", []int{5, 5, 5, 5, 3, 3, 1, 1}, nil, Indices{100, 50, 0, 62.5}},
		{"all ones", []int{1, 1, 1, 1, 1, 1, 1, 1}, nil, Indices{0, 0, 0, 0}},
		{"all fives", []int{5, 5, 5, 5, 5, 5, 5, 5}, nil, Indices{100, 100, 100, 100}},
		// procedural (4+3+2+1)/4 = 2.5 → 37.5; financial 4.5 → 87.5; relational 2 → 25;
		// barrier 18.75 + 21.875 + 6.25 = 46.875 → 46.9, the same as the mean of the
		// eight scores (23/8 = 2.875 → 46.875): the default weights count facets equally
		{"uneven", []int{4, 3, 2, 1, 4, 5, 2, 2}, nil, Indices{37.5, 87.5, 25, 46.9}},
		// equal thirds entered as 34/33/33
		{"other weights", []int{5, 5, 5, 5, 3, 3, 1, 1}, map[string]int{Procedural: 34, Financial: 33, Relational: 33}, Indices{100, 50, 0, 50.5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Defaults()
			if tt.weights != nil {
				s.TypeWeights = tt.weights
			}
			assert.Equal(t, tt.want, Index(Assessment{Scores: scores(tt.scores...)}, s))
		})
	}
}

func TestAssessmentValidate(t *testing.T) {
	ok := Assessment{AccountID: "A", Date: "2026-05-01", Scores: scores(1, 2, 3, 4, 5, 1, 2, 3)}
	require.NoError(t, ok.Validate())

	tests := []struct {
		name  string
		edit  func(a *Assessment)
		field string
		rule  string
	}{
		{"score above 5", func(a *Assessment) { a.Scores[2].Score = 6 }, "scores[2].score", "out_of_range"},
		{"score 0", func(a *Assessment) { a.Scores[0].Score = 0 }, "scores[0].score", "out_of_range"},
		{"missing facet", func(a *Assessment) { a.Scores = a.Scores[:7] }, "scores.brand_relationship", "score_missing"},
		{"twice", func(a *Assessment) { a.Scores[7].Key = "setup" }, "scores[7].key", "scored_twice"},
		{"unknown facet", func(a *Assessment) { a.Scores[7].Key = "loyalty" }, "scores[7].key", "unknown_value"},
		{"no date", func(a *Assessment) { a.Date = "" }, "date", "required"},
		{"bad date", func(a *Assessment) { a.Date = "2026-02-30" }, "date", "invalid_date"},
		{"long note", func(a *Assessment) { a.Scores[1].Note = strings.Repeat("注", MaxNote+1) }, "scores[1].note", "too_long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := ok
			a.Scores = append([]Score(nil), ok.Scores...)
			tt.edit(&a)
			fe := fault.As(a.Validate())
			assert.Equal(t, fault.Invalid, fe.Code)
			assert.Equal(t, tt.field, fe.Field)
			assert.Equal(t, tt.rule, fe.Rule)
		})
	}
}

func survey(weights []int, pairs ...[2]int) Survey {
	s := Survey{AccountID: "A", Date: "2026-06-01"}
	for i, k := range Dimensions {
		s.Dimensions = append(s.Dimensions, DimensionScore{Key: k, Expectation: pairs[i][0], Perception: pairs[i][1], Weight: weights[i]})
	}
	return s
}

func TestSatisfactionWorkedExample(t *testing.T) {
	// Gaps −1, −2, 0, +1, +2 with weights 30/25/20/15/10:
	// Σ = −30 −50 + 0 + 15 + 20 = −45 → −0.45; attraction (−0.45+6)/12×100 = 46.25 → 46.3
	s := survey([]int{30, 25, 20, 15, 10}, [2]int{6, 5}, [2]int{7, 5}, [2]int{5, 5}, [2]int{4, 5}, [2]int{3, 5})
	require.NoError(t, s.Validate())
	got := Satisfy(s)
	require.Len(t, got.Gaps, 5)
	assert.Equal(t, []int{-1, -2, 0, 1, 2}, []int{got.Gaps[0].Gap, got.Gaps[1].Gap, got.Gaps[2].Gap, got.Gaps[3].Gap, got.Gaps[4].Gap})
	assert.InDelta(t, -0.5, got.Gaps[1].Weighted, 1e-9)
	assert.InDelta(t, -0.45, got.Weighted, 1e-9)
	assert.InDelta(t, 46.3, got.Attraction, 1e-9)

	// Extremes: everything expected at 7 and perceived at 1 → −6 → 0; the reverse → 100.
	worst := survey([]int{20, 20, 20, 20, 20}, [2]int{7, 1}, [2]int{7, 1}, [2]int{7, 1}, [2]int{7, 1}, [2]int{7, 1})
	assert.InDelta(t, 0, Satisfy(worst).Attraction, 1e-9)
	best := survey([]int{20, 20, 20, 20, 20}, [2]int{1, 7}, [2]int{1, 7}, [2]int{1, 7}, [2]int{1, 7}, [2]int{1, 7})
	assert.InDelta(t, 100, Satisfy(best).Attraction, 1e-9)
	even := survey([]int{20, 20, 20, 20, 20}, [2]int{5, 5}, [2]int{5, 5}, [2]int{5, 5}, [2]int{5, 5}, [2]int{5, 5})
	assert.InDelta(t, 50, Satisfy(even).Attraction, 1e-9)
}

func TestSurveyValidate(t *testing.T) {
	base := func() Survey {
		return survey([]int{20, 20, 20, 20, 20}, [2]int{5, 5}, [2]int{5, 5}, [2]int{5, 5}, [2]int{5, 5}, [2]int{5, 5})
	}
	tests := []struct {
		name  string
		edit  func(s *Survey)
		field string
		rule  string
	}{
		{"weights 99", func(s *Survey) { s.Dimensions[0].Weight = 19 }, "weights", "weights_not_100"},
		{"weights 101", func(s *Survey) { s.Dimensions[4].Weight = 21 }, "weights", "weights_not_100"},
		{"expectation 8", func(s *Survey) { s.Dimensions[1].Expectation = 8 }, "dimensions[1].expectation", "out_of_range"},
		{"perception 0", func(s *Survey) { s.Dimensions[3].Perception = 0 }, "dimensions[3].perception", "out_of_range"},
		{"negative weight", func(s *Survey) { s.Dimensions[0].Weight = -10; s.Dimensions[1].Weight = 50 }, "dimensions[0].weight", "out_of_range"},
		{"missing dimension", func(s *Survey) { s.Dimensions = s.Dimensions[1:] }, "dimensions.tangibles", "score_missing"},
	}
	require.NoError(t, func() error { s := base(); return s.Validate() }())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := base()
			tt.edit(&s)
			fe := fault.As(s.Validate())
			assert.Equal(t, tt.field, fe.Field)
			assert.Equal(t, tt.rule, fe.Rule)
		})
	}
}

func TestQuadrantBoundaries(t *testing.T) {
	s := Defaults() // cuts at 50 / 50
	tests := []struct {
		attraction, barrier float64
		want                string
	}{
		{50, 50, Loyal}, // on both cuts: high/high
		{100, 100, Loyal},
		{49.9, 50, Captive}, // just under the attraction cut
		{0, 100, Captive},
		{50, 49.9, Free}, // just under the barrier cut
		{100, 0, Free},
		{49.9, 49.9, AtRisk},
		{0, 0, AtRisk},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Quadrant(tt.attraction, tt.barrier, s), "%v × %v", tt.attraction, tt.barrier)
	}
	// Cut-offs come from the settings.
	s.AttractionCut, s.BarrierCut = 60, 40
	for _, tt := range []struct {
		a, b float64
		want string
	}{{60, 40, Loyal}, {59.9, 40, Captive}, {60, 39.9, Free}, {59.9, 39.9, AtRisk}} {
		assert.Equal(t, tt.want, Quadrant(tt.a, tt.b, s), "%v × %v at 60/40", tt.a, tt.b)
	}
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
		{"type weights 90", func(s *Settings) { s.TypeWeights[Financial] = 15 }, "typeWeights", "weights_not_100"},
		{"survey weight missing", func(s *Settings) { delete(s.SurveyWeights, "empathy") }, "surveyWeights.empathy", "required"},
		{"unknown type", func(s *Settings) { s.TypeWeights["loyalty"] = 0 }, "typeWeights", "unknown_value"},
		{"cut 0", func(s *Settings) { s.AttractionCut = 0 }, "attractionCut", "out_of_range"},
		{"cut 100", func(s *Settings) { s.BarrierCut = 100 }, "barrierCut", "out_of_range"},
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

func testPlan() Plan {
	p := Plan{AccountID: "A", Title: "提高转换成本", Start: "2026-03-01"}
	p.ID = "P1"
	for i, k := range Levers {
		p.Levers = append(p.Levers, Lever{Key: k, Strength: 1 + i%3, Target: 4})
	}
	return p
}

func TestPlanValidateAndActions(t *testing.T) {
	p := testPlan()
	require.NoError(t, p.Validate())

	bad := testPlan()
	bad.Levers[1].Target = 6
	fe := fault.As(bad.Validate())
	assert.Equal(t, "levers[1].target", fe.Field)
	assert.Equal(t, "out_of_range", fe.Rule)
	bad = testPlan()
	bad.Levers = bad.Levers[:4]
	assert.Equal(t, "levers.emotional", fault.As(bad.Validate()).Field)
	bad = testPlan()
	bad.Title = " "
	assert.Equal(t, "title", fault.As(bad.Validate()).Field)

	a := action.Action{AccountID: "A", Title: "驻厂工程师", Due: "2026-03-01", Source: action.Source{Area: action.AreaSwitching, RecordID: "P1", Detail: "service"}}
	require.NoError(t, p.CheckAction(a), "due on the start day is fine")
	a.Due = "2026-02-28"
	fe = fault.As(p.CheckAction(a))
	assert.Equal(t, "due", fe.Field)
	assert.Equal(t, "due_before_start", fe.Rule)
	a.Due, a.Source.Detail = "2026-04-01", "price"
	fe = fault.As(p.CheckAction(a))
	assert.Equal(t, "source.detail", fe.Field)
	assert.Equal(t, "lever_unknown", fe.Rule)
	a.Due = ""
	a.Source.Detail = "asset"
	require.NoError(t, p.CheckAction(a), "an undated action is never early")

	// Moving the start past a due date is refused.
	p.Start = "2026-05-01"
	fe = fault.As(p.CheckStart([]action.Action{{Title: "x", Due: "2026-04-30"}}))
	assert.Equal(t, "start", fe.Field)
	assert.Equal(t, "start_after_due", fe.Rule)
	require.NoError(t, p.CheckStart([]action.Action{{Title: "x", Due: "2026-05-01"}}))
}

func TestProgress(t *testing.T) {
	p := testPlan()
	src := func(lever string) action.Source {
		return action.Source{Area: action.AreaSwitching, RecordID: "P1", Detail: lever}
	}
	acts := []action.Action{
		{Status: action.Done, Source: src("service")},
		{Status: action.Open, Due: "2026-06-01", Source: src("service")},                                       // overdue on 2026-07-01
		{Status: action.InProgress, Due: "2026-08-01", Source: src("service")},                                 // not yet
		{Status: action.Cancelled, Due: "2026-01-01", Source: src("service")},                                  // not counted
		{Status: action.Done, Source: src("product")},                                                          // 1 of 1
		{Status: action.Done, Source: action.Source{Area: action.AreaPlan, RecordID: "P1", Detail: "product"}}, // other area
	}
	acts[0].ID, acts[1].ID = "a0", "a1"
	costs := map[string]LeverCost{"a0": {Cost: money.Money{Amount: 500000, Currency: "CNY"}}, "a1": {Cost: money.Money{Amount: 100, Currency: "CNY"}}}
	got := Progress(p, acts, costs, "2026-07-01")
	require.Len(t, got, 5)
	byKey := map[string]LeverProgress{}
	for _, lp := range got {
		byKey[lp.Key] = lp
	}
	svc := byKey["service"]
	assert.Equal(t, 4, svc.Actions)
	assert.Equal(t, 1, svc.Done)
	assert.Equal(t, 2, svc.Open)
	assert.Equal(t, 1, svc.Overdue)
	assert.Equal(t, 33, svc.Percent, "1 done of 3 that count (cancelled left out)")
	assert.Equal(t, []money.Money{{Amount: 500100, Currency: "CNY"}}, svc.Cost)
	assert.Equal(t, 100, byKey["product"].Percent)
	assert.Equal(t, 1, byKey["product"].Actions)
	assert.Equal(t, 0, byKey["asset"].Percent)
	assert.Equal(t, p.Levers[1].Target-p.Levers[1].Strength, byKey["service"].Gap)
}

func TestLeverCostValidate(t *testing.T) {
	ok := LeverCost{Cost: money.Money{Amount: 1000, Currency: "CNY"}, Evidence: "客户已切换为我方系统"}
	require.NoError(t, ok.Validate())
	require.NoError(t, (&LeverCost{}).Validate(), "no cost at all")
	fe := fault.As((&LeverCost{Cost: money.Money{Amount: -1, Currency: "CNY"}}).Validate())
	assert.Equal(t, "cost", fe.Field)
	fe = fault.As((&LeverCost{Cost: money.Money{Amount: 5, Currency: "XXQ"}}).Validate())
	assert.Equal(t, "cost.currency", fe.Field)
}
