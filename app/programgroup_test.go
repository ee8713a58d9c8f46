package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/account"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/program"
)

// TestProgramMarkGlobal: a head office with no subsidiaries on file becomes
// a global account by linking two accounts abroad and creating the Japanese
// one; it is then offered for a program and one starts for it.
func TestProgramMarkGlobal(t *testing.T) {
	a := newTestApp(t)
	top := mustCreate(t, a, account.Account{Name: "Nordic Paper Group", Country: "SE", Currency: "SEK", Owner: "Erik Lind", Industry: "industrial"})
	cn := mustCreate(t, a, account.Account{Name: "Nordic Paper (Shanghai)", Country: "CN"})
	us := mustCreate(t, a, account.Account{Name: "Nordic Paper Inc.", Country: "US"})
	l, err := a.Programs.List(ProgramQuery{})
	require.NoError(t, err)
	assert.Empty(t, l.Candidates, "no account has subsidiaries yet")

	g, err := a.Programs.MarkGlobal(program.Marking{AccountID: top.ID, Link: []string{cn.ID, us.ID, cn.ID},
		Create: []program.NewSubsidiary{{Name: " Nordic Paper Japan K.K. ", Country: "jp"}}})
	require.NoError(t, err)
	assert.Equal(t, top.ID, g.AccountID)
	assert.Equal(t, []string{"CN", "JP", "SE", "US"}, g.Countries)
	require.Len(t, g.Group, 4)
	require.Len(t, g.Created, 1)
	assert.Empty(t, g.ProgramID)

	jp, err := a.Accounts.Get(g.Created[0])
	require.NoError(t, err)
	assert.Equal(t, "Nordic Paper Japan K.K.", jp.Name)
	assert.Equal(t, top.ID, jp.ParentID)
	assert.Equal(t, "SEK", jp.Currency, "a new subsidiary keeps the group's currency")
	assert.Equal(t, "Erik Lind", jp.Owner)
	linked, err := a.Accounts.Get(cn.ID)
	require.NoError(t, err)
	assert.Equal(t, top.ID, linked.ParentID)
	assert.Equal(t, cn.Rev+1, linked.Rev, "linking is a write of the subsidiary")

	// Linking again is harmless.
	g, err = a.Programs.MarkGlobal(program.Marking{AccountID: top.ID, Link: []string{us.ID}})
	require.NoError(t, err)
	assert.Len(t, g.Group, 4)

	l, err = a.Programs.List(ProgramQuery{})
	require.NoError(t, err)
	require.Len(t, l.Candidates, 1)
	assert.Equal(t, []string{"CN", "JP", "SE", "US"}, l.Candidates[0].Countries)
	assert.Equal(t, 3, l.Candidates[0].Subsidiaries)

	p := newProgram(t, a, top.ID)
	p, err = a.Programs.SaveCountry(p.ID, p.Rev, program.Country{Country: "JP", EntityID: jp.ID, Coverage: program.Covered})
	require.NoError(t, err, "the created subsidiary is a local entity of the group")
	g, err = a.Programs.MarkGlobal(program.Marking{AccountID: top.ID, Create: []program.NewSubsidiary{{Name: "Nordic Paper GmbH", Country: "DE"}}})
	require.NoError(t, err)
	assert.Equal(t, p.ID, g.ProgramID)
	assert.Contains(t, g.Countries, "DE")
}

