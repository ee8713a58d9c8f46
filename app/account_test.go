package app

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/account"
	"keystone/core/action"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/storage"
)

var testNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.FixedZone("CST", 8*3600))

// newTestApp opens a real store in a temp folder.
func newTestApp(t *testing.T) *App {
	t.Helper()
	clock := calendar.Fixed{T: testNow}
	st, err := storage.Open(t.TempDir(), storage.Options{Clock: clock})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	return New(st, clock)
}

func mustCreate(t *testing.T, a *App, in account.Account) account.Account {
	t.Helper()
	if in.Currency == "" {
		in.Currency = "CNY"
	}
	out, err := a.Accounts.Create(in)
	require.NoError(t, err)
	return out
}

func assertFault(t *testing.T, err error, code fault.Code, field, rule string) {
	t.Helper()
	require.Error(t, err)
	fe := fault.As(err)
	assert.Equal(t, code, fe.Code, "error: %v", err)
	if field != "" {
		assert.Equal(t, field, fe.Field, "error: %v", err)
	}
	if rule != "" {
		assert.Equal(t, rule, fe.Rule, "error: %v", err)
	}
}

func TestAccountLifecycle(t *testing.T) {
	a := newTestApp(t)
	acc := mustCreate(t, a, account.Account{Name: " 华东精细化工集团 ", Industry: "chemical", Country: "cn", Owner: "王磊", Tags: []string{"战略客户"}})
	assert.Equal(t, "华东精细化工集团", acc.Name)
	assert.Equal(t, "CN", acc.Country)
	assert.EqualValues(t, 1, acc.Rev)
	assert.NotEmpty(t, acc.ID)

	acc.LegalName = "华东精细化工集团股份有限公司"
	upd, err := a.Accounts.Update(acc)
	require.NoError(t, err)
	assert.EqualValues(t, 2, upd.Rev)

	// A stale write is a conflict and changes nothing.
	acc.LegalName = "stale"
	_, err = a.Accounts.Update(acc)
	assertFault(t, err, fault.Conflict, "", "stale_rev")
	got, err := a.Accounts.Get(acc.ID)
	require.NoError(t, err)
	assert.Equal(t, "华东精细化工集团股份有限公司", got.LegalName)

	arch, err := a.Accounts.Archive(upd.ID, upd.Rev)
	require.NoError(t, err)
	require.NotNil(t, arch.DeletedAt)
	list, err := a.Accounts.List(AccountFilter{})
	require.NoError(t, err)
	assert.Empty(t, list.Rows)
	assert.Equal(t, 0, list.Total)
	list, err = a.Accounts.List(AccountFilter{Archived: true})
	require.NoError(t, err)
	require.Len(t, list.Rows, 1)

	// Editing keeps an archived account archived; restoring brings it back.
	_, err = a.Accounts.Restore(arch.ID, arch.Rev-1)
	assertFault(t, err, fault.Conflict, "", "")
	rest, err := a.Accounts.Restore(arch.ID, arch.Rev)
	require.NoError(t, err)
	assert.Nil(t, rest.DeletedAt)
	list, err = a.Accounts.List(AccountFilter{})
	require.NoError(t, err)
	assert.Len(t, list.Rows, 1)
}

func TestAccountBadInputChangesNothing(t *testing.T) {
	a := newTestApp(t)
	good := mustCreate(t, a, account.Account{Name: "Acme"})
	tests := []struct {
		name  string
		in    account.Account
		field string
		rule  string
	}{
		{"empty name", account.Account{Name: "", Currency: "CNY"}, "name", "required"},
		{"unknown segment", account.Account{Name: "X", Currency: "CNY", Segment: "giant"}, "segment", "unknown_value"},
		{"missing parent", account.Account{Name: "X", Currency: "CNY", ParentID: "01JD0000000000000000000000"}, "parentId", "not_found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := a.Accounts.Create(tt.in)
			assertFault(t, err, fault.Invalid, tt.field, tt.rule)
			list, err := a.Accounts.List(AccountFilter{})
			require.NoError(t, err)
			assert.Len(t, list.Rows, 1)
		})
	}
	_, err := a.Accounts.Get("nonsense")
	assertFault(t, err, fault.NotFound, "", "")
	_, err = a.Accounts.Workspace("01JD0000000000000000000000")
	assertFault(t, err, fault.NotFound, "", "")
	_ = good
}

