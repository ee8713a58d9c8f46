package app

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/account"
	"keystone/core/action"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/money"
	"keystone/core/retention"
	"keystone/core/sample"
	"keystone/core/switching"
)

func switchingScores(v ...int) []switching.Score {
	out := make([]switching.Score, len(switching.SubTypes))
	for i, st := range switching.SubTypes {
		out[i] = switching.Score{Key: st.Key, Score: v[i], Note: "依据" + st.Key}
	}
	return out
}

func testSurvey(accountID, date string, e, p int) switching.Survey {
	s := switching.Survey{AccountID: accountID, Date: calendarDate(date), Respondent: "采购总监"}
	for _, k := range switching.Dimensions {
		s.Dimensions = append(s.Dimensions, switching.DimensionScore{Key: k, Expectation: e, Perception: p, Weight: 20})
	}
	return s
}

func testLeverPlan(accountID string) switching.Plan {
	p := switching.Plan{AccountID: accountID, Title: "提高转换成本 2026", Start: "2026-03-01"}
	for _, k := range switching.Levers {
		p.Levers = append(p.Levers, switching.Lever{Key: k, Strength: 2, Target: 4})
	}
	return p
}

func TestSwitchingAssessmentsAndSurveys(t *testing.T) {
	a := newTestApp(t)
	acc := mustCreate(t, a, account.Account{Name: "华东精细化工集团"})

	row, err := a.Switching.SaveAssessment(switching.Assessment{AccountID: acc.ID, Date: "2026-05-01", Scores: switchingScores(5, 5, 5, 5, 3, 3, 1, 1)})
	require.NoError(t, err)
	assert.Equal(t, switching.Indices{Procedural: 100, Financial: 50, Relational: 0, Barrier: 62.5}, row.Indices)
	assert.Equal(t, 1, row.SettingsVersion, "the defaults are pinned as version 1")

	// Bad input changes nothing.
	bad := switching.Assessment{AccountID: acc.ID, Date: "2026-06-01", Scores: switchingScores(5, 5, 5, 5, 3, 3, 1, 6)}
	_, err = a.Switching.SaveAssessment(bad)
	assertFault(t, err, fault.Invalid, "scores[7].score", "out_of_range")
	s := testSurvey(acc.ID, "2026-06-01", 5, 6)
	s.Dimensions[0].Weight = 25
	_, err = a.Switching.SaveSurvey(s)
	assertFault(t, err, fault.Invalid, "weights", "weights_not_100")
	v, err := a.Switching.Get(acc.ID)
	require.NoError(t, err)
	assert.Len(t, v.Assessments, 1)
	assert.Empty(t, v.Surveys)

	sv, err := a.Switching.SaveSurvey(testSurvey(acc.ID, "2026-06-01", 5, 6))
	require.NoError(t, err)
	assert.InDelta(t, 1.0, sv.Result.Weighted, 1e-9)
	assert.InDelta(t, 58.3, sv.Result.Attraction, 1e-9)

	// Settings change: the old assessment still reads as it was; a new one uses the new weights.
	set, err := a.Retention.Settings()
	require.NoError(t, err)
	val := set.Value
	val.Switching.TypeWeights = map[string]int{switching.Procedural: 20, switching.Financial: 40, switching.Relational: 40}
	set, err = a.Retention.SaveSettings(val, set.Version)
	require.NoError(t, err)
	assert.Equal(t, 2, set.Version)
	row2, err := a.Switching.SaveAssessment(switching.Assessment{AccountID: acc.ID, Date: "2026-07-01", Scores: switchingScores(5, 5, 5, 5, 3, 3, 1, 1)})
	require.NoError(t, err)
	assert.InDelta(t, 40.0, row2.Indices.Barrier, 1e-9, "20×100 + 40×50 + 40×0 = 4000 / 100")
	v, err = a.Switching.Get(acc.ID)
	require.NoError(t, err)
	require.Len(t, v.Assessments, 2)
	assert.Equal(t, row2.ID, v.Assessments[0].ID, "newest first")
	assert.InDelta(t, 62.5, v.Assessments[1].Indices.Barrier, 1e-9, "version 1 reads the same")

	// A stale settings save is a conflict; restoring defaults makes a new version.
	_, err = a.Retention.SaveSettings(val, 1)
	assertFault(t, err, fault.Conflict, "", "stale_settings")
	val.Weights[retention.RenewalNear] = 5
	_, err = a.Retention.SaveSettings(val, 2)
	assertFault(t, err, fault.Invalid, "weights", "weights_not_100")
	set, err = a.Retention.RestoreDefaults(2)
	require.NoError(t, err)
	assert.True(t, set.Defaults)
	assert.Equal(t, 3, set.Version)

	// Archive.
	require.NoError(t, a.Switching.ArchiveSurvey(acc.ID, sv.ID, sv.Rev))
	v, err = a.Switching.Get(acc.ID)
	require.NoError(t, err)
	assert.Empty(t, v.Surveys)
}

