package switching

import (
	"fmt"
	"strings"

	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/record"
)

// Dimensions are SERVQUAL's five (有形 tangibles, 可靠 reliability, 响应
// responsiveness, 保证 assurance, 移情 empathy).
var Dimensions = []string{"tangibles", "reliability", "responsiveness", "assurance", "empathy"}

// Scale of the survey's expectation and perception scores.
const (
	MinScale = 1
	MaxScale = 7
)

// DimensionScore is one dimension of a survey: what the customer expected,
// what it perceived (1–7 each) and how much the dimension matters to it
// (importance points; the five share out 100).
type DimensionScore struct {
	Key         string `json:"key"`
	Expectation int    `json:"expectation"`
	Perception  int    `json:"perception"`
	Weight      int    `json:"weight"`
	Note        string `json:"note"`
}

// Survey is one satisfaction survey of an account (满意度 = PS − ES).
type Survey struct {
	record.Meta
	AccountID       string           `json:"accountId"`
	Date            calendar.Date    `json:"date"`
	Respondent      string           `json:"respondent"`
	Dimensions      []DimensionScore `json:"dimensions"`
	Notes           string           `json:"notes"`
	SettingsVersion int              `json:"settingsVersion"`
}

// Normalize trims text.
func (s *Survey) Normalize() {
	s.Respondent = strings.TrimSpace(s.Respondent)
	s.Notes = strings.TrimSpace(s.Notes)
	for i := range s.Dimensions {
		s.Dimensions[i].Key = strings.TrimSpace(s.Dimensions[i].Key)
		s.Dimensions[i].Note = strings.TrimSpace(s.Dimensions[i].Note)
	}
}

// Validate checks each dimension once, scores 1–7, weights summing to 100.
func (s *Survey) Validate() error {
	var c fault.Checker
	if s.AccountID == "" {
		c.Add("accountId", "required", nil, "accountId is required")
	}
	checkDate(&c, "date", s.Date)
	c.MaxLen("respondent", s.Respondent, MaxName)
	c.MaxLen("notes", s.Notes, MaxNotes)
	seen := map[string]bool{}
	total := 0
	for i, d := range s.Dimensions {
		f := fmt.Sprintf("dimensions[%d].", i)
		if !c.OneOf(f+"key", d.Key, false, Dimensions...) {
			continue
		}
		if seen[d.Key] {
			c.Add(f+"key", "scored_twice", map[string]any{"value": d.Key}, "%s is scored twice", d.Key)
		}
		seen[d.Key] = true
		c.Range(f+"expectation", int64(d.Expectation), MinScale, MaxScale)
		c.Range(f+"perception", int64(d.Perception), MinScale, MaxScale)
		c.Range(f+"weight", int64(d.Weight), 0, 100)
		c.MaxLen(f+"note", d.Note, MaxNote)
		total += d.Weight
	}
	for _, k := range Dimensions {
		if !seen[k] {
			c.Add("dimensions."+k, "score_missing", map[string]any{"key": k}, "%s has no score", k)
		}
	}
	if len(seen) == len(Dimensions) && total != 100 {
		c.Add("weights", "weights_not_100", map[string]any{"total": total}, "the importance weights add up to %d; they must add up to 100", total)
	}
	return c.Err()
}

// Gap is one dimension's result.
type Gap struct {
	Key         string  `json:"key"`
	Expectation int     `json:"expectation"`
	Perception  int     `json:"perception"`
	Gap         int     `json:"gap"` // perception − expectation, −6 … +6
	Weight      int     `json:"weight"`
	Weighted    float64 `json:"weighted"` // gap × weight ÷ 100
}

// Satisfaction is a survey's result.
type Satisfaction struct {
	Gaps []Gap `json:"gaps"`
	// Weighted is Σ weight × gap ÷ 100: the weighted satisfaction, −6 … +6;
	// below 0 the customer gets less than it expects.
	Weighted float64 `json:"weighted"`
	// Attraction puts Weighted on 0–100 for the attraction × barrier chart:
	// (Weighted + 6) ÷ 12 × 100, so 50 is "exactly as expected".
	Attraction float64 `json:"attraction"`
}

// Satisfy computes the gap per dimension and the weighted satisfaction, in
// the order of Dimensions.
func Satisfy(s Survey) Satisfaction {
	by := map[string]DimensionScore{}
	for _, d := range s.Dimensions {
		by[d.Key] = d
	}
	out := Satisfaction{Gaps: make([]Gap, 0, len(Dimensions))}
	weighted := 0
	for _, k := range Dimensions {
		d, ok := by[k]
		if !ok {
			continue
		}
		g := Gap{Key: k, Expectation: d.Expectation, Perception: d.Perception, Gap: d.Perception - d.Expectation, Weight: d.Weight}
		g.Weighted = float64(g.Gap*g.Weight) / 100
		weighted += g.Gap * g.Weight
		out.Gaps = append(out.Gaps, g)
	}
	out.Weighted = float64(weighted) / 100
	out.Attraction = round1((out.Weighted + 6) / 12 * 100)
	return out
}