func TestParentCycleRefused(t *testing.T) {
	a := newTestApp(t)
	group := mustCreate(t, a, account.Account{Name: "Group"})
	sub := mustCreate(t, a, account.Account{Name: "Sub", ParentID: group.ID})
	subsub := mustCreate(t, a, account.Account{Name: "SubSub", ParentID: sub.ID})
	group.ParentID = subsub.ID
	_, err := a.Accounts.Update(group)
	assertFault(t, err, fault.Invalid, "parentId", "cycle")

	w, err := a.Accounts.Workspace(group.ID)
	require.NoError(t, err)
	assert.Equal(t, []AccountRef{{ID: sub.ID, Name: "Sub"}}, w.Children)
	w, err = a.Accounts.Workspace(sub.ID)
	require.NoError(t, err)
	require.NotNil(t, w.Parent)
	assert.Equal(t, "Group", w.Parent.Name)

	// Moving Sub out of the group updates the group's children.
	sub.ParentID = ""
	_, err = a.Accounts.Update(sub)
	require.NoError(t, err)
	w, err = a.Accounts.Workspace(group.ID)
	require.NoError(t, err)
	assert.Empty(t, w.Children)
}

func TestListFiltersAndSummary(t *testing.T) {
	a := newTestApp(t)
	hz := mustCreate(t, a, account.Account{Name: "杭州海联物流", Owner: "李娜", Country: "CN", Segment: "large", Industry: "logistics", Tags: []string{"重点培育"}})
	mustCreate(t, a, account.Account{Name: "Rhine Valley Chemicals GmbH", Owner: "Anna Schmidt", Country: "DE", Segment: "enterprise", Industry: "chemical", Currency: "EUR"})
	mustCreate(t, a, account.Account{Name: "深圳瑞芯电子", Owner: "李娜", Country: "CN", Industry: "electronics"})

	_, err := a.Accounts.SaveFigures(account.YearFigures{AccountID: hz.ID, Year: 2025, Revenue: 500_000_00, CategorySpend: 2_000_000_00})
	require.NoError(t, err)
	_, err = a.Accounts.SaveFigures(account.YearFigures{AccountID: hz.ID, Year: 2026, Revenue: 420_000_00})
	require.NoError(t, err)
	c, err := a.Accounts.SaveContact(account.Contact{AccountID: hz.ID, Name: "赵敏"})
	require.NoError(t, err)
	_, err = a.Accounts.SaveActivity(account.Activity{AccountID: hz.ID, Date: "2026-11-02", Type: "visit", Subject: "季度拜访", ContactIDs: []string{c.ID}})
	require.NoError(t, err)

	tests := []struct {
		name  string
		f     AccountFilter
		names []string
	}{
		{"all, by name", AccountFilter{}, []string{"Rhine Valley Chemicals GmbH", "杭州海联物流", "深圳瑞芯电子"}},
		{"owner", AccountFilter{Owner: "李娜"}, []string{"杭州海联物流", "深圳瑞芯电子"}},
		{"country", AccountFilter{Country: "DE"}, []string{"Rhine Valley Chemicals GmbH"}},
		{"search Chinese", AccountFilter{Search: "海联"}, []string{"杭州海联物流"}},
		{"search case-insensitive", AccountFilter{Search: "rhine"}, []string{"Rhine Valley Chemicals GmbH"}},
		{"search tag", AccountFilter{Search: "重点"}, []string{"杭州海联物流"}},
		{"industry and owner", AccountFilter{Owner: "李娜", Industry: "electronics"}, []string{"深圳瑞芯电子"}},
		{"nothing", AccountFilter{Segment: "public_sector"}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := a.Accounts.List(tt.f)
			require.NoError(t, err)
			names := []string{}
			for _, r := range l.Rows {
				names = append(names, r.Name)
			}
			assert.Equal(t, tt.names, names)
			assert.Equal(t, 3, l.Total)
		})
	}
	l, err := a.Accounts.List(AccountFilter{Search: "海联"})
	require.NoError(t, err)
	row := l.Rows[0]
	assert.Equal(t, 2026, row.LatestYear)
	assert.EqualValues(t, 420_000_00, row.LatestRevenue)
	assert.Equal(t, 1, row.ContactCount)
	assert.Equal(t, calendar.Date("2026-11-02"), row.LastActivity)
	assert.Equal(t, []string{"Anna Schmidt", "李娜"}, l.Owners)
	assert.Equal(t, []string{"CN", "DE"}, l.Countries)
}

