package program

import (
	"math"
	"slices"

	"keystone/core/calendar"
)

// Figures are revenue target and actual for one year, in minor units of the
// program's currency. "To date" counts the country-quarters of the year that
// have closed or already have an actual, and of those only the ones with an
// actual: a quarter nobody entered yet is missing, not zero. Missing counts
// the closed ones with a target and no actual.
type Figures struct {
	TargetYear   int64   `json:"targetYear"`
	TargetToDate int64   `json:"targetToDate"`
	ActualToDate int64   `json:"actualToDate"`
	Percent      float64 `json:"percent"` // actual ÷ target to date × 100
	Known        bool    `json:"known"`   // some actual is in and the target to date is above zero
	Missing      int     `json:"missing"`
}

func (f *Figures) add(row *Country, year int, today calendar.Date) {
	for q := 1; q <= 4; q++ {
		qq := Quarter{year, q}
		if !row.Overlaps(qq) {
			continue
		}
		fig := row.Quarter(year, q)
		if fig == nil {
			continue
		}
		f.TargetYear += fig.Target
		switch {
		case fig.Actual != nil:
			f.TargetToDate += fig.Target
			f.ActualToDate += *fig.Actual
		case qq.Closed(today) && fig.Target > 0:
			f.Missing++
		}
	}
}

func (f *Figures) finish() {
	f.Known = f.TargetToDate > 0
	if f.Known {
		f.Percent = float64(f.ActualToDate) / float64(f.TargetToDate) * 100
	}
}

// Share is a percentage that may be unknown (no countries to count).
type Share struct {
	Percent float64 `json:"percent"`
	Known   bool    `json:"known"`
}

// coverageSum is coverage as a fraction num/den (den = 100 per country), so
// comparisons stay exact.
func coverageSum(rows []Country, d calendar.Date, partialWeight int, keep func(*Country) bool) (num, den int64) {
	for i := range rows {
		r := &rows[i]
		if !r.Active(d) || (keep != nil && !keep(r)) {
			continue
		}
		den += 100
		switch r.CoverageAt(d) {
		case Covered:
			num += 100
		case Partial:
			num += int64(partialWeight)
		}
	}
	return num, den
}

// Coverage is the share of the program's countries we serve on day d: a
// covered country counts 1, a partial one partialWeight/100, none 0; only
// countries in the program on d count.
func Coverage(p Program, d calendar.Date, partialWeight int) Share {
	return shareOf(coverageSum(p.Countries, d, partialWeight, nil))
}

func shareOf(num, den int64) Share {
	if den == 0 {
		return Share{}
	}
	return Share{Percent: float64(num) / float64(den) * 100, Known: true}
}

// Adoption is the share of the program's countries on day d that adopted the
// global contract; unknown without a contract or countries.
func Adoption(p Program, d calendar.Date) Share {
	return adoption(p, d, nil)
}

func adoption(p Program, d calendar.Date, keep func(*Country) bool) Share {
	if p.Contract == nil {
		return Share{}
	}
	var n, of int64
	for i := range p.Countries {
		r := &p.Countries[i]
		if !r.Active(d) || (keep != nil && !keep(r)) {
			continue
		}
		of++
		if slices.Contains(p.Contract.Adopted, r.Country) {
			n++
		}
	}
	return shareOf(n*100, of*100)
}

// CountryRollup is one country row's figures for the year.
type CountryRollup struct {
	ID       string        `json:"id"`
	Country  string        `json:"country"`
	Region   string        `json:"region"`
	Coverage string        `json:"coverage"`
	Current  bool          `json:"current"` // false once dropped
	Added    calendar.Date `json:"added"`
	Dropped  calendar.Date `json:"dropped"`
	Adopted  bool          `json:"adopted"`
	Figures  Figures       `json:"figures"`
}

// Rollup adds up a region or the whole program.
type Rollup struct {
	Key       string  `json:"key"` // a region key, or "total"
	Countries int     `json:"countries"`
	Covered   int     `json:"covered"`
	Partial   int     `json:"partial"`
	None      int     `json:"none"`
	Coverage  Share   `json:"coverage"`
	Adoption  Share   `json:"adoption"`
	Figures   Figures `json:"figures"`
}

// QuarterPoint is one quarter of the trend: every country's target and actual.
type QuarterPoint struct {
	Quarter
	Target int64 `json:"target"`
	Actual int64 `json:"actual"`
	// HasActual is false when no country has an actual for the quarter yet.
	HasActual bool `json:"hasActual"`
	Closed    bool `json:"closed"`
}

// Rollups are the program's figures for one year: per country, per region,
// in total, and the quarter trend.
type Rollups struct {
	Year      int             `json:"year"`
	Today     calendar.Date   `json:"today"`
	Countries []CountryRollup `json:"countries"`
	Regions   []Rollup        `json:"regions"`
	Total     Rollup          `json:"total"`
	Trend     []QuarterPoint  `json:"trend"`
}

