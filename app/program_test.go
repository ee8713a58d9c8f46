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
	"keystone/core/program"
	"keystone/core/sample"
	"keystone/storage"
)

// makeGroup makes a global account (DE head office) with subsidiaries in CN and
// the US, and a Singapore hub with a Japanese plant under it.
func makeGroup(t *testing.T, a *App) (top, cn, us, sg, jp account.Account) {
	t.Helper()
	top = mustCreate(t, a, account.Account{Name: "Rhine Valley Chemicals", Country: "DE", Currency: "EUR", Owner: "Anna Schmidt"})
	cn = mustCreate(t, a, account.Account{Name: "Rhine Valley Chemicals (Suzhou)", Country: "CN", ParentID: top.ID})
	us = mustCreate(t, a, account.Account{Name: "Rhine Valley Chemicals USA", Country: "US", ParentID: top.ID})
	sg = mustCreate(t, a, account.Account{Name: "Rhine Valley Chemicals Asia Pacific", Country: "SG", ParentID: top.ID})
	jp = mustCreate(t, a, account.Account{Name: "Rhine Valley Chemicals Japan", Country: "JP", ParentID: sg.ID})
	return
}

func newProgram(t *testing.T, a *App, accountID string) program.Program {
	t.Helper()
	p, err := a.Programs.Create(program.Program{AccountID: accountID, Manager: "Anna Schmidt", Sponsor: "Thomas Weber",
		Structure: program.StructureCoordination, Start: "2026-01-15"})
	require.NoError(t, err)
	return p
}

