// Package relationship is the account's relationship (DOMAIN.md §3): the
// lifecycle phase, the development stage (Millman & Wilson, with
// uncoupling) and its suggestion from indicators, the three relationship
// dimensions, the influence lines of the relationship map, its red flags and
// the dated stage history. Key relationships per decision-maker are the
// contacts' own relationship level (core/account); this package reads them
// and keeps nothing of its own for them. Everything here is pure.
package relationship

import (
	"fmt"
	"strings"

	"keystone/core/account"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/record"
)

// Kind names relationship profiles in keys and errors; an account has one,
// whose id is the account's.
const Kind = "relationship"

// Lifecycle phases (关系生命周期).
var Phases = []string{"exploration", "formation", "stability", "decline"}

// Development stages (孕育/初期/中期/高期/战略, plus uncoupling) in order.
const (
	PreKAM      = "pre_kam"
	Early       = "early"
	Mid         = "mid"
	Partnership = "partnership"
	Synergistic = "synergistic"
	Uncoupling  = "uncoupling"
)

// Stages lists the development stages; uncoupling can follow any of them.
var Stages = []string{PreKAM, Early, Mid, Partnership, Synergistic, Uncoupling}

// Organizational relationship (组织客户关系), from vendor to strategic partner.
var Organizational = []string{"vendor", "supplier", "key_supplier", "strategic_partner"}

// Grades of the extensive relationship (普遍客户关系) per department.
var Grades = []string{"poor", "fair", "good", "excellent"}

// Stage indicators the user records.
var (
	SupplierStatuses  = []string{"none", "approved", "preferred", "sole"}
	InformationLevels = []string{"none", "limited", "open", "integrated"}
	PlanningLevels    = []string{"none", "occasional", "regular", "integrated"}
	PricingBases      = []string{"price_driven", "negotiated", "value_based", "cost_transparent"}
)

// Limits.
const (
	MaxDepartments = 40
	MaxInfluences  = 200
	MaxHistory     = 200
	MaxShort       = 80
	MaxNote        = 500
	MaxNotes       = 4000
)

// Indicators are what the user knows of the supplier relationship's depth.
type Indicators struct {
	SupplierStatus    string `json:"supplierStatus"`
	InformationShared string `json:"informationShared"`
	JointPlanning     string `json:"jointPlanning"`
	PricingBasis      string `json:"pricingBasis"`
}

// Department is one of the customer's departments graded for the extensive relationship.
type Department struct {
	Name  string `json:"name"`
	Grade string `json:"grade"`
	Note  string `json:"note"`
}

// Influence is a line on the relationship map: From sways To.
type Influence struct {
	From string `json:"from"` // contact id
	To   string `json:"to"`   // contact id
	Note string `json:"note"`
}

// StageChange is one entry of the stage history.
type StageChange struct {
	On    calendar.Date `json:"on"`
	Stage string        `json:"stage"`
	Phase string        `json:"phase"`
	Note  string        `json:"note"`
}

// Profile is an account's relationship record.
type Profile struct {
	record.Meta
	AccountID      string        `json:"accountId"`
	Phase          string        `json:"phase"`
	Stage          string        `json:"stage"` // confirmed by the user; "" = not yet
	Indicators     Indicators    `json:"indicators"`
	Organizational string        `json:"organizational"`
	Departments    []Department  `json:"departments"`
	Influences     []Influence   `json:"influences"`
	History        []StageChange `json:"history"` // oldest first
	Notes          string        `json:"notes"`
}

// Normalize trims text, drops blank departments and makes lists non-nil.
func (p *Profile) Normalize() {
	deps := make([]Department, 0, len(p.Departments))
	for _, d := range p.Departments {
		d.Name, d.Note = strings.TrimSpace(d.Name), strings.TrimSpace(d.Note)
		if d.Name != "" || d.Grade != "" || d.Note != "" {
			deps = append(deps, d)
		}
	}
	p.Departments = deps
	if p.Influences == nil {
		p.Influences = []Influence{}
	}
	for i := range p.Influences {
		p.Influences[i].Note = strings.TrimSpace(p.Influences[i].Note)
	}
	if p.History == nil {
		p.History = []StageChange{}
	}
	p.Notes = strings.TrimSpace(p.Notes)
}

