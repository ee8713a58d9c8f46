package app

import (
	"bytes"
	"cmp"
	"encoding/base64"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/account"
	"keystone/core/action"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/money"
	"keystone/core/opportunity"
	"keystone/core/portfolio"
	"keystone/core/record"
	"keystone/core/settings"
	"keystone/core/winloss"
	"keystone/storage"
)

// testToday is testNow's date: 2026-11-23.
const testToday = calendar.Date("2026-11-23")

func newDeal(t *testing.T, a *App, accountID, title string, yuan int64, stage string) opportunity.Opportunity {
	t.Helper()
	o, err := a.Opportunities.Save(opportunity.Opportunity{AccountID: accountID, Title: title, Stage: stage,
		Value: money.Money{Amount: yuan * 100}, OpenedOn: "2026-06-01", ExpectedClose: "2026-12-20", Probability: 20,
		Competitors: []string{"Kestrel Pumps"}})
	require.NoError(t, err)
	return o
}

func TestOpportunityLifecycle(t *testing.T) {
	a := newTestApp(t)
	acc := mustCreate(t, a, account.Account{Name: "华东精细化工集团", Owner: "王磊", Segment: "enterprise"})
	boss, err := a.Accounts.SaveContact(account.Contact{AccountID: acc.ID, Name: "周总", BuyingRole: "economic"})
	require.NoError(t, err)

	o, err := a.Opportunities.Save(opportunity.Opportunity{AccountID: acc.ID, Title: " 二期扩产 密封方案 ", Stage: "information",
		Value: money.Money{Amount: 12_800_000}, Probability: 5, Influences: []string{boss.ID},
		Screen:  opportunity.Screen{"need": "yes", "budget": "no"},
		History: []opportunity.StageChange{{Stage: "intent", On: "2020-01-01"}}, // the client cannot write history
		Close:   &opportunity.Close{Outcome: "won", PrimaryReason: "price", On: "2026-01-01"}})
	require.NoError(t, err)
	assert.Equal(t, "二期扩产 密封方案", o.Title)
	assert.Equal(t, "CNY", o.Value.Currency, "the account's currency by default")
	assert.Equal(t, "王磊", o.Owner, "the account's manager by default")
	assert.Equal(t, testToday, o.OpenedOn)
	assert.Nil(t, o.Close, "closing has its own verb")
	assert.Equal(t, []opportunity.StageChange{{Stage: "information", On: testToday}}, o.History)
	assert.Equal(t, 1, o.SettingsVersion, "the shipped settings are pinned as version 1")

	// Moving: recorded with today's date; the default probability follows.
	o, err = a.Opportunities.MoveStage(acc.ID, o.ID, o.Rev, "solution")
	require.NoError(t, err)
	assert.Equal(t, "solution", o.Stage)
	assert.Equal(t, 20, o.Probability)
	assert.Len(t, o.History, 2)
	// A probability the user set stays.
	o.Probability = 33
	o, err = a.Opportunities.Save(o)
	require.NoError(t, err)
	o, err = a.Opportunities.MoveStage(acc.ID, o.ID, o.Rev, "negotiation")
	require.NoError(t, err)
	assert.Equal(t, 33, o.Probability)
	// A stage change through Save is recorded too.
	o.Stage = "needs"
	o, err = a.Opportunities.Save(o)
	require.NoError(t, err)
	assert.Equal(t, []string{"information", "solution", "negotiation", "needs"}, stagesOf(o.History))

	// Stale writes are conflicts.
	_, err = a.Opportunities.MoveStage(acc.ID, o.ID, o.Rev-1, "intent")
	assertFault(t, err, fault.Conflict, "", "stale_rev")

	// Closing: refused without a reason, with a winner on a won deal, with a
	// date before the opening, with a stage outside the list; nothing changes.
	bad := []struct {
		c           opportunity.Close
		field, rule string
	}{
		{opportunity.Close{Outcome: "lost", On: "2026-11-20"}, "close.primaryReason", "required"},
		{opportunity.Close{Outcome: "won", PrimaryReason: "relationship", Winner: "Kestrel Pumps", On: "2026-11-20"}, "close.winner", "won_with_winner"},
		{opportunity.Close{Outcome: "lost", PrimaryReason: "price", On: "2026-05-31"}, "close.on", "before_open"},
		{opportunity.Close{Outcome: "lost", PrimaryReason: "bad_luck", On: "2026-11-20"}, "close.primaryReason", "unknown_reason"},
	}
	// The deal opened today; the opening moves back so the date test means something.
	o.OpenedOn = "2026-06-01"
	o, err = a.Opportunities.Save(o)
	require.NoError(t, err)
	for _, b := range bad {
		_, err := a.Opportunities.Close(acc.ID, o.ID, o.Rev, b.c)
		assertFault(t, err, fault.Invalid, b.field, b.rule)
	}
	_, err = a.Opportunities.MoveStage(acc.ID, o.ID, o.Rev, "closing")
	assertFault(t, err, fault.Invalid, "stage", "unknown_stage")
	o.Stage = "closing"
	_, err = a.Opportunities.Save(o)
	assertFault(t, err, fault.Invalid, "stage", "unknown_stage")
	list, err := a.Opportunities.ForAccount(acc.ID)
	require.NoError(t, err)
	require.Len(t, list.Deals, 1)
	assert.Equal(t, "needs", list.Deals[0].Stage)
	assert.Nil(t, list.Deals[0].Close)
	rev := list.Deals[0].Rev

	closed, err := a.Opportunities.Close(acc.ID, o.ID, rev, opportunity.Close{Outcome: "lost", PrimaryReason: "price",
		SecondaryReasons: []string{"time"}, Winner: "Kestrel Pumps", Lessons: "太晚进入",
		Interview: &opportunity.Interview{Who: "周总", Role: "总经理", On: "2026-11-23", Drivers: []string{"relationship"}}})
	require.NoError(t, err)
	assert.Equal(t, testToday, closed.Close.On, "today by default")
	_, err = a.Opportunities.Close(acc.ID, o.ID, closed.Rev, opportunity.Close{Outcome: "won", PrimaryReason: "price"})
	assertFault(t, err, fault.Invalid, "close", "already_closed")
	_, err = a.Opportunities.MoveStage(acc.ID, o.ID, closed.Rev, "intent")
	assertFault(t, err, fault.Invalid, "stage", "closed")

	// The figures see it at once: the Pareto and the competitor view.
	an, err := a.WinLoss.Analysis(winloss.Filter{})
	require.NoError(t, err)
	assert.Equal(t, 1, an.Counts.Lost)
	require.Len(t, an.Reasons, 2)
	assert.Equal(t, "price", an.Reasons[0].Reason)
	assert.Equal(t, int64(12_800_000), an.Reasons[0].LostValue)
	require.Len(t, an.Competitors, 1)
	assert.Equal(t, winloss.CompetitorRow{Name: "Kestrel Pumps", Deals: 1, Lost: 1, LostTo: 1, LostToValue: 12_800_000,
		WinRate: winloss.Rate{Part: 0, Whole: 1, Defined: true}}, an.Competitors[0])
	assert.Equal(t, []AccountRef{{ID: acc.ID, Name: acc.Name}}, an.Accounts)
	assert.Equal(t, []string{"Kestrel Pumps"}, an.CompetitorNames)
	deals, err := a.WinLoss.Deals(winloss.Filter{}, winloss.Selection{Chart: winloss.ChartLostTo, Key: "kestrel pumps"}, 0, 0)
	require.NoError(t, err)
	require.Equal(t, 1, deals.Total)
	assert.Equal(t, acc.Name, deals.Rows[0].AccountName)
	assert.Equal(t, "negotiation", deals.Rows[0].Furthest, "it had reached negotiation before going back to needs")
	assert.Equal(t, 175, deals.Rows[0].CycleDays) // 2026-06-01 → 2026-11-23
	_, err = a.WinLoss.Deals(winloss.Filter{}, winloss.Selection{Chart: "pie"}, 0, 0)
	assertFault(t, err, fault.Invalid, "chart", "unknown_value")
	_, err = a.WinLoss.Analysis(winloss.Filter{From: "2026-12-01", To: "2026-01-01"})
	assertFault(t, err, fault.Invalid, "to", "before_from")

	sum, err := a.WinLoss.Account(acc.ID)
	require.NoError(t, err)
	assert.Equal(t, 1, sum.Counts.Lost)
	assert.Equal(t, 0, sum.Open)

	// Reopen puts it back in the pipeline, in its stage, not stalled.
	re, err := a.Opportunities.Reopen(acc.ID, o.ID, closed.Rev)
	require.NoError(t, err)
	assert.Nil(t, re.Close)
	assert.Equal(t, testToday, re.LastChange())
	sum, err = a.WinLoss.Account(acc.ID)
	require.NoError(t, err)
	assert.Equal(t, 0, sum.Counts.Lost)
	assert.Equal(t, 1, sum.Open)
	assert.Equal(t, int64(12_800_000*33/100), sum.OpenWeighted)

	// Archived: gone from the list, the pipeline and the figures.
	require.NoError(t, a.Opportunities.Archive(acc.ID, o.ID, re.Rev))
	list, err = a.Opportunities.ForAccount(acc.ID)
	require.NoError(t, err)
	assert.Empty(t, list.Deals)
	p, err := a.Opportunities.Pipeline(PipelineQuery{})
	require.NoError(t, err)
	assert.Equal(t, 0, p.Count)
	_, err = a.Opportunities.MoveStage(acc.ID, o.ID, re.Rev+1, "intent")
	assertFault(t, err, fault.NotFound, "", "not_found")
}

