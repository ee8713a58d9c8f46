package relationship

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/account"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/record"
)

const today = calendar.Date("2026-11-23")

func person(id, dep, role, stance, infl string, level int) account.Contact {
	return account.Contact{AccountID: "acc", Name: id, Department: dep, BuyingRole: role, Stance: stance, Influence: infl, RelationshipLevel: level,
		Meta: record.Meta{ID: id}}
}

func TestSuggestFromIndicators(t *testing.T) {
	diamond := []account.Contact{
		person("a", "采购", "economic", "", "", 4), person("b", "研发", "technical", "", "", 3),
		person("c", "生产", "user", "", "", 3), person("d", "财务", "financial", "", "", 2),
	}
	cases := []struct {
		name     string
		e        Evidence
		stage    string
		signals  []string
		warnings int
	}{
		{"nothing known", Evidence{}, "", []string{}, 0},
		{"one signal is not enough", Evidence{ShareKnown: true, Share: 45}, "", []string{SignalShare}, 0},
		{"bow-tie and a small share: early", Evidence{Contacts: diamond[:2], ShareKnown: true, Share: 12}, Early, []string{SignalContacts, SignalShare}, 0},
		{"diamond, preferred, regular planning, value pricing", Evidence{Contacts: diamond, ShareKnown: true, Share: 45,
			Profile: Profile{Indicators: Indicators{SupplierStatus: "preferred", JointPlanning: "regular", PricingBasis: "value_based"}}},
			Partnership, []string{SignalContacts, SignalShare, SignalSupplier, SignalPlanning, SignalPricing}, 0},
		{"a tie goes to the lower stage", Evidence{ShareKnown: true, Share: 9.9, Profile: Profile{Indicators: Indicators{SupplierStatus: "approved"}}},
			PreKAM, []string{SignalShare, SignalSupplier}, 0},
		{"share at the 60 % cut points to synergistic", Evidence{ShareKnown: true, Share: 60,
			Profile: Profile{Indicators: Indicators{InformationShared: "integrated"}}}, Synergistic, []string{SignalShare, SignalInformation}, 0},
		{"decline and a falling share: uncoupling", Evidence{Contacts: diamond, ShareKnown: true, Share: 20, PrevShareKnown: true, PrevShare: 30,
			Profile: Profile{Phase: "decline", Stage: Mid}}, Uncoupling, []string{SignalContacts, SignalShare}, 2},
		{"a share just above two-thirds is no fall", Evidence{Contacts: diamond, ShareKnown: true, Share: 20.1, PrevShareKnown: true, PrevShare: 30,
			Profile: Profile{Phase: "decline", Stage: Mid}}, Mid, []string{SignalContacts, SignalShare}, 1},
		{"price-driven at partnership and decline", Evidence{Contacts: diamond,
			Profile: Profile{Phase: "decline", Stage: Partnership, Indicators: Indicators{PricingBasis: "price_driven"}}}, Uncoupling, []string{SignalContacts, SignalPricing}, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := Suggest(c.e, Defaults())
			assert.Equal(t, c.stage, s.Stage)
			got := []string{}
			for _, sig := range s.Signals {
				got = append(got, sig.Indicator)
			}
			assert.Equal(t, c.signals, got)
			assert.Len(t, s.Warnings, c.warnings)
		})
	}
	s := Suggest(Evidence{Contacts: diamond, ShareKnown: true, Share: 45, Profile: Profile{Stage: Early}}, Defaults())
	assert.True(t, s.Differs, "a confirmed stage unlike the suggestion is pointed out")
	assert.Equal(t, Signal{Indicator: SignalContacts, Value: Diamond, Number: 4, Extra: 4, Stage: Partnership}, s.Signals[0])
}

func TestContactShapes(t *testing.T) {
	mk := func(n, deps int) []account.Contact {
		var out []account.Contact
		for i := range n {
			out = append(out, person(string(rune('a'+i)), string(rune('A'+i%deps)), "", "", "", 2))
		}
		return out
	}
	for _, c := range []struct {
		n, deps      int
		shape, stage string
	}{{1, 1, BowTie, PreKAM}, {3, 3, BowTie, Early}, {6, 1, BowTie, Early}, {4, 2, Growing, Mid}, {4, 3, Diamond, Partnership}, {7, 5, Diamond, Partnership}, {8, 5, Diamond, Synergistic}} {
		sig, ok := contactSignal(mk(c.n, c.deps))
		require.True(t, ok)
		assert.Equal(t, c.shape, sig.Value, "%d people in %d departments", c.n, c.deps)
		assert.Equal(t, c.stage, sig.Stage, "%d people in %d departments", c.n, c.deps)
	}
	left := mk(4, 4)
	left[0].Left, left[1].RelationshipLevel = true, 0
	sig, _ := contactSignal(left)
	assert.Equal(t, 2.0, sig.Number, "people who left or were never contacted do not count")
}

