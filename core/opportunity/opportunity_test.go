package opportunity

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/money"
)

func valid() Opportunity {
	return Opportunity{
		AccountID: "01HACCOUNT", Title: "二期扩产 密封方案", Value: money.Money{Amount: 12_800_000, Currency: "CNY"},
		Stage: "solution", Probability: 20, OpenedOn: "2026-03-02", ExpectedClose: "2026-12-15",
		Competitors: []string{"Kestrel Pumps"}, Screen: Screen{"need": Yes, "budget": Maybe}, Owner: "王磊",
	}
}

func requireIssue(t *testing.T, err error, field, rule string) {
	t.Helper()
	require.Error(t, err)
	fe := fault.As(err)
	assert.Equal(t, fault.Invalid, fe.Code)
	for _, is := range fe.Issues {
		if is.Field == field && is.Rule == rule {
			return
		}
	}
	t.Fatalf("no issue %s/%s in %v", field, rule, fe.Issues)
}

func TestValidate(t *testing.T) {
	s := Defaults()
	o := valid()
	o.Normalize()
	require.NoError(t, o.Validate(&s, true))

	tests := []struct {
		name         string
		edit         func(o *Opportunity)
		stageChanged bool
		field, rule  string
	}{
		{"title required", func(o *Opportunity) { o.Title = "  " }, true, "title", "required"},
		{"title too long", func(o *Opportunity) { o.Title = strings.Repeat("单", MaxTitle+1) }, true, "title", "too_long"},
		{"no account", func(o *Opportunity) { o.AccountID = "" }, true, "accountId", "required"},
		{"bad currency", func(o *Opportunity) { o.Value.Currency = "XXY" }, true, "value.currency", "invalid_currency"},
		{"negative value", func(o *Opportunity) { o.Value.Amount = -1 }, true, "value.amount", "negative"},
		{"stage outside the list", func(o *Opportunity) { o.Stage = "closing" }, true, "stage", "unknown_stage"},
		{"stage required", func(o *Opportunity) { o.Stage = "" }, false, "stage", "required"},
		{"probability above 100", func(o *Opportunity) { o.Probability = 101 }, true, "probability", "out_of_range"},
		{"probability below 0", func(o *Opportunity) { o.Probability = -1 }, true, "probability", "out_of_range"},
		{"opened required", func(o *Opportunity) { o.OpenedOn = "" }, true, "openedOn", "required"},
		{"opened not a date", func(o *Opportunity) { o.OpenedOn = "2026-02-30" }, true, "openedOn", "invalid_date"},
		{"expected before opened", func(o *Opportunity) { o.ExpectedClose = "2026-03-01" }, true, "expectedClose", "before_open"},
		{"year implausible", func(o *Opportunity) { o.ExpectedClose = "2201-01-01" }, true, "expectedClose", "out_of_range"},
		{"too many competitors", func(o *Opportunity) {
			o.Competitors = strings.Split("a b c d e f g h i j k", " ")
		}, true, "competitors", "too_many"},
		{"unknown screen answer", func(o *Opportunity) { o.Screen["need"] = "perhaps" }, true, "screen.need", "unknown_value"},
		{"unknown screen question", func(o *Opportunity) { o.Screen["mood"] = Yes }, true, "screen.mood", "unknown_question"},
		{"close: outcome", func(o *Opportunity) {
			o.Close = &Close{Outcome: "abandoned", PrimaryReason: "price", On: "2026-05-01"}
		}, true, "close.outcome", "unknown_value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := valid()
			tt.edit(&o)
			requireIssue(t, o.Validate(&s, tt.stageChanged), tt.field, tt.rule)
		})
	}

	// An unchanged stage that left the list is kept: it was valid when set.
	o = valid()
	o.Stage = "retired_stage"
	assert.NoError(t, o.Validate(&s, false))
}

