package opportunity

import (
	"slices"

	"keystone/core/fault"
)

// Screen holds the Real–Win–Worth answers (Day, HBR 2007) by question key:
// "yes", "maybe" or "no"; an unanswered question is absent.
type Screen map[string]string

// Answers and their points.
const (
	Yes   = "yes"
	Maybe = "maybe"
	No    = "no"
)

// Points of an answer: yes 2, maybe 1, no 0.
var Points = map[string]int{Yes: 2, Maybe: 1, No: 0}

// The screen's three parts.
const (
	PartReal  = "real"
	PartWin   = "win"
	PartWorth = "worth"
)

// Question is one question of the screen and the part it belongs to.
type Question struct {
	Key  string `json:"key"`
	Part string `json:"part"`
}

// Questions are the screen's eight questions: is it real (need, budget, will
// buy), can we win (advantage, resources, competitor response), is it worth
// winning (profit at acceptable risk, fits strategy).
var Questions = []Question{
	{"need", PartReal}, {"budget", PartReal}, {"will_buy", PartReal},
	{"advantage", PartWin}, {"resources", PartWin}, {"competitor_response", PartWin},
	{"profit", PartWorth}, {"strategy", PartWorth},
}

// PartScore is one part's points.
type PartScore struct {
	Part     string `json:"part"`
	Points   int    `json:"points"`
	Max      int    `json:"max"`
	Answered int    `json:"answered"`
	Count    int    `json:"count"`
	Noes     int    `json:"noes"`
}

// ScreenResult is the screen's score: points per part and in all, and the
// flag any "no" raises.
type ScreenResult struct {
	Parts    []PartScore `json:"parts"`
	Points   int         `json:"points"`
	Max      int         `json:"max"`
	Answered int         `json:"answered"`
	Flagged  bool        `json:"flagged"`
	Complete bool        `json:"complete"`
}

// Score scores the screen; unanswered questions score nothing and count
// toward no maximum, so a half-done screen reads as what was answered.
func (s Screen) Score() ScreenResult {
	res := ScreenResult{Parts: []PartScore{{Part: PartReal}, {Part: PartWin}, {Part: PartWorth}}}
	for _, q := range Questions {
		var p *PartScore
		for i := range res.Parts {
			if res.Parts[i].Part == q.Part {
				p = &res.Parts[i]
			}
		}
		p.Count++
		a, ok := s[q.Key]
		pts, known := Points[a]
		if !ok || !known {
			continue
		}
		p.Answered++
		p.Points += pts
		p.Max += 2
		if a == No {
			p.Noes++
			res.Flagged = true
		}
	}
	for _, p := range res.Parts {
		res.Points += p.Points
		res.Max += p.Max
		res.Answered += p.Answered
	}
	res.Complete = res.Answered == len(Questions)
	return res
}

// Flagged reports whether any answer is "no".
func (s Screen) Flagged() bool {
	for _, a := range s {
		if a == No {
			return true
		}
	}
	return false
}

func (s Screen) check() *fault.Checker {
	c := (&fault.Checker{}).At("screen.")
	known := map[string]bool{}
	for _, q := range Questions {
		known[q.Key] = true
		if v, ok := s[q.Key]; ok {
			c.OneOf(q.Key, v, true, Yes, Maybe, No)
		}
	}
	var unknown []string
	for k := range s {
		if !known[k] {
			unknown = append(unknown, k)
		}
	}
	slices.Sort(unknown)
	for _, k := range unknown {
		c.Add(k, "unknown_question", map[string]any{"value": k}, "%q is not a question of the screen", k)
	}
	return c
}