func TestRedFlags(t *testing.T) {
	boss := person("boss", "总经办", "economic", "neutral", "high", 2)
	boss.LastContact = "2026-10-01"
	tech := person("tech", "研发", "technical", "opponent", "high", 3)
	coach := person("coach", "采购", "coach", "supporter", "medium", 5)
	gone := person("gone", "采购", "user", "opponent", "high", 1)
	gone.Left = true
	acts := []account.Activity{
		{Date: "2026-08-25", ContactIDs: []string{"tech"}}, // 90 days before today: still fine
		{Date: "2026-12-01", ContactIDs: []string{"tech"}}, // after today: not a meeting yet
	}
	flags := RedFlags([]account.Contact{boss, tech, coach, gone}, acts, today, Defaults())
	assert.Equal(t, []RedFlag{
		{Kind: FlagRoleMissing, Role: "user"},
		{Kind: FlagRoleMissing, Role: "financial"},
		{Kind: FlagRoleMissing, Role: "influencer"},
		{Kind: FlagEconomicBelow, ContactID: "boss", Level: 2},
		{Kind: FlagOpponentHigh, ContactID: "tech"},
	}, flags)

	acts[0].Date = "2026-08-24" // 91 days
	coach.BuyingRole = "influencer"
	boss.RelationshipLevel = 3
	boss.LastContact = ""
	flags = RedFlags([]account.Contact{boss, tech, coach}, acts, today, Defaults())
	assert.Equal(t, []RedFlag{
		{Kind: FlagNoCoach, Role: "coach"},
		{Kind: FlagRoleMissing, Role: "user"},
		{Kind: FlagRoleMissing, Role: "financial"},
		{Kind: FlagHighNotMet, ContactID: "boss", Days: -1},
		{Kind: FlagOpponentHigh, ContactID: "tech"},
		{Kind: FlagHighNotMet, ContactID: "tech", Days: 91},
	}, flags)
	assert.Empty(t, RedFlags(nil, nil, today, Defaults()), "an empty chain has nothing to flag yet")

	// the period is a setting: at 120 days, 91 days unmet is no flag
	longer := Defaults()
	longer.NotMetDays = 120
	for _, f := range RedFlags([]account.Contact{boss, tech, coach}, acts, today, longer) {
		assert.False(t, f.Kind == FlagHighNotMet && f.ContactID == "tech", "tech was met 91 days ago")
	}
}

func TestBuildMapAndDimensions(t *testing.T) {
	boss := person("boss", "总经办", "economic", "supporter", "high", 4)
	boss.LastContact = "2026-11-01"
	mid := person("mid", "采购", "coach", "supporter", "medium", 5)
	mid.ReportsTo = "boss"
	low := person("low", "采购", "user", "", "low", 0)
	low.ReportsTo = "gone"
	gone := person("gone", "采购", "", "", "", 1)
	gone.Left = true
	lines := []Influence{{From: "mid", To: "boss"}, {From: "gone", To: "boss"}}
	m := BuildMap([]account.Contact{boss, mid, low, gone}, []account.Activity{{Date: "2026-11-20", ContactIDs: []string{"boss"}}}, lines, today, Defaults())
	require.Len(t, m.Nodes, 3)
	assert.Equal(t, "boss", m.Nodes[1].ReportsTo)
	assert.Equal(t, "", m.Nodes[2].ReportsTo, "a boss who left is not on the map: the person moves to the top")
	assert.Equal(t, calendar.Date("2026-11-20"), m.Nodes[0].LastMet)
	assert.Equal(t, []Influence{{From: "mid", To: "boss"}}, m.Influences)
	assert.Equal(t, []string{}, m.Nodes[0].Flags)
	assert.Equal(t, 90, m.NotMetDays)

	p := Profile{Organizational: "key_supplier", Departments: []Department{{Name: "采购", Grade: "good"}, {Name: "研发", Grade: "fair"}, {Name: "质量", Grade: "excellent"}}}
	d := Summarize(p, []account.Contact{boss, mid, low, gone})
	assert.Equal(t, "good", d.Extensive)
	assert.Equal(t, [6]int{1, 0, 0, 0, 1, 1}, d.Levels)
	assert.Equal(t, 1, d.DecisionMakers)
	assert.Equal(t, 1, d.Supportive)
	p.Departments = p.Departments[:2]
	assert.Equal(t, "good", Summarize(p, nil).Extensive, "fair and good round half up")
}

