package program

import (
	"fmt"
	"slices"

	"keystone/core/fault"
)

// Health levels.
const (
	Green = "green"
	Amber = "amber"
	Red   = "red"
)

// Levels a rule can raise.
var Levels = []string{Amber, Red}

// Health rules. Each reads as one sentence with its threshold; the UI and
// the English reasons say them the same way.
const (
	// RuleRevenueRed: revenue to date is below Threshold % of the target to date.
	RuleRevenueRed = "revenue_red"
	// RuleRevenueAmber: the same with a milder threshold (it stays quiet when RuleRevenueRed fired).
	RuleRevenueAmber = "revenue_amber"
	// RuleRenewalUrgent: the contract's renewal date is within Threshold days and no renewal action is planned.
	RuleRenewalUrgent = "renewal_urgent"
	// RuleRenewalNear: the same with a longer horizon (quiet when RuleRenewalUrgent fired).
	RuleRenewalNear = "renewal_near"
	// RuleCoverageFell: coverage % is lower today than Threshold days ago.
	RuleCoverageFell = "coverage_fell"
	// RuleOverdueActions: at least Threshold of the program's milestones and actions are overdue.
	RuleOverdueActions = "overdue_actions"
	// RuleKPIShort: a KPI (margin, coverage, adoption, satisfaction) is below Threshold % of its target.
	RuleKPIShort = "kpi_short"
	// RuleActualsMissing: a closed quarter with a target has no actual Threshold days after it ended.
	RuleActualsMissing = "actuals_missing"
)

// RuleKeys lists every rule in the order Settings shows them.
var RuleKeys = []string{RuleRevenueRed, RuleRevenueAmber, RuleRenewalUrgent, RuleRenewalNear,
	RuleCoverageFell, RuleOverdueActions, RuleKPIShort, RuleActualsMissing}

// Rule is one health rule as the user set it.
type Rule struct {
	Key       string `json:"key"`
	Enabled   bool   `json:"enabled"`
	Level     string `json:"level"`     // amber or red
	Threshold int    `json:"threshold"` // %, days or a count, per rule (see the Rule* constants)
}

// Settings are the program area's model settings (area "programs").
type Settings struct {
	Rules []Rule `json:"rules"`
	// PartialWeight is how much a partially covered country counts towards
	// coverage %, in percent of a covered one.
	PartialWeight int `json:"partialWeight"`
}

// Defaults are the shipped rules. DOMAIN.md names three: red below 80 % of
// the revenue target to date, red with a renewal within 90 days and no
// renewal action, red when coverage fell. The amber steps (95 %, 180 days),
// the 90-day look-back for coverage, the KPI shortfall at 90 % of target,
// 30 days' grace for actuals and a partial country counting half are
// *reconstructed* defaults; all are editable in Settings.
func Defaults() Settings {
	return Settings{
		Rules: []Rule{
			{RuleRevenueRed, true, Red, 80},
			{RuleRevenueAmber, true, Amber, 95},
			{RuleRenewalUrgent, true, Red, 90},
			{RuleRenewalNear, true, Amber, 180},
			{RuleCoverageFell, true, Red, 90},
			{RuleOverdueActions, true, Amber, 1},
			{RuleKPIShort, true, Amber, 90},
			{RuleActualsMissing, true, Amber, 30},
		},
		PartialWeight: 50,
	}
}

// thresholdRange is what each rule's threshold may be.
var thresholdRange = map[string][2]int64{
	RuleRevenueRed:     {1, 100},
	RuleRevenueAmber:   {1, 100},
	RuleRenewalUrgent:  {1, 730},
	RuleRenewalNear:    {1, 730},
	RuleCoverageFell:   {1, 730},
	RuleOverdueActions: {1, 100},
	RuleKPIShort:       {1, 100},
	RuleActualsMissing: {0, 365},
}

// Validate refuses unknown or missing rules, levels other than amber/red,
// thresholds out of range and amber steps stricter than their red ones.
func (s *Settings) Validate() error {
	var c fault.Checker
	seen := map[string]int{}
	for i, r := range s.Rules {
		f := fmt.Sprintf("rules[%d].", i)
		if !c.OneOf(f+"key", r.Key, false, RuleKeys...) {
			continue
		}
		if _, dup := seen[r.Key]; dup {
			c.Add(f+"key", "duplicate", map[string]any{"value": r.Key}, "rule %s is given twice", r.Key)
			continue
		}
		seen[r.Key] = i
		c.OneOf(f+"level", r.Level, false, Levels...)
		rg := thresholdRange[r.Key]
		c.Range(f+"threshold", int64(r.Threshold), rg[0], rg[1])
	}
	for _, k := range RuleKeys {
		if _, ok := seen[k]; !ok {
			c.Add("rules", "missing_rule", map[string]any{"value": k}, "rule %s is missing", k)
		}
	}
	order := func(amber, red string, lessIsStricter bool) {
		a, okA := seen[amber]
		r, okR := seen[red]
		if !okA || !okR {
			return
		}
		ta, tr := s.Rules[a].Threshold, s.Rules[r].Threshold
		if (lessIsStricter && ta < tr) || (!lessIsStricter && ta > tr) {
			c.Add(fmt.Sprintf("rules[%d].threshold", a), "threshold_order", map[string]any{"value": ta, "other": tr},
				"the %s threshold (%d) must not be stricter than the %s one (%d)", amber, ta, red, tr)
		}
	}
	order(RuleRevenueAmber, RuleRevenueRed, true) // amber at 95 % of target, red at 80 %: amber ≥ red
	order(RuleRenewalNear, RuleRenewalUrgent, true)
	c.Range("partialWeight", int64(s.PartialWeight), 0, 100)
	return c.Err()
}

// Rule returns the rule with key (disabled and zero when absent).
func (s Settings) Rule(key string) Rule {
	if i := slices.IndexFunc(s.Rules, func(r Rule) bool { return r.Key == key }); i >= 0 {
		return s.Rules[i]
	}
	return Rule{Key: key}
}