func TestProgramLifecycle(t *testing.T) {
	a := newTestApp(t)
	top, cn, us, _, jp := makeGroup(t, a)
	p := newProgram(t, a, top.ID)
	assert.Equal(t, "EUR", p.Currency, "a program takes the account's currency")
	assert.Equal(t, program.StatusActive, p.Status)
	assert.Len(t, p.Drivers, 7)

	_, err := a.Programs.Create(program.Program{AccountID: top.ID, Manager: "x", Structure: program.StructureControl, Start: "2026-01-01"})
	assertFault(t, err, fault.Invalid, "accountId", "duplicate_program")

	// Four countries: three with local entities (a grandchild too), one without.
	for _, c := range []program.Country{
		{Country: "DE", EntityID: top.ID, Coverage: program.Covered, Added: "2026-01-15"},
		{Country: "CN", EntityID: cn.ID, Lead: "陈静", Coverage: program.Covered, Added: "2026-01-15"},
		{Country: "US", EntityID: us.ID, Coverage: program.Partial, Added: "2026-01-15"},
		{Country: "JP", EntityID: jp.ID, Coverage: program.None, Added: "2026-03-01"},
	} {
		p, err = a.Programs.SaveCountry(p.ID, p.Rev, c)
		require.NoError(t, err)
	}
	require.Len(t, p.Countries, 4)
	for _, c := range p.Countries {
		assert.NotEmpty(t, c.ID)
		assert.Len(t, c.CoverageLog, 1, "coverage history starts when the country is added")
	}

	// Quarterly targets and actuals: Q1–Q3 closed on 23 November 2026.
	var qs []QuarterInput
	for i, c := range p.Countries {
		for q := 1; q <= 4; q++ {
			in := QuarterInput{CountryID: c.ID, Year: 2026, Quarter: q, Target: int64(100_000_00 * (i + 1))}
			if q < 4 {
				v := int64(95_000_00 * (i + 1))
				in.Actual = &v
			}
			qs = append(qs, in)
		}
	}
	p, err = a.Programs.SetQuarters(p.ID, p.Rev, qs)
	require.NoError(t, err)
	v, err := a.Programs.Get(p.ID, 0)
	require.NoError(t, err)
	assert.Equal(t, 2026, v.Year)
	assert.Equal(t, calendar.Date("2026-11-23"), v.Today)
	assert.Equal(t, "Rhine Valley Chemicals", v.AccountName)
	assert.InDelta(t, 95.0, v.Rollups.Total.Figures.Percent, 1e-9)
	assert.Equal(t, program.Green, v.Health.Level, "%+v", v.Health.Findings)
	assert.Len(t, v.Group, 5)
	assert.Equal(t, 0, v.Group[0].Depth)
	assert.Equal(t, []string{"greater_china", "asia_pacific", "europe", "north_america"}, regionKeys(v.Rollups),
		"regions in the fixed order: greater_china, asia_pacific, europe, north_america")

	// Enter a low actual: revenue falls under 80 % of target to date and health turns red.
	low := int64(10_000_00)
	p, err = a.Programs.SetQuarters(p.ID, p.Rev, []QuarterInput{{CountryID: p.Countries[3].ID, Year: 2026, Quarter: 3, Target: 400_000_00, Actual: &low}})
	require.NoError(t, err)
	require.NoError(t, err)
	p, err = a.Programs.SetQuarters(p.ID, p.Rev, []QuarterInput{{CountryID: p.Countries[3].ID, Year: 2026, Quarter: 2, Target: 400_000_00, Actual: &low}})
	require.NoError(t, err)
	v, err = a.Programs.Get(p.ID, 0)
	require.NoError(t, err)
	assert.Equal(t, program.Red, v.Health.Level)
	assert.Equal(t, program.RuleRevenueRed, v.Health.Findings[0].Rule)

	// The contract renews in 60 days: a renewal alert, and red until a renewal action exists.
	p, err = a.Programs.SaveContract(p.ID, p.Rev, &program.Contract{Number: "GA-2024-017", Start: "2024-02-01", End: "2027-02-28",
		Renewal: "2027-01-22", Harmonization: program.PriceBanded, Adopted: []string{"DE", "CN"}})
	require.NoError(t, err)
	v, err = a.Programs.Get(p.ID, 0)
	require.NoError(t, err)
	require.NotNil(t, v.Renewal)
	assert.Equal(t, program.AlertUrgent, v.Renewal.Level)
	assert.Equal(t, 60, v.Renewal.Days)
	assert.Contains(t, rules(v.Health), program.RuleRenewalUrgent)
	assert.InDelta(t, 50.0, v.Rollups.Total.Adoption.Percent, 1e-9)

	renew := mustAction(t, a, action.Action{AccountID: top.ID, Title: "Open renewal talks", Owner: "Anna Schmidt", Due: "2026-12-15",
		Source: action.Source{Area: action.AreaProgram, RecordID: p.ID, Detail: program.DetailRenewal}})
	v, err = a.Programs.Get(p.ID, 0)
	require.NoError(t, err)
	assert.NotContains(t, rules(v.Health), program.RuleRenewalUrgent)
	assert.True(t, v.Renewal.Actioned)
	require.Len(t, v.Actions, 1)
	assert.Equal(t, renew.ID, v.Actions[0].ID)

	// Coverage falls: US from partial to none is logged today and turns coverage_fell on.
	us0 := p.Countries[2]
	us0.Coverage = program.None
	p, err = a.Programs.SaveCountry(p.ID, p.Rev, us0)
	require.NoError(t, err)
	assert.Equal(t, []program.CoverageChange{{On: "2026-01-15", Coverage: program.Partial}, {On: "2026-11-23", Coverage: program.None}}, p.Countries[2].CoverageLog)
	assert.Len(t, p.Countries[2].Quarters, 4, "saving a row without quarters keeps its figures")
	v, err = a.Programs.Get(p.ID, 0)
	require.NoError(t, err)
	assert.Contains(t, rules(v.Health), program.RuleCoverageFell)

	// Drop a country: its row and figures stay, it leaves the contract's adopters.
	p, err = a.Programs.DropCountry(p.ID, p.Rev, p.Countries[1].ID, "")
	require.NoError(t, err)
	assert.Equal(t, calendar.Date("2026-11-23"), p.Countries[1].Dropped)
	assert.Equal(t, []string{"DE"}, p.Contract.Adopted)
	v, err = a.Programs.Get(p.ID, 0)
	require.NoError(t, err)
	assert.Equal(t, 3, v.Rollups.Total.Countries)
	assert.Len(t, v.Rollups.Countries, 4, "the dropped row stays in the table")

	// KPIs.
	margin := int64(2300)
	p, err = a.Programs.SaveKPIs(p.ID, p.Rev, []program.KPI{{Metric: program.KPIMargin, Target: 2500, Actual: &margin}, {Metric: program.KPICoverage, Target: 8000}})
	require.NoError(t, err)
	v, err = a.Programs.Get(p.ID, 0)
	require.NoError(t, err)
	assert.Equal(t, int64(2300), v.KPIs[1].Actual)

	// Header.
	hdr := p
	hdr.Committee = []string{" Anna Schmidt ", "Thomas Weber", ""}
	hdr.Structure = program.StructureControl
	hdr.Countries = nil // a header save never touches the countries
	p, err = a.Programs.Save(hdr)
	require.NoError(t, err)
	assert.Equal(t, []string{"Anna Schmidt", "Thomas Weber"}, p.Committee)
	assert.Len(t, p.Countries, 4)

	// Stale revision.
	_, err = a.Programs.Save(hdr)
	assertFault(t, err, fault.Conflict, "", "stale_rev")

	// Archive: gone from the list, the account can start a new one.
	require.NoError(t, a.Programs.Archive(p.ID, p.Rev))
	_, err = a.Programs.Get(p.ID, 0)
	assertFault(t, err, fault.NotFound, "", "not_found")
	_ = newProgram(t, a, top.ID)
}