func TestSwitchingPlanAndLeverActions(t *testing.T) {
	a := newTestApp(t)
	acc := mustCreate(t, a, account.Account{Name: "宁波港联", Owner: "王磊"})
	other := mustCreate(t, a, account.Account{Name: "Other"})
	p, err := a.Switching.SavePlan(testLeverPlan(acc.ID))
	require.NoError(t, err)

	bad := testLeverPlan(acc.ID)
	bad.Levers[0].Strength = 0
	_, err = a.Switching.SavePlan(bad)
	assertFault(t, err, fault.Invalid, "levers[0].strength", "out_of_range")

	lever := func(detail, due string) LeverActionInput {
		return LeverActionInput{
			Action: action.Action{AccountID: acc.ID, Title: "驻厂工程师 " + detail, Owner: "王磊", Due: calendarDate(due),
				Source: action.Source{Area: action.AreaSwitching, RecordID: p.ID, Detail: detail}},
			Cost: money.Money{Amount: 1250000, Currency: "CNY"}, Evidence: "停机时间下降 30%",
		}
	}
	r1, err := a.Switching.SaveLeverAction(lever("service", "2026-12-15"))
	require.NoError(t, err)
	assert.Equal(t, "宁波港联", r1.AccountName)
	_, err = a.Switching.SaveLeverAction(lever("product", "2026-11-01")) // overdue on 2026-11-23
	require.NoError(t, err)
	_, err = a.Switching.SaveLeverAction(lever("emotional", "2027-01-10"))
	require.NoError(t, err)

	// Bad lever actions are refused, through either door, and nothing is written.
	_, err = a.Switching.SaveLeverAction(lever("price", "2026-12-01"))
	assertFault(t, err, fault.Invalid, "source.detail", "lever_unknown")
	_, err = a.Switching.SaveLeverAction(lever("service", "2026-02-28"))
	assertFault(t, err, fault.Invalid, "due", "due_before_start")
	neg := lever("service", "2026-12-01")
	neg.Cost.Amount = -5
	_, err = a.Switching.SaveLeverAction(neg)
	assertFault(t, err, fault.Invalid, "cost", "negative")
	plain := lever("asset", "2026-01-01").Action
	_, err = a.Actions.Save(plain)
	assertFault(t, err, fault.Invalid, "due", "due_before_start")
	plain.Due, plain.Source.Detail = "2026-12-01", "nope"
	_, err = a.Actions.Save(plain)
	assertFault(t, err, fault.Invalid, "source.detail", "lever_unknown")
	plain.Source.Detail, plain.AccountID = "asset", other.ID
	_, err = a.Actions.Save(plain)
	assertFault(t, err, fault.Invalid, "source.recordId", "not_found")

	v, err := a.Switching.Get(acc.ID)
	require.NoError(t, err)
	require.Len(t, v.Plans, 1)
	row := v.Plans[0]
	require.Len(t, row.Actions, 3)
	assert.Equal(t, "2026-11-01", string(row.Actions[0].Due), "board order: overdue first")
	assert.Equal(t, "停机时间下降 30%", row.Actions[0].Evidence)
	assert.Equal(t, int64(1250000), row.Actions[0].Cost.Amount)
	byKey := map[string]switching.LeverProgress{}
	for _, lp := range row.Progress {
		byKey[lp.Key] = lp
	}
	assert.Equal(t, 1, byKey["product"].Overdue)
	assert.Equal(t, 1, byKey["service"].Open)
	assert.Equal(t, 0, byKey["asset"].Actions)

	// Update: cost and status change together; the cost record follows.
	upd := LeverActionInput{Action: r1.Action, Cost: money.Money{Amount: 0}, Evidence: "客户续签三年"}
	upd.Action.Status = action.Done
	r1b, err := a.Switching.SaveLeverAction(upd)
	require.NoError(t, err)
	assert.Equal(t, "2026-11-23", string(r1b.CompletedOn))
	assert.Equal(t, "客户续签三年", r1b.Evidence)
	_, err = a.Switching.SaveLeverAction(upd) // the old revision again
	assertFault(t, err, fault.Conflict, "", "stale_rev")

	// The start cannot move past a due date; the plan's actions show in My actions.
	moved := p
	moved.Start = "2026-11-15"
	_, err = a.Switching.SavePlan(moved)
	assertFault(t, err, fault.Invalid, "start", "start_after_due")
	v, err = a.Switching.Get(acc.ID)
	require.NoError(t, err)
	assert.Equal(t, calendarDate("2026-03-01"), v.Plans[0].Start, "the refused start changed nothing")
	assert.Equal(t, p.Rev, v.Plans[0].Rev)
	board, err := a.Actions.Mine(ActionQuery{Owner: "王磊", Areas: []string{action.AreaSwitching}})
	require.NoError(t, err)
	assert.Equal(t, 2, board.Counts.Open)

	// The calendar export.
	f, err := a.Switching.ExportCalendar(acc.ID, p.ID, map[string]string{"lever.service": "服务依赖"})
	require.NoError(t, err)
	assert.Equal(t, 3, f.Events)
	assert.True(t, strings.HasSuffix(f.Name, ".ics"))
	assert.Contains(t, f.Content, "UID:"+r1.ID+"@keystone\r\n")
	assert.Contains(t, f.Content, "SUMMARY:[服务依赖] 驻厂工程师 service\r\n")
	_, err = a.Switching.ExportCalendar(acc.ID, "nope", nil)
	assertFault(t, err, fault.NotFound, "", "not_found")

	// Archiving the plan cancels its open actions.
	require.NoError(t, a.Switching.ArchivePlan(acc.ID, p.ID, p.Rev))
	board, err = a.Actions.Mine(ActionQuery{Owner: "王磊", Areas: []string{action.AreaSwitching}})
	require.NoError(t, err)
	assert.Equal(t, 0, board.Counts.Open)
	v, err = a.Switching.Get(acc.ID)
	require.NoError(t, err)
	assert.Empty(t, v.Plans)
}