func TestValidateClose(t *testing.T) {
	s := Defaults()
	ok := func() Close {
		return Close{Outcome: Lost, PrimaryReason: "price", SecondaryReasons: []string{"time"}, Winner: "Kestrel Pumps", On: "2026-05-01",
			Interview: &Interview{Who: "张总", Role: "采购总监", On: "2026-05-20", Drivers: []string{"relationship"}, Quotes: "价格不是唯一因素"}}
	}
	c := ok()
	require.NoError(t, ValidateClose(&c, &s, "2026-03-02"))
	// On the opening day is fine.
	c = ok()
	c.On = "2026-03-02"
	require.NoError(t, ValidateClose(&c, &s, "2026-03-02"))

	tests := []struct {
		name        string
		edit        func(c *Close)
		field, rule string
	}{
		{"no reason", func(c *Close) { c.PrimaryReason = " " }, "close.primaryReason", "required"},
		{"reason outside the list", func(c *Close) { c.PrimaryReason = "bad_luck" }, "close.primaryReason", "unknown_reason"},
		{"won with a winning competitor", func(c *Close) { c.Outcome = Won }, "close.winner", "won_with_winner"},
		{"closed before opened", func(c *Close) { c.On = "2026-03-01" }, "close.on", "before_open"},
		{"no close date", func(c *Close) { c.On = "" }, "close.on", "required"},
		{"no outcome", func(c *Close) { c.Outcome = "" }, "close.outcome", "unknown_value"},
		{"secondary repeats primary", func(c *Close) { c.SecondaryReasons = []string{"price"} }, "close.secondaryReasons[0]", "same_as_primary"},
		{"secondary outside the list", func(c *Close) { c.SecondaryReasons = []string{"time", "weather"} }, "close.secondaryReasons[1]", "unknown_reason"},
		{"too many secondary", func(c *Close) {
			c.SecondaryReasons = []string{"time", "quality", "advisory", "image", "relationship", "service"}
		}, "close.secondaryReasons", "too_many"},
		{"interview without who", func(c *Close) { c.Interview.Who = "" }, "close.interview.who", "required"},
		{"interview driver outside the list", func(c *Close) { c.Interview.Drivers = []string{"luck"} }, "close.interview.drivers[0]", "unknown_reason"},
		{"interview date", func(c *Close) { c.Interview.On = "2026-13-01" }, "close.interview.on", "invalid_date"},
		{"lessons too long", func(c *Close) { c.Lessons = strings.Repeat("教", MaxText+1) }, "close.lessons", "too_long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ok()
			tt.edit(&c)
			requireIssue(t, ValidateClose(&c, &s, "2026-03-02"), tt.field, tt.rule)
		})
	}

	// A won deal without a winner is fine; an empty interview is dropped.
	c = Close{Outcome: Won, PrimaryReason: "relationship", On: "2026-06-01", Interview: &Interview{}}
	require.NoError(t, ValidateClose(&c, &s, "2026-03-02"))
	assert.Nil(t, c.Interview)
	// Every outcome is accepted with a reason; a no-decision reason serves too.
	for _, out := range Outcomes {
		c := Close{Outcome: out, PrimaryReason: "no_urgency", On: "2026-06-01"}
		assert.NoError(t, ValidateClose(&c, &s, "2026-03-02"), out)
	}
}

func TestNormalize(t *testing.T) {
	o := Opportunity{Title: "  项目 ", Value: money.Money{Currency: " usd "}, Competitors: []string{" Alpha", "alpha", "", "Beta"},
		Screen: Screen{"need": "", "budget": Yes}, Close: &Close{SecondaryReasons: []string{"time", " time "}, Winner: " Alpha "}}
	o.Normalize()
	assert.Equal(t, "项目", o.Title)
	assert.Equal(t, "USD", o.Value.Currency)
	assert.Equal(t, []string{"Alpha", "Beta"}, o.Competitors)
	assert.Equal(t, Screen{"budget": Yes}, o.Screen)
	assert.Equal(t, []string{"time"}, o.Close.SecondaryReasons)
	assert.Equal(t, "Alpha", o.Close.Winner)
	assert.NotNil(t, o.History)
}

func TestScreen(t *testing.T) {
	tests := []struct {
		name     string
		s        Screen
		points   int
		max      int
		answered int
		flagged  bool
		complete bool
		parts    [3]int // points of real, win, worth
	}{
		{"empty", Screen{}, 0, 0, 0, false, false, [3]int{}},
		{"all yes", Screen{"need": Yes, "budget": Yes, "will_buy": Yes, "advantage": Yes, "resources": Yes,
			"competitor_response": Yes, "profit": Yes, "strategy": Yes}, 16, 16, 8, false, true, [3]int{6, 6, 4}},
		{"one no flags", Screen{"need": Yes, "budget": No, "advantage": Maybe}, 3, 6, 3, true, false, [3]int{2, 1, 0}},
		{"maybes", Screen{"profit": Maybe, "strategy": Maybe}, 2, 4, 2, false, false, [3]int{0, 0, 2}},
		{"unknown answers do not count", Screen{"need": "perhaps"}, 0, 0, 0, false, false, [3]int{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.s.Score()
			assert.Equal(t, tt.points, r.Points)
			assert.Equal(t, tt.max, r.Max)
			assert.Equal(t, tt.answered, r.Answered)
			assert.Equal(t, tt.flagged, r.Flagged)
			assert.Equal(t, tt.flagged, tt.s.Flagged())
			assert.Equal(t, tt.complete, r.Complete)
			for i, p := range r.Parts {
				assert.Equal(t, tt.parts[i], p.Points, p.Part)
			}
		})
	}
}

