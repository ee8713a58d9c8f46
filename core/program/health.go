package program

import (
	"fmt"
	"math"

	"keystone/core/action"
	"keystone/core/calendar"
)

// Finding is one rule that fired, with the figures that made it fire; the
// UI words it from Rule and Params, Reason is the same in English.
type Finding struct {
	Rule   string         `json:"rule"`
	Level  string         `json:"level"`
	Params map[string]any `json:"params"`
	Reason string         `json:"reason"`
}

// Health is the program's colour and why.
type Health struct {
	Level    string    `json:"level"` // green, amber or red
	Findings []Finding `json:"findings"`
}

// Alert levels of the contract renewal, from calm to late.
const (
	AlertNotice  = "notice"  // within the near horizon (180 days by default)
	AlertUrgent  = "urgent"  // within the urgent horizon (90 days by default)
	AlertOverdue = "overdue" // the renewal date has passed, the contract still runs
	AlertExpired = "expired" // the contract has ended
)

// RenewalAlert says how close the global contract's renewal is.
type RenewalAlert struct {
	Level    string        `json:"level"`
	Date     calendar.Date `json:"date"` // the renewal (or end) date
	End      calendar.Date `json:"end"`
	Days     int           `json:"days"`     // from today; negative when past
	Actioned bool          `json:"actioned"` // a renewal action is planned or done for this term
}

// Renewal returns the contract's renewal alert on day today, or nil when the
// renewal lies beyond the near horizon (the renewal_near rule's threshold)
// or there is no contract. The horizons are the two renewal rules'
// thresholds, whether or not the rules are enabled.
func Renewal(p Program, acts []action.Action, s Settings, today calendar.Date) *RenewalAlert {
	date := p.Contract.RenewalDate()
	if date == "" {
		return nil
	}
	a := &RenewalAlert{Date: date, End: p.Contract.End, Days: today.DaysUntil(date), Actioned: renewalActioned(p, acts)}
	switch {
	case p.Contract.End != "" && p.Contract.End < today:
		a.Level = AlertExpired
	case a.Days < 0:
		a.Level = AlertOverdue
	case a.Days <= s.Rule(RuleRenewalUrgent).Threshold:
		a.Level = AlertUrgent
	case a.Days <= s.Rule(RuleRenewalNear).Threshold:
		a.Level = AlertNotice
	default:
		return nil
	}
	return a
}

// renewalActioned reports whether a renewal action exists for the contract's
// current term: open or in progress, or done on or after the term started
// (a renewal done for the last term does not cover this one).
func renewalActioned(p Program, acts []action.Action) bool {
	for i := range acts {
		a := &acts[i]
		if a.Deleted() || a.Source.Detail != DetailRenewal {
			continue
		}
		if a.IsOpen() || (a.Status == action.Done && p.Contract != nil && a.CompletedOn >= p.Contract.Start) {
			return true
		}
	}
	return false
}

