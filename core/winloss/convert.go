package winloss

import (
	"math"

	"keystone/core/money"
)

// Converter converts amounts into the reporting currency exactly as
// money.Rates.Convert does, remembering each currency and year's rate and
// scales: looking them up costs more than the arithmetic, and the figures
// convert tens of thousands of deals at a time.
type Converter struct {
	rates money.Rates
	memo  map[rateKey]conversion
}

type conversion struct {
	ok            bool
	rate, in, out float64
}

// NewConverter converts with rates.
func NewConverter(rates money.Rates) *Converter {
	return &Converter{rates: rates, memo: map[rateKey]conversion{}}
}

// Convert is m in the reporting currency's minor units at year's rate; ok is
// false when there is no rate.
func (c *Converter) Convert(m money.Money, year int) (int64, bool) {
	if m.Currency == c.rates.Reporting {
		return m.Amount, true
	}
	k := rateKey{m.Currency, year}
	cv, seen := c.memo[k]
	if !seen {
		rate, ok := c.rates.Rate(m.Currency, year)
		cv = conversion{ok: ok, rate: rate, in: math.Pow10(money.Scale(m.Currency)), out: math.Pow10(money.Scale(c.rates.Reporting))}
		c.memo[k] = cv
	}
	if !cv.ok {
		return 0, false
	}
	return int64(math.Round(float64(m.Amount) / cv.in * cv.rate * cv.out)), true
}
