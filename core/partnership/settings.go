package partnership

import (
	"fmt"

	"keystone/core/fault"
)

// Area names the partnership model's settings (g/settings-partnership/...).
const Area = "partnership"

// Bands of the type matrix on each axis.
const (
	BandLow    = 0 // from the arm's-length cut up to the middle cut
	BandMiddle = 1
	BandHigh   = 2
	// BandBelow is under the arm's-length cut: no partnership on that axis.
	BandBelow = -1
)

// Label overrides the built-in name of an item in both languages; an empty
// text keeps the built-in one.
type Label struct {
	En string `json:"en"`
	Zh string `json:"zh"`
}

// Settings are the model's scales, thresholds and label lists. The
// thresholds are the *reconstructed* defaults of DOMAIN.md §4: the
// literature's structure, numbers that could not be checked, so the user
// may change them; every assessment names the version it used.
type Settings struct {
	// ScaleMax is the top of the 1..ScaleMax scale of drivers, facilitators and outcomes.
	ScaleMax int `json:"scaleMax"`
	// BonusPoints is what each present bonus facilitator adds to F.
	BonusPoints int `json:"bonusPoints"`
	// ArmsLengthBelow: D or F below it means arm's length.
	ArmsLengthBelow int `json:"armsLengthBelow"`
	// MiddleFrom and HighFrom start the middle and high bands on both axes.
	MiddleFrom int `json:"middleFrom"`
	HighFrom   int `json:"highFrom"`
	// Matrix[f][d] is the type for facilitator band f and driver band d
	// (BandLow, BandMiddle, BandHigh).
	Matrix [3][3]string `json:"matrix"`
	// ComponentLevels is the component level each type calls for.
	ComponentLevels map[string]string `json:"componentLevels"`
	// FarAbove is how many levels above what the type calls for count as
	// over-investment; 0 turns the rule off.
	FarAbove int `json:"farAbove"`
	// Labels override item names (keys of Types, Drivers, Facilitators,
	// Bonuses, Components, Outcomes, Preconditions, Portfolio).
	Labels map[string]Label `json:"labels"`
}

// Defaults are the shipped settings.
func Defaults() Settings {
	return Settings{
		ScaleMax:        5,
		BonusPoints:     1,
		ArmsLengthBelow: 8,
		MiddleFrom:      12,
		HighFrom:        16,
		Matrix: [3][3]string{
			{TypeI, TypeI, TypeII},     // F 8–11
			{TypeI, TypeII, TypeIII},   // F 12–15
			{TypeII, TypeIII, TypeIII}, // F 16+
		},
		ComponentLevels: map[string]string{ArmsLength: Low, TypeI: Low, TypeII: Medium, TypeIII: High},
		FarAbove:        2,
		Labels:          map[string]Label{},
	}
}

// MaxLabel is the longest label override, in characters.
const MaxLabel = 60

// Validate checks the settings hang together: a scale of 3 to 10, cuts in
// order and reachable, a type in every matrix cell, a level for every type.
func Validate(s *Settings) error {
	if s.Labels == nil {
		s.Labels = map[string]Label{}
	}
	if s.ComponentLevels == nil {
		s.ComponentLevels = map[string]string{}
	}
	var c fault.Checker
	c.Range("scaleMax", int64(s.ScaleMax), 3, 10)
	c.Range("bonusPoints", int64(s.BonusPoints), 0, 5)
	n := int64(len(Drivers)) // drivers and facilitators both have four items
	maxD := n * int64(max(s.ScaleMax, 1))
	if c.Range("armsLengthBelow", int64(s.ArmsLengthBelow), n+1, maxD) {
		order(&c, "middleFrom", s.MiddleFrom, "armsLengthBelow", s.ArmsLengthBelow)
		if c.Range("middleFrom", int64(s.MiddleFrom), n+1, maxD) {
			order(&c, "highFrom", s.HighFrom, "middleFrom", s.MiddleFrom)
			c.Range("highFrom", int64(s.HighFrom), n+1, maxD)
		}
	}
	for f := range s.Matrix {
		for d := range s.Matrix[f] {
			c.OneOf(fmt.Sprintf("matrix[%d][%d]", f, d), s.Matrix[f][d], false, Types...)
		}
	}
	for _, t := range Types {
		c.OneOf("componentLevels."+t, s.ComponentLevels[t], false, Levels...)
	}
	for _, k := range sortedKeys(s.ComponentLevels) {
		if !known(Types, k) {
			unknownKey(&c, "componentLevels."+k, k, Types)
		}
	}
	c.Range("farAbove", int64(s.FarAbove), 0, int64(len(Levels)-1))
	for _, k := range sortedKeys(s.Labels) {
		if !known(labelKeys(), k) {
			unknownKey(&c, "labels."+k, k, nil)
			continue
		}
		c.MaxLen("labels."+k+".en", s.Labels[k].En, MaxLabel)
		c.MaxLen("labels."+k+".zh", s.Labels[k].Zh, MaxLabel)
	}
	return c.Err()
}

// order requires v to be above the other cut.
func order(c *fault.Checker, field string, v int, other string, otherV int) {
	if v <= otherV {
		c.Add(field, "not_above", map[string]any{"value": v, "other": other, "min": otherV + 1},
			"%s (%d) must be above %s (%d)", field, v, other, otherV)
	}
}

// labelKeys are the items a label may rename.
func labelKeys() []string {
	var all []string
	for _, l := range [][]string{Types, Drivers, Facilitators, Bonuses, Components, Outcomes, Preconditions, Portfolio} {
		all = append(all, l...)
	}
	return all
}