func TestProfileValidate(t *testing.T) {
	contacts := []account.Contact{person("a", "", "", "", "", 1), person("b", "", "", "", "", 1)}
	good := func() Profile {
		return Profile{AccountID: "acc", Phase: "formation", Stage: Mid, Organizational: "supplier",
			Indicators:  Indicators{SupplierStatus: "approved", PricingBasis: "negotiated"},
			Departments: []Department{{Name: "采购", Grade: "good"}},
			Influences:  []Influence{{From: "a", To: "b"}}}
	}
	p := good()
	p.Normalize()
	require.NoError(t, p.Validate(contacts))
	cases := []struct {
		name        string
		edit        func(p *Profile)
		field, rule string
	}{
		{"unknown phase", func(p *Profile) { p.Phase = "growth" }, "phase", "unknown_value"},
		{"unknown stage", func(p *Profile) { p.Stage = "mature" }, "stage", "unknown_value"},
		{"unknown status", func(p *Profile) { p.Indicators.SupplierStatus = "gold" }, "indicators.supplierStatus", "unknown_value"},
		{"unknown grade", func(p *Profile) { p.Departments[0].Grade = "great" }, "departments[0].grade", "unknown_value"},
		{"department twice", func(p *Profile) { p.Departments = append(p.Departments, Department{Name: "采购", Grade: "poor"}) }, "departments[1].name", "duplicate"},
		{"nameless department", func(p *Profile) { p.Departments[0].Name = " " }, "departments[0].name", "required"},
		{"line to a stranger", func(p *Profile) { p.Influences[0].To = "zz" }, "influences[0].to", "not_found"},
		{"line to oneself", func(p *Profile) { p.Influences[0].To = "a" }, "influences[0].to", "self_reference"},
		{"line twice", func(p *Profile) { p.Influences = append(p.Influences, Influence{From: "a", To: "b"}) }, "influences[1].to", "duplicate"},
		{"bad history date", func(p *Profile) { p.History = []StageChange{{On: "2026-13-01", Stage: Early}} }, "history[0].on", "invalid_date"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := good()
			c.edit(&p)
			p.Normalize()
			err := p.Validate(contacts)
			require.Error(t, err)
			fe := fault.As(err)
			assert.Equal(t, c.field, fe.Field)
			assert.Equal(t, c.rule, fe.Rule)
		})
	}
}

func TestTrackHistory(t *testing.T) {
	prev := Profile{Stage: Early, Phase: "formation"}
	next := prev
	Track(prev, &next, today, "")
	assert.Empty(t, next.History, "nothing changed, nothing recorded")
	next.Stage = Mid
	Track(prev, &next, today, " 首次联合规划 ")
	assert.Equal(t, []StageChange{{On: today, Stage: Mid, Phase: "formation", Note: "首次联合规划"}}, next.History)
	again := next
	again.Phase = "stability"
	Track(next, &again, "2026-12-01", "")
	assert.Len(t, again.History, 2)
	assert.Equal(t, calendar.Date("2026-12-01"), again.History[1].On)
}

func TestSuggestUnderEditedShareCuts(t *testing.T) {
	e := Evidence{ShareKnown: true, Share: 30, Profile: Profile{Indicators: Indicators{SupplierStatus: "preferred"}}}
	assert.Equal(t, Mid, Suggest(e, Defaults()).Stage, "30 % is mid under 10/25/40/60, preferred is mid")
	stricter := Defaults()
	stricter.ShareCuts = [4]float64{20, 35, 55, 75}
	require.NoError(t, ValidateSettings(&stricter))
	s := Suggest(e, stricter)
	assert.Equal(t, Early, s.Signals[0].Stage, "30 % is only early under 20/35/55/75")
	assert.Equal(t, Early, s.Stage, "early and mid: a tie goes to the lower stage")
}

func TestValidateSettings(t *testing.T) {
	d := Defaults()
	require.NoError(t, ValidateSettings(&d))
	cases := []struct {
		name        string
		edit        func(s *Settings)
		field, rule string
	}{
		{"a cut at zero", func(s *Settings) { s.ShareCuts[0] = 0 }, "shareCuts[0]", "out_of_range"},
		{"a cut above 100", func(s *Settings) { s.ShareCuts[3] = 101 }, "shareCuts[3]", "out_of_range"},
		{"cuts out of order", func(s *Settings) { s.ShareCuts[2] = 25 }, "shareCuts[2]", "not_above"},
		{"not-met period too short", func(s *Settings) { s.NotMetDays = 3 }, "notMetDays", "out_of_range"},
		{"not-met period too long", func(s *Settings) { s.NotMetDays = 1000 }, "notMetDays", "out_of_range"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := Defaults()
			c.edit(&s)
			err := ValidateSettings(&s)
			require.Error(t, err)
			fe := fault.As(err)
			assert.Equal(t, c.field, fe.Field)
			assert.Equal(t, c.rule, fe.Rule)
		})
	}
}