func regionKeys(r program.Rollups) []string {
	var out []string
	for _, x := range r.Regions {
		out = append(out, x.Key)
	}
	return out
}

func rules(h program.Health) []string {
	out := []string{}
	for _, f := range h.Findings {
		out = append(out, f.Rule)
	}
	return out
}

// TestProgramBadInputChangesNothing: each refusal names its field and rule,
// and the stored program is exactly as before.
func TestProgramBadInputChangesNothing(t *testing.T) {
	a := newTestApp(t)
	top, cn, _, _, _ := makeGroup(t, a)
	other := mustCreate(t, a, account.Account{Name: "华东化工集团", Country: "CN"})
	stranger := mustCreate(t, a, account.Account{Name: "华东化工（宁波）", Country: "CN", ParentID: other.ID})
	p := newProgram(t, a, top.ID)
	p, err := a.Programs.SaveCountry(p.ID, p.Rev, program.Country{Country: "CN", EntityID: cn.ID, Coverage: program.Covered})
	require.NoError(t, err)
	assert.Equal(t, calendar.Date("2026-11-23"), p.Countries[0].Added, "added today when not given")
	before, err := a.Programs.Get(p.ID, 0)
	require.NoError(t, err)

	neg := int64(-5)
	tests := []struct {
		name  string
		do    func() error
		field string
		rule  string
	}{
		{"unknown country code", func() error {
			_, err := a.Programs.SaveCountry(p.ID, p.Rev, program.Country{Country: "XK1", Coverage: program.None})
			return err
		}, "countries[1].country", "invalid_country"},
		{"a subsidiary of another parent", func() error {
			_, err := a.Programs.SaveCountry(p.ID, p.Rev, program.Country{Country: "CN", EntityID: stranger.ID, Coverage: program.None})
			return err
		}, "countries[1].country", "duplicate_country"},
		{"a subsidiary of another parent, in a new country", func() error {
			_, err := a.Programs.SaveCountry(p.ID, p.Rev, program.Country{Country: "FR", EntityID: stranger.ID, Coverage: program.None})
			return err
		}, "countries[1].entityId", "not_subsidiary"},
		{"a negative target", func() error {
			_, err := a.Programs.SetQuarters(p.ID, p.Rev, []QuarterInput{{CountryID: p.Countries[0].ID, Year: 2026, Quarter: 1, Target: -100}})
			return err
		}, "countries[0].quarters[0].target", "negative"},
		{"a negative actual", func() error {
			_, err := a.Programs.SetQuarters(p.ID, p.Rev, []QuarterInput{{CountryID: p.Countries[0].ID, Year: 2026, Quarter: 1, Target: 100, Actual: &neg}})
			return err
		}, "countries[0].quarters[0].actual", "negative"},
		{"a contract ending before it starts", func() error {
			_, err := a.Programs.SaveContract(p.ID, p.Rev, &program.Contract{Start: "2026-06-01", End: "2026-05-31", Harmonization: program.PriceLocal})
			return err
		}, "contract.end", "end_before_start"},
		{"a dropped date before the added date", func() error {
			_, err := a.Programs.DropCountry(p.ID, p.Rev, p.Countries[0].ID, "2020-01-01")
			return err
		}, "countries[0].dropped", "end_before_start"},
		{"a country dropped on a day still to come", func() error {
			_, err := a.Programs.DropCountry(p.ID, p.Rev, p.Countries[0].ID, "2026-11-24")
			return err
		}, "on", "in_future"},
		{"a negative KPI target", func() error {
			_, err := a.Programs.SaveKPIs(p.ID, p.Rev, []program.KPI{{Metric: program.KPIRevenue, Target: -1}})
			return err
		}, "kpis[0].target", "negative"},
		{"removing a country row", func() error {
			_, err := a.Programs.mutate(p.ID, p.Rev, func(x *program.Program, _ calendar.Date) error { x.Countries = nil; return nil })
			return err
		}, "countries", "history_kept"},
		{"an unknown country row", func() error {
			_, err := a.Programs.DropCountry(p.ID, p.Rev, "nope", "")
			return err
		}, "", "not_found"},
		{"a header without a manager", func() error {
			h := p
			h.Manager = ""
			_, err := a.Programs.Save(h)
			return err
		}, "manager", "required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.do()
			code := fault.Invalid
			if tt.rule == "not_found" {
				code = fault.NotFound
			}
			assertFault(t, err, code, tt.field, tt.rule)
			after, err := a.Programs.Get(p.ID, 0)
			require.NoError(t, err)
			assert.Equal(t, before.Program, after.Program, "nothing changed")
		})
	}

	// Creating: an account without subsidiaries, an archived one.
	solo := mustCreate(t, a, account.Account{Name: "独立客户"})
	_, err = a.Programs.Create(program.Program{AccountID: solo.ID, Manager: "王磊", Structure: program.StructureControl, Start: "2026-01-01"})
	assertFault(t, err, fault.Invalid, "accountId", "no_subsidiaries")
	_, err = a.Programs.Create(program.Program{AccountID: other.ID, Manager: "王磊", Structure: program.StructureControl, Start: "2026-01-01"})
	assertFault(t, err, fault.Invalid, "accountId", "one_country")
	gulf := mustCreate(t, a, account.Account{Name: "Gulf Petrochemicals", Country: "AE"})
	mustCreate(t, a, account.Account{Name: "Gulf Petrochemicals Saudi", Country: "SA", ParentID: gulf.ID})
	_, err = a.Programs.Create(program.Program{AccountID: gulf.ID, Manager: "王磊", Structure: "matrix", Start: "2026-01-01"})
	assertFault(t, err, fault.Invalid, "structure", "unknown_value")
	l, err := a.Programs.List(ProgramQuery{})
	require.NoError(t, err)
	assert.Equal(t, 1, l.Total, "nothing was created by the refusals")
}

