package plan

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/account"
	"keystone/core/fault"
	"keystone/core/record"
)

func TestProgress(t *testing.T) {
	p := Plan{Currency: "CNY", Goals: []Goal{
		{ID: "rev", Metric: MetricRevenue, Target: 1000},
		{ID: "mar", Metric: MetricMargin, Target: 200},
		{ID: "sow", Metric: MetricShareOfWallet, Target: 5000},
		{ID: "xs", Metric: MetricCrossSell, Target: 100},
		{ID: "cus", Metric: MetricCustom, Target: 4, Unit: "家", Actual: 1},
	}}
	fig := &account.YearFigures{Year: 2026, Currency: "CNY", Revenue: 750, Margin: -50, CategorySpend: 3000, CrossSellSales: 0}
	got := Progress(p, fig)
	require.Len(t, got, 5)
	tests := []struct {
		actual  int64
		percent float64
		known   bool
	}{
		{750, 75, true},
		{-50, -25, true},
		{2500, 50, true}, // 750 / 3000 = 25.00 % = 2500 basis points
		{0, 0, true},
		{1, 25, true},
	}
	for i, tt := range tests {
		assert.Equal(t, tt.actual, got[i].Actual, p.Goals[i].ID)
		assert.InDelta(t, tt.percent, got[i].Percent, 1e-9, p.Goals[i].ID)
		assert.Equal(t, tt.known, got[i].Known, p.Goals[i].ID)
	}

	// No figures yet: only the custom goal is known.
	got = Progress(p, nil)
	assert.False(t, got[0].Known)
	assert.True(t, got[4].Known)
	// Spend unknown: share of wallet is unknown, revenue still known.
	got = Progress(p, &account.YearFigures{Currency: "CNY", Revenue: 10})
	assert.True(t, got[0].Known)
	assert.False(t, got[2].Known)
	// Figures in another currency are never compared 1:1.
	got = Progress(p, &account.YearFigures{Currency: "EUR", Revenue: 10, CategorySpend: 20})
	assert.False(t, got[0].Known)
	assert.Equal(t, "EUR", got[0].Mismatch)
	assert.True(t, got[2].Known, "a share is a ratio: currency does not matter")
}

func TestComplete(t *testing.T) {
	assert.Equal(t, Completeness{Filled: []string{}, Missing: Parts, Percent: 0}, Complete(Plan{}, 0))
	full := Plan{
		Goals: []Goal{{ID: "g"}}, StrategicFocus: "x", Positioning: Positioning{ValueProposition: "v"},
		ActionPlan: "a", Resources: []Resource{{Party: "ours", Description: "d"}}, Forecast: 1,
		Value: ValueQuadrants{Functional: "f", Psychological: "p", CustomerCommitments: "c", Tracking: "t"},
	}
	c := Complete(full, 0)
	assert.Empty(t, c.Missing)
	assert.Equal(t, 100, c.Percent)
	full.ActionPlan, full.Value.Tracking = " \n ", ""
	c = Complete(full, 0)
	assert.Equal(t, []string{PartActionPlan, PartTracking}, c.Missing, "whitespace is empty")
	assert.Equal(t, 80, c.Percent)
	assert.Equal(t, []string{PartTracking}, Complete(full, 2).Missing, "tasks count as an action plan")
}

func TestRollForward(t *testing.T) {
	p := Plan{Meta: record.Meta{ID: "P26", Rev: 4}, AccountID: "A", Year: 2026, Currency: "CNY", Locked: false,
		Goals:       []Goal{{ID: "g1", Title: "t", Metric: MetricCustom, Target: 3, Unit: "家", Actual: 2}},
		Positioning: Positioning{TargetContactIDs: []string{"c1"}, TargetCompetitors: []string{"西门子"}},
		Resources:   []Resource{{Party: "ours", Description: "FAE"}}, Budget: 500}
	n := 0
	next := RollForward(p, func() string { n++; return fmt.Sprint("new", n) })
	assert.Equal(t, 2027, next.Year)
	assert.Equal(t, "P26", next.RolledFrom)
	assert.Equal(t, record.Meta{}, next.Meta)
	assert.Equal(t, "new1", next.Goals[0].ID)
	assert.Zero(t, next.Goals[0].Actual)
	assert.EqualValues(t, 500, next.Budget)
	next.Positioning.TargetCompetitors[0] = "ABB"
	next.Resources[0].Description = "changed"
	next.Goals[0].Title = "changed"
	assert.Equal(t, "西门子", p.Positioning.TargetCompetitors[0], "the copy shares no slices with the original")
	assert.Equal(t, "FAE", p.Resources[0].Description)
	assert.Equal(t, "t", p.Goals[0].Title)
	assert.EqualValues(t, 2, p.Goals[0].Actual)
}

func TestValidate(t *testing.T) {
	ok := func() Plan {
		return Plan{AccountID: "A", Year: 2026, Currency: "CNY", Goals: []Goal{{ID: "g1", Title: "收入", Metric: MetricRevenue, Target: 1}}}
	}
	tests := []struct {
		name   string
		mutate func(*Plan)
		field  string
		rule   string
	}{
		{"ok", func(*Plan) {}, "", ""},
		{"duplicate goal id", func(p *Plan) { p.Goals = append(p.Goals, p.Goals[0]) }, "goals[1].id", "required"},
		{"goal without title", func(p *Plan) { p.Goals[0].Title = "" }, "goals[0].title", "required"},
		{"goal without measure", func(p *Plan) { p.Goals[0].Target = 0 }, "goals[0].target", "no_measure"},
		{"negative custom actual", func(p *Plan) {
			p.Goals[0] = Goal{ID: "g", Title: "x", Metric: MetricCustom, Target: 1, Unit: "u", Actual: -1}
		}, "goals[0].actual", "negative"},
		{"bad currency", func(p *Plan) { p.Currency = "XYZ" }, "currency", "invalid_currency"},
		{"too long focus", func(p *Plan) { p.StrategicFocus = strings.Repeat("战", MaxText+1) }, "strategicFocus", "too_long"},
		{"too many competitors", func(p *Plan) { p.Positioning.TargetCompetitors = make([]string, MaxCompetit+1) }, "positioning.targetCompetitors", "too_many"},
		{"empty resource description", func(p *Plan) { p.Resources = []Resource{{Party: "ours", Owner: "me"}} }, "resources[0].description", "required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := ok()
			tt.mutate(&p)
			err := p.Validate()
			if tt.rule == "" {
				assert.NoError(t, err)
				return
			}
			fe := fault.As(err)
			require.Equal(t, fault.Invalid, fe.Code)
			assert.Equal(t, tt.field, fe.Field)
			assert.Equal(t, tt.rule, fe.Rule)
		})
	}
	p := ok()
	p.Positioning.TargetCompetitors = []string{" ABB ", "", "西门子"}
	p.Resources = []Resource{{Party: "ours"}, {Party: "customer", Description: " 联合测试线 "}}
	p.Normalize()
	assert.Equal(t, []string{"ABB", "西门子"}, p.Positioning.TargetCompetitors)
	assert.Equal(t, []Resource{{Party: "customer", Description: "联合测试线"}}, p.Resources)
}
