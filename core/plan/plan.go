// Package plan is the living account plan (大客户计划): the six-element
// account strategy and the four-quadrant value proposition of DOMAIN.md §9,
// one plan per account and year. Its tasks are shared Actions (core/action)
// whose source is the plan.
package plan

import (
	"fmt"
	"strings"

	"keystone/core/account"
	"keystone/core/fault"
	"keystone/core/money"
	"keystone/core/record"
)

// Kind names plans in keys and errors.
const Kind = "plan"

// Metrics a performance goal can be measured by. The first four are read
// from the account's yearly figures; custom goals carry their own actual.
const (
	MetricRevenue       = "revenue"
	MetricMargin        = "margin"
	MetricShareOfWallet = "share_of_wallet"
	MetricCrossSell     = "cross_sell"
	MetricCustom        = "custom"
)

// Metrics lists every metric.
var Metrics = []string{MetricRevenue, MetricMargin, MetricShareOfWallet, MetricCrossSell, MetricCustom}

// Parties to a resource commitment.
var Parties = []string{"ours", "customer"}

// Limits.
const (
	MaxText     = 4000
	MaxShort    = 200
	MaxGoals    = 20
	MaxItems    = 30
	MaxCompetit = 10
)

// Goal is a performance goal with a measurable target. Target and Actual are
// minor units of the plan's currency for money metrics, basis points (1/100
// of a percent) for share of wallet, and plain numbers for custom goals.
type Goal struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Metric string `json:"metric"`
	Target int64  `json:"target"`
	Unit   string `json:"unit"`   // custom goals only, e.g. "sites", "家工厂"
	Actual int64  `json:"actual"` // custom goals only; others come from the figures
	Notes  string `json:"notes"`
}

// Positioning is the third element: where we stand with the customer.
type Positioning struct {
	Statement         string   `json:"statement"`
	TargetContactIDs  []string `json:"targetContactIds"`
	TargetCompetitors []string `json:"targetCompetitors"`
	ValueProposition  string   `json:"valueProposition"`
}

// Resource is an agreed resource commitment, ours or the customer's.
type Resource struct {
	Party       string `json:"party"`
	Description string `json:"description"`
	Owner       string `json:"owner"`
}

// ValueQuadrants is the four-quadrant value proposition (四象限价值主张).
type ValueQuadrants struct {
	Functional          string `json:"functional"`          // our functional and economic value, quantified
	Psychological       string `json:"psychological"`       // our psychological value, as concrete measures
	CustomerCommitments string `json:"customerCommitments"` // what the customer commits to us
	Tracking            string `json:"tracking"`            // how both sides track progress and issues
}

// Plan is one account's plan for one year.
type Plan struct {
	record.Meta
	AccountID      string         `json:"accountId"`
	Year           int            `json:"year"`
	Currency       string         `json:"currency"`
	Goals          []Goal         `json:"goals"`
	StrategicFocus string         `json:"strategicFocus"`
	Positioning    Positioning    `json:"positioning"`
	ActionPlan     string         `json:"actionPlan"` // the narrative; the tasks are Actions
	Resources      []Resource     `json:"resources"`
	Budget         int64          `json:"budget"`   // minor units
	Forecast       int64          `json:"forecast"` // minor units, the revenue forecast
	BudgetNotes    string         `json:"budgetNotes"`
	Value          ValueQuadrants `json:"value"`
	// Locked marks a plan rolled forward into the next year: history, read-only.
	Locked     bool   `json:"locked"`
	RolledFrom string `json:"rolledFrom"` // the previous year's plan id
}

// Normalize trims text and drops empty list entries.
func (p *Plan) Normalize() {
	p.Currency = strings.ToUpper(strings.TrimSpace(p.Currency))
	for i := range p.Goals {
		p.Goals[i].Title = strings.TrimSpace(p.Goals[i].Title)
		p.Goals[i].Unit = strings.TrimSpace(p.Goals[i].Unit)
	}
	comp := p.Positioning.TargetCompetitors[:0:0]
	for _, c := range p.Positioning.TargetCompetitors {
		if c = strings.TrimSpace(c); c != "" {
			comp = append(comp, c)
		}
	}
	p.Positioning.TargetCompetitors = comp
	res := p.Resources[:0:0]
	for _, r := range p.Resources {
		r.Description = strings.TrimSpace(r.Description)
		if r.Description != "" || r.Owner != "" {
			res = append(res, r)
		}
	}
	p.Resources = res
}