func TestProgramActionsNeedALiveProgramOfTheAccount(t *testing.T) {
	a := newTestApp(t)
	top, cn, _, _, _ := makeGroup(t, a)
	p := newProgram(t, a, top.ID)
	_, err := a.Actions.Save(action.Action{AccountID: cn.ID, Title: "里程碑", Due: "2026-12-01",
		Source: action.Source{Area: action.AreaProgram, RecordID: p.ID, Detail: program.DetailMilestone}})
	assertFault(t, err, fault.Invalid, "source.recordId", "not_found")
	_, err = a.Actions.Save(action.Action{AccountID: top.ID, Title: "Milestone", Due: "2026-12-01",
		Source: action.Source{Area: action.AreaProgram, RecordID: "01HZX0000000000000000000ZZ", Detail: program.DetailMilestone}})
	assertFault(t, err, fault.Invalid, "source.recordId", "not_found")
	m := mustAction(t, a, action.Action{AccountID: top.ID, Title: "Steering committee", Due: "2026-11-01",
		Source: action.Source{Area: action.AreaProgram, RecordID: p.ID, Detail: program.DetailMilestone}})
	l, err := a.Programs.List(ProgramQuery{})
	require.NoError(t, err)
	require.Len(t, l.Rows, 1)
	assert.Equal(t, 1, l.Rows[0].OverdueActions)
	assert.Equal(t, program.Amber, l.Rows[0].Health, "an overdue milestone")
	board, err := a.Actions.Mine(ActionQuery{})
	require.NoError(t, err)
	require.Len(t, board.Overdue, 1, "program milestones show on My actions")
	assert.Equal(t, m.ID, board.Overdue[0].ID)
}

