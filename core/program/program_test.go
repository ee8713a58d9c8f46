package program

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/action"
	"keystone/core/calendar"
	"keystone/core/fault"
)

func i64(v int64) *int64 { return &v }

func qf(year, q int, target int64, actual *int64) QuarterFigure {
	return QuarterFigure{Year: year, Quarter: q, Target: target, Actual: actual}
}

// valid is a small program that passes Validate.
func valid() Program {
	p := Program{AccountID: "01HZX0000000000000000000AA", Manager: "王磊", Structure: StructureCoordination,
		Start: "2024-01-15", Status: StatusActive, Currency: "CNY",
		Countries: []Country{
			{ID: "c1", Country: "CN", Coverage: Covered, Added: "2024-01-15"},
			{ID: "c2", Country: "DE", Coverage: Partial, Added: "2024-01-15"},
		},
		Contract: &Contract{Number: "GA-1", Start: "2024-02-01", End: "2026-01-31", Harmonization: PriceBanded, Adopted: []string{"CN"}},
	}
	p.Normalize()
	return p
}

func TestValidateAcceptsAProgram(t *testing.T) {
	p := valid()
	require.NoError(t, p.Validate())
	assert.Len(t, p.Drivers, len(ExternalDrivers)+len(InternalDrivers), "the checklist has one line per driver")
	assert.Equal(t, "global_purchasing", p.Drivers[0].Key)
}

func TestValidateRefusesBadInput(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(p *Program)
		field string
		rule  string
	}{
		{"no manager", func(p *Program) { p.Manager = " " }, "manager", "required"},
		{"unknown structure", func(p *Program) { p.Structure = "matrix" }, "structure", "unknown_value"},
		{"no start", func(p *Program) { p.Start = "" }, "start", "required"},
		{"impossible start", func(p *Program) { p.Start = "2025-02-30" }, "start", "invalid_date"},
		{"unknown currency", func(p *Program) { p.Currency = "XYZ" }, "currency", "invalid_currency"},
		{"unknown driver", func(p *Program) { p.Drivers = append(p.Drivers, Driver{Key: "luck"}) }, "drivers[7].key", "unknown_value"},
		{"unknown country code", func(p *Program) { p.Countries[1].Country = "XX" }, "countries[1].country", "invalid_country"},
		{"a region, not a country", func(p *Program) { p.Countries[1].Country = "EU" }, "countries[1].country", "invalid_country"},
		{"country twice", func(p *Program) { p.Countries[1].Country = "CN" }, "countries[1].country", "duplicate_country"},
		{"dropped before added", func(p *Program) { p.Countries[1].Dropped = "2024-01-14" }, "countries[1].dropped", "end_before_start"},
		{"unknown coverage", func(p *Program) { p.Countries[0].Coverage = "some" }, "countries[0].coverage", "unknown_value"},
		{"negative target", func(p *Program) { p.Countries[0].Quarters = []QuarterFigure{qf(2025, 1, -1, nil)} }, "countries[0].quarters[0].target", "negative"},
		{"negative actual", func(p *Program) { p.Countries[0].Quarters = []QuarterFigure{qf(2025, 1, 10, i64(-5))} }, "countries[0].quarters[0].actual", "negative"},
		{"quarter 5", func(p *Program) { p.Countries[0].Quarters = []QuarterFigure{qf(2025, 5, 10, nil)} }, "countries[0].quarters[0].quarter", "out_of_range"},
		{"quarter twice", func(p *Program) {
			p.Countries[0].Quarters = []QuarterFigure{qf(2025, 1, 10, nil), qf(2025, 1, 20, nil)}
		}, "countries[0].quarters[1].quarter", "duplicate_quarter"},
		{"share of wallet over 100 %", func(p *Program) { p.Countries[0].ShareOfWallet = i64(10001) }, "countries[0].shareOfWallet", "out_of_range"},
		{"contract ends before it starts", func(p *Program) { p.Contract.End = "2024-01-31" }, "contract.end", "end_before_start"},
		{"renewal after the end", func(p *Program) { p.Contract.Renewal = "2026-02-01" }, "contract.renewal", "after_end"},
		{"adopted outside the program", func(p *Program) { p.Contract.Adopted = []string{"US"} }, "contract.adopted[0]", "not_in_program"},
		{"adopted unknown code", func(p *Program) { p.Contract.Adopted = []string{"ZZ"} }, "contract.adopted[0]", "invalid_country"},
		{"unknown harmonization", func(p *Program) { p.Contract.Harmonization = "free" }, "contract.harmonization", "unknown_value"},
		{"negative KPI target", func(p *Program) { p.KPIs = []KPI{{Metric: KPIRevenue, Target: -1}} }, "kpis[0].target", "negative"},
		{"coverage target over 100 %", func(p *Program) { p.KPIs = []KPI{{Metric: KPICoverage, Target: 10001}} }, "kpis[0].target", "out_of_range"},
		{"coverage actual entered", func(p *Program) { p.KPIs = []KPI{{Metric: KPICoverage, Target: 8000, Actual: i64(5)}} }, "kpis[0].actual", "computed"},
		{"KPI twice", func(p *Program) { p.KPIs = []KPI{{Metric: KPIMargin}, {Metric: KPIMargin}} }, "kpis[1].metric", "duplicate"},
		{"satisfaction over 10", func(p *Program) { p.KPIs = []KPI{{Metric: KPISatisfaction, Target: 101}} }, "kpis[0].target", "out_of_range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := valid()
			tt.edit(&p)
			p.Normalize()
			fe := fault.As(p.Validate())
			require.Equal(t, fault.Invalid, fe.Code, "%v", fe)
			var got []string
			for _, is := range fe.Issues {
				got = append(got, is.Field+":"+is.Rule)
			}
			assert.Contains(t, got, tt.field+":"+tt.rule)
		})
	}
}