// Validate checks a plan on its own; contact ids and locks need the store.
func (p *Plan) Validate() error {
	var c fault.Checker
	if p.AccountID == "" {
		c.Add("accountId", "required", nil, "accountId is required")
	}
	c.Range("year", int64(p.Year), account.MinYear, account.MaxYear)
	if c.Required("currency", p.Currency) && !money.ValidCurrency(p.Currency) {
		c.Add("currency", "invalid_currency", map[string]any{"value": p.Currency}, "currency %q is not an ISO 4217 code", p.Currency)
	}
	if len(p.Goals) > MaxGoals {
		c.Add("goals", "too_many", map[string]any{"max": MaxGoals}, "at most %d goals", MaxGoals)
	}
	ids := map[string]bool{}
	for i, g := range p.Goals {
		f := fmt.Sprintf("goals[%d].", i)
		if g.ID == "" || ids[g.ID] {
			c.Add(f+"id", "required", nil, "goal %d needs a unique id", i+1)
		}
		ids[g.ID] = true
		if c.Required(f+"title", g.Title) {
			c.MaxLen(f+"title", g.Title, MaxShort)
		}
		if c.OneOf(f+"metric", g.Metric, false, Metrics...) {
			if g.Target <= 0 {
				c.Add(f+"target", "no_measure", nil, "goal %q needs a measurable target above zero", g.Title)
			}
			if g.Metric == MetricShareOfWallet && g.Target > 10000 {
				c.Add(f+"target", "out_of_range", map[string]any{"min": 0, "max": 10000, "value": g.Target}, "a share-of-wallet target cannot pass 100%%")
			}
			if g.Metric == MetricCustom && strings.TrimSpace(g.Unit) == "" {
				c.Add(f+"unit", "required", nil, "a custom goal needs a unit")
			}
		}
		c.NonNegative(f+"actual", g.Actual)
		c.MaxLen(f+"unit", g.Unit, 40)
		c.MaxLen(f+"notes", g.Notes, MaxText)
	}
	c.MaxLen("strategicFocus", p.StrategicFocus, MaxText)
	c.MaxLen("positioning.statement", p.Positioning.Statement, MaxText)
	c.MaxLen("positioning.valueProposition", p.Positioning.ValueProposition, MaxText)
	if len(p.Positioning.TargetCompetitors) > MaxCompetit {
		c.Add("positioning.targetCompetitors", "too_many", map[string]any{"max": MaxCompetit}, "at most %d target competitors", MaxCompetit)
	}
	for i, comp := range p.Positioning.TargetCompetitors {
		c.MaxLen(fmt.Sprintf("positioning.targetCompetitors[%d]", i), comp, 80)
	}
	c.MaxLen("actionPlan", p.ActionPlan, MaxText)
	if len(p.Resources) > MaxItems {
		c.Add("resources", "too_many", map[string]any{"max": MaxItems}, "at most %d resource commitments", MaxItems)
	}
	for i, r := range p.Resources {
		f := fmt.Sprintf("resources[%d].", i)
		c.OneOf(f+"party", r.Party, false, Parties...)
		c.Required(f+"description", r.Description)
		c.MaxLen(f+"description", r.Description, MaxShort)
		c.MaxLen(f+"owner", r.Owner, 80)
	}
	c.NonNegative("budget", p.Budget)
	c.NonNegative("forecast", p.Forecast)
	c.MaxLen("budgetNotes", p.BudgetNotes, MaxText)
	for field, v := range map[string]string{"value.functional": p.Value.Functional, "value.psychological": p.Value.Psychological,
		"value.customerCommitments": p.Value.CustomerCommitments, "value.tracking": p.Value.Tracking} {
		c.MaxLen(field, v, MaxText)
	}
	return c.Err()
}

// CheckContacts refuses target contacts that are not live contacts of the account.
func (p *Plan) CheckContacts(contacts []account.Contact) error {
	live := map[string]bool{}
	for _, x := range contacts {
		if !x.Deleted() {
			live[x.ID] = true
		}
	}
	var c fault.Checker
	for i, id := range p.Positioning.TargetContactIDs {
		if !live[id] {
			c.Add(fmt.Sprintf("positioning.targetContactIds[%d]", i), "not_found", map[string]any{"kind": account.KindContact, "id": id},
				"contact %s is not a contact of this account", id)
		}
	}
	return c.Err()
}

// ReadOnly is the error for a change to a rolled-forward plan.
func ReadOnly(year int) error {
	return &fault.Error{Code: fault.Invalid, Rule: "read_only", Params: map[string]any{"year": year},
		Message: fmt.Sprintf("the %d plan was rolled forward and is kept as history; edit next year's plan", year)}
}