func TestProgramListAndCandidates(t *testing.T) {
	a := newTestApp(t)
	top, _, _, _, _ := makeGroup(t, a)
	other := mustCreate(t, a, account.Account{Name: "华东化工集团", Country: "CN", Owner: "王磊"})
	mustCreate(t, a, account.Account{Name: "华东化工（越南）", Country: "VN", ParentID: other.ID})
	l, err := a.Programs.List(ProgramQuery{})
	require.NoError(t, err)
	assert.Empty(t, l.Rows)
	require.Len(t, l.Candidates, 2, "the SG hub is part of its group, not a candidate of its own")
	assert.Equal(t, top.ID, l.Candidates[0].ID, "the most countries first")
	assert.Equal(t, []string{"CN", "DE", "JP", "SG", "US"}, l.Candidates[0].Countries)
	assert.Equal(t, 4, l.Candidates[0].Subsidiaries)

	p := newProgram(t, a, top.ID)
	_, err = a.Programs.SaveContract(p.ID, p.Rev, &program.Contract{Start: "2024-01-01", End: "2027-03-31", Harmonization: program.PriceUniform})
	require.NoError(t, err)
	l, err = a.Programs.List(ProgramQuery{})
	require.NoError(t, err)
	require.Len(t, l.Rows, 1)
	assert.Len(t, l.Candidates, 1)
	row := l.Rows[0]
	assert.Equal(t, "Rhine Valley Chemicals", row.AccountName)
	assert.Equal(t, calendar.Date("2027-03-31"), row.NextRenewal)
	require.NotNil(t, row.Renewal)
	assert.Equal(t, program.AlertNotice, row.Renewal.Level)
	assert.Equal(t, program.Amber, row.Health)
	assert.Equal(t, []string{"Anna Schmidt"}, l.Managers)

	for q, n := range map[ProgramQuery]int{{Health: program.Amber}: 1, {Health: program.Red}: 0, {Search: "rhine"}: 1,
		{Search: "华东"}: 0, {Manager: "Anna Schmidt"}: 1, {Status: program.StatusEnded}: 0} {
		l, err := a.Programs.List(q)
		require.NoError(t, err)
		assert.Len(t, l.Rows, n, "%+v", q)
		assert.Equal(t, 1, l.Total)
	}
}

func TestProgramSettings(t *testing.T) {
	a := newTestApp(t)
	top, _, _, _, _ := makeGroup(t, a)
	p := newProgram(t, a, top.ID)
	p, err := a.Programs.SaveContract(p.ID, p.Rev, &program.Contract{Start: "2024-01-01", End: "2027-03-31", Harmonization: program.PriceUniform})
	require.NoError(t, err)
	v, err := a.Programs.Get(p.ID, 0)
	require.NoError(t, err)
	assert.Equal(t, program.Amber, v.Health.Level, "renewal in 128 days")
	assert.Equal(t, 0, v.SettingsVersion)

	m, err := a.Programs.Settings()
	require.NoError(t, err)
	assert.True(t, m.Defaults)
	s := m.Value
	s.Rules[3].Threshold = 120 // renewal_near: 120 days
	_, err = a.Programs.SaveSettings(s, m.Version)
	require.NoError(t, err)
	v, err = a.Programs.Get(p.ID, 0)
	require.NoError(t, err)
	assert.Equal(t, program.Green, v.Health.Level, "the rule follows the new threshold")
	assert.Nil(t, v.Renewal, "and so does the alert horizon")
	assert.Equal(t, 1, v.SettingsVersion)

	bad := program.Defaults()
	bad.Rules[0].Level = "purple"
	_, err = a.Programs.SaveSettings(bad, 1)
	assertFault(t, err, fault.Invalid, "rules[0].level", "unknown_value")
	_, err = a.Programs.SaveSettings(program.Defaults(), 0)
	assertFault(t, err, fault.Conflict, "", "")
	r, err := a.Programs.RestoreDefaults(1)
	require.NoError(t, err)
	assert.True(t, r.Defaults)
	assert.Equal(t, 2, r.Version)
}

