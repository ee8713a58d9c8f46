package portfolio

import (
	"keystone/core/fault"
	"keystone/core/record"
)

// KindInputs names an account's value inputs in keys and errors; one per account.
const KindInputs = "valueinputs"

// Inputs are the account's own figures for lifetime value and the value
// pyramid. A nil rate or perceived value falls back to the settings' default
// (or, for perceived value, to what other areas know); amounts are minor
// units of the reporting currency.
type Inputs struct {
	record.Meta
	AccountID      string   `json:"accountId"`
	Retention      *float64 `json:"retention"`
	Discount       *float64 `json:"discount"`
	Acquisition    int64    `json:"acquisition"`
	CostToServe    int64    `json:"costToServe"` // per year
	PerceivedValue *float64 `json:"perceivedValue"`
}

// Validate refuses negative amounts, rates off their scale, a diverging
// retention and a perceived value off the 1–10 scale.
func (in *Inputs) Validate(s Settings) error {
	var c fault.Checker
	c.Required("accountId", in.AccountID)
	c.NonNegative("acquisition", in.Acquisition)
	c.NonNegative("costToServe", in.CostToServe)
	r, i := in.Rates(s)
	if err := CheckRates(r, i); err != nil {
		for _, is := range fault.As(err).Issues {
			c.Add(is.Field, is.Rule, is.Params, "%s", is.Message)
		}
	}
	if p := in.PerceivedValue; p != nil && !(*p >= 1 && *p <= 10) {
		c.Add("perceivedValue", "out_of_range", map[string]any{"min": 1, "max": 10, "value": *p}, "perceived value is scored 1 to 10")
	}
	return c.Err()
}

// Rates are the retention and discount rates in force for the account.
func (in *Inputs) Rates(s Settings) (retention, discount float64) {
	retention, discount = s.Retention, s.Discount
	if in.Retention != nil {
		retention = *in.Retention
	}
	if in.Discount != nil {
		discount = *in.Discount
	}
	return retention, discount
}