// Validate checks the profile against the account's live contacts (for the
// influence lines).
func (p *Profile) Validate(contacts []account.Contact) error {
	var c fault.Checker
	if p.AccountID == "" {
		c.Add("accountId", "required", nil, "accountId is required")
	}
	c.OneOf("phase", p.Phase, true, Phases...)
	c.OneOf("stage", p.Stage, true, Stages...)
	c.OneOf("indicators.supplierStatus", p.Indicators.SupplierStatus, true, SupplierStatuses...)
	c.OneOf("indicators.informationShared", p.Indicators.InformationShared, true, InformationLevels...)
	c.OneOf("indicators.jointPlanning", p.Indicators.JointPlanning, true, PlanningLevels...)
	c.OneOf("indicators.pricingBasis", p.Indicators.PricingBasis, true, PricingBases...)
	c.OneOf("organizational", p.Organizational, true, Organizational...)
	if len(p.Departments) > MaxDepartments {
		c.Add("departments", "too_many", map[string]any{"max": MaxDepartments}, "at most %d departments", MaxDepartments)
	}
	seen := map[string]bool{}
	for i, d := range p.Departments {
		f := fmt.Sprintf("departments[%d].", i)
		if c.Required(f+"name", d.Name) && c.MaxLen(f+"name", d.Name, MaxShort) {
			if k := strings.ToLower(d.Name); seen[k] {
				c.Add(f+"name", "duplicate", map[string]any{"value": d.Name}, "department %q is listed twice", d.Name)
			} else {
				seen[k] = true
			}
		}
		c.OneOf(f+"grade", d.Grade, false, Grades...)
		c.MaxLen(f+"note", d.Note, MaxNote)
	}
	live := map[string]bool{}
	for _, ct := range contacts {
		if !ct.Deleted() {
			live[ct.ID] = true
		}
	}
	if len(p.Influences) > MaxInfluences {
		c.Add("influences", "too_many", map[string]any{"max": MaxInfluences}, "at most %d influence lines", MaxInfluences)
	}
	lines := map[[2]string]bool{}
	for i, l := range p.Influences {
		f := fmt.Sprintf("influences[%d].", i)
		for _, end := range []struct{ field, id string }{{"from", l.From}, {"to", l.To}} {
			if end.id == "" {
				c.Add(f+end.field, "required", nil, "an influence line needs both people")
			} else if !live[end.id] {
				c.Add(f+end.field, "not_found", map[string]any{"kind": account.KindContact, "id": end.id}, "contact %s is not a contact of this account", end.id)
			}
		}
		if l.From != "" && l.From == l.To {
			c.Add(f+"to", "self_reference", nil, "a person cannot influence themselves")
		}
		if lines[[2]string{l.From, l.To}] {
			c.Add(f+"to", "duplicate", nil, "this influence line is drawn twice")
		}
		lines[[2]string{l.From, l.To}] = true
		c.MaxLen(f+"note", l.Note, MaxNote)
	}
	if len(p.History) > MaxHistory {
		c.Add("history", "too_many", map[string]any{"max": MaxHistory}, "at most %d history entries", MaxHistory)
	}
	for i, h := range p.History {
		f := fmt.Sprintf("history[%d].", i)
		if h.On == "" || !h.On.Valid() {
			c.Add(f+"on", "invalid_date", map[string]any{"value": string(h.On)}, "history date %q is not a calendar date", h.On)
		}
		c.OneOf(f+"stage", h.Stage, true, Stages...)
		c.OneOf(f+"phase", h.Phase, true, Phases...)
		c.MaxLen(f+"note", h.Note, MaxNote)
	}
	c.MaxLen("notes", p.Notes, MaxNotes)
	return c.Err()
}

// Track appends a dated history entry when the stage or phase changed from
// prev to next, so the history is written by the saves themselves. note
// says why (may be empty). An unchanged stage and phase add nothing.
func Track(prev Profile, next *Profile, today calendar.Date, note string) {
	if prev.Stage == next.Stage && prev.Phase == next.Phase {
		return
	}
	if next.Stage == "" && next.Phase == "" {
		return
	}
	next.History = append(next.History, StageChange{On: today, Stage: next.Stage, Phase: next.Phase, Note: strings.TrimSpace(note)})
	if n := len(next.History); n > MaxHistory {
		next.History = next.History[n-MaxHistory:]
	}
}

// Rank of a stage from 0 (pre-KAM) to 4 (synergistic); -1 for uncoupling or unknown.
func Rank(stage string) int {
	for i, s := range Stages[:5] {
		if s == stage {
			return i
		}
	}
	return -1
}

func index(list []string, v string) int {
	for i, x := range list {
		if x == v {
			return i
		}
	}
	return -1
}