// TestProgramQuartersInTheUsersZone: at 00:30 on 1 April in Shanghai (still
// 31 March in UTC) Q1 has closed for the user and a renewal on 30 June is 90
// days away (urgent), not 91; at 00:30 on 1 January the year to date is the
// new year's.
func TestProgramQuartersInTheUsersZone(t *testing.T) {
	shanghai := time.FixedZone("CST", 8*3600)
	dir := t.TempDir()
	at := func(tm time.Time) *App {
		st, err := storage.Open(dir, storage.Options{Clock: calendar.Fixed{T: tm}})
		require.NoError(t, err)
		t.Cleanup(func() { _ = st.Close() })
		return New(st, calendar.Fixed{T: tm})
	}
	a := at(time.Date(2026, 3, 31, 12, 0, 0, 0, shanghai))
	top, _, _, _, _ := makeGroup(t, a)
	p := newProgram(t, a, top.ID)
	p, err := a.Programs.SaveCountry(p.ID, p.Rev, program.Country{Country: "DE", EntityID: top.ID, Coverage: program.Covered, Added: "2025-10-01",
		Quarters: []program.QuarterFigure{{Year: 2025, Quarter: 4, Target: 100}, {Year: 2026, Quarter: 1, Target: 100}}})
	require.NoError(t, err)
	p, err = a.Programs.SaveContract(p.ID, p.Rev, &program.Contract{Start: "2025-07-01", End: "2026-06-30", Harmonization: program.PriceUniform})
	require.NoError(t, err)
	v, err := a.Programs.Get(p.ID, 0)
	require.NoError(t, err)
	assert.False(t, v.Rollups.Trend[7].Closed, "31 March: Q1 still running")
	assert.Equal(t, 0, v.Rollups.Total.Figures.Missing)
	require.NotNil(t, v.Renewal)
	assert.Equal(t, 91, v.Renewal.Days, "31 March to 30 June")
	assert.Equal(t, program.AlertNotice, v.Renewal.Level, "91 days: still the first alert")
	require.NoError(t, a.Store.Close())

	a = at(time.Date(2026, 4, 1, 0, 30, 0, 0, shanghai))
	v, err = a.Programs.Get(p.ID, 0)
	require.NoError(t, err)
	assert.Equal(t, calendar.Date("2026-04-01"), v.Today, "the user's date, not UTC's 31 March")
	assert.Equal(t, program.Quarter{Year: 2026, Q: 2}, v.Rollups.Trend[7].Quarter)
	assert.True(t, v.Rollups.Trend[6].Closed)
	assert.Equal(t, 1, v.Rollups.Total.Figures.Missing, "Q1 closed without an actual")
	require.NotNil(t, v.Renewal)
	assert.Equal(t, 90, v.Renewal.Days, "counted from the user's 1 April, not UTC's 31 March")
	assert.Equal(t, program.AlertUrgent, v.Renewal.Level)
	assert.Contains(t, rules(v.Health), program.RuleRenewalUrgent)
	require.NoError(t, a.Store.Close())

	a = at(time.Date(2027, 1, 1, 0, 30, 0, 0, shanghai))
	v, err = a.Programs.Get(p.ID, 0)
	require.NoError(t, err)
	assert.Equal(t, 2027, v.Year)
	assert.Equal(t, program.Quarter{Year: 2027, Q: 1}, v.Rollups.Trend[7].Quarter)
	assert.False(t, v.Rollups.Total.Figures.Known)
	v, err = a.Programs.Get(p.ID, 2026)
	require.NoError(t, err)
	assert.Equal(t, program.Quarter{Year: 2026, Q: 4}, v.Rollups.Trend[7].Quarter)
}

