package plan

import (
	"keystone/core/account"
	"keystone/core/record"
)

// GoalProgress is a goal with its actual to date.
type GoalProgress struct {
	GoalID  string  `json:"goalId"`
	Actual  int64   `json:"actual"`
	Target  int64   `json:"target"`
	Percent float64 `json:"percent"` // actual ÷ target × 100
	Known   bool    `json:"known"`   // false when the year's figures (or the category spend) are missing
	// Currency is the figures' currency when it differs from the plan's: the
	// actual is then not comparable and Known is false.
	Mismatch string `json:"mismatch"`
}

// Progress measures each goal against the year's figures; fig is nil when
// the year has none yet.
func Progress(p Plan, fig *account.YearFigures) []GoalProgress {
	out := make([]GoalProgress, 0, len(p.Goals))
	for _, g := range p.Goals {
		gp := GoalProgress{GoalID: g.ID, Target: g.Target}
		switch {
		case g.Metric == MetricCustom:
			gp.Actual, gp.Known = g.Actual, true
		case fig == nil:
		case fig.Currency != p.Currency && g.Metric != MetricShareOfWallet:
			gp.Mismatch = fig.Currency
		default:
			switch g.Metric {
			case MetricRevenue:
				gp.Actual, gp.Known = fig.Revenue, true
			case MetricMargin:
				gp.Actual, gp.Known = fig.Margin, true
			case MetricCrossSell:
				gp.Actual, gp.Known = fig.CrossSellSales, true
			case MetricShareOfWallet:
				if s := account.ShareOfWallet(*fig); s.Known {
					gp.Actual, gp.Known = int64(s.Percent*100+0.5), true
				}
			}
		}
		if gp.Known && g.Target > 0 {
			gp.Percent = float64(gp.Actual) / float64(g.Target) * 100
		}
		out = append(out, gp)
	}
	return out
}

// The parts of a plan the completeness indicator checks: the six elements
// and the four value quadrants.
const (
	PartGoals               = "goals"
	PartStrategicFocus      = "strategicFocus"
	PartPositioning         = "positioning"
	PartActionPlan          = "actionPlan"
	PartResources           = "resources"
	PartBudget              = "budget"
	PartFunctional          = "value.functional"
	PartPsychological       = "value.psychological"
	PartCustomerCommitments = "value.customerCommitments"
	PartTracking            = "value.tracking"
)

// Parts lists them in the order the plan shows them.
var Parts = []string{PartGoals, PartStrategicFocus, PartPositioning, PartActionPlan, PartResources, PartBudget,
	PartFunctional, PartPsychological, PartCustomerCommitments, PartTracking}

// Completeness says which parts are still empty.
type Completeness struct {
	Filled  []string `json:"filled"`
	Missing []string `json:"missing"`
	Percent int      `json:"percent"`
}

// Complete checks the ten parts. planActions is the number of actions the
// plan has made: an action plan is there when it has a narrative or tasks.
func Complete(p Plan, planActions int) Completeness {
	has := map[string]bool{
		PartGoals:               len(p.Goals) > 0,
		PartStrategicFocus:      filled(p.StrategicFocus),
		PartPositioning:         filled(p.Positioning.Statement) || filled(p.Positioning.ValueProposition),
		PartActionPlan:          filled(p.ActionPlan) || planActions > 0,
		PartResources:           len(p.Resources) > 0,
		PartBudget:              p.Budget > 0 || p.Forecast > 0,
		PartFunctional:          filled(p.Value.Functional),
		PartPsychological:       filled(p.Value.Psychological),
		PartCustomerCommitments: filled(p.Value.CustomerCommitments),
		PartTracking:            filled(p.Value.Tracking),
	}
	c := Completeness{Filled: []string{}, Missing: []string{}}
	for _, part := range Parts {
		if has[part] {
			c.Filled = append(c.Filled, part)
		} else {
			c.Missing = append(c.Missing, part)
		}
	}
	c.Percent = len(c.Filled) * 100 / len(Parts)
	return c
}

// filled reports whether s has any non-space character.
func filled(s string) bool {
	for _, r := range s {
		if r != ' ' && r != '\n' && r != '\t' && r != '\r' {
			return true
		}
	}
	return false
}

// RollForward copies a plan into the next year: same strategy, goals with
// new ids and no custom actuals, budget and forecast kept as a starting
// point. newID makes goal ids. The caller locks the old plan.
func RollForward(p Plan, newID func() string) Plan {
	next := p
	next.Meta = record.Meta{}
	next.Year = p.Year + 1
	next.Locked = false
	next.RolledFrom = p.ID
	next.Goals = make([]Goal, len(p.Goals))
	for i, g := range p.Goals {
		g.ID = newID()
		g.Actual = 0
		next.Goals[i] = g
	}
	next.Resources = append([]Resource(nil), p.Resources...)
	next.Positioning.TargetContactIDs = append([]string(nil), p.Positioning.TargetContactIDs...)
	next.Positioning.TargetCompetitors = append([]string(nil), p.Positioning.TargetCompetitors...)
	return next
}
