package partnership

import "fmt"

// Scores are the two axes of the type matrix and what they are made of.
type Scores struct {
	Ours     int `json:"ours"`     // our driver sum
	Customer int `json:"customer"` // the customer's driver sum
	// D is the lower of the two parties' sums: a partnership is only as
	// strong as the less motivated side wants it to be.
	D int `json:"d"`
	// Lower is the party whose drivers set D: ours, customer, or both when equal.
	Lower        string `json:"lower"`
	Facilitators int    `json:"facilitators"` // the four scored facilitators
	BonusCount   int    `json:"bonusCount"`   // bonus facilitators present
	Bonus        int    `json:"bonus"`        // the points they add
	F            int    `json:"f"`
}

// Both marks equal driver sums.
const Both = "both"

// Score adds up the drivers of each party and the facilitators.
func Score(a Assessment, s Settings) Scores {
	var sc Scores
	for _, k := range Drivers {
		sc.Ours += a.Drivers.Ours[k].Score
		sc.Customer += a.Drivers.Customer[k].Score
	}
	switch {
	case sc.Ours < sc.Customer:
		sc.D, sc.Lower = sc.Ours, Ours
	case sc.Customer < sc.Ours:
		sc.D, sc.Lower = sc.Customer, Customer
	default:
		sc.D, sc.Lower = sc.Ours, Both
	}
	for _, k := range Facilitators {
		sc.Facilitators += a.Facilitators[k].Score
	}
	for _, k := range Bonuses {
		if a.Bonuses[k].Present {
			sc.BonusCount++
		}
	}
	sc.Bonus = sc.BonusCount * s.BonusPoints
	sc.F = sc.Facilitators + sc.Bonus
	return sc
}

// Band places a score on one axis of the matrix.
func Band(x int, s Settings) int {
	switch {
	case x < s.ArmsLengthBelow:
		return BandBelow
	case x < s.MiddleFrom:
		return BandLow
	case x < s.HighFrom:
		return BandMiddle
	default:
		return BandHigh
	}
}

// Type is the recommended partnership type for driver score d and
// facilitator score f: arm's length when either is below the cut, else the
// matrix cell of their bands.
func Type(d, f int, s Settings) string {
	bd, bf := Band(d, s), Band(f, s)
	if bd == BandBelow || bf == BandBelow {
		return ArmsLength
	}
	return s.Matrix[bf][bd]
}

// Reason codes: why the type came out as it did.
const (
	ReasonMatrix          = "matrix"           // both axes reach the cut: the matrix cell decides
	ReasonDriversLow      = "drivers_low"      // drivers below the cut
	ReasonFacilitatorsLow = "facilitators_low" // facilitators below the cut
	ReasonBothLow         = "both_low"         // both below
)

// Explanation says in data why an assessment got its type; the UI words it
// in the user's language ("drivers 13 — the customer's side is the lower;
// facilitators 15 → Type II"); Text is the English wording.
type Explanation struct {
	Code  string `json:"code"`
	Type  string `json:"type"`
	D     int    `json:"d"`
	F     int    `json:"f"`
	Lower string `json:"lower"`
	DBand int    `json:"dBand"`
	FBand int    `json:"fBand"`
	Cut   int    `json:"cut"` // the arm's-length cut in force
	Text  string `json:"text"`
}

// Reason explains the type of a scored assessment.
func Reason(sc Scores, s Settings) Explanation {
	e := Explanation{Type: Type(sc.D, sc.F, s), D: sc.D, F: sc.F, Lower: sc.Lower,
		DBand: Band(sc.D, s), FBand: Band(sc.F, s), Cut: s.ArmsLengthBelow}
	switch {
	case e.DBand == BandBelow && e.FBand == BandBelow:
		e.Code = ReasonBothLow
	case e.DBand == BandBelow:
		e.Code = ReasonDriversLow
	case e.FBand == BandBelow:
		e.Code = ReasonFacilitatorsLow
	default:
		e.Code = ReasonMatrix
	}
	lower := map[string]string{Ours: "our side is the lower", Customer: "the customer's side is the lower", Both: "both sides score the same"}[sc.Lower]
	d := fmt.Sprintf("drivers %d — %s", sc.D, lower)
	if e.DBand == BandBelow {
		d += fmt.Sprintf(", below %d", s.ArmsLengthBelow)
	}
	f := fmt.Sprintf("facilitators %d", sc.F)
	if e.FBand == BandBelow {
		f += fmt.Sprintf(", below %d", s.ArmsLengthBelow)
	}
	e.Text = fmt.Sprintf("%s; %s → %s", d, f, describe(e.Type))
	return e
}

