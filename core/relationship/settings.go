package relationship

import (
	"fmt"

	"keystone/core/fault"
)

// Area names the relationship model's settings (g/settings-relationship/...).
const Area = "relationship"

// Settings are the relationship model's thresholds the user may change.
// The stage suggestion and the red flags are computed when the tab opens,
// never stored, so they always read under the settings in force.
type Settings struct {
	// ShareCuts are the shares of wallet (percent) from which the share
	// indicator points to early, mid, partnership and synergistic KAM:
	// *reconstructed* from the stage descriptions (a supplier among many →
	// the main or sole one).
	ShareCuts [4]float64 `json:"shareCuts"`
	// NotMetDays: a high-influence person not met for longer is a red flag
	// (DOMAIN.md §3: 90 days).
	NotMetDays int `json:"notMetDays"`
}

// Defaults are the shipped settings.
func Defaults() Settings {
	return Settings{ShareCuts: [4]float64{10, 25, 40, 60}, NotMetDays: 90}
}

// ValidateSettings checks the cuts rise within 0–100 % and the red-flag
// period is between a week and two years.
func ValidateSettings(s *Settings) error {
	var c fault.Checker
	prev := 0.0
	for i, cut := range s.ShareCuts {
		f := fmt.Sprintf("shareCuts[%d]", i)
		switch {
		case cut <= 0 || cut > 100:
			c.Add(f, "out_of_range", map[string]any{"value": cut, "min": 0, "max": 100}, "%s must be above 0 and at most 100", f)
		case i > 0 && cut <= prev:
			c.Add(f, "not_above", map[string]any{"value": cut, "other": fmt.Sprintf("shareCuts[%d]", i-1), "min": prev},
				"%s (%g) must be above the cut before it (%g)", f, cut, prev)
		}
		prev = cut
	}
	c.Range("notMetDays", int64(s.NotMetDays), 7, 730)
	return c.Err()
}