func stagesOf(h []opportunity.StageChange) []string {
	out := []string{}
	for _, c := range h {
		out = append(out, c.Stage)
	}
	return out
}

func TestOpportunityRefusals(t *testing.T) {
	a := newTestApp(t)
	acc := mustCreate(t, a, account.Account{Name: "Nordic Steel AB", Owner: "Anna Schmidt"})
	other := mustCreate(t, a, account.Account{Name: "Delta Foods"})
	stranger, err := a.Accounts.SaveContact(account.Contact{AccountID: other.ID, Name: "Eva"})
	require.NoError(t, err)

	_, err = a.Opportunities.Save(opportunity.Opportunity{AccountID: acc.ID, Title: "Line 3", Stage: "closing"})
	assertFault(t, err, fault.Invalid, "stage", "unknown_stage")
	_, err = a.Opportunities.Save(opportunity.Opportunity{AccountID: acc.ID, Title: "Line 3", Stage: "information", Influences: []string{stranger.ID}})
	assertFault(t, err, fault.Invalid, "influences[0]", "not_found")
	_, err = a.Opportunities.Save(opportunity.Opportunity{AccountID: acc.ID, Title: "", Stage: "information"})
	assertFault(t, err, fault.Invalid, "title", "required")
	_, err = a.Opportunities.Save(opportunity.Opportunity{AccountID: acc.ID, Title: "x", Stage: "information", Meta: record.Meta{Rev: 3}})
	assertFault(t, err, fault.Invalid, "", "invalid")
	list, err := a.Opportunities.ForAccount(acc.ID)
	require.NoError(t, err)
	assert.Empty(t, list.Deals, "nothing was written")

	// An archived account takes no new deals.
	_, err = a.Accounts.Archive(other.ID, other.Rev)
	require.NoError(t, err)
	_, err = a.Opportunities.Save(opportunity.Opportunity{AccountID: other.ID, Title: "x", Stage: "information"})
	assertFault(t, err, fault.Invalid, "accountId", "archived")
	_, err = a.Opportunities.ForAccount("nope")
	assertFault(t, err, fault.NotFound, "", "not_found")
}

