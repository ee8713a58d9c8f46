package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/account"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/relationship"
)

func TestRelationshipProfile(t *testing.T) {
	a := newTestApp(t)
	acc := mustCreate(t, a, account.Account{Name: "华东精细化工"})
	boss, err := a.Accounts.SaveContact(account.Contact{AccountID: acc.ID, Name: "陈总", Department: "总经办", BuyingRole: "economic", Influence: "high", RelationshipLevel: 2})
	require.NoError(t, err)
	buyer, err := a.Accounts.SaveContact(account.Contact{AccountID: acc.ID, Name: "李经理", Department: "采购", ReportsTo: boss.ID, BuyingRole: "coach", Stance: "supporter", RelationshipLevel: 4})
	require.NoError(t, err)
	_, err = a.Accounts.SaveActivity(account.Activity{AccountID: acc.ID, Date: "2026-11-02", Type: "visit", Subject: "季度拜访", ContactIDs: []string{boss.ID}})
	require.NoError(t, err)
	_, err = a.Accounts.SaveFigures(account.YearFigures{AccountID: acc.ID, Year: 2026, Revenue: 30_000_000_00, CategorySpend: 100_000_000_00})
	require.NoError(t, err)

	v, err := a.Relationships.Get(acc.ID)
	require.NoError(t, err)
	assert.Equal(t, "", v.Profile.ID, "no profile saved yet")
	assert.Equal(t, calendar.Date("2026-11-23"), v.Today)
	require.Len(t, v.Map.Nodes, 2)
	assert.Equal(t, boss.ID, v.Map.Nodes[1].ReportsTo)
	assert.Equal(t, calendar.Date("2026-11-02"), v.Map.Nodes[0].LastMet)
	assert.Contains(t, v.Map.Nodes[0].Flags, relationship.FlagEconomicBelow)
	assert.Equal(t, relationship.Early, v.Suggestion.Stage, "two people, a 30 % share")

	p := v.Profile
	p.Phase, p.Stage, p.Organizational = "formation", relationship.Early, "supplier"
	p.Indicators.SupplierStatus = "approved"
	p.Departments = []relationship.Department{{Name: "采购", Grade: "good"}}
	p.Influences = []relationship.Influence{{From: buyer.ID, To: boss.ID, Note: "陈总听取采购意见"}}
	v, err = a.Relationships.Save(p, "首次确认")
	require.NoError(t, err)
	assert.Equal(t, acc.ID, v.Profile.ID)
	assert.Equal(t, int64(1), v.Profile.Rev)
	require.Len(t, v.Profile.History, 1)
	assert.Equal(t, relationship.StageChange{On: "2026-11-23", Stage: "early", Phase: "formation", Note: "首次确认"}, v.Profile.History[0])
	assert.Len(t, v.Map.Influences, 1)
	assert.Equal(t, "good", v.Dimensions.Extensive)

	// Saving with no stage change adds nothing; a client cannot rewrite the history.
	p = v.Profile
	p.Notes = "更新"
	p.History = nil
	v, err = a.Relationships.Save(p, "")
	require.NoError(t, err)
	assert.Len(t, v.Profile.History, 1)

	// A stale copy is a conflict; bad input changes nothing.
	_, err = a.Relationships.Save(p, "")
	assert.Equal(t, fault.Conflict, fault.CodeOf(err))
	bad := v.Profile
	bad.Stage = "mature"
	_, err = a.Relationships.Save(bad, "")
	assertFault(t, err, fault.Invalid, "stage", "unknown_value")
	bad = v.Profile
	bad.Influences = append(bad.Influences, relationship.Influence{From: boss.ID, To: "01HZX0000000000000000000ZZ"})
	_, err = a.Relationships.Save(bad, "")
	assertFault(t, err, fault.Invalid, "influences[1].to", "not_found")
	got, err := a.Relationships.Get(acc.ID)
	require.NoError(t, err)
	assert.Equal(t, v.Profile.Rev, got.Profile.Rev)
	assert.Equal(t, relationship.Early, got.Profile.Stage)

	// A second "new" profile for the same account is refused, not a silent overwrite.
	_, err = a.Relationships.Save(relationship.Profile{AccountID: acc.ID, Stage: relationship.Mid}, "")
	assert.Equal(t, fault.Conflict, fault.CodeOf(err))

	// The contact who leaves disappears from the map and the influence line with them.
	buyer, err = a.Accounts.SaveContact(func() account.Contact { c := buyer; c.Left = true; return c }())
	require.NoError(t, err)
	got, err = a.Relationships.Get(acc.ID)
	require.NoError(t, err)
	assert.Len(t, got.Map.Nodes, 1)
	assert.Empty(t, got.Map.Influences)
	assert.Equal(t, relationship.FlagNoCoach, got.Map.Flags[0].Kind)

	_, err = a.Relationships.Get("01HZX0000000000000000000ZZ")
	assert.Equal(t, fault.NotFound, fault.CodeOf(err))
}

