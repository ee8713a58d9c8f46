package money

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/fault"
)

func TestRatesConvert(t *testing.T) {
	r := Rates{Reporting: "CNY", Years: []YearRates{
		{Year: 0, Rates: map[string]float64{"USD": 7, "JPY": 0.05}},
		{Year: 2025, Rates: map[string]float64{"USD": 7.2}},
	}}
	cases := []struct {
		name string
		in   Money
		year int
		want Money
		ok   bool
	}{
		{"reporting currency as is", Money{12345, "CNY"}, 2025, Money{12345, "CNY"}, true},
		{"year's own rate", Money{100_00, "USD"}, 2025, Money{720_00, "CNY"}, true},
		{"standing rate for another year", Money{100_00, "USD"}, 2024, Money{700_00, "CNY"}, true},
		{"zero-decimal currency", Money{1000, "JPY"}, 2025, Money{50_00, "CNY"}, true},
		{"no rate is reported, not 1:1", Money{100_00, "EUR"}, 2025, Money{100_00, "EUR"}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := r.Convert(tc.in, tc.year)
			assert.Equal(t, tc.ok, ok)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestRatesValidate(t *testing.T) {
	good := DefaultRates()
	require.NoError(t, good.Validate())
	cases := []struct {
		name  string
		r     Rates
		field string
		rule  string
	}{
		{"unknown reporting", Rates{Reporting: "XXY"}, "reporting", "invalid_currency"},
		{"missing reporting", Rates{}, "reporting", "required"},
		{"zero rate", Rates{Reporting: "CNY", Years: []YearRates{{Rates: map[string]float64{"USD": 0}}}}, "years[0].rates.USD", "not_positive"},
		{"unknown code", Rates{Reporting: "CNY", Years: []YearRates{{Rates: map[string]float64{"ABC": 1}}}}, "years[0].rates.ABC", "invalid_currency"},
		{"year twice", Rates{Reporting: "CNY", Years: []YearRates{{Year: 2024}, {Year: 2024}}}, "years[1].year", "duplicate"},
		{"odd year", Rates{Reporting: "CNY", Years: []YearRates{{Year: 24}}}, "years[0].year", "out_of_range"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.r.Validate()
			e := fault.As(err)
			require.NotNil(t, e)
			assert.Equal(t, tc.field, e.Field)
			assert.Equal(t, tc.rule, e.Rule)
		})
	}
}

// The shipped rates cover every currency the sample portfolio bills in, so a
// demo never opens on a missing-rate warning.
func TestDefaultRatesCoverCommonCurrencies(t *testing.T) {
	r := DefaultRates()
	for _, code := range []string{"USD", "EUR", "JPY", "KRW", "SGD", "GBP", "SEK", "THB", "MYR", "INR", "BRL", "MXN", "VND", "HKD"} {
		_, ok := r.Rate(code, 2026)
		assert.True(t, ok, code)
	}
}
