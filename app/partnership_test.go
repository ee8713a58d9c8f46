package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/account"
	"keystone/core/action"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/partnership"
)

// scores gives every key of a list the same score.
func scores(keys []string, v int) map[string]partnership.Rating {
	m := map[string]partnership.Rating{}
	for _, k := range keys {
		m[k] = partnership.Rating{Score: v}
	}
	return m
}

// newAssessment: ours 4×4=16, customer 13 (3,3,3,4), facilitators 15 (4,4,4,3) → Type II.
func newAssessment(accountID, on string) partnership.Assessment {
	cust := scores(partnership.Drivers, 3)
	cust["profit"] = partnership.Rating{Score: 4, Note: "客户希望锁定三年价格"}
	fac := scores(partnership.Facilitators, 4)
	fac["symmetry"] = partnership.Rating{Score: 3}
	return partnership.Assessment{AccountID: accountID, AssessedOn: calendar.Date(on),
		Drivers:      partnership.DriverScores{Ours: scores(partnership.Drivers, 4), Customer: cust},
		Facilitators: fac,
		Components: map[string]partnership.Level{
			"joint_planning": {Level: partnership.Low, Note: "只有年度报价会"},
			"communications": {Level: partnership.Medium},
			"scope":          {Level: partnership.High},
		},
		Portfolio: "strategic",
	}
}

func TestPartnershipAssessmentLifecycle(t *testing.T) {
	a := newTestApp(t)
	acc := mustCreate(t, a, account.Account{Name: "华东精细化工"})

	v, err := a.Partnership.Save(newAssessment(acc.ID, "2026-03-02"))
	require.NoError(t, err)
	assert.NotEmpty(t, v.Assessment.ID)
	assert.Equal(t, 1, v.Assessment.SettingsVersion, "the first assessment pins the shipped defaults as version 1")
	assert.Equal(t, partnership.TypeII, v.Result.Type)
	assert.Equal(t, "drivers 13 — the customer's side is the lower; facilitators 15 → Type II", v.Result.Reason.Text)
	assert.Equal(t, []partnership.Gap{{Component: "joint_planning", Today: "low", Required: "medium", Kind: "below", Steps: 1}}, v.Result.Gaps)
	assert.Equal(t, 12, v.Settings.MiddleFrom)

	// A gap becomes an action that points back at the assessment.
	act, err := a.Actions.Save(action.Action{AccountID: acc.ID, Title: "建立季度联合规划会", Owner: "王磊", Due: "2026-12-15",
		Source: action.Source{Area: action.AreaPartnership, RecordID: v.Assessment.ID, Detail: "joint_planning"}})
	require.NoError(t, err)
	got, err := a.Partnership.Get(acc.ID, v.Assessment.ID)
	require.NoError(t, err)
	require.Len(t, got.Actions, 1)
	assert.Equal(t, act.ID, got.Actions[0].ID)
	_, err = a.Actions.Save(action.Action{AccountID: acc.ID, Title: "x",
		Source: action.Source{Area: action.AreaPartnership, RecordID: v.Assessment.ID, Detail: "golf"}})
	assertFault(t, err, fault.Invalid, "source.detail", "unknown_value")
	_, err = a.Actions.Save(action.Action{AccountID: acc.ID, Title: "x",
		Source: action.Source{Area: action.AreaPartnership, RecordID: acc.ID}})
	assertFault(t, err, fault.Invalid, "source.recordId", "not_found")

	// A later one; the list is newest first, the history oldest first.
	later := newAssessment(acc.ID, "2026-10-12")
	later.Drivers.Customer = scores(partnership.Drivers, 4)
	later.Bonuses = map[string]partnership.Bonus{"prior_history": {Present: true}}
	v2, err := a.Partnership.Save(later)
	require.NoError(t, err)
	assert.Equal(t, partnership.TypeIII, v2.Result.Type, "drivers 16, facilitators 16")
	list, err := a.Partnership.List(acc.ID)
	require.NoError(t, err)
	require.Len(t, list, 2)
	assert.Equal(t, v2.Assessment.ID, list[0].ID)
	hist, err := a.Partnership.History(acc.ID)
	require.NoError(t, err)
	assert.Equal(t, []string{"type_2", "type_3"}, []string{hist[0].Type, hist[1].Type})
	assert.Equal(t, 16, hist[1].F)

	cmp, err := a.Partnership.Compare(acc.ID, hist[0].ID, hist[1].ID)
	require.NoError(t, err)
	assert.Equal(t, 13, cmp.Left.Result.D)
	assert.Equal(t, 16, cmp.Right.Result.D)

	// Editing keeps its version and checks the revision.
	edit := got.Assessment
	edit.Notes = "复评"
	_, err = a.Partnership.Save(edit)
	require.NoError(t, err)
	_, err = a.Partnership.Save(edit)
	assert.Equal(t, fault.Conflict, fault.CodeOf(err), "a stale revision is a conflict")

	// Archive: gone from the history, and new actions cannot point at it.
	require.NoError(t, a.Partnership.Archive(acc.ID, v2.Assessment.ID, v2.Assessment.Rev))
	list, err = a.Partnership.List(acc.ID)
	require.NoError(t, err)
	assert.Len(t, list, 1)
	_, err = a.Partnership.Get(acc.ID, v2.Assessment.ID)
	assert.Equal(t, fault.NotFound, fault.CodeOf(err))
	_, err = a.Actions.Save(action.Action{AccountID: acc.ID, Title: "x",
		Source: action.Source{Area: action.AreaPartnership, RecordID: v2.Assessment.ID}})
	assertFault(t, err, fault.Invalid, "source.recordId", "not_found")
}

