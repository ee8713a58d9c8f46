package app

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/account"
	"keystone/core/action"
	"keystone/core/calendar"
	"keystone/core/fault"
)

func titles(rows []ActionRow) []string {
	out := []string{}
	for _, r := range rows {
		out = append(out, r.Title)
	}
	return out
}

func mustAction(t *testing.T, a *App, in action.Action) action.Action {
	t.Helper()
	out, err := a.Actions.Save(in)
	require.NoError(t, err)
	return out
}

func TestMyActionsBoard(t *testing.T) {
	a := newTestApp(t) // today is Monday 2026-11-23; the week ends Sunday 2026-11-29
	acc := mustCreate(t, a, account.Account{Name: "华东精细化工", Owner: "王磊"})
	other := mustCreate(t, a, account.Account{Name: "Rhine Valley Chemicals", Owner: "Anna Schmidt", Currency: "EUR"})
	mustAction(t, a, action.Action{AccountID: acc.ID, Title: "准备年度商务回顾", Owner: "王磊", Due: "2026-11-20"})
	mustAction(t, a, action.Action{AccountID: acc.ID, Title: "安排技术交流会", Owner: "王磊", Due: "2026-11-29"})
	mustAction(t, a, action.Action{AccountID: acc.ID, Title: "推动样品测试", Owner: "王磊", Due: "2026-11-23"})
	mustAction(t, a, action.Action{AccountID: acc.ID, Title: "Q1 kick-off", Owner: "王磊", Due: "2026-11-30"})
	mustAction(t, a, action.Action{AccountID: acc.ID, Title: "整理客情卡", Owner: "王磊"})
	done := mustAction(t, a, action.Action{AccountID: other.ID, Title: "Plant audit", Owner: "王磊", Due: "2026-11-10", Status: action.InProgress})
	mustAction(t, a, action.Action{AccountID: other.ID, Title: "Prepare QBR deck", Owner: "Anna Schmidt", Due: "2026-11-01"})

	b, err := a.Actions.Mine(ActionQuery{Owner: "王磊"})
	require.NoError(t, err)
	assert.Equal(t, calendar.Date("2026-11-29"), b.WeekEnd)
	assert.Equal(t, []string{"Plant audit", "准备年度商务回顾"}, titles(b.Overdue))
	assert.Equal(t, []string{"推动样品测试", "安排技术交流会"}, titles(b.ThisWeek), "today and Sunday are this week")
	assert.Equal(t, []string{"Q1 kick-off"}, titles(b.Later), "next Monday is later")
	assert.Equal(t, []string{"整理客情卡"}, titles(b.NoDate))
	assert.Empty(t, b.Closed)
	assert.Equal(t, ActionCounts{Open: 6, Overdue: 2, ThisWeek: 2, Later: 1, NoDate: 1}, b.Counts)
	assert.Equal(t, "Rhine Valley Chemicals", b.Overdue[0].AccountName)

	c, err := a.Actions.Counts("王磊")
	require.NoError(t, err)
	assert.Equal(t, b.Counts, c)
	c, err = a.Actions.Counts("")
	require.NoError(t, err)
	assert.Equal(t, ActionCounts{Open: 7, Overdue: 3, ThisWeek: 2, Later: 1, NoDate: 1}, c)

	// Completing one moves it to the closed list, dated today.
	got, err := a.Actions.SetStatus(done.ID, done.Rev, action.Done)
	require.NoError(t, err)
	assert.Equal(t, calendar.Date("2026-11-23"), got.CompletedOn)
	_, err = a.Actions.SetStatus(done.ID, done.Rev, action.Open)
	assertFault(t, err, fault.Conflict, "", "stale_rev")
	b, err = a.Actions.Mine(ActionQuery{Owner: "王磊", IncludeClosed: true})
	require.NoError(t, err)
	assert.Equal(t, []string{"Plant audit"}, titles(b.Closed))
	assert.Equal(t, []string{"准备年度商务回顾"}, titles(b.Overdue))

	// Filters: by account, by area.
	b, err = a.Actions.Mine(ActionQuery{AccountID: other.ID, IncludeClosed: true})
	require.NoError(t, err)
	assert.Equal(t, []string{"Prepare QBR deck"}, titles(b.Overdue))
	b, err = a.Actions.Mine(ActionQuery{Owner: "王磊", Areas: []string{action.AreaActivity}})
	require.NoError(t, err)
	assert.Zero(t, b.Counts.Open)

	owners, err := a.Actions.Owners()
	require.NoError(t, err)
	assert.Equal(t, []string{"Anna Schmidt", "王磊"}, owners)

	rows, err := a.Actions.ForAccount(other.ID)
	require.NoError(t, err)
	assert.Equal(t, []string{"Prepare QBR deck", "Plant audit"}, titles(rows), "open first, then closed")

	require.NoError(t, a.Actions.Archive(got.ID, got.Rev))
	rows, err = a.Actions.ForAccount(other.ID)
	require.NoError(t, err)
	assert.Equal(t, []string{"Prepare QBR deck"}, titles(rows))
}