func TestWinLossActionSource(t *testing.T) {
	a := newTestApp(t)
	acc := mustCreate(t, a, account.Account{Name: "华东化工", Owner: "王磊"})
	o := newDeal(t, a, acc.ID, "新工厂配套", 500_000, "needs")
	act, err := a.Actions.Save(action.Action{AccountID: acc.ID, Title: "约见采购总监", Source: action.Source{Area: action.AreaWinLoss, RecordID: o.ID}})
	require.NoError(t, err)
	assert.Equal(t, o.ID, act.Source.RecordID)
	_, err = a.Actions.Save(action.Action{AccountID: acc.ID, Title: "x", Source: action.Source{Area: action.AreaWinLoss, RecordID: "01J00000000000000000000000"}})
	assertFault(t, err, fault.Invalid, "source.recordId", "not_found")
	other := mustCreate(t, a, account.Account{Name: "Delta"})
	_, err = a.Actions.Save(action.Action{AccountID: other.ID, Title: "x", Source: action.Source{Area: action.AreaWinLoss, RecordID: o.ID}})
	assertFault(t, err, fault.Invalid, "source.recordId", "not_found")
	require.NoError(t, a.Opportunities.Archive(acc.ID, o.ID, o.Rev))
	_, err = a.Actions.Save(action.Action{AccountID: acc.ID, Title: "y", Source: action.Source{Area: action.AreaWinLoss, RecordID: o.ID}})
	assertFault(t, err, fault.Invalid, "source.recordId", "not_found")
}