func TestPartnershipOldAssessmentReadsAsItWas(t *testing.T) {
	a := newTestApp(t)
	acc := mustCreate(t, a, account.Account{Name: "Rhein Logistik"})
	old, err := a.Partnership.Save(newAssessment(acc.ID, "2025-05-01"))
	require.NoError(t, err)
	require.Equal(t, partnership.TypeII, old.Result.Type)

	cur, err := a.Partnership.Settings()
	require.NoError(t, err)
	assert.Equal(t, 1, cur.Version)
	stricter := cur.Value
	stricter.ArmsLengthBelow, stricter.MiddleFrom, stricter.HighFrom = 10, 14, 18
	saved, err := a.Partnership.SaveSettings(stricter, cur.Version)
	require.NoError(t, err)
	assert.Equal(t, 2, saved.Version)
	_, err = a.Partnership.SaveSettings(stricter, 1)
	assert.Equal(t, fault.Conflict, fault.CodeOf(err), "an edit of an older version is refused")

	again, err := a.Partnership.Get(acc.ID, old.Assessment.ID)
	require.NoError(t, err)
	assert.Equal(t, partnership.TypeII, again.Result.Type, "the old assessment still reads under version 1")
	assert.Equal(t, 1, again.Assessment.SettingsVersion)
	assert.Equal(t, 2, again.CurrentVersion)
	assert.Equal(t, 12, again.Settings.MiddleFrom)

	fresh, err := a.Partnership.Save(newAssessment(acc.ID, "2026-05-01"))
	require.NoError(t, err)
	assert.Equal(t, 2, fresh.Assessment.SettingsVersion)
	assert.Equal(t, partnership.TypeI, fresh.Result.Type, "the same scores under the stricter cuts")

	back, err := a.Partnership.RestoreDefaults(2)
	require.NoError(t, err)
	assert.Equal(t, 3, back.Version)
	assert.True(t, back.Defaults)
	assert.Equal(t, a.Partnership.Defaults(), back.Value, "the defaults the UI compares against are the ones restored")
	assert.NotEqual(t, stricter, a.Partnership.Defaults(), "editing settings never changes the shipped defaults")
	hist, err := a.Partnership.History(acc.ID)
	require.NoError(t, err)
	assert.Equal(t, []string{"type_2", "type_1"}, []string{hist[0].Type, hist[1].Type}, "each keeps its own version")

	bad := stricter
	bad.HighFrom = 9
	_, err = a.Partnership.SaveSettings(bad, 3)
	assertFault(t, err, fault.Invalid, "highFrom", "not_above")
}