func TestDroppedCountryMayComeBack(t *testing.T) {
	p := valid()
	p.Countries[1].Dropped = "2024-06-30"
	p.Countries = append(p.Countries, Country{ID: "c3", Country: "DE", Coverage: None, Added: "2025-01-01"})
	p.Normalize()
	assert.NoError(t, p.Validate(), "a dropped row is history; the country can be added again")
}

func TestQuarterArithmetic(t *testing.T) {
	tests := []struct {
		d              calendar.Date
		q              Quarter
		start, end     calendar.Date
		prev, next     Quarter
		closedTomorrow bool
	}{
		{"2025-01-01", Quarter{2025, 1}, "2025-01-01", "2025-03-31", Quarter{2024, 4}, Quarter{2025, 2}, false},
		{"2025-03-31", Quarter{2025, 1}, "2025-01-01", "2025-03-31", Quarter{2024, 4}, Quarter{2025, 2}, true},
		{"2025-04-01", Quarter{2025, 2}, "2025-04-01", "2025-06-30", Quarter{2025, 1}, Quarter{2025, 3}, false},
		{"2025-09-30", Quarter{2025, 3}, "2025-07-01", "2025-09-30", Quarter{2025, 2}, Quarter{2025, 4}, true},
		{"2025-12-31", Quarter{2025, 4}, "2025-10-01", "2025-12-31", Quarter{2025, 3}, Quarter{2026, 1}, true},
		{"2024-02-29", Quarter{2024, 1}, "2024-01-01", "2024-03-31", Quarter{2023, 4}, Quarter{2024, 2}, false},
	}
	for _, tt := range tests {
		q := QuarterOf(tt.d)
		assert.Equal(t, tt.q, q, tt.d)
		assert.Equal(t, tt.start, q.Start(), tt.d)
		assert.Equal(t, tt.end, q.End(), tt.d)
		assert.Equal(t, tt.prev, q.Prev(), tt.d)
		assert.Equal(t, tt.next, q.Next(), tt.d)
		assert.False(t, q.Closed(tt.d), "a quarter is not over on any of its own days (%s)", tt.d)
		assert.Equal(t, tt.closedTomorrow, q.Closed(tt.d.AddDays(1)), tt.d)
	}
	assert.Equal(t, []Quarter{{2024, 3}, {2024, 4}, {2025, 1}}, Last(Quarter{2025, 1}, 3))
	assert.Equal(t, "2025-Q1", Quarter{2025, 1}.String())
}