func TestWinLossSettingsVersions(t *testing.T) {
	a := newTestApp(t)
	acc := mustCreate(t, a, account.Account{Name: "华东化工"})
	old := newDeal(t, a, acc.ID, "老项目", 100_000, "information")

	cur, err := a.Opportunities.Settings()
	require.NoError(t, err)
	assert.Equal(t, 1, cur.Version)
	edited := cur.Value
	edited.Stages = append([]opportunity.Stage(nil), edited.Stages...)
	edited.Stages[0].Label.Zh = "线索"
	edited.StalledDays = 30
	_, err = a.Opportunities.SaveSettings(edited, 0)
	assertFault(t, err, fault.Conflict, "", "")
	bad := edited
	bad.StalledDays = 1
	_, err = a.Opportunities.SaveSettings(bad, 1)
	assertFault(t, err, fault.Invalid, "stalledDays", "out_of_range")
	v2, err := a.Opportunities.SaveSettings(edited, 1)
	require.NoError(t, err)
	assert.Equal(t, 2, v2.Version)
	assert.False(t, v2.Defaults)

	fresh := newDeal(t, a, acc.ID, "新项目", 100_000, "information")
	assert.Equal(t, 2, fresh.SettingsVersion)
	list, err := a.Opportunities.ForAccount(acc.ID)
	require.NoError(t, err)
	assert.Equal(t, "信息收集", list.Versions[old.SettingsVersion].Stages[0].Label.Zh, "the old deal reads as it was")
	assert.Equal(t, "线索", list.Versions[2].Stages[0].Label.Zh)
	assert.Equal(t, 30, list.Settings.Value.StalledDays)

	back, err := a.Opportunities.RestoreDefaults(2)
	require.NoError(t, err)
	assert.Equal(t, 3, back.Version)
	assert.True(t, back.Defaults)
	assert.Equal(t, opportunity.Defaults(), back.Value)
}