func TestRetentionWarningsCasesAndPortfolio(t *testing.T) {
	a := newTestApp(t)
	acc := mustCreate(t, a, account.Account{Name: "苏州精工", Owner: "李娜"})
	calm := mustCreate(t, a, account.Account{Name: "Calm Ltd", Currency: "USD"})
	for _, f := range []account.YearFigures{{Year: 2024, Revenue: 1000000, CategorySpend: 2500000}, {Year: 2025, Revenue: 800000, CategorySpend: 2600000}} {
		f.AccountID, f.Currency = acc.ID, "CNY"
		_, err := a.Accounts.SaveFigures(f)
		require.NoError(t, err)
	}
	_, err := a.Accounts.SaveFigures(account.YearFigures{AccountID: calm.ID, Year: 2025, Currency: "USD", Revenue: 100000})
	require.NoError(t, err)
	for _, d := range []string{"2026-11-01", "2026-10-15"} {
		_, err := a.Accounts.SaveActivity(account.Activity{AccountID: acc.ID, Date: calendarDate(d), Type: "complaint", Subject: "交付延误，客户提到竞争对手"})
		require.NoError(t, err)
	}
	_, err = a.Retention.SaveRenewal(retention.Renewal{AccountID: acc.ID, Date: "2027-01-10"})
	require.NoError(t, err)
	_, err = a.Retention.SaveRenewal(retention.Renewal{AccountID: acc.ID, Date: "2027-13-10"})
	assertFault(t, err, fault.Invalid, "date", "invalid_date")

	v, err := a.Retention.Get(acc.ID)
	require.NoError(t, err)
	keys := []string{}
	for _, w := range v.Risk.Warnings {
		keys = append(keys, w.Key)
	}
	// revenue −20 % (25), share 40 % → 30.8 % (15), complaints (20), renewal in 48 days (10), competitor (15)
	assert.Equal(t, []string{retention.FallingRevenue, retention.FallingShare, retention.RisingComplaints, retention.RenewalNear, retention.CompetitorActivity}, keys)
	assert.Equal(t, 85, v.Risk.Score)
	assert.Equal(t, retention.High, v.Risk.Level)
	assert.Equal(t, "", v.Position.Quadrant)

	// A to-do left open since March is no work on January's renewal: the
	// warning stays, here and on the portfolio.
	stale, err := a.Actions.Save(action.Action{AccountID: acc.ID, Title: "年度答谢", Due: "2026-03-01", Source: action.Source{Area: action.AreaManual}})
	require.NoError(t, err)
	v, err = a.Retention.Get(acc.ID)
	require.NoError(t, err)
	assert.Contains(t, keysOfRisk(v.Risk), retention.RenewalNear, "a stale open action does not cover the renewal")
	early, err := a.Retention.Portfolio()
	require.NoError(t, err)
	for _, p := range early.Points {
		if p.AccountID == acc.ID {
			assert.Contains(t, p.Warnings, retention.RenewalNear, "the portfolio reads the same warnings as the tab")
			assert.Equal(t, 85, p.Risk)
		}
	}
	// Done in the renewal's run-up (it starts 2026-10-12), it counts as work on the renewal.
	stale.Status = action.Done
	done, err := a.Actions.Save(stale)
	require.NoError(t, err)
	require.Equal(t, calendarDate("2026-11-23"), done.CompletedOn)
	v, err = a.Retention.Get(acc.ID)
	require.NoError(t, err)
	assert.NotContains(t, keysOfRisk(v.Risk), retention.RenewalNear, "done in the run-up")
	pf0, err := a.Retention.Portfolio()
	require.NoError(t, err)
	for _, p := range pf0.Points {
		if p.AccountID == acc.ID {
			assert.NotContains(t, p.Warnings, retention.RenewalNear, "the portfolio agrees")
		}
	}
	require.NoError(t, a.Actions.Archive(done.ID, done.Rev))

	// Position: captive (low attraction, high barrier), then loyal after a better survey.
	_, err = a.Switching.SaveAssessment(switching.Assessment{AccountID: acc.ID, Date: "2026-05-01", Scores: switchingScores(5, 5, 4, 4, 4, 4, 3, 3)})
	require.NoError(t, err)
	_, err = a.Switching.SaveSurvey(testSurvey(acc.ID, "2026-06-01", 6, 4))
	require.NoError(t, err)
	v, err = a.Retention.Get(acc.ID)
	require.NoError(t, err)
	assert.Equal(t, switching.Captive, v.Position.Quadrant)
	_, err = a.Switching.SaveSurvey(testSurvey(acc.ID, "2026-09-01", 5, 6))
	require.NoError(t, err)
	v, err = a.Retention.Get(acc.ID)
	require.NoError(t, err)
	assert.Equal(t, switching.Loyal, v.Position.Quadrant)
	require.Len(t, v.Position.Trail, 2)
	assert.Equal(t, switching.Captive, v.Position.Trail[0].Quadrant)

	// A case with an action; a bad case and an action on a missing case are refused.
	c, err := a.Retention.SaveCase(retention.Case{AccountID: acc.ID, Opened: "2026-11-20", Situation: "at_risk", Cause: "neglect", Tier: "A", Strategy: "executive"})
	require.NoError(t, err)
	_, err = a.Retention.SaveCase(retention.Case{AccountID: acc.ID, Opened: "2026-11-20", Situation: "at_risk", Cause: "luck", Tier: "A", Strategy: "executive"})
	assertFault(t, err, fault.Invalid, "cause", "unknown_value")
	_, err = a.Actions.Save(action.Action{AccountID: acc.ID, Title: "高层拜访", Due: "2026-12-05", Source: action.Source{Area: action.AreaRetention, RecordID: c.ID}})
	require.NoError(t, err)
	_, err = a.Actions.Save(action.Action{AccountID: acc.ID, Title: "x", Source: action.Source{Area: action.AreaRetention, RecordID: calm.ID}})
	assertFault(t, err, fault.Invalid, "source.recordId", "not_found")
	v, err = a.Retention.Get(acc.ID)
	require.NoError(t, err)
	require.Len(t, v.Cases, 1)
	require.Len(t, v.Cases[0].Actions, 1)
	assert.NotContains(t, keysOfRisk(v.Risk), retention.RenewalNear, "the open action due before the renewal covers it")
	assert.Equal(t, "A", v.SuggestedTier, "the larger of two accounts")
	// The tier is the portfolio's ABC class, with its limits: CNY 8,000 and
	// USD 1,000 (CNY 7,100); the smaller starts at 53 % of the total: A
	// under the 80 % default, B once class A ends at 40 %.
	cv, err := a.Retention.Get(calm.ID)
	require.NoError(t, err)
	assert.Equal(t, "A", cv.SuggestedTier)
	ps, err := a.Portfolio.Settings()
	require.NoError(t, err)
	ps.Value.ClassA = 40
	_, err = a.Portfolio.SaveSettings(ps.Value, ps.Version)
	require.NoError(t, err)
	cv, err = a.Retention.Get(calm.ID)
	require.NoError(t, err)
	assert.Equal(t, "B", cv.SuggestedTier, "class A ends at 40 %")

	pf, err := a.Retention.Portfolio()
	require.NoError(t, err)
	require.Len(t, pf.Points, 2)
	top := pf.Points[0]
	assert.Equal(t, acc.ID, top.AccountID, "riskiest first")
	assert.NotContains(t, top.Warnings, retention.RenewalNear, "the case's action due before the renewal covers it here too")
	assert.Equal(t, switching.Loyal, top.Quadrant)
	assert.Equal(t, int64(800000), top.Revenue)
	assert.Equal(t, 2025, top.RevenueYear)
	assert.Equal(t, 1, top.OpenCases)
	assert.Equal(t, int64(710000), pf.Points[1].Revenue, "USD 1,000.00 at the standing 7.10")
	assert.Equal(t, map[string]int{switching.Loyal: 1, "": 1}, pf.Quadrants)
	require.NotEmpty(t, pf.Rates)
	assert.Equal(t, 2025, pf.Rates[0].Year)
	assert.Equal(t, 1, pf.Rates[0].Customers)

	// The portfolio follows later writes: a worse survey, an archived
	// account, new cut-offs.
	_, err = a.Switching.SaveSurvey(testSurvey(acc.ID, "2026-11-01", 6, 3))
	require.NoError(t, err)
	_, err = a.Accounts.Archive(calm.ID, calm.Rev)
	require.NoError(t, err)
	pf, err = a.Retention.Portfolio()
	require.NoError(t, err)
	require.Len(t, pf.Points, 1)
	assert.Equal(t, switching.Captive, pf.Points[0].Quadrant)
	set, err := a.Retention.Settings()
	require.NoError(t, err)
	val := set.Value
	val.Switching.AttractionCut = 20
	_, err = a.Retention.SaveSettings(val, set.Version)
	require.NoError(t, err)
	pf, err = a.Retention.Portfolio()
	require.NoError(t, err)
	assert.Equal(t, switching.Loyal, pf.Points[0].Quadrant, "attraction 25 is high once the cut is 20")
}