func TestWorkspaceFiguresContactsActivities(t *testing.T) {
	a := newTestApp(t)
	acc := mustCreate(t, a, account.Account{Name: "苏州精工机械"})

	f, err := a.Accounts.SaveFigures(account.YearFigures{AccountID: acc.ID, Year: 2025, Revenue: 250, CategorySpend: 1000, Margin: 50})
	require.NoError(t, err)
	assert.Equal(t, "CNY", f.Currency, "figures default to the account's currency")
	_, err = a.Accounts.SaveFigures(account.YearFigures{AccountID: acc.ID, Year: 2025, Revenue: 1})
	assertFault(t, err, fault.Invalid, "year", "duplicate_year")
	_, err = a.Accounts.SaveFigures(account.YearFigures{AccountID: acc.ID, Year: 2024, Revenue: -5})
	assertFault(t, err, fault.Invalid, "revenue", "negative")
	f.Revenue = 300
	f, err = a.Accounts.SaveFigures(f)
	require.NoError(t, err)
	assert.EqualValues(t, 2, f.Rev)

	boss, err := a.Accounts.SaveContact(account.Contact{AccountID: acc.ID, Name: "周总", BuyingRole: "economic", RelationshipLevel: 3})
	require.NoError(t, err)
	mgr, err := a.Accounts.SaveContact(account.Contact{AccountID: acc.ID, Name: "吴经理", ReportsTo: boss.ID, Influence: "high"})
	require.NoError(t, err)
	staff, err := a.Accounts.SaveContact(account.Contact{AccountID: acc.ID, Name: "郑工", ReportsTo: mgr.ID})
	require.NoError(t, err)

	// A reports-to loop is refused and changes nothing.
	boss.ReportsTo = staff.ID
	_, err = a.Accounts.SaveContact(boss)
	assertFault(t, err, fault.Invalid, "reportsTo", "cycle")

	act, err := a.Accounts.SaveActivity(account.Activity{AccountID: acc.ID, Date: "2026-11-10", Type: "visit", Subject: "技术交流", ContactIDs: []string{boss.ID, mgr.ID}, Useful: true})
	require.NoError(t, err)
	_, err = a.Accounts.SaveActivity(account.Activity{AccountID: acc.ID, Date: "2026-11-11", Type: "dinner", Subject: "x"})
	assertFault(t, err, fault.Invalid, "type", "unknown_value")

	// Archiving the manager re-points the staff to the boss.
	require.NoError(t, a.Accounts.ArchiveContact(acc.ID, mgr.ID, mgr.Rev))
	w, err := a.Accounts.Workspace(acc.ID)
	require.NoError(t, err)
	require.Len(t, w.Contacts, 2)
	for _, c := range w.Contacts {
		if c.ID == staff.ID {
			assert.Equal(t, boss.ID, c.ReportsTo)
		}
	}
	// The activity can still be edited although one of its people was archived.
	act.Notes = "带去了样品"
	_, err = a.Accounts.SaveActivity(act)
	require.NoError(t, err)

	require.Len(t, w.Figures, 1)
	require.Len(t, w.ShareOfWallet, 1)
	assert.InDelta(t, 30.0, w.ShareOfWallet[0].Percent, 1e-9)
	assert.Equal(t, 1, w.Visits.Visits)
	assert.Equal(t, 1, w.Visits.UsefulMonths)
	assert.Equal(t, calendar.Date("2026-11-23"), w.Visits.To)

	require.NoError(t, a.Accounts.DeleteFigures(acc.ID, f.ID, f.Rev))
	require.NoError(t, a.Accounts.ArchiveActivity(acc.ID, act.ID, act.Rev+1))
	w, err = a.Accounts.Workspace(acc.ID)
	require.NoError(t, err)
	assert.Empty(t, w.Figures)
	assert.Empty(t, w.Activities)

	// Children of an archived account cannot change.
	acc, err = a.Accounts.Get(acc.ID)
	require.NoError(t, err)
	_, err = a.Accounts.Archive(acc.ID, acc.Rev)
	require.NoError(t, err)
	_, err = a.Accounts.SaveContact(account.Contact{AccountID: acc.ID, Name: "新人"})
	assertFault(t, err, fault.Invalid, "accountId", "archived")
}

