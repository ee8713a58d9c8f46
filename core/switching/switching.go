// Package switching is the customer's cost of leaving us (阻挡力, DOMAIN.md
// §6) and the value the customer feels (满意度, §8): the switching-cost
// assessment of Burnham, Frels & Mahajan (2003), the SERVQUAL satisfaction
// survey, the switching-cost plan with its five levers, and the attraction ×
// barrier position the two together give. Everything here is pure: records,
// validation and formulas.
package switching

import (
	"fmt"
	"math"
	"strings"

	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/record"
)

// Record kinds, used in storage keys and error messages.
const (
	KindAssessment = "switching-assessment"
	KindSurvey     = "satisfaction-survey"
	KindPlan       = "switching-plan"
	KindLeverCost  = "lever-cost" // cost and evidence of one lever action, keyed by the action's id
)

// Limits in characters.
const (
	MaxNote  = 1000
	MaxNotes = 4000
	MaxName  = 120
	MaxTitle = 200
)

// The three kinds of switching cost of Burnham et al.
const (
	Procedural = "procedural"
	Financial  = "financial"
	Relational = "relational"
)

// Types lists the three kinds in the order of the paper.
var Types = []string{Procedural, Financial, Relational}

// SubType is one of the eight facets, with the kind it belongs to.
type SubType struct {
	Key  string `json:"key"`
	Type string `json:"type"`
}

// SubTypes are the eight facets, each scored 1–5 from the customer's side:
// procedural (economic risk, evaluation, learning, setup), financial (benefit
// loss, monetary loss), relational (personal and brand relationship loss).
var SubTypes = []SubType{
	{"economic_risk", Procedural},
	{"evaluation", Procedural},
	{"learning", Procedural},
	{"setup", Procedural},
	{"benefit_loss", Financial},
	{"monetary_loss", Financial},
	{"personal_relationship", Relational},
	{"brand_relationship", Relational},
}

// Score is one facet's score with the evidence for it.
type Score struct {
	Key   string `json:"key"`
	Score int    `json:"score"` // 1 (no cost to switch) … 5 (very costly)
	Note  string `json:"note"`
}

// Assessment is one switching-cost assessment of an account at a date.
type Assessment struct {
	record.Meta
	AccountID string        `json:"accountId"`
	Date      calendar.Date `json:"date"`
	Assessor  string        `json:"assessor"`
	Scores    []Score       `json:"scores"`
	Notes     string        `json:"notes"`
	// SettingsVersion is the model settings the indices are computed with.
	SettingsVersion int `json:"settingsVersion"`
}

// Normalize trims text.
func (a *Assessment) Normalize() {
	a.Assessor = strings.TrimSpace(a.Assessor)
	a.Notes = strings.TrimSpace(a.Notes)
	for i := range a.Scores {
		a.Scores[i].Key = strings.TrimSpace(a.Scores[i].Key)
		a.Scores[i].Note = strings.TrimSpace(a.Scores[i].Note)
	}
}

// Validate checks every facet is scored exactly once, 1–5.
func (a *Assessment) Validate() error {
	var c fault.Checker
	if a.AccountID == "" {
		c.Add("accountId", "required", nil, "accountId is required")
	}
	checkDate(&c, "date", a.Date)
	c.MaxLen("assessor", a.Assessor, MaxName)
	c.MaxLen("notes", a.Notes, MaxNotes)
	keys := make([]string, len(SubTypes))
	for i, s := range SubTypes {
		keys[i] = s.Key
	}
	seen := map[string]bool{}
	for i, s := range a.Scores {
		f := fmt.Sprintf("scores[%d].", i)
		if !c.OneOf(f+"key", s.Key, false, keys...) {
			continue
		}
		if seen[s.Key] {
			c.Add(f+"key", "scored_twice", map[string]any{"value": s.Key}, "%s is scored twice", s.Key)
		}
		seen[s.Key] = true
		c.Range(f+"score", int64(s.Score), 1, 5)
		c.MaxLen(f+"note", s.Note, MaxNote)
	}
	for _, k := range keys {
		if !seen[k] {
			c.Add("scores."+k, "score_missing", map[string]any{"key": k}, "%s has no score", k)
		}
	}
	return c.Err()
}

// Indices are an assessment's results, each 0–100.
type Indices struct {
	Procedural float64 `json:"procedural"`
	Financial  float64 `json:"financial"`
	Relational float64 `json:"relational"`
	Barrier    float64 `json:"barrier"`
}

// Index computes the sub-indices and the barrier index:
//
//	sub-index(type) = (mean of the type's scores − 1) ÷ 4 × 100     (1 → 0, 5 → 100)
//	barrier         = Σ weight(type) × sub-index(type) ÷ 100
//
// The type weights are a setting; the defaults 50/25/25 follow the count of
// facets (4/2/2), so the barrier is the plain mean of the eight scores on
// 0–100. A type with no valid score counts as 0.
func Index(a Assessment, s Settings) Indices {
	sum, n := map[string]int{}, map[string]int{}
	types := map[string]string{}
	for _, st := range SubTypes {
		types[st.Key] = st.Type
	}
	for _, sc := range a.Scores {
		t, ok := types[sc.Key]
		if !ok || sc.Score < 1 || sc.Score > 5 {
			continue
		}
		sum[t] += sc.Score
		n[t]++
	}
	sub := func(t string) float64 {
		if n[t] == 0 {
			return 0
		}
		return (float64(sum[t])/float64(n[t]) - 1) / 4 * 100
	}
	out := Indices{Procedural: sub(Procedural), Financial: sub(Financial), Relational: sub(Relational)}
	out.Barrier = (float64(s.TypeWeights[Procedural])*out.Procedural +
		float64(s.TypeWeights[Financial])*out.Financial +
		float64(s.TypeWeights[Relational])*out.Relational) / 100
	out.Procedural, out.Financial, out.Relational, out.Barrier = round1(out.Procedural), round1(out.Financial), round1(out.Relational), round1(out.Barrier)
	return out
}

// round1 rounds to one decimal, the precision the UI shows, so a value on a
// cut-off compares the same in Go and on screen.
func round1(x float64) float64 { return math.Round(x*10) / 10 }

func checkDate(c *fault.Checker, field string, d calendar.Date) {
	switch {
	case d == "":
		c.Add(field, "required", nil, "%s is required", field)
	case !d.Valid():
		c.Add(field, "invalid_date", map[string]any{"value": string(d)}, "%s %q is not a calendar date", field, d)
	default:
		c.Range(field, int64(d.Year()), 1990, 2100)
	}
}
