// Package partnership is Lambert, Emmelhainz & Gardner's partnership model
// (DOMAIN.md §4): drivers scored by each party, facilitators, the type
// matrix that recommends arm's length or Type I–III, the eight management
// components with the level each type calls for, outcomes, preconditions and
// the customer's purchasing-portfolio category. An assessment is a dated
// account child that names the settings version it was scored under; every
// computation here is pure and takes those settings.
package partnership

import (
	"fmt"
	"strings"

	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/record"
)

// Kind names assessments in keys and errors.
const Kind = "partnership"

// Parties that score the drivers.
const (
	Ours     = "ours"
	Customer = "customer"
)

// Drivers (驱动因素), scored 1..ScaleMax by each party.
var Drivers = []string{"asset_cost", "customer_service", "marketing", "profit"}

// Facilitators (促进因素), scored jointly 1..ScaleMax.
var Facilitators = []string{"compatibility", "management", "mutuality", "symmetry"}

// Bonuses are the facilitators that add points when present.
var Bonuses = []string{"exclusivity", "shared_competitors", "proximity", "prior_history", "shared_end_users"}

// Components (管理要素) of the partnership, each low, medium or high today.
var Components = []string{"joint_planning", "joint_operating_controls", "communications", "risk_reward",
	"trust_commitment", "contract_style", "scope", "financial_investment"}

// Outcomes (合作效果), rated 1..ScaleMax against the drivers; 0 = not rated.
var Outcomes = []string{"financial", "process", "competitive"}

// Preconditions (必备条件): strategic ones first, then operational.
var Preconditions = []string{"shared_vision", "top_commitment", "quality_focus", "agreed_formality", "desire_to_succeed",
	"long_term_focus", "managed_links", "information_flow"}

// Component levels, in order.
const (
	Low    = "low"
	Medium = "medium"
	High   = "high"
)

// Levels lists the component levels from low to high.
var Levels = []string{Low, Medium, High}

// Partnership types, from none to the deepest.
const (
	ArmsLength = "arms_length"
	TypeI      = "type_1"
	TypeII     = "type_2"
	TypeIII    = "type_3"
)

// Types lists every type.
var Types = []string{ArmsLength, TypeI, TypeII, TypeIII}

// Purchasing-portfolio (Kraljic) categories of what we sell, as the customer sees it.
var Portfolio = []string{"strategic", "leverage", "bottleneck", "non_critical"}

// Limits.
const (
	MaxNote  = 500
	MaxNotes = 4000
)

// Rating is one score with its evidence.
type Rating struct {
	Score int    `json:"score"`
	Note  string `json:"note"`
}

// Level is a component's level today with its evidence.
type Level struct {
	Level string `json:"level"` // "" = not assessed
	Note  string `json:"note"`
}

// Bonus is a bonus facilitator: present or not, with its evidence.
type Bonus struct {
	Present bool   `json:"present"`
	Note    string `json:"note"`
}

// DriverScores are both parties' driver ratings, keyed by driver.
type DriverScores struct {
	Ours     map[string]Rating `json:"ours"`
	Customer map[string]Rating `json:"customer"`
}

// Assessment is one dated partnership assessment of an account.
type Assessment struct {
	record.Meta
	AccountID     string            `json:"accountId"`
	AssessedOn    calendar.Date     `json:"assessedOn"`
	Drivers       DriverScores      `json:"drivers"`
	Facilitators  map[string]Rating `json:"facilitators"`
	Bonuses       map[string]Bonus  `json:"bonuses"`
	Components    map[string]Level  `json:"components"`
	Outcomes      map[string]Rating `json:"outcomes"`
	Preconditions map[string]bool   `json:"preconditions"`
	Portfolio     string            `json:"portfolio"` // Kraljic category; "" = not recorded
	Notes         string            `json:"notes"`
	// SettingsVersion is the partnership settings version the assessment is scored under.
	SettingsVersion int `json:"settingsVersion"`
}

// Normalize trims notes and makes absent maps empty, so JSON never carries null.
func (a *Assessment) Normalize() {
	trim := func(m map[string]Rating) map[string]Rating {
		if m == nil {
			return map[string]Rating{}
		}
		for k, r := range m {
			r.Note = strings.TrimSpace(r.Note)
			m[k] = r
		}
		return m
	}
	a.Drivers.Ours = trim(a.Drivers.Ours)
	a.Drivers.Customer = trim(a.Drivers.Customer)
	a.Facilitators = trim(a.Facilitators)
	a.Outcomes = trim(a.Outcomes)
	if a.Bonuses == nil {
		a.Bonuses = map[string]Bonus{}
	}
	for k, b := range a.Bonuses {
		b.Note = strings.TrimSpace(b.Note)
		a.Bonuses[k] = b
	}
	if a.Components == nil {
		a.Components = map[string]Level{}
	}
	for k, l := range a.Components {
		l.Note = strings.TrimSpace(l.Note)
		a.Components[k] = l
	}
	if a.Preconditions == nil {
		a.Preconditions = map[string]bool{}
	}
	a.Notes = strings.TrimSpace(a.Notes)
}

