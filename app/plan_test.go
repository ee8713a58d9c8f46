package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/account"
	"keystone/core/action"
	"keystone/core/fault"
	"keystone/core/plan"
	"keystone/core/record"
)

func TestPlanLifecycle(t *testing.T) {
	a := newTestApp(t)
	acc := mustCreate(t, a, account.Account{Name: "苏州精工机械", Owner: "陈静"})
	boss, err := a.Accounts.SaveContact(account.Contact{AccountID: acc.ID, Name: "周总", BuyingRole: "economic"})
	require.NoError(t, err)
	_, err = a.Accounts.SaveFigures(account.YearFigures{AccountID: acc.ID, Year: 2026, Revenue: 4_200_000_00, Margin: 840_000_00, CategorySpend: 10_500_000_00})
	require.NoError(t, err)

	v, err := a.Plans.Get(acc.ID, 0)
	require.NoError(t, err)
	assert.Equal(t, 2026, v.Year, "year 0 is this year")
	assert.Nil(t, v.Plan)
	assert.Len(t, v.Completeness.Missing, len(plan.Parts))

	p := plan.Plan{AccountID: acc.ID, Year: 2026,
		Goals: []plan.Goal{
			{ID: record.NewID(), Title: "销售收入 600 万", Metric: plan.MetricRevenue, Target: 6_000_000_00},
			{ID: record.NewID(), Title: "钱包份额 50%", Metric: plan.MetricShareOfWallet, Target: 5000},
			{ID: record.NewID(), Title: "新增 3 家工厂导入", Metric: plan.MetricCustom, Target: 3, Unit: "家", Actual: 1},
		},
		StrategicFocus: "从单一产品供应商升级为自动化产线合作伙伴",
		Positioning:    plan.Positioning{Statement: "首选的精密部件伙伴", TargetContactIDs: []string{boss.ID}, TargetCompetitors: []string{" 西门子 ", ""}},
		Value:          plan.ValueQuadrants{Functional: "产线停机时间降低 15%"},
	}
	saved, err := a.Plans.Save(p)
	require.NoError(t, err)
	assert.Equal(t, "CNY", saved.Currency, "the plan takes the account's currency")
	assert.Equal(t, []string{"西门子"}, saved.Positioning.TargetCompetitors)

	v, err = a.Plans.Get(acc.ID, 2026)
	require.NoError(t, err)
	require.NotNil(t, v.Plan)
	assert.Equal(t, []int{2026}, v.Years)
	require.Len(t, v.Progress, 3)
	assert.EqualValues(t, 4_200_000_00, v.Progress[0].Actual, "the revenue goal knows its actual to date")
	assert.InDelta(t, 70.0, v.Progress[0].Percent, 1e-9)
	assert.EqualValues(t, 4000, v.Progress[1].Actual, "share of wallet 40% in basis points")
	assert.InDelta(t, 80.0, v.Progress[1].Percent, 1e-9)
	assert.InDelta(t, 100.0/3, v.Progress[2].Percent, 1e-9)
	assert.Equal(t, []string{"goals", "strategicFocus", "positioning", "value.functional"}, toStrings(v.Completeness.Filled))
	assert.Equal(t, 40, v.Completeness.Percent)

	// A task made from a goal shows under the plan, with the year to link back.
	task := mustAction(t, a, action.Action{AccountID: acc.ID, Title: "安排产线参观", Owner: "陈静", Due: "2026-12-05",
		Source: action.Source{Area: action.AreaPlan, RecordID: saved.ID, Detail: saved.Goals[0].ID}})
	v, err = a.Plans.Get(acc.ID, 2026)
	require.NoError(t, err)
	require.Len(t, v.Actions, 1)
	assert.Equal(t, 2026, v.Actions[0].PlanYear)
	assert.Contains(t, toStrings(v.Completeness.Filled), "actionPlan", "a plan with tasks has an action plan")

	// Roll forward: a 2027 copy, the 2026 plan locked.
	next, err := a.Plans.RollForward(acc.ID, 2026)
	require.NoError(t, err)
	assert.Equal(t, 2027, next.Year)
	assert.Equal(t, saved.ID, next.RolledFrom)
	assert.Len(t, next.Goals, 3)
	assert.NotEqual(t, saved.Goals[0].ID, next.Goals[0].ID)
	assert.Zero(t, next.Goals[2].Actual, "custom actuals start again")
	_, err = a.Plans.RollForward(acc.ID, 2026)
	assertFault(t, err, fault.Invalid, "", "read_only")
	old, err := a.Plans.Get(acc.ID, 2026)
	require.NoError(t, err)
	require.True(t, old.Plan.Locked)
	old.Plan.StrategicFocus = "改写历史"
	_, err = a.Plans.Save(*old.Plan)
	assertFault(t, err, fault.Invalid, "", "read_only")

	// The locked year is history for new open actions.
	_, err = a.Actions.Save(action.Action{AccountID: acc.ID, Title: "补一个", Due: "2026-12-20"})
	assertFault(t, err, fault.Invalid, "due", "archived_year")
	task.Notes = "edited"
	_, err = a.Actions.Save(task)
	assertFault(t, err, fault.Invalid, "due", "archived_year")
	_, err = a.Actions.SetStatus(task.ID, task.Rev, action.Done)
	require.NoError(t, err, "closing an old task is always allowed")

	cmp, err := a.Plans.Compare(acc.ID, 2027)
	require.NoError(t, err)
	require.NotNil(t, cmp.Previous.Plan)
	assert.Equal(t, 2026, cmp.Previous.Year)
	assert.Equal(t, 2027, cmp.Current.Plan.Year)
	assert.Equal(t, []int{2027, 2026}, cmp.Current.Years)
}