// TestProgramMarkGlobalRefusals: each refusal names its field and rule, and
// nothing of the marking is kept, not even the parts before the bad one.
func TestProgramMarkGlobalRefusals(t *testing.T) {
	a := newTestApp(t)
	top, cn, _, sg, _ := makeGroup(t, a)
	free := mustCreate(t, a, account.Account{Name: "Rhine Valley Chemicals Brasil", Country: "BR"})
	other := mustCreate(t, a, account.Account{Name: "华东化工集团", Country: "CN"})
	stranger := mustCreate(t, a, account.Account{Name: "华东化工（越南）", Country: "VN", ParentID: other.ID})
	mustCreate(t, a, account.Account{Name: "华东化工（泰国）", Country: "TH", ParentID: other.ID})
	newProgram(t, a, other.ID)
	holding := mustCreate(t, a, account.Account{Name: "Rhine Holding AG", Country: "CH"})
	mid, err := a.Accounts.Get(top.ID)
	require.NoError(t, err)
	mid.ParentID = holding.ID
	_, err = a.Accounts.Update(mid)
	require.NoError(t, err)
	archivedTop := mustCreate(t, a, account.Account{Name: "Archived Group", Country: "FR"})
	_, err = a.Accounts.Archive(archivedTop.ID, archivedTop.Rev)
	require.NoError(t, err)

	count := func() int {
		l, err := a.Accounts.List(AccountFilter{})
		require.NoError(t, err)
		return len(l.Rows)
	}
	before := count()

	tests := []struct {
		name  string
		m     program.Marking
		field string
		rule  string
	}{
		{"nothing to do", program.Marking{AccountID: top.ID}, "link", "required"},
		{"a subsidiary of another parent", program.Marking{AccountID: top.ID, Link: []string{free.ID, stranger.ID}}, "link[1]", "other_parent"},
		{"a subsidiary within its own group elsewhere", program.Marking{AccountID: sg.ID, Link: []string{cn.ID}}, "link[0]", "other_parent"},
		{"an account with its own program", program.Marking{AccountID: top.ID, Link: []string{free.ID, other.ID}}, "link[1]", "has_program"},
		{"the global account's own parent", program.Marking{AccountID: top.ID, Link: []string{holding.ID}}, "link[0]", "cycle"},
		{"itself", program.Marking{AccountID: free.ID, Link: []string{free.ID}}, "link[0]", "self_reference"},
		{"an unknown account", program.Marking{AccountID: top.ID, Link: []string{"01HZX0000000000000000000ZZ"}}, "link[0]", "not_found"},
		{"an archived global account", program.Marking{AccountID: archivedTop.ID, Link: []string{free.ID}}, "accountId", "archived"},
		{"a new subsidiary without a name", program.Marking{AccountID: top.ID, Link: []string{free.ID},
			Create: []program.NewSubsidiary{{Name: " ", Country: "IT"}}}, "create[0].name", "required"},
		{"a new subsidiary in an unknown country", program.Marking{AccountID: top.ID,
			Create: []program.NewSubsidiary{{Name: "Rhine Italia", Country: "IT"}, {Name: "Rhine Nowhere", Country: "XX"}}}, "create[1].country", "invalid_country"},
		{"a new subsidiary without a country", program.Marking{AccountID: top.ID,
			Create: []program.NewSubsidiary{{Name: "Rhine Italia"}}}, "create[0].country", "required"},
		{"the same new subsidiary twice", program.Marking{AccountID: top.ID,
			Create: []program.NewSubsidiary{{Name: "Rhine Italia", Country: "IT"}, {Name: "rhine italia", Country: "IT"}}}, "create[1].name", "duplicate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := a.Programs.MarkGlobal(tt.m)
			assertFault(t, err, fault.Invalid, tt.field, tt.rule)
			got, err := a.Accounts.Get(free.ID)
			require.NoError(t, err)
			assert.Empty(t, got.ParentID, "nothing was linked")
			assert.Equal(t, before, count(), "nothing was created")
		})
	}
	fe := fault.As(func() error {
		_, err := a.Programs.MarkGlobal(program.Marking{AccountID: top.ID, Link: []string{stranger.ID}})
		return err
	}())
	assert.Equal(t, "华东化工集团", fe.Params["name"], "the refusal names the other parent")

	// A cycle: the holding above the global account cannot become its subsidiary,
	// even once it has no parent of its own.
	_, err = a.Programs.MarkGlobal(program.Marking{AccountID: cn.ID, Link: []string{holding.ID}})
	assertFault(t, err, fault.Invalid, "link[0]", "cycle")

	opts, err := a.Programs.LinkOptions(top.ID)
	require.NoError(t, err)
	by := map[string]LinkOption{}
	for _, o := range opts {
		by[o.ID] = o
	}
	assert.NotContains(t, by, top.ID, "the global account itself is not offered")
	assert.NotContains(t, by, archivedTop.ID, "archived accounts are not offered")
	assert.True(t, by[sg.ID].InGroup)
	assert.Equal(t, "Rhine Valley Chemicals", by[sg.ID].ParentName)
	assert.True(t, by[holding.ID].Ancestor)
	assert.True(t, by[other.ID].HasProgram)
	assert.Equal(t, 2, by[other.ID].Children)
	assert.Equal(t, "华东化工集团", by[stranger.ID].ParentName)
	assert.False(t, by[free.ID].InGroup || by[free.ID].Ancestor || by[free.ID].HasProgram)
}