// Evaluate applies the enabled rules to the program on day today. acts are
// the program's actions (milestones, renewal work and others). The health is
// the worst level of any finding, green when none fired. Findings come red
// first, then in rule order.
func Evaluate(p Program, acts []action.Action, s Settings, today calendar.Date) Health {
	h := Health{Level: Green, Findings: []Finding{}}
	fire := func(r Rule, params map[string]any, format string, args ...any) {
		h.Findings = append(h.Findings, Finding{Rule: r.Key, Level: r.Level, Params: params, Reason: fmt.Sprintf(format, args...)})
	}
	on := func(key string) (Rule, bool) {
		r := s.Rule(key)
		return r, r.Enabled
	}

	// Revenue to date against target to date, this year.
	var fig Figures
	for i := range p.Countries {
		fig.add(&p.Countries[i], today.Year(), today)
	}
	fig.finish()
	if fig.Known {
		pct := fig.Percent
		params := map[string]any{"percent": round1(pct), "actual": fig.ActualToDate, "target": fig.TargetToDate, "currency": p.Currency}
		red, redOn := on(RuleRevenueRed)
		amber, amberOn := on(RuleRevenueAmber)
		switch {
		case redOn && pct < float64(red.Threshold):
			params["threshold"] = red.Threshold
			fire(red, params, "revenue to date is %.1f%% of the target to date, below %d%%", pct, red.Threshold)
		case amberOn && pct < float64(amber.Threshold):
			params["threshold"] = amber.Threshold
			fire(amber, params, "revenue to date is %.1f%% of the target to date, below %d%%", pct, amber.Threshold)
		}
	}

	// The contract's renewal with no renewal action.
	if date := p.Contract.RenewalDate(); date != "" && !renewalActioned(p, acts) {
		days := today.DaysUntil(date)
		params := map[string]any{"days": days, "date": string(date)}
		urgent, urgentOn := on(RuleRenewalUrgent)
		near, nearOn := on(RuleRenewalNear)
		switch {
		case urgentOn && days <= urgent.Threshold:
			params["threshold"] = urgent.Threshold
			fire(urgent, params, "the contract's renewal date %s is %s and no renewal action is planned", date, inDays(days))
		case nearOn && days <= near.Threshold:
			params["threshold"] = near.Threshold
			fire(near, params, "the contract's renewal date %s is %s and no renewal action is planned", date, inDays(days))
		}
	}

	// Coverage now against the look-back day.
	if r, ok := on(RuleCoverageFell); ok {
		then := today.AddDays(-r.Threshold)
		nNow, dNow := coverageSum(p.Countries, today, s.PartialWeight, nil)
		nThen, dThen := coverageSum(p.Countries, then, s.PartialWeight, nil)
		if dNow > 0 && dThen > 0 && nNow*dThen < nThen*dNow {
			was, is := shareOf(nThen, dThen).Percent, shareOf(nNow, dNow).Percent
			fire(r, map[string]any{"from": round1(was), "to": round1(is), "days": r.Threshold, "since": string(then)},
				"coverage fell from %.1f%% to %.1f%% in the last %d days", was, is, r.Threshold)
		}
	}

	// Overdue milestones and actions.
	if r, ok := on(RuleOverdueActions); ok {
		overdue, milestones := 0, 0
		for i := range acts {
			if a := &acts[i]; a.IsOpen() && a.Due != "" && a.Due < today {
				overdue++
				if a.Source.Detail == DetailMilestone {
					milestones++
				}
			}
		}
		if overdue >= r.Threshold {
			fire(r, map[string]any{"count": overdue, "milestones": milestones, "threshold": r.Threshold},
				"%d milestones and actions are overdue (%d of them milestones)", overdue, milestones)
		}
	}

	// KPIs short of target (revenue has its own rules above).
	if r, ok := on(RuleKPIShort); ok {
		for _, k := range KPIs(p, Roll(p, today.Year(), today, s.PartialWeight)) {
			if k.Metric == KPIRevenue || !k.Known || k.Target <= 0 {
				continue
			}
			if float64(k.Actual) < float64(k.Target)*float64(r.Threshold)/100 {
				fire(r, map[string]any{"metric": k.Metric, "actual": k.Actual, "target": k.Target, "threshold": r.Threshold},
					"the %s KPI is at %d against a target of %d, below %d%% of it", k.Metric, k.Actual, k.Target, r.Threshold)
			}
		}
	}

	// Closed quarters still without actuals after the grace period.
	if r, ok := on(RuleActualsMissing); ok {
		missing := 0
		var oldest Quarter
		for _, q := range Last(QuarterOf(today).Prev(), 4) {
			if q.End().AddDays(r.Threshold) >= today {
				continue
			}
			for i := range p.Countries {
				c := &p.Countries[i]
				if fig := c.Quarter(q.Year, q.Q); fig != nil && fig.Target > 0 && fig.Actual == nil && c.Overlaps(q) {
					if missing == 0 {
						oldest = q
					}
					missing++
				}
			}
		}
		if missing > 0 {
			fire(r, map[string]any{"count": missing, "days": r.Threshold, "since": oldest.String()},
				"%d country-quarters since %s have a target but no actual %d days after the quarter ended", missing, oldest, r.Threshold)
		}
	}

	// Red first, then rule order (already the order of evaluation).
	var reds, ambers []Finding
	for _, f := range h.Findings {
		if f.Level == Red {
			reds = append(reds, f)
		} else {
			ambers = append(ambers, f)
		}
	}
	h.Findings = append(append([]Finding{}, reds...), ambers...)
	switch {
	case len(reds) > 0:
		h.Level = Red
	case len(ambers) > 0:
		h.Level = Amber
	}
	return h
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }

func inDays(days int) string {
	switch {
	case days < 0:
		return fmt.Sprintf("%d days past", -days)
	case days == 0:
		return "today"
	}
	return fmt.Sprintf("in %d days", days)
}