func toStrings(in []string) []string { return append([]string{}, in...) }

func TestPlanBadInputChangesNothing(t *testing.T) {
	a := newTestApp(t)
	acc := mustCreate(t, a, account.Account{Name: "Acme"})
	otherAcc := mustCreate(t, a, account.Account{Name: "Other"})
	stranger, err := a.Accounts.SaveContact(account.Contact{AccountID: otherAcc.ID, Name: "Stranger"})
	require.NoError(t, err)
	goal := func(metric string, target int64) []plan.Goal {
		return []plan.Goal{{ID: "g1", Title: "goal", Metric: metric, Target: target}}
	}
	tests := []struct {
		name  string
		p     plan.Plan
		field string
		rule  string
	}{
		{"goal with no measure", plan.Plan{AccountID: acc.ID, Year: 2026, Goals: goal(plan.MetricRevenue, 0)}, "goals[0].target", "no_measure"},
		{"unknown metric", plan.Plan{AccountID: acc.ID, Year: 2026, Goals: goal("happiness", 5)}, "goals[0].metric", "unknown_value"},
		{"share above 100%", plan.Plan{AccountID: acc.ID, Year: 2026, Goals: goal(plan.MetricShareOfWallet, 10001)}, "goals[0].target", "out_of_range"},
		{"custom without unit", plan.Plan{AccountID: acc.ID, Year: 2026, Goals: goal(plan.MetricCustom, 3)}, "goals[0].unit", "required"},
		{"bad year", plan.Plan{AccountID: acc.ID, Year: 1800}, "year", "out_of_range"},
		{"negative budget", plan.Plan{AccountID: acc.ID, Year: 2026, Budget: -1}, "budget", "negative"},
		{"contact of another account", plan.Plan{AccountID: acc.ID, Year: 2026, Positioning: plan.Positioning{TargetContactIDs: []string{stranger.ID}}}, "positioning.targetContactIds[0]", "not_found"},
		{"bad party", plan.Plan{AccountID: acc.ID, Year: 2026, Resources: []plan.Resource{{Party: "theirs", Description: "x"}}}, "resources[0].party", "unknown_value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := a.Plans.Save(tt.p)
			assertFault(t, err, fault.Invalid, tt.field, tt.rule)
			v, err := a.Plans.Get(acc.ID, 2026)
			require.NoError(t, err)
			assert.Nil(t, v.Plan, "nothing was saved")
		})
	}
	_, err = a.Plans.Save(plan.Plan{AccountID: acc.ID, Year: 2026})
	require.NoError(t, err)
	_, err = a.Plans.Save(plan.Plan{AccountID: acc.ID, Year: 2026})
	assertFault(t, err, fault.Invalid, "year", "duplicate_year")
	_, err = a.Plans.RollForward(acc.ID, 2025)
	assertFault(t, err, fault.NotFound, "", "")
}
