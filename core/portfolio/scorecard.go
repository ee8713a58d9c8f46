package portfolio

import (
	"fmt"
	"strings"

	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/record"
)

// KindScorecard names scorecards in keys and errors; they are account children.
const KindScorecard = "scorecard"

// MaxNote is the longest evidence note on a score, in characters.
const MaxNote = 1000

// Score is one criterion's score, 1–10, with its evidence.
type Score struct {
	Key   string `json:"key"`
	Score int    `json:"score"`
	Note  string `json:"note"`
}

// Scorecard is one dated scoring of an account on both scorecards, made with
// a settings version (its criteria and weights).
type Scorecard struct {
	record.Meta
	AccountID       string        `json:"accountId"`
	ScoredOn        calendar.Date `json:"scoredOn"`
	Attractiveness  []Score       `json:"attractiveness"`
	Strength        []Score       `json:"strength"`
	SettingsVersion int           `json:"settingsVersion"`
}

// Normalize trims notes.
func (sc *Scorecard) Normalize() {
	for i := range sc.Attractiveness {
		sc.Attractiveness[i].Note = strings.TrimSpace(sc.Attractiveness[i].Note)
	}
	for i := range sc.Strength {
		sc.Strength[i].Note = strings.TrimSpace(sc.Strength[i].Note)
	}
}

// Validate checks the scorecard against the criteria of s: every criterion
// scored once, 1–10, no unknown criterion, a valid date.
func (sc *Scorecard) Validate(s Settings) error {
	var c fault.Checker
	c.Required("accountId", sc.AccountID)
	if c.Required("scoredOn", string(sc.ScoredOn)) && !sc.ScoredOn.Valid() {
		c.Add("scoredOn", "invalid_date", map[string]any{"value": sc.ScoredOn}, "%q is not a date", sc.ScoredOn)
	}
	checkScores(&c, "attractiveness", sc.Attractiveness, s.Attractiveness)
	checkScores(&c, "strength", sc.Strength, s.Strength)
	return c.Err()
}

func checkScores(c *fault.Checker, field string, scores []Score, criteria []Criterion) {
	known := map[string]bool{}
	for _, cr := range criteria {
		known[cr.Key] = true
	}
	seen := map[string]bool{}
	for i, sc := range scores {
		f := fmt.Sprintf("%s[%d]", field, i)
		switch {
		case !known[sc.Key]:
			c.Add(f+".key", "unknown_value", map[string]any{"value": sc.Key}, "%q is not a criterion of this scorecard", sc.Key)
		case seen[sc.Key]:
			c.Add(f+".key", "duplicate", map[string]any{"value": sc.Key}, "%q is scored twice", sc.Key)
		}
		seen[sc.Key] = true
		c.Range(f+".score", int64(sc.Score), 1, 10)
		c.MaxLen(f+".note", sc.Note, MaxNote)
	}
	for _, cr := range criteria {
		if !seen[cr.Key] {
			c.Add(field, "missing_score", map[string]any{"key": cr.Key}, "%s is not scored", cr.Key)
		}
	}
}

// Index is Σ(weight × score) / 100 on the 1–10 scale, rounded to two
// decimals; criteria without a score count nothing.
func Index(criteria []Criterion, scores []Score) float64 {
	by := make(map[string]int, len(scores))
	for _, s := range scores {
		by[s.Key] = s.Score
	}
	sum := 0
	for _, cr := range criteria {
		sum += cr.Weight * by[cr.Key]
	}
	return round2(float64(sum) / 100)
}

// Quadrant places an account by its two indices: at or above the cut is high.
func Quadrant(attractiveness, strength, cut float64) string {
	hiA, hiS := attractiveness >= cut, strength >= cut
	switch {
	case hiA && hiS:
		return Strategic
	case hiA:
		return Star
	case hiS:
		return Status
	default:
		return Streamline
	}
}

// Position is a scorecard's result.
type Position struct {
	Attractiveness float64 `json:"attractiveness"`
	Strength       float64 `json:"strength"`
	Quadrant       string  `json:"quadrant"`
	SuggestedTier  string  `json:"suggestedTier"`
}

// Place computes a scorecard's position under the settings it was made with.
func Place(sc Scorecard, s Settings) Position {
	a, st := Index(s.Attractiveness, sc.Attractiveness), Index(s.Strength, sc.Strength)
	q := Quadrant(a, st, s.Cut)
	return Position{Attractiveness: a, Strength: st, Quadrant: q, SuggestedTier: s.QuadrantTier[q]}
}

// Vulnerability (易损性, 0–10) is how easily the account could be lost: low
// switching barriers and a high decline-risk score both raise it. barrier and
// risk are 0–100; either may be unknown (ok false), and with neither known
// there is no vulnerability to show.
func Vulnerability(barrier float64, barrierKnown bool, risk float64, riskKnown bool) (float64, bool) {
	switch {
	case barrierKnown && riskKnown:
		return round2(((100-barrier)/2 + risk/2) / 10), true
	case barrierKnown:
		return round2((100 - barrier) / 10), true
	case riskKnown:
		return round2(risk / 10), true
	}
	return 0, false
}

// VulnerableFrom is where vulnerability counts as high: the middle of its
// 0–10 scale, where a low barrier and a high risk start to outweigh the rest.
const VulnerableFrom = 5.0

// Defence classes of the attractiveness × vulnerability view.
const (
	Defend   = "defend"   // attractive and vulnerable: defend first
	Secure   = "secure"   // attractive and safe: keep the barriers up
	Question = "question" // less attractive and vulnerable: decide whether to invest
	Hold     = "hold"     // less attractive and safe: serve efficiently
)

// DefenceClass places an account on the attractiveness × vulnerability view:
// attractiveness at or above the matrix cut is high, vulnerability at or
// above VulnerableFrom is high.
func DefenceClass(attractiveness, vulnerability, cut float64) string {
	hiA, hiV := attractiveness >= cut, vulnerability >= VulnerableFrom
	switch {
	case hiA && hiV:
		return Defend
	case hiA:
		return Secure
	case hiV:
		return Question
	default:
		return Hold
	}
}