func TestDataSurvivesReopen(t *testing.T) {
	dir := t.TempDir()
	clock := calendar.Fixed{T: testNow}
	st, err := storage.Open(dir, storage.Options{Clock: clock})
	require.NoError(t, err)
	a := New(st, clock)
	acc := mustCreate(t, a, account.Account{Name: "宁波港联"})
	_, err = a.Accounts.SaveContact(account.Contact{AccountID: acc.ID, Name: "孙丽"})
	require.NoError(t, err)
	_, err = a.Settings.SavePreferences(settingsPrefs("zh-CN", "dark"))
	require.NoError(t, err)
	require.NoError(t, st.Close())

	st, err = storage.Open(dir, storage.Options{Clock: clock})
	require.NoError(t, err)
	defer st.Close()
	a = New(st, clock)
	w, err := a.Accounts.Workspace(acc.ID)
	require.NoError(t, err)
	assert.Equal(t, "宁波港联", w.Account.Name)
	require.Len(t, w.Contacts, 1)
	p, err := a.Settings.Preferences()
	require.NoError(t, err)
	assert.Equal(t, "zh-CN", p.Language)
	assert.Equal(t, "dark", p.Theme)
}

// The list is served from memory; every write path must show in it at once.
func TestListFollowsEveryWrite(t *testing.T) {
	a := newTestApp(t)
	other := New(a.Store, calendar.Fixed{T: testNow}) // a second set of services on the same store
	names := func() []string {
		l, err := a.Accounts.List(AccountFilter{})
		require.NoError(t, err)
		out := []string{}
		for _, r := range l.Rows {
			out = append(out, r.Name)
		}
		return out
	}
	assert.Empty(t, names())
	acc := mustCreate(t, other, account.Account{Name: "甲"})
	assert.Equal(t, []string{"甲"}, names())
	acc.Name = "乙"
	acc, err := other.Accounts.Update(acc)
	require.NoError(t, err)
	assert.Equal(t, []string{"乙"}, names())
	_, err = other.Accounts.SaveFigures(account.YearFigures{AccountID: acc.ID, Year: 2026, Revenue: 77})
	require.NoError(t, err)
	l, err := a.Accounts.List(AccountFilter{})
	require.NoError(t, err)
	assert.EqualValues(t, 77, l.Rows[0].LatestRevenue)
	_, err = other.Accounts.Archive(acc.ID, acc.Rev)
	require.NoError(t, err)
	assert.Empty(t, names())
}

func TestWarmBuildsIndexes(t *testing.T) {
	a := newTestApp(t)
	acc := mustCreate(t, a, account.Account{Name: "预热", Owner: "王磊"})
	_, err := a.Actions.Save(action.Action{AccountID: acc.ID, Title: "x", Owner: "王磊"})
	require.NoError(t, err)
	fresh := New(a.Store, calendar.Fixed{T: testNow})
	fresh.Warm()()
	assert.True(t, fresh.Accounts.rows.built)
	assert.True(t, fresh.Actions.index.built)
	c, err := fresh.Actions.Counts("王磊")
	require.NoError(t, err)
	assert.Equal(t, 1, c.Open)
}
