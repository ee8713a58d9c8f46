package portfolio

import (
	"math"
	"slices"

	"keystone/core/fault"
)

// CheckRates refuses rates outside [0, 1] and retention at or above
// 1 + discount, where the infinite sum diverges (a customer kept for ever
// with no discounting is worth without end).
func CheckRates(retention, discount float64) error {
	var c fault.Checker
	if !(retention >= 0 && retention <= 1) {
		c.Add("retention", "out_of_range", map[string]any{"min": 0, "max": 1, "value": retention}, "the retention rate must lie between 0 and 1")
	}
	if !(discount >= 0 && discount <= 1) {
		c.Add("discount", "out_of_range", map[string]any{"min": 0, "max": 1, "value": discount}, "the discount rate must lie between 0 and 1")
	}
	if len(c.Issues()) == 0 && retention >= 1+discount {
		c.Add("retention", "diverges", map[string]any{"retention": retention, "discount": discount},
			"a retention rate at or above 1 + the discount rate gives an endless lifetime value")
	}
	return c.Err()
}

// CLV is the customer lifetime value with a constant annual margin m,
// retention rate r, discount rate i and acquisition cost ac, all amounts in
// the same minor units: m·r / (1 + i − r) − ac (r = 0.8, i = 0.1 gives
// 2.67 × m). A negative margin is refused: the formula assumes a customer
// worth keeping.
func CLV(margin float64, retention, discount, acquisition float64) (float64, error) {
	if err := checkCLV(margin, retention, discount, acquisition); err != nil {
		return 0, err
	}
	return margin*retention/(1+discount-retention) - acquisition, nil
}

// CLVFinite sums the margins of years t = 0..T, each kept with probability
// r^t and discounted by (1+i)^t: Σ m_t·r^t/(1+i)^t − ac.
func CLVFinite(margins []float64, retention, discount, acquisition float64) (float64, error) {
	var c fault.Checker
	if len(margins) == 0 {
		c.Add("margins", "required", nil, "at least one year's margin is needed")
	}
	for _, m := range margins {
		if m < 0 {
			c.Add("margins", "negative", nil, "margins cannot be negative")
			break
		}
	}
	if err := c.Err(); err != nil {
		return 0, err
	}
	if err := checkCLV(0, retention, discount, acquisition); err != nil {
		return 0, err
	}
	sum := 0.0
	for t, m := range margins {
		sum += m * math.Pow(retention, float64(t)) / math.Pow(1+discount, float64(t))
	}
	return sum - acquisition, nil
}

func checkCLV(margin, retention, discount, acquisition float64) error {
	var c fault.Checker
	if margin < 0 {
		c.Add("margin", "negative", nil, "the annual margin cannot be negative for a lifetime value")
	}
	if acquisition < 0 {
		c.Add("acquisition", "negative", nil, "the acquisition cost cannot be negative")
	}
	if err := CheckRates(retention, discount); err != nil {
		for _, is := range fault.As(err).Issues {
			c.Add(is.Field, is.Rule, is.Params, "%s", is.Message)
		}
	}
	return c.Err()
}

// Value classes of perceived value (CPV) × lifetime value (CLV).
const (
	Marginal   = "marginal"    // 鸡肋: low/low — no new investment; keep or end
	Potential  = "potential"   // 潜力股: low CPV, high CLV — find why value is not felt and fix it (first priority)
	OverServed = "over_served" // high CPV, low CLV — cut cost to serve (reconstructed)
	Core       = "core"        // high/high — partner and invest (reconstructed)
)

// ValueClass places an account by perceived value (1–10) and lifetime value
// against their cuts: at or above a cut is high.
func ValueClass(cpv, cpvCut, clv, clvCut float64) string {
	hiP, hiL := cpv >= cpvCut, clv >= clvCut
	switch {
	case hiP && hiL:
		return Core
	case hiL:
		return Potential
	case hiP:
		return OverServed
	default:
		return Marginal
	}
}

// Median is the middle of values (the mean of the two middles for an even
// count), the default CLV cut; 0 for none.
func Median(values []float64) float64 {
	if len(values) == 0 {
		return 0
	}
	s := append([]float64(nil), values...)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