func TestActionBadInputChangesNothing(t *testing.T) {
	a := newTestApp(t)
	acc := mustCreate(t, a, account.Account{Name: "Acme", Owner: "Li"})
	tests := []struct {
		name  string
		in    action.Action
		code  fault.Code
		field string
		rule  string
	}{
		{"no title", action.Action{AccountID: acc.ID, Title: " "}, fault.Invalid, "title", "required"},
		{"bad status", action.Action{AccountID: acc.ID, Title: "x", Status: "later"}, fault.Invalid, "status", "unknown_value"},
		{"bad due", action.Action{AccountID: acc.ID, Title: "x", Due: "2026-02-30"}, fault.Invalid, "due", "invalid_date"},
		{"bad area", action.Action{AccountID: acc.ID, Title: "x", Source: action.Source{Area: "mail"}}, fault.Invalid, "source.area", "unknown_value"},
		{"plan source without plan", action.Action{AccountID: acc.ID, Title: "x", Source: action.Source{Area: "plan", RecordID: "01JD0000000000000000000000"}}, fault.Invalid, "source.recordId", "not_found"},
		{"no account", action.Action{AccountID: "01JD0000000000000000000000", Title: "x"}, fault.NotFound, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := a.Actions.Save(tt.in)
			assertFault(t, err, tt.code, tt.field, tt.rule)
			c, err := a.Actions.Counts("")
			require.NoError(t, err)
			assert.Zero(t, c.Open)
		})
	}
	act := mustAction(t, a, action.Action{AccountID: acc.ID, Title: "ok"})
	act.Source = action.Source{Area: action.AreaActivity, RecordID: act.ID}
	_, err := a.Actions.Save(act)
	assertFault(t, err, fault.Invalid, "source", "immutable")
	_, err = a.Accounts.Archive(acc.ID, acc.Rev)
	require.NoError(t, err)
	_, err = a.Actions.Save(action.Action{AccountID: acc.ID, Title: "late"})
	assertFault(t, err, fault.Invalid, "accountId", "archived")
}

func TestActivityFollowUpIsASharedAction(t *testing.T) {
	a := newTestApp(t)
	acc := mustCreate(t, a, account.Account{Name: "深圳瑞芯电子", Owner: "李娜"})
	act, err := a.Accounts.SaveActivity(account.Activity{AccountID: acc.ID, Date: "2026-11-20", Type: "visit", Subject: "新品技术交流", FollowUp: "2026-11-27"})
	require.NoError(t, err)

	b, err := a.Actions.Mine(ActionQuery{Owner: "李娜"})
	require.NoError(t, err)
	require.Len(t, b.ThisWeek, 1)
	fu := b.ThisWeek[0]
	assert.Equal(t, act.ID, fu.ID, "the follow-up shares its activity's id")
	assert.Equal(t, action.Source{Area: action.AreaActivity, RecordID: act.ID}, fu.Source)
	assert.Equal(t, "新品技术交流", fu.Title)
	w, err := a.Accounts.Workspace(acc.ID)
	require.NoError(t, err)
	require.Len(t, w.FollowUps, 1)

	// Moving the date moves the action; clearing it cancels; setting it again reopens.
	act.FollowUp = "2026-12-10"
	act, err = a.Accounts.SaveActivity(act)
	require.NoError(t, err)
	b, err = a.Actions.Mine(ActionQuery{Owner: "李娜"})
	require.NoError(t, err)
	require.Len(t, b.Later, 1)
	assert.Equal(t, calendar.Date("2026-12-10"), b.Later[0].Due)

	act.FollowUp = ""
	act, err = a.Accounts.SaveActivity(act)
	require.NoError(t, err)
	b, err = a.Actions.Mine(ActionQuery{Owner: "李娜", IncludeClosed: true})
	require.NoError(t, err)
	require.Len(t, b.Closed, 1)
	assert.Equal(t, action.Cancelled, b.Closed[0].Status)

	act.FollowUp = "2026-11-24"
	act, err = a.Accounts.SaveActivity(act)
	require.NoError(t, err)
	c, err := a.Actions.Counts("李娜")
	require.NoError(t, err)
	assert.Equal(t, ActionCounts{Open: 1, ThisWeek: 1, Closed: 0}, c)

	require.NoError(t, a.Accounts.ArchiveActivity(acc.ID, act.ID, act.Rev))
	rows, err := a.Actions.ForAccount(acc.ID)
	require.NoError(t, err)
	assert.Empty(t, rows, "archiving the activity archives its follow-up")
}

// Everyone's board at size L holds 50,000 open actions: each section shows
// at most sectionLimit of them and the counts tell the rest.
func TestMyActionsSectionsAreCapped(t *testing.T) {
	a := newTestApp(t)
	acc := mustCreate(t, a, account.Account{Name: "Big", Owner: "Li"})
	for i := range sectionLimit + 5 {
		mustAction(t, a, action.Action{AccountID: acc.ID, Title: fmt.Sprintf("task %03d", i), Owner: "Li", Due: "2026-11-01"})
	}
	b, err := a.Actions.Mine(ActionQuery{})
	require.NoError(t, err)
	assert.Len(t, b.Overdue, sectionLimit)
	assert.Equal(t, sectionLimit+5, b.Counts.Overdue)
	assert.Equal(t, "task 000", b.Overdue[0].Title, "the most urgent come first")
}
