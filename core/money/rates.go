package money

import (
	"fmt"
	"math"
	"slices"

	"keystone/core/fault"
)

// Rates convert amounts into the firm's reporting currency at each year's
// rate, so figures in several currencies can be added up. A year without its
// own row uses the standing rates (Year 0); a currency with no rate at all is
// reported as missing, never converted 1:1.
type Rates struct {
	Reporting string      `json:"reporting"`
	Years     []YearRates `json:"years"`
}

// YearRates says, for one year (0 = standing rates), how many units of the
// reporting currency one unit of each other currency is worth.
type YearRates struct {
	Year  int                `json:"year"`
	Rates map[string]float64 `json:"rates"`
}

// DefaultRates report in CNY with approximate standing rates for the
// currencies key accounts commonly bill in; the firm sets its own.
func DefaultRates() Rates {
	return Rates{Reporting: "CNY", Years: []YearRates{{Year: 0, Rates: map[string]float64{
		"USD": 7.10, "EUR": 7.70, "GBP": 9.00, "JPY": 0.048, "KRW": 0.0052, "SGD": 5.30, "HKD": 0.91,
		"SEK": 0.69, "THB": 0.20, "MYR": 1.59, "INR": 0.085, "BRL": 1.30, "MXN": 0.38, "VND": 0.00028,
		"TWD": 0.22, "AUD": 4.70, "CAD": 5.20, "CHF": 8.10,
	}}}}
}

// Rate is the value of one unit of code in the reporting currency in year;
// ok is false when neither the year nor the standing rates name it.
func (r Rates) Rate(code string, year int) (rate float64, ok bool) {
	if code == r.Reporting {
		return 1, true
	}
	standing, found := 0.0, false
	for _, y := range r.Years {
		v, has := y.Rates[code]
		if !has || v <= 0 {
			continue
		}
		if y.Year == year {
			return v, true
		}
		if y.Year == 0 {
			standing, found = v, true
		}
	}
	return standing, found
}

// Convert returns m in the reporting currency at year's rate, rounded to the
// reporting currency's minor unit; ok is false (and m unchanged) when there
// is no rate.
func (r Rates) Convert(m Money, year int) (Money, bool) {
	if m.Currency == r.Reporting {
		return m, true
	}
	rate, ok := r.Rate(m.Currency, year)
	if !ok {
		return m, false
	}
	major := float64(m.Amount) / math.Pow10(Scale(m.Currency)) * rate
	return Money{Amount: int64(math.Round(major * math.Pow10(Scale(r.Reporting)))), Currency: r.Reporting}, true
}

// Validate refuses an unknown reporting currency, unknown currencies, rates
// that are not positive, implausible years and a year given twice.
func (r *Rates) Validate() error {
	var c fault.Checker
	c.Required("reporting", r.Reporting)
	if r.Reporting != "" && !ValidCurrency(r.Reporting) {
		c.Add("reporting", "invalid_currency", map[string]any{"value": r.Reporting}, "%q is not an ISO 4217 currency code", r.Reporting)
	}
	seen := map[int]bool{}
	for i, y := range r.Years {
		at := fmt.Sprintf("years[%d]", i)
		if y.Year != 0 && (y.Year < 1900 || y.Year > 2200) {
			c.Add(at+".year", "out_of_range", map[string]any{"min": 1900, "max": 2200, "value": y.Year},
				"a rate year must lie between 1900 and 2200 (or 0 for standing rates)")
		}
		if seen[y.Year] {
			c.Add(at+".year", "duplicate", map[string]any{"year": y.Year}, "rates for %d are given twice", y.Year)
		}
		seen[y.Year] = true
		codes := make([]string, 0, len(y.Rates))
		for code := range y.Rates {
			codes = append(codes, code)
		}
		slices.Sort(codes)
		for _, code := range codes {
			f := at + ".rates." + code
			if !ValidCurrency(code) {
				c.Add(f, "invalid_currency", map[string]any{"value": code}, "%q is not an ISO 4217 currency code", code)
			} else if v := y.Rates[code]; !(v > 0) || math.IsInf(v, 0) {
				c.Add(f, "not_positive", map[string]any{"currency": code}, "the rate for %s must be a positive number", code)
			}
		}
	}
	return c.Err()
}