// Gap kinds.
const (
	GapBelow    = "below"     // today below what the type calls for
	GapFarAbove = "far_above" // far above it: over-investment
)

// Gap is one component out of step with the recommended type: the action list.
type Gap struct {
	Component string `json:"component"`
	Today     string `json:"today"`
	Required  string `json:"required"`
	Kind      string `json:"kind"`
	Steps     int    `json:"steps"` // levels between today and required
}

// Gaps lists the assessed components below the level the type calls for,
// or at least FarAbove levels above it, in the components' order.
func Gaps(a Assessment, typ string, s Settings) []Gap {
	want := s.ComponentLevels[typ]
	wr := LevelRank(want)
	out := []Gap{}
	if wr == 0 {
		return out
	}
	for _, k := range Components {
		today := a.Components[k].Level
		tr := LevelRank(today)
		switch {
		case tr == 0:
			continue // not assessed: nothing to compare
		case tr < wr:
			out = append(out, Gap{Component: k, Today: today, Required: want, Kind: GapBelow, Steps: wr - tr})
		case s.FarAbove > 0 && tr-wr >= s.FarAbove:
			out = append(out, Gap{Component: k, Today: today, Required: want, Kind: GapFarAbove, Steps: tr - wr})
		}
	}
	return out
}

// Portfolio advice codes.
const (
	AdviceStrategicPays     = "strategic_pays"      // strategic item, yet arm's length or Type I: partnership pays here
	AdviceNonCriticalRarely = "non_critical_rarely" // non-critical item with a Type II or III: rarely justified
)

// Result is everything computed from one assessment under its settings.
type Result struct {
	Scores
	Type        string      `json:"type"`
	Reason      Explanation `json:"reason"`
	Gaps        []Gap       `json:"gaps"`
	Unassessed  []string    `json:"unassessed"` // components with no level today
	PrecondsMet int         `json:"precondsMet"`
	PrecondsAll int         `json:"precondsAll"`
	// OutcomeAvg is the mean of the rated outcomes in tenths (0 = none rated).
	OutcomeAvg int    `json:"outcomeAvg"`
	Advice     string `json:"advice"` // a purchasing-portfolio remark, "" for none
}

// Evaluate scores an assessment, recommends its type and lists its gaps.
func Evaluate(a Assessment, s Settings) Result {
	sc := Score(a, s)
	r := Result{Scores: sc, Reason: Reason(sc, s), Unassessed: []string{}, PrecondsAll: len(Preconditions)}
	r.Type = r.Reason.Type
	r.Gaps = Gaps(a, r.Type, s)
	for _, k := range Components {
		if LevelRank(a.Components[k].Level) == 0 {
			r.Unassessed = append(r.Unassessed, k)
		}
	}
	for _, k := range Preconditions {
		if a.Preconditions[k] {
			r.PrecondsMet++
		}
	}
	sum, n := 0, 0
	for _, k := range Outcomes {
		if v := a.Outcomes[k].Score; v > 0 {
			sum += v
			n++
		}
	}
	if n > 0 {
		r.OutcomeAvg = (sum*10 + n/2) / n
	}
	rank := TypeRank(r.Type)
	switch {
	case a.Portfolio == "strategic" && rank <= 1:
		r.Advice = AdviceStrategicPays
	case a.Portfolio == "non_critical" && rank >= 2:
		r.Advice = AdviceNonCriticalRarely
	}
	return r
}
