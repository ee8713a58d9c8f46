package switching

import (
	"fmt"
	"slices"
	"strings"

	"keystone/core/action"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/money"
	"keystone/core/record"
)

// Levers are the five ways to raise switching costs (五种提高转换成本的方式).
var Levers = []string{"product", "service", "process", "asset", "emotional"}

// Lever is one lever of a plan: today's strength and the target, 1–5.
type Lever struct {
	Key      string `json:"key"`
	Strength int    `json:"strength"`
	Target   int    `json:"target"`
	Note     string `json:"note"`
}

// Plan is a switching-cost plan. Its actions are shared Actions whose source
// is {switching, plan id, lever key}; none may fall due before Start.
type Plan struct {
	record.Meta
	AccountID string        `json:"accountId"`
	Title     string        `json:"title"`
	Start     calendar.Date `json:"start"`
	Levers    []Lever       `json:"levers"`
	Notes     string        `json:"notes"`
}

// Normalize trims text.
func (p *Plan) Normalize() {
	p.Title = strings.TrimSpace(p.Title)
	p.Notes = strings.TrimSpace(p.Notes)
	for i := range p.Levers {
		p.Levers[i].Key = strings.TrimSpace(p.Levers[i].Key)
		p.Levers[i].Note = strings.TrimSpace(p.Levers[i].Note)
	}
}

// Validate checks the plan on its own: each lever once, strengths and
// targets 1–5, a start date.
func (p *Plan) Validate() error {
	var c fault.Checker
	if p.AccountID == "" {
		c.Add("accountId", "required", nil, "accountId is required")
	}
	if c.Required("title", p.Title) {
		c.MaxLen("title", p.Title, MaxTitle)
	}
	checkDate(&c, "start", p.Start)
	c.MaxLen("notes", p.Notes, MaxNotes)
	seen := map[string]bool{}
	for i, l := range p.Levers {
		f := fmt.Sprintf("levers[%d].", i)
		if !c.OneOf(f+"key", l.Key, false, Levers...) {
			continue
		}
		if seen[l.Key] {
			c.Add(f+"key", "scored_twice", map[string]any{"value": l.Key}, "lever %s is given twice", l.Key)
		}
		seen[l.Key] = true
		c.Range(f+"strength", int64(l.Strength), 1, 5)
		c.Range(f+"target", int64(l.Target), 1, 5)
		c.MaxLen(f+"note", l.Note, MaxNote)
	}
	for _, k := range Levers {
		if !seen[k] {
			c.Add("levers."+k, "score_missing", map[string]any{"key": k}, "lever %s has no strength and target", k)
		}
	}
	return c.Err()
}

// HasLever reports whether key is one of the plan's levers.
func (p *Plan) HasLever(key string) bool {
	return slices.ContainsFunc(p.Levers, func(l Lever) bool { return l.Key == key })
}

// CheckAction refuses a lever action on a lever the plan does not have, or
// due before the plan started.
func (p *Plan) CheckAction(a action.Action) error {
	var c fault.Checker
	if !p.HasLever(a.Source.Detail) {
		c.Add("source.detail", "lever_unknown", map[string]any{"value": a.Source.Detail, "allowed": Levers},
			"%q is not a lever of this switching-cost plan", a.Source.Detail)
	}
	if a.Due != "" && a.Due < p.Start {
		c.Add("due", "due_before_start", map[string]any{"start": string(p.Start), "value": string(a.Due)},
			"the action is due %s, before the plan started on %s", a.Due, p.Start)
	}
	return c.Err()
}

// CheckStart refuses moving the start after an action already due: the
// actions would then be due before the plan started.
func (p *Plan) CheckStart(actions []action.Action) error {
	for _, a := range actions {
		if !a.Deleted() && a.Due != "" && a.Due < p.Start {
			return &fault.Error{Code: fault.Invalid, Field: "start", Rule: "start_after_due",
				Params:  map[string]any{"due": string(a.Due), "title": a.Title},
				Message: fmt.Sprintf("the plan cannot start on %s: the action %q is due %s", p.Start, a.Title, a.Due)}
		}
	}
	return nil
}

// LeverCost is what a lever action costs and the evidence that it worked;
// the Action itself carries title, owner, due date and status. Its ID is the
// action's.
type LeverCost struct {
	record.Meta
	AccountID string      `json:"accountId"`
	PlanID    string      `json:"planId"`
	Cost      money.Money `json:"cost"`
	Evidence  string      `json:"evidence"`
}

// Validate checks the cost and the evidence.
func (l *LeverCost) Validate() error {
	var c fault.Checker
	c.NonNegative("cost", l.Cost.Amount)
	if l.Cost.Amount != 0 || l.Cost.Currency != "" {
		if !money.ValidCurrency(l.Cost.Currency) {
			c.Add("cost.currency", "invalid_currency", map[string]any{"value": l.Cost.Currency}, "currency %q is not an ISO 4217 code", l.Cost.Currency)
		}
	}
	c.MaxLen("evidence", l.Evidence, MaxNotes)
	return c.Err()
}

// LeverProgress is one lever's state: the gap still to close and how far
// its actions have got.
type LeverProgress struct {
	Key      string `json:"key"`
	Strength int    `json:"strength"`
	Target   int    `json:"target"`
	Gap      int    `json:"gap"` // target − strength; 0 or less: reached
	Actions  int    `json:"actions"`
	Done     int    `json:"done"`
	Open     int    `json:"open"`
	Overdue  int    `json:"overdue"`
	// Percent is done ÷ (actions − cancelled) × 100; 0 with nothing to do.
	Percent int `json:"percent"`
	// Cost is the sum of the lever's action costs per currency.
	Cost []money.Money `json:"cost"`
}

// Progress is the plan's progress per lever, in the order of Levers; costs
// are keyed by action id.
func Progress(p Plan, actions []action.Action, costs map[string]LeverCost, today calendar.Date) []LeverProgress {
	out := make([]LeverProgress, 0, len(Levers))
	for _, key := range Levers {
		idx := slices.IndexFunc(p.Levers, func(l Lever) bool { return l.Key == key })
		if idx < 0 {
			continue
		}
		l := p.Levers[idx]
		lp := LeverProgress{Key: key, Strength: l.Strength, Target: l.Target, Gap: l.Target - l.Strength, Cost: []money.Money{}}
		counted := 0
		for _, a := range actions {
			if a.Deleted() || a.Source.Area != action.AreaSwitching || a.Source.RecordID != p.ID || a.Source.Detail != key {
				continue
			}
			lp.Actions++
			switch {
			case a.Status == action.Done:
				lp.Done++
				counted++
			case a.IsOpen():
				lp.Open++
				counted++
				if a.Due != "" && a.Due < today {
					lp.Overdue++
				}
			}
			if c, ok := costs[a.ID]; ok && c.Cost.Amount > 0 {
				lp.Cost = addCost(lp.Cost, c.Cost)
			}
		}
		if counted > 0 {
			lp.Percent = lp.Done * 100 / counted
		}
		out = append(out, lp)
	}
	return out
}

func addCost(sums []money.Money, m money.Money) []money.Money {
	for i := range sums {
		if sums[i].Currency == m.Currency {
			sums[i].Amount += m.Amount
			return sums
		}
	}
	return append(sums, m)
}