func keysOfRisk(r retention.Risk) []string {
	out := []string{}
	for _, w := range r.Warnings {
		out = append(out, w.Key)
	}
	return out
}

func TestRetentionOnSample(t *testing.T) {
	a := newTestApp(t)
	_, err := LoadPortfolio(a.Store, sample.Generate(sample.Small, 1, "2026-11-23"))
	require.NoError(t, err)
	pf, err := a.Retention.Portfolio()
	require.NoError(t, err)
	assert.Len(t, pf.Points, 24)
	for _, q := range switching.Quadrants {
		assert.Positive(t, pf.Quadrants[q], "some accounts in %s", q)
	}
	assert.Positive(t, pf.Levels[retention.High]+pf.Levels[retention.Medium], "the troubled accounts raise warnings")
	// Every generated lever action passes the source check when saved again.
	for _, p := range pf.Points[:3] {
		v, err := a.Switching.Get(p.AccountID)
		require.NoError(t, err)
		for _, pl := range v.Plans {
			for _, x := range pl.Actions {
				_, err := a.Actions.Save(x.Action)
				require.NoError(t, err, "%s", x.Title)
			}
		}
	}
}

func calendarDate(s string) calendar.Date { return calendar.Date(s) }

func TestRetentionWarm(t *testing.T) {
	a := newTestApp(t)
	acc := mustCreate(t, a, account.Account{Name: "预热"})
	require.NoError(t, a.Retention.warm())
	pf, err := a.Retention.Portfolio()
	require.NoError(t, err)
	require.Len(t, pf.Points, 1)
	assert.Equal(t, acc.ID, pf.Points[0].AccountID)
}