func TestStagesAndHistory(t *testing.T) {
	s := Defaults()
	o := valid()
	o.MoveTo("information", "2026-03-02")
	o.MoveTo("information", "2026-03-05") // no change: not recorded
	o.MoveTo("negotiation", "2026-04-01")
	o.MoveTo("solution", "2026-04-20")
	assert.Equal(t, []StageChange{{"information", "2026-03-02"}, {"negotiation", "2026-04-01"}, {"solution", "2026-04-20"}}, o.History)
	assert.Equal(t, "solution", o.Stage)
	assert.Equal(t, calendar.Date("2026-04-20"), o.LastChange())
	assert.Equal(t, "negotiation", o.Furthest(&s))
	assert.Equal(t, calendar.Date("2026-03-02"), (&Opportunity{OpenedOn: "2026-03-02"}).LastChange())

	// Stalled: more than N days without a stage change.
	tests := []struct {
		last  calendar.Date
		today calendar.Date
		days  int
		want  bool
	}{
		{"2026-01-01", "2026-02-15", 45, false}, // exactly 45 days
		{"2026-01-01", "2026-02-16", 45, true},  // 46 days
		{"", "2026-02-16", 45, false},
		{"2026-02-16", "2026-02-16", 7, false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Stalled(tt.last, tt.today, tt.days), "%s→%s", tt.last, tt.today)
	}
	assert.Equal(t, int64(50), Weighted(100, 50))
	assert.Equal(t, int64(1), Weighted(3, 33)) // 0.99 rounds to 1
	assert.Equal(t, int64(0), Weighted(1, 49)) // 0.49 rounds to 0
	assert.True(t, (&Opportunity{Competitors: []string{"Alpha"}}).HasCompetitor("alpha"))
	assert.True(t, (&Opportunity{Close: &Close{Winner: "Beta"}}).HasCompetitor("BETA"))
	assert.False(t, (&Opportunity{}).HasCompetitor("Beta"))
}

func TestSettings(t *testing.T) {
	d := Defaults()
	require.NoError(t, d.Validate())
	assert.Len(t, d.Stages, 8)
	assert.Equal(t, "意向达成", d.Stages[7].Label.Zh)
	assert.Equal(t, 7, d.StageIndex("intent"))
	assert.Equal(t, -1, d.StageIndex("nope"))
	r, ok := d.Reason("no_urgency")
	assert.True(t, ok)
	assert.Equal(t, GroupNoDecision, r.Group)

	tests := []struct {
		name        string
		edit        func(s *Settings)
		field, rule string
	}{
		{"too few stages", func(s *Settings) { s.Stages = s.Stages[:1] }, "stages", "count"},
		{"too many stages", func(s *Settings) {
			for len(s.Stages) <= MaxStages {
				s.Stages = append(s.Stages, Stage{Key: "s" + strings.Repeat("x", len(s.Stages)), Label: Label{"x", "x"}})
			}
		}, "stages", "count"},
		{"duplicate stage key", func(s *Settings) { s.Stages[1].Key = "information" }, "stages[1].key", "duplicate"},
		{"bad key", func(s *Settings) { s.Stages[0].Key = "Info Gathering" }, "stages[0].key", "key_format"},
		{"missing label", func(s *Settings) { s.Stages[2].Label.Zh = " " }, "stages[2].label.zh", "required"},
		{"probability", func(s *Settings) { s.Stages[3].Probability = 120 }, "stages[3].probability", "out_of_range"},
		{"reason group", func(s *Settings) { s.Reasons[0].Group = "other" }, "reasons[0].group", "unknown_value"},
		{"duplicate reason", func(s *Settings) { s.Reasons[1].Key = "price" }, "reasons[1].key", "duplicate"},
		{"no decision reason left", func(s *Settings) { s.Reasons = s.Reasons[8:] }, "reasons", "required"},
		{"stalled days too low", func(s *Settings) { s.StalledDays = 6 }, "stalledDays", "out_of_range"},
		{"stalled days too high", func(s *Settings) { s.StalledDays = 366 }, "stalledDays", "out_of_range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Defaults()
			tt.edit(&s)
			requireIssue(t, s.Validate(), tt.field, tt.rule)
		})
	}
	// Boundaries accepted.
	s := Defaults()
	s.StalledDays = MinStalledDays
	s.Stages = s.Stages[:MinStages]
	assert.NoError(t, s.Validate())
	s.StalledDays = MaxStalledDays
	assert.NoError(t, s.Validate())
}

func TestDayArithmetic(t *testing.T) {
	for _, d := range []calendar.Date{"1970-01-01", "2000-02-29", "2024-12-31", "2026-03-01", "1999-03-01", "2100-02-28"} {
		n, ok := DayNumber(d)
		require.True(t, ok, d)
		assert.Equal(t, int(d.Time().Unix()/86400), n, d)
		assert.Equal(t, d.Year(), YearOf(d))
		assert.Equal(t, d.Quarter(), QuarterOf(d))
	}
	for _, bad := range []calendar.Date{"", "2026-1-01", "2026-13-01", "20x6-01-01", "2026/01/01"} {
		_, ok := DayNumber(bad)
		assert.False(t, ok, bad)
	}
	assert.Equal(t, 0, YearOf(""))
	assert.Equal(t, 0, QuarterOf("2026"))
	n, ok := DaysBetween("2026-02-27", "2026-03-01")
	assert.True(t, ok)
	assert.Equal(t, 2, n)
}