func TestPipeline(t *testing.T) {
	a := newTestApp(t)
	// Reporting in CNY; dollars at 7.0 standing; no rate for the rand.
	_, err := a.Settings.SaveCurrency(settings.Currency{Rates: money.Rates{Reporting: "CNY", Years: []money.YearRates{{Year: 0, Rates: map[string]float64{"USD": 7}}}}})
	require.NoError(t, err)
	hz := mustCreate(t, a, account.Account{Name: "华东化工", Owner: "王磊", Segment: "enterprise"})
	ns := mustCreate(t, a, account.Account{Name: "Nordic Steel", Owner: "Anna Schmidt", Segment: "large", Currency: "USD"})
	th := mustCreate(t, a, account.Account{Name: "Cape Foods", Owner: "王磊", Segment: "large", Currency: "ZAR"})

	d1 := newDeal(t, a, hz.ID, "A 扩产", 100_000, "information")      // CNY 100,000 at 20 %
	d2 := newDeal(t, a, hz.ID, "B 改造", 300_000, "negotiation")      // CNY 300,000 at 20 %
	d3 := newDeal(t, a, ns.ID, "C renewal", 10_000, "negotiation")  // USD 10,000 = CNY 70,000 at 20 %
	d4 := newDeal(t, a, th.ID, "D pilot", 1_000_000, "information") // ZAR: no rate
	d5 := newDeal(t, a, hz.ID, "E closed", 50_000, "information")   // closed below: not in the pipeline
	_, err = a.Opportunities.Close(hz.ID, d5.ID, d5.Rev, opportunity.Close{Outcome: "won", PrimaryReason: "quality"})
	require.NoError(t, err)
	// d1 has been in its stage since 2026-06-01 (175 days): stalled at 45 days.
	d2.OpenedOn = "2026-06-01"
	_ = d3

	p, err := a.Opportunities.Pipeline(PipelineQuery{})
	require.NoError(t, err)
	assert.Equal(t, "CNY", p.Currency)
	assert.Equal(t, 4, p.Count)
	assert.Equal(t, int64(47_000_000), p.Value) // 100,000 + 300,000 + 70,000 (ZAR left out)
	assert.Equal(t, int64(9_400_000), p.Weighted)
	assert.Equal(t, 4, p.Stalled, "every deal opened 2026-06-01 without a later change")
	assert.Equal(t, []winloss.MissingRate{{Currency: "ZAR", Year: 2026, Deals: 1}}, p.Missing)
	assert.Equal(t, 1, p.Excluded)
	require.Len(t, p.Stages, 8)
	assert.Equal(t, "information", p.Stages[0].Stage)
	assert.Equal(t, 2, p.Stages[0].Count)
	assert.Equal(t, int64(10_000_000), p.Stages[0].Value)
	assert.Equal(t, []string{d1.ID, d4.ID}, cardIDs(p.Stages[0].Cards), "largest (in CNY) first; no rate counts as 0")
	assert.Equal(t, 2, p.Stages[6].Count)
	assert.Equal(t, []string{"Anna Schmidt", "王磊"}, p.Owners)
	assert.Equal(t, []string{"enterprise", "large"}, p.Segments)
	assert.Equal(t, 175, p.Rows[0].DaysInStage)

	// Moving a deal makes it fresh.
	_, err = a.Opportunities.MoveStage(hz.ID, d1.ID, d1.Rev, "solution")
	require.NoError(t, err)
	p, err = a.Opportunities.Pipeline(PipelineQuery{StalledOnly: true})
	require.NoError(t, err)
	assert.Equal(t, 3, p.Count)

	// Tiers: 华东化工 scores into Strategic (its suggested tier); Nordic Steel is set by hand.
	_, err = a.Portfolio.Score(scorecard(hz.ID, 9, 9, "2026-03-01"))
	require.NoError(t, err)
	_, err = a.Portfolio.SetTier(portfolio.Assignment{AccountID: ns.ID, Tier: "develop", Reason: "试点"})
	require.NoError(t, err)
	assert.Equal(t, portfolio.DefaultSettings().Tiers, p.Tiers, "the firm's tiers, for the filter")
	wl, err := a.WinLoss.Analysis(winloss.Filter{Tier: "strategic"})
	require.NoError(t, err)
	assert.Equal(t, winloss.Counts{Won: 1, Closed: 1}, wl.Counts, "only 华东化工's closed deal")
	wl, err = a.WinLoss.Analysis(winloss.Filter{Tier: "develop"})
	require.NoError(t, err)
	assert.Equal(t, winloss.Counts{}, wl.Counts)
	assert.Equal(t, portfolio.DefaultSettings().Tiers, wl.Tiers)

	tests := []struct {
		name string
		q    PipelineQuery
		want []string
	}{
		{"segment", PipelineQuery{Segment: "large", Sort: "title"}, []string{d3.ID, d4.ID}},
		{"owner", PipelineQuery{Owner: "王磊", Sort: "title"}, []string{d1.ID, d2.ID, d4.ID}},
		{"account", PipelineQuery{AccountID: ns.ID}, []string{d3.ID}},
		{"tier by quadrant", PipelineQuery{Tier: "strategic", Sort: "title"}, []string{d1.ID, d2.ID}},
		{"tier by hand", PipelineQuery{Tier: "develop"}, []string{d3.ID}},
		{"tier nobody is in", PipelineQuery{Tier: "maintain"}, []string{}},
		{"stage (table)", PipelineQuery{Stage: "negotiation", Sort: "value", Desc: true}, []string{d2.ID, d3.ID}},
		{"period", PipelineQuery{From: "2026-12-01", To: "2026-12-31", Sort: "title"}, []string{d1.ID, d2.ID, d3.ID, d4.ID}},
		{"period before", PipelineQuery{To: "2026-11-30"}, []string{}},
		{"page", PipelineQuery{Sort: "title", Offset: 1, Limit: 2}, []string{d2.ID, d3.ID}},
		{"past the end", PipelineQuery{Offset: 10}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := a.Opportunities.Pipeline(tt.q)
			require.NoError(t, err)
			assert.Equal(t, tt.want, cardIDs(p.Rows))
		})
	}
}

