// Package money holds amounts in minor units with an ISO 4217 currency.
package money

import (
	"fmt"

	"golang.org/x/text/currency"
)

// Money is an amount in the currency's minor units (fen, cents).
type Money struct {
	Amount   int64  `json:"amount"`
	Currency string `json:"currency"`
}

// ValidCurrency reports whether code is an ISO 4217 currency code.
func ValidCurrency(code string) bool {
	if len(code) != 3 {
		return false
	}
	u, err := currency.ParseISO(code)
	return err == nil && u.String() == code
}

// Scale is the number of minor-unit digits of a currency (2 for CNY and USD,
// 0 for JPY), so amounts can be shown and entered in major units.
func Scale(code string) int {
	u, err := currency.ParseISO(code)
	if err != nil {
		return 2
	}
	scale, _ := currency.Standard.Rounding(u)
	return scale
}

// String formats m in major units, e.g. "CNY 1234.50".
func (m Money) String() string {
	s := Scale(m.Currency)
	if s == 0 {
		return fmt.Sprintf("%s %d", m.Currency, m.Amount)
	}
	div := int64(1)
	for i := 0; i < s; i++ {
		div *= 10
	}
	sign := ""
	a := m.Amount
	if a < 0 {
		sign, a = "-", -a
	}
	return fmt.Sprintf("%s %s%d.%0*d", m.Currency, sign, a/div, s, a%div)
}