// TestProgramCurrencyStaysWithItsAmounts: the currency can change until the
// first amount is entered, then it is refused (amounts are minor units of
// it, and nothing converts them).
func TestProgramCurrencyStaysWithItsAmounts(t *testing.T) {
	a := newTestApp(t)
	top, _, _, _, _ := makeGroup(t, a)
	p := newProgram(t, a, top.ID)
	h := p
	h.Currency = "USD"
	p, err := a.Programs.Save(h)
	require.NoError(t, err, "no amounts yet")
	assert.Equal(t, "USD", p.Currency)

	p, err = a.Programs.SaveCountry(p.ID, p.Rev, program.Country{Country: "DE", Coverage: program.Covered})
	require.NoError(t, err)
	h = p
	h.Currency = "JPY"
	p, err = a.Programs.Save(h)
	require.NoError(t, err, "a country without figures holds no amount")

	p, err = a.Programs.SetQuarters(p.ID, p.Rev, []QuarterInput{{CountryID: p.Countries[0].ID, Year: 2026, Quarter: 1, Target: 1_000_000}})
	require.NoError(t, err)
	h = p
	h.Currency = "EUR"
	h.Manager = "Someone Else"
	_, err = a.Programs.Save(h)
	assertFault(t, err, fault.Invalid, "currency", "currency_in_use")
	v, err := a.Programs.Get(p.ID, 0)
	require.NoError(t, err)
	assert.Equal(t, "JPY", v.Program.Currency)
	assert.Equal(t, "Anna Schmidt", v.Program.Manager, "nothing changed")

	h = p
	h.Currency = " jpy "
	h.Sponsor = "Kenji Sato"
	_, err = a.Programs.Save(h)
	require.NoError(t, err, "the same currency written differently is no change")
}

// TestProgramEntityThatLeftTheGroup: a subsidiary moved to another parent
// after it became a country's local entity does not block saving the
// program; choosing it anew is refused.
func TestProgramEntityThatLeftTheGroup(t *testing.T) {
	a := newTestApp(t)
	top, cn, us, _, _ := makeGroup(t, a)
	p := newProgram(t, a, top.ID)
	p, err := a.Programs.SaveCountry(p.ID, p.Rev, program.Country{Country: "US", EntityID: us.ID, Coverage: program.Covered})
	require.NoError(t, err)
	p, err = a.Programs.SaveCountry(p.ID, p.Rev, program.Country{Country: "CN", Coverage: program.Covered})
	require.NoError(t, err)

	buyer := mustCreate(t, a, account.Account{Name: "Atlantic Holdings", Country: "US"})
	moved, err := a.Accounts.Get(us.ID)
	require.NoError(t, err)
	moved.ParentID = buyer.ID
	_, err = a.Accounts.Update(moved)
	require.NoError(t, err)

	p, err = a.Programs.SaveKPIs(p.ID, p.Rev, []program.KPI{{Metric: program.KPICoverage, Target: 8000}})
	require.NoError(t, err, "the stale link does not block other saves")
	row := p.Countries[1]
	row.EntityID = us.ID
	_, err = a.Programs.SaveCountry(p.ID, p.Rev, row)
	assertFault(t, err, fault.Invalid, "countries[1].entityId", "not_subsidiary")
	row.EntityID = cn.ID
	_, err = a.Programs.SaveCountry(p.ID, p.Rev, row)
	require.NoError(t, err)
}

// TestProgramListRenewalHorizon: the Programs page's renewal tile follows
// the renewal_near threshold.
func TestProgramListRenewalHorizon(t *testing.T) {
	a := newTestApp(t)
	l, err := a.Programs.List(ProgramQuery{})
	require.NoError(t, err)
	assert.Equal(t, 180, l.RenewalHorizon)
	m, err := a.Programs.Settings()
	require.NoError(t, err)
	s := m.Value
	s.Rules[3].Threshold = 120
	_, err = a.Programs.SaveSettings(s, m.Version)
	require.NoError(t, err)
	l, err = a.Programs.List(ProgramQuery{})
	require.NoError(t, err)
	assert.Equal(t, 120, l.RenewalHorizon)
	assert.Equal(t, calendar.Date("2026-11-23"), l.Today)
}

// BenchmarkProgramLinkOptions is the marking form's account list for the
// largest group: every live account and how it stands to the group.
func BenchmarkProgramLinkOptions(b *testing.B) {
	for _, size := range sizes {
		b.Run(string(size), func(b *testing.B) {
			a := benchApp(b, size)
			l, err := a.Programs.List(ProgramQuery{})
			if err != nil || len(l.Rows) == 0 {
				b.Fatal(err)
			}
			b.ResetTimer()
			for b.Loop() {
				if opts, err := a.Programs.LinkOptions(l.Rows[0].AccountID); err != nil || len(opts) == 0 {
					b.Fatal(err)
				}
			}
		})
	}
}