// Validate checks the assessment against the settings it is scored under:
// every driver of both parties and every facilitator scored within the
// scale, known keys only, known levels and category, a real date.
func (a *Assessment) Validate(s Settings) error {
	var c fault.Checker
	if a.AccountID == "" {
		c.Add("accountId", "required", nil, "accountId is required")
	}
	switch {
	case a.AssessedOn == "":
		c.Add("assessedOn", "required", nil, "the assessment date is required")
	case !a.AssessedOn.Valid():
		c.Add("assessedOn", "invalid_date", map[string]any{"value": string(a.AssessedOn)}, "assessment date %q is not a calendar date", a.AssessedOn)
	default:
		c.Range("assessedOn", int64(a.AssessedOn.Year()), 1990, 2100)
	}
	ratings(&c, "drivers.ours", a.Drivers.Ours, Drivers, s.ScaleMax, true)
	ratings(&c, "drivers.customer", a.Drivers.Customer, Drivers, s.ScaleMax, true)
	ratings(&c, "facilitators", a.Facilitators, Facilitators, s.ScaleMax, true)
	ratings(&c, "outcomes", a.Outcomes, Outcomes, s.ScaleMax, false)
	for _, k := range sortedKeys(a.Bonuses) {
		f := "bonuses." + k
		if !known(Bonuses, k) {
			unknownKey(&c, f, k, Bonuses)
		}
		c.MaxLen(f+".note", a.Bonuses[k].Note, MaxNote)
	}
	for _, k := range sortedKeys(a.Components) {
		f := "components." + k
		if !known(Components, k) {
			unknownKey(&c, f, k, Components)
			continue
		}
		c.OneOf(f+".level", a.Components[k].Level, true, Levels...)
		c.MaxLen(f+".note", a.Components[k].Note, MaxNote)
	}
	for _, k := range sortedKeys(a.Preconditions) {
		if !known(Preconditions, k) {
			unknownKey(&c, "preconditions."+k, k, Preconditions)
		}
	}
	c.OneOf("portfolio", a.Portfolio, true, Portfolio...)
	c.MaxLen("notes", a.Notes, MaxNotes)
	if a.SettingsVersion < 0 {
		c.Add("settingsVersion", "negative", map[string]any{"value": a.SettingsVersion}, "settings version cannot be negative")
	}
	return c.Err()
}

// ratings checks one map of scores: each wanted key scored 1..max when
// required (0 = not rated otherwise), no unknown keys, short notes. A party
// that scored nothing at all is one "required" issue on the party itself.
func ratings(c *fault.Checker, field string, m map[string]Rating, keys []string, max int, required bool) {
	if required && len(m) == 0 {
		c.Add(field, "required", nil, "%s: every item must be scored", field)
		return
	}
	for _, k := range sortedKeys(m) {
		if !known(keys, k) {
			unknownKey(c, field+"."+k, k, keys)
		}
	}
	for _, k := range keys {
		f := field + "." + k
		r, ok := m[k]
		switch {
		case (!ok || r.Score == 0) && required:
			c.Add(f+".score", "required", nil, "%s is required", f)
		case ok && r.Score != 0:
			c.Range(f+".score", int64(r.Score), 1, int64(max))
		}
		if ok {
			c.MaxLen(f+".note", r.Note, MaxNote)
		}
	}
}

func unknownKey(c *fault.Checker, field, key string, allowed []string) {
	c.Add(field, "unknown_value", map[string]any{"value": key, "allowed": allowed}, "%q is not one of %s", key, strings.Join(allowed, ", "))
}

func known(list []string, k string) bool {
	for _, x := range list {
		if x == k {
			return true
		}
	}
	return false
}

// LevelRank is 1 for low, 2 for medium, 3 for high, 0 for unknown.
func LevelRank(l string) int {
	for i, x := range Levels {
		if x == l {
			return i + 1
		}
	}
	return 0
}

// TypeRank is 0 for arm's length up to 3 for Type III, -1 for unknown.
func TypeRank(t string) int {
	for i, x := range Types {
		if x == t {
			return i
		}
	}
	return -1
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	// insertion sort: these maps hold a handful of keys
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// describe is the English name of a type for messages.
func describe(t string) string {
	switch t {
	case ArmsLength:
		return "arm's length"
	case TypeI:
		return "Type I"
	case TypeII:
		return "Type II"
	case TypeIII:
		return "Type III"
	}
	return fmt.Sprintf("%q", t)
}