func cardIDs(rows []PipelineRow) []string {
	out := []string{}
	for _, r := range rows {
		out = append(out, r.ID)
	}
	return out
}

// scanDeals reads every live opportunity from the store, the slow way, for
// checking the index against.
func scanDeals(t *testing.T, st *storage.Store) map[string]winloss.Deal {
	t.Helper()
	out := map[string]winloss.Deal{}
	require.NoError(t, st.View(func(tx *storage.Tx) error {
		return tx.ScanAccounts(func(key, _ []byte) error {
			id := string(key[len("acct/"):])
			all, err := storage.List[opportunity.Opportunity](tx, storage.ChildPrefix(id, opportunity.Kind))
			for i := range all {
				if !all[i].Deleted() {
					out[all[i].ID] = *winloss.DealOf(&all[i], nil)
				}
			}
			return err
		})
	}))
	return out
}

func indexDeals(t *testing.T, a *App) map[string]winloss.Deal {
	t.Helper()
	deals, err := a.Opportunities.index.deals()
	require.NoError(t, err)
	out := map[string]winloss.Deal{}
	for _, d := range deals {
		out[d.ID] = *d
	}
	return out
}

func TestWorkbook(t *testing.T) {
	a := newTestApp(t)
	b64, err := a.WinLoss.Workbook([]Sheet{
		{Name: "原因 / Reasons", Headers: []string{"原因", "金额"}, Rows: [][]any{{"价格", 312000.5}, {"交期", 0}}},
		{Name: "原因 / Reasons", Headers: []string{"x"}, Rows: [][]any{}},
	})
	require.NoError(t, err)
	cells := readWorkbook(t, b64)
	assert.Equal(t, [][]string{{"原因", "金额"}, {"价格", "312000.5"}, {"交期", "0"}}, cells["原因 - Reasons"])
	assert.Contains(t, cells, "原因 - Reasons (2)")
	_, err = a.WinLoss.Workbook(nil)
	assertFault(t, err, fault.Invalid, "sheets", "count")
}

func readWorkbook(t *testing.T, b64 string) map[string][][]string {
	t.Helper()
	raw, err := base64.StdEncoding.DecodeString(b64)
	require.NoError(t, err)
	f, err := excelize.OpenReader(bytes.NewReader(raw))
	require.NoError(t, err)
	defer f.Close()
	out := map[string][][]string{}
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		require.NoError(t, err)
		out[name] = rows
	}
	return out
}

func TestSmallest(t *testing.T) {
	in := []int{9, 3, 7, 1, 8, 2, 6, 5, 4, 0}
	for k := 0; k <= 12; k++ {
		list := slices.Clone(in)
		got := smallest(list, k, cmp.Compare[int])
		want := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}[:min(k, 10)]
		if k == 0 {
			assert.Empty(t, got)
			continue
		}
		assert.Equal(t, want, got, "k=%d", k)
	}
}