func TestRegions(t *testing.T) {
	for code, want := range map[string]string{
		"CN": "greater_china", "HK": "greater_china", "TW": "greater_china", "JP": "asia_pacific", "VN": "asia_pacific",
		"IN": "asia_pacific", "AU": "asia_pacific", "DE": "europe", "GB": "europe", "SE": "europe", "US": "north_america",
		"CA": "north_america", "MX": "latin_america", "BR": "latin_america", "AE": "middle_east_africa",
		"TR": "middle_east_africa", "ZA": "middle_east_africa", "??": "other",
	} {
		assert.Equal(t, want, RegionOf(code), code)
	}
	keys := map[string]bool{}
	for _, r := range Regions {
		assert.NotEmpty(t, r.En)
		assert.NotEmpty(t, r.Zh)
		keys[r.Key] = true
	}
	assert.Len(t, keys, len(Regions))
}

func TestCoverageAtFollowsTheLog(t *testing.T) {
	c := Country{Coverage: Partial, Added: "2025-01-01", CoverageLog: []CoverageChange{{"2025-01-01", Covered}, {"2025-05-10", Partial}}}
	assert.Equal(t, Covered, c.CoverageAt("2025-05-09"))
	assert.Equal(t, Partial, c.CoverageAt("2025-05-10"))
	assert.Equal(t, Covered, c.CoverageAt("2024-12-01"), "before the log starts: its first value")
	assert.Equal(t, None, (&Country{Coverage: None}).CoverageAt("2025-01-01"), "no log: the current value")
	assert.True(t, c.Active("2025-01-01"))
	c.Dropped = "2025-06-01"
	assert.True(t, c.Active("2025-05-31"))
	assert.False(t, c.Active("2025-06-01"), "dropped on a day: out of the program from that day")
	assert.True(t, c.Overlaps(Quarter{2025, 2}))
	assert.False(t, c.Overlaps(Quarter{2025, 3}))
	assert.False(t, c.Overlaps(Quarter{2024, 4}))
}

func TestSettingsValidate(t *testing.T) {
	d := Defaults()
	require.NoError(t, d.Validate())
	tests := []struct {
		name  string
		edit  func(s *Settings)
		field string
		rule  string
	}{
		{"unknown level", func(s *Settings) { s.Rules[0].Level = "orange" }, "rules[0].level", "unknown_value"},
		{"threshold 0 %", func(s *Settings) { s.Rules[0].Threshold = 0 }, "rules[0].threshold", "out_of_range"},
		{"rule missing", func(s *Settings) { s.Rules = s.Rules[1:] }, "rules", "missing_rule"},
		{"rule twice", func(s *Settings) { s.Rules[1].Key = RuleRevenueRed }, "rules[1].key", "duplicate"},
		{"unknown rule", func(s *Settings) { s.Rules[0].Key = "moon_phase" }, "rules[0].key", "unknown_value"},
		{"amber stricter than red", func(s *Settings) { s.Rules[1].Threshold = 70 }, "rules[1].threshold", "threshold_order"},
		{"near renewal inside urgent", func(s *Settings) { s.Rules[3].Threshold = 60 }, "rules[3].threshold", "threshold_order"},
		{"partial weight over 100", func(s *Settings) { s.PartialWeight = 120 }, "partialWeight", "out_of_range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Defaults()
			tt.edit(&s)
			fe := fault.As(s.Validate())
			var got []string
			for _, is := range fe.Issues {
				got = append(got, is.Field+":"+is.Rule)
			}
			assert.Contains(t, got, tt.field+":"+tt.rule)
		})
	}
}

func TestDefaultsCoverEveryRule(t *testing.T) {
	d := Defaults()
	for _, k := range RuleKeys {
		r := d.Rule(k)
		assert.True(t, r.Enabled, k)
		assert.Contains(t, Levels, r.Level, k)
	}
	assert.Equal(t, Rule{Key: "nope"}, d.Rule("nope"))
}

func act(detail, status string, due calendar.Date) action.Action {
	return action.Action{Title: "x", Status: status, Due: due, Source: action.Source{Area: action.AreaProgram, RecordID: "p", Detail: detail}}
}
