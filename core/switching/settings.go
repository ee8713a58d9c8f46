package switching

import "keystone/core/fault"

// Settings are this area's editable model settings (DOMAIN.md: every scale,
// weight and threshold is a default the firm may change).
type Settings struct {
	// TypeWeights weigh the three sub-indices into the barrier index; they
	// add up to 100. The defaults (50/25/25) count each of the eight facets
	// equally. *reconstructed*: Burnham et al. give no weights.
	TypeWeights map[string]int `json:"typeWeights"`
	// SurveyWeights are the importance points a new survey starts with.
	SurveyWeights map[string]int `json:"surveyWeights"`
	// AttractionCut and BarrierCut split the 0–100 axes of the attraction ×
	// barrier chart; a value on the cut counts as high. *reconstructed*: the
	// literature draws the quadrants without numbers.
	AttractionCut int `json:"attractionCut"`
	BarrierCut    int `json:"barrierCut"`
}

// Defaults are the shipped settings.
func Defaults() Settings {
	return Settings{
		TypeWeights:   map[string]int{Procedural: 50, Financial: 25, Relational: 25},
		SurveyWeights: map[string]int{"tangibles": 20, "reliability": 20, "responsiveness": 20, "assurance": 20, "empathy": 20},
		AttractionCut: 50,
		BarrierCut:    50,
	}
}

// Validate checks the weights add up to 100 and the cut-offs lie inside the axes.
func (s *Settings) Validate() error {
	var c fault.Checker
	checkWeights(&c, "typeWeights", s.TypeWeights, Types)
	checkWeights(&c, "surveyWeights", s.SurveyWeights, Dimensions)
	c.Range("attractionCut", int64(s.AttractionCut), 1, 99)
	c.Range("barrierCut", int64(s.BarrierCut), 1, 99)
	return c.Err()
}

// checkWeights checks a weight per key, each 0–100, adding up to 100, and no
// key the model does not know.
func checkWeights(c *fault.Checker, field string, w map[string]int, keys []string) {
	total := 0
	for _, k := range keys {
		v, ok := w[k]
		if !ok {
			c.Add(field+"."+k, "required", nil, "%s.%s is required", field, k)
			continue
		}
		c.Range(field+"."+k, int64(v), 0, 100)
		total += v
	}
	known := map[string]bool{}
	for _, k := range keys {
		known[k] = true
	}
	for k := range w {
		if !known[k] {
			c.Add(field, "unknown_value", map[string]any{"value": k, "allowed": keys}, "%s: %q is not one of the keys", field, k)
		}
	}
	if total != 100 {
		c.Add(field, "weights_not_100", map[string]any{"total": total}, "%s add up to %d; they must add up to 100", field, total)
	}
}

// CheckWeights is checkWeights for other packages' settings.
func CheckWeights(c *fault.Checker, field string, w map[string]int, keys []string) {
	checkWeights(c, field, w, keys)
}

// Quadrants of the attraction × barrier chart (吸引力-阻挡力).
const (
	Loyal   = "loyal"   // high attraction, high barrier: 真正忠诚
	Captive = "captive" // low attraction, high barrier: stays unwillingly — raise value
	Free    = "free"    // high attraction, low barrier: happy but could go — build barriers
	AtRisk  = "at_risk" // low, low
)

// Quadrants lists them.
var Quadrants = []string{Loyal, Captive, Free, AtRisk}

// Quadrant places an account by attraction and barrier (0–100 each); a value
// equal to its cut-off counts as high.
func Quadrant(attraction, barrier float64, s Settings) string {
	highA := attraction >= float64(s.AttractionCut)
	highB := barrier >= float64(s.BarrierCut)
	switch {
	case highA && highB:
		return Loyal
	case highB:
		return Captive
	case highA:
		return Free
	default:
		return AtRisk
	}
}