func TestPartnershipBadInputChangesNothing(t *testing.T) {
	a := newTestApp(t)
	acc := mustCreate(t, a, account.Account{Name: "甬联新材"})
	cases := []struct {
		name        string
		edit        func(p *partnership.Assessment)
		field, rule string
	}{
		{"score out of range", func(p *partnership.Assessment) { p.Facilitators["mutuality"] = partnership.Rating{Score: 9} }, "facilitators.mutuality.score", "out_of_range"},
		{"missing party", func(p *partnership.Assessment) { p.Drivers.Customer = nil }, "drivers.customer", "required"},
		{"unknown level", func(p *partnership.Assessment) { p.Components["scope"] = partnership.Level{Level: "max"} }, "components.scope.level", "unknown_value"},
		{"unknown category", func(p *partnership.Assessment) { p.Portfolio = "routine" }, "portfolio", "unknown_value"},
		{"future date", func(p *partnership.Assessment) { p.AssessedOn = "2027-01-01" }, "assessedOn", "in_future"},
		{"unknown driver", func(p *partnership.Assessment) { p.Drivers.Ours["luck"] = partnership.Rating{Score: 3} }, "drivers.ours.luck", "unknown_value"},
		{"unknown bonus", func(p *partnership.Assessment) {
			p.Bonuses = map[string]partnership.Bonus{"same_city": {Present: true}}
		}, "bonuses.same_city", "unknown_value"},
		{"one facilitator unscored", func(p *partnership.Assessment) { delete(p.Facilitators, "symmetry") }, "facilitators.symmetry.score", "required"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := newAssessment(acc.ID, "2026-06-01")
			c.edit(&in)
			_, err := a.Partnership.Save(in)
			assertFault(t, err, fault.Invalid, c.field, c.rule)
		})
	}
	list, err := a.Partnership.List(acc.ID)
	require.NoError(t, err)
	assert.Empty(t, list)
	set, err := a.Partnership.Settings()
	require.NoError(t, err)
	assert.Equal(t, 0, set.Version, "a refused assessment pins no settings either")

	// The same refusals on an edit leave the stored assessment as it was.
	kept, err := a.Partnership.Save(newAssessment(acc.ID, "2026-06-01"))
	require.NoError(t, err)
	for _, c := range cases {
		t.Run("edit: "+c.name, func(t *testing.T) {
			cur, err := a.Partnership.Get(acc.ID, kept.Assessment.ID) // a fresh copy: maps are not shared with kept
			require.NoError(t, err)
			in := cur.Assessment
			in.Drivers.Ours = scores(partnership.Drivers, 4)
			in.Facilitators = scores(partnership.Facilitators, 4)
			in.Notes = "changed"
			c.edit(&in)
			_, err = a.Partnership.Save(in)
			assertFault(t, err, fault.Invalid, c.field, c.rule)
		})
	}
	again, err := a.Partnership.Get(acc.ID, kept.Assessment.ID)
	require.NoError(t, err)
	assert.Equal(t, kept.Assessment, again.Assessment, "nothing of a refused edit is stored")
	assert.Equal(t, kept.Result, again.Result)

	_, err = a.Partnership.Save(newAssessment("01HZX0000000000000000000ZZ", "2026-06-01"))
	assert.Equal(t, fault.NotFound, fault.CodeOf(err))
	_, err = a.Partnership.Get(acc.ID, "nope")
	assert.Equal(t, fault.NotFound, fault.CodeOf(err))
}