func TestRelationshipSettings(t *testing.T) {
	a := newTestApp(t)
	acc := mustCreate(t, a, account.Account{Name: "Rhein Logistik"})
	boss, err := a.Accounts.SaveContact(account.Contact{AccountID: acc.ID, Name: "Kai Becker", Department: "Management", BuyingRole: "economic",
		Influence: "high", RelationshipLevel: 4, LastContact: "2026-07-01"}) // 145 days before today
	require.NoError(t, err)
	_, err = a.Accounts.SaveFigures(account.YearFigures{AccountID: acc.ID, Year: 2026, Revenue: 30_000_000_00, CategorySpend: 100_000_000_00})
	require.NoError(t, err)
	p := relationship.Profile{AccountID: acc.ID, Indicators: relationship.Indicators{SupplierStatus: "preferred", InformationShared: "open"}}
	_, err = a.Relationships.Save(p, "")
	require.NoError(t, err)

	v, err := a.Relationships.Get(acc.ID)
	require.NoError(t, err)
	assert.Equal(t, relationship.Defaults(), v.Settings, "the shipped settings until any are saved")
	// one person (pre-KAM), a 30 % share (mid), preferred (mid), open information (partnership): 1.75 → mid
	assert.Equal(t, relationship.Mid, v.Suggestion.Stage)
	notMet := func(v RelationshipView) bool {
		for _, f := range v.Map.Flags {
			if f.Kind == relationship.FlagHighNotMet && f.ContactID == boss.ID {
				return true
			}
		}
		return false
	}
	assert.True(t, notMet(v), "145 days unmet is past 90")

	cur, err := a.Relationships.Settings()
	require.NoError(t, err)
	assert.Equal(t, 0, cur.Version)
	edited := cur.Value
	edited.ShareCuts = [4]float64{20, 35, 55, 75}
	edited.NotMetDays = 180
	saved, err := a.Relationships.SaveSettings(edited, cur.Version)
	require.NoError(t, err)
	assert.Equal(t, 1, saved.Version)

	v, err = a.Relationships.Get(acc.ID)
	require.NoError(t, err)
	assert.Equal(t, relationship.Early, v.Suggestion.Stage, "30 % is only early under the raised cuts: 1.5 → early")
	assert.False(t, notMet(v), "145 days is within 180")
	assert.Equal(t, 180, v.Map.NotMetDays)

	bad := edited
	bad.ShareCuts[1] = 10
	_, err = a.Relationships.SaveSettings(bad, 1)
	assertFault(t, err, fault.Invalid, "shareCuts[1]", "not_above")
	_, err = a.Relationships.SaveSettings(edited, 0)
	assert.Equal(t, fault.Conflict, fault.CodeOf(err), "an edit of an older version is refused")
	cur, err = a.Relationships.Settings()
	require.NoError(t, err)
	assert.Equal(t, 1, cur.Version, "refused settings store nothing")

	back, err := a.Relationships.RestoreDefaults(1)
	require.NoError(t, err)
	assert.Equal(t, 2, back.Version)
	assert.Equal(t, a.Relationships.Defaults(), back.Value)
	v, err = a.Relationships.Get(acc.ID)
	require.NoError(t, err)
	assert.Equal(t, relationship.Mid, v.Suggestion.Stage)
	assert.True(t, notMet(v))
}