// TrendQuarters is how many quarters the trend shows.
const TrendQuarters = 8

// Roll adds the program up for year as of today. Dropped countries keep
// their figures for the quarters they were in the program; coverage and
// adoption are as of today (or the year's last day for a past year).
func Roll(p Program, year int, today calendar.Date, partialWeight int) Rollups {
	asOf := today
	last := QuarterOf(today)
	if year < today.Year() {
		asOf = Quarter{year, 4}.End()
		last = Quarter{year, 4}
	} else if year > today.Year() {
		last = Quarter{year, 4}
	}
	out := Rollups{Year: year, Today: today, Countries: []CountryRollup{}, Regions: []Rollup{}}
	byRegion := map[string]*Rollup{}
	total := Rollup{Key: "total"}
	for i := range p.Countries {
		r := &p.Countries[i]
		cr := CountryRollup{ID: r.ID, Country: r.Country, Region: RegionOf(r.Country), Coverage: r.CoverageAt(asOf),
			Current: r.Current(), Added: r.Added, Dropped: r.Dropped,
			Adopted: p.Contract != nil && slices.Contains(p.Contract.Adopted, r.Country)}
		cr.Figures.add(r, year, today)
		cr.Figures.finish()
		out.Countries = append(out.Countries, cr)
		reg := byRegion[cr.Region]
		if reg == nil {
			reg = &Rollup{Key: cr.Region}
			byRegion[cr.Region] = reg
		}
		for _, ru := range []*Rollup{reg, &total} {
			ru.Figures.add(r, year, today)
			if r.Active(asOf) {
				ru.Countries++
				switch cr.Coverage {
				case Covered:
					ru.Covered++
				case Partial:
					ru.Partial++
				default:
					ru.None++
				}
			}
		}
	}
	finish := func(ru *Rollup, keep func(*Country) bool) {
		ru.Figures.finish()
		ru.Coverage = shareOf(coverageSum(p.Countries, asOf, partialWeight, keep))
		ru.Adoption = adoption(p, asOf, keep)
	}
	for _, reg := range Regions {
		if ru := byRegion[reg.Key]; ru != nil {
			key := reg.Key
			finish(ru, func(c *Country) bool { return RegionOf(c.Country) == key })
			out.Regions = append(out.Regions, *ru)
		}
	}
	finish(&total, nil)
	out.Total = total
	for _, q := range Last(last, TrendQuarters) {
		pt := QuarterPoint{Quarter: q, Closed: q.Closed(today)}
		for i := range p.Countries {
			r := &p.Countries[i]
			fig := r.Quarter(q.Year, q.Q)
			if fig == nil || !r.Overlaps(q) {
				continue
			}
			pt.Target += fig.Target
			if fig.Actual != nil {
				pt.Actual += *fig.Actual
				pt.HasActual = true
			}
		}
		out.Trend = append(out.Trend, pt)
	}
	return out
}

// KPIResult is one KPI against its target. Actual is computed for revenue
// (the year's actual to date), coverage and adoption (basis points), and
// entered for margin and satisfaction.
type KPIResult struct {
	Metric   string  `json:"metric"`
	Target   int64   `json:"target"`
	Actual   int64   `json:"actual"`
	Known    bool    `json:"known"`
	Percent  float64 `json:"percent"` // actual ÷ target × 100, when both are known
	Computed bool    `json:"computed"`
	// TargetFromCountries is true for a revenue target that is the sum of the
	// countries' quarterly targets (no global target entered).
	TargetFromCountries bool `json:"targetFromCountries"`
}

// KPIs measures every metric (in KPIMetrics order) against the program's
// targets; a metric without a target has Target 0.
func KPIs(p Program, r Rollups) []KPIResult {
	targets := map[string]KPI{}
	for _, k := range p.KPIs {
		targets[k.Metric] = k
	}
	bp := func(s Share) (int64, bool) { return int64(math.Round(s.Percent * 100)), s.Known }
	out := make([]KPIResult, 0, len(KPIMetrics))
	for _, m := range KPIMetrics {
		k := targets[m]
		res := KPIResult{Metric: m, Target: k.Target}
		switch m {
		case KPIRevenue:
			res.Computed = true
			if res.Target == 0 {
				res.Target, res.TargetFromCountries = r.Total.Figures.TargetYear, true
			}
			res.Actual = r.Total.Figures.ActualToDate
			res.Known = r.Total.Figures.Known || r.Total.Figures.ActualToDate > 0
		case KPICoverage:
			res.Computed = true
			res.Actual, res.Known = bp(r.Total.Coverage)
		case KPIAdoption:
			res.Computed = true
			res.Actual, res.Known = bp(r.Total.Adoption)
		default:
			if k.Actual != nil {
				res.Actual, res.Known = *k.Actual, true
			}
		}
		if res.Known && res.Target > 0 {
			res.Percent = float64(res.Actual) / float64(res.Target) * 100
		}
		out = append(out, res)
	}
	return out
}