// TestProgramSamplePortfolio: the demo's two global groups load with their
// programs, which open, list and pass their own source checks.
func TestProgramSamplePortfolio(t *testing.T) {
	a := newTestApp(t)
	sum, err := LoadPortfolio(a.Store, sample.Generate(sample.Small, 1, calendar.Today(a.Actions.clock)))
	require.NoError(t, err)
	assert.Equal(t, 2, sum.Items[program.Kind])
	l, err := a.Programs.List(ProgramQuery{})
	require.NoError(t, err)
	require.Len(t, l.Rows, 2)
	levels := map[string]bool{}
	for _, r := range l.Rows {
		levels[r.Health] = true
		assert.GreaterOrEqual(t, r.Countries, 4)
		assert.NotEmpty(t, r.NextRenewal)
		v, err := a.Programs.Get(r.ID, 0)
		require.NoError(t, err)
		assert.NotEmpty(t, v.Actions, "milestones")
		assert.Greater(t, len(v.Group), 2)
		for _, x := range v.Actions {
			_, err := a.Actions.Save(x.Action) // re-saving passes the source check
			require.NoError(t, err)
		}
	}
	assert.True(t, levels[program.Red], "the demo shows a red program: %v", levels)
}

// BenchmarkProgramList is the Programs page: every program's health, renewal
// and overdue actions.
func BenchmarkProgramList(b *testing.B) {
	for _, size := range sizes {
		b.Run(string(size), func(b *testing.B) {
			a := benchApp(b, size)
			if _, err := a.Programs.List(ProgramQuery{}); err != nil { // builds the action index and account rows once
				b.Fatal(err)
			}
			b.ResetTimer()
			for b.Loop() {
				l, err := a.Programs.List(ProgramQuery{})
				if err != nil || len(l.Rows) == 0 {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkProgramGet opens the largest program with its roll-ups.
func BenchmarkProgramGet(b *testing.B) {
	for _, size := range sizes {
		b.Run(string(size), func(b *testing.B) {
			a := benchApp(b, size)
			l, err := a.Programs.List(ProgramQuery{})
			if err != nil || len(l.Rows) == 0 {
				b.Fatal(err)
			}
			id, most := "", -1
			for _, r := range l.Rows {
				if r.Countries > most {
					id, most = r.ID, r.Countries
				}
			}
			b.ResetTimer()
			for b.Loop() {
				if _, err := a.Programs.Get(id, 0); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestProgramForAccount(t *testing.T) {
	a := newTestApp(t)
	top, cn, _, _, _ := makeGroup(t, a)
	none, err := a.Programs.ForAccount(top.ID)
	require.NoError(t, err)
	assert.Equal(t, "", none)
	p := newProgram(t, a, top.ID)
	got, err := a.Programs.ForAccount(top.ID)
	require.NoError(t, err)
	assert.Equal(t, p.ID, got)
	sub, err := a.Programs.ForAccount(cn.ID)
	require.NoError(t, err)
	assert.Equal(t, "", sub, "a subsidiary links to its parent's program through the parent")
}

// A departure recorded late keeps its real day: the quarters after it no
// longer count the country.
func TestProgramCountryDroppedOnAPastDay(t *testing.T) {
	a := newTestApp(t)
	top, cn, _, _, _ := makeGroup(t, a)
	p := newProgram(t, a, top.ID)
	p, err := a.Programs.SaveCountry(p.ID, p.Rev, program.Country{Country: "CN", EntityID: cn.ID, Coverage: program.Covered, Added: "2026-01-01"})
	require.NoError(t, err)
	p, err = a.Programs.DropCountry(p.ID, p.Rev, p.Countries[0].ID, "2026-06-30")
	require.NoError(t, err)
	assert.Equal(t, calendar.Date("2026-06-30"), p.Countries[0].Dropped)
	assert.True(t, p.Countries[0].Overlaps(program.Quarter{Year: 2026, Q: 2}))
	assert.False(t, p.Countries[0].Overlaps(program.Quarter{Year: 2026, Q: 3}))
}
