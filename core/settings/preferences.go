// Package settings holds what the user sets once and Keystone remembers:
// for now the interface preferences (language, theme). The models' scales,
// weights and thresholds join it as the areas that use them arrive.
package settings

import (
	"keystone/core/fault"
	"keystone/core/record"
)

// Languages the UI is complete in; "" follows the operating system.
var Languages = []string{"en", "zh-CN"}

// Themes; "system" follows the operating system.
var Themes = []string{"light", "dark", "system"}

// Preferences are the interface choices, remembered across starts.
type Preferences struct {
	record.Meta
	Language string `json:"language"`
	Theme    string `json:"theme"`
	// Owner is whose actions "My actions" opens on: the user's own name as
	// it appears as an owner ("" = everyone's, until the user picks).
	Owner string `json:"owner"`
}

// DefaultPreferences follow the operating system.
func DefaultPreferences() Preferences { return Preferences{Theme: "system"} }

// Validate refuses languages and themes Keystone does not have.
func (p *Preferences) Validate() error {
	var c fault.Checker
	c.OneOf("language", p.Language, true, Languages...)
	c.OneOf("theme", p.Theme, false, Themes...)
	c.MaxLen("owner", p.Owner, 80)
	return c.Err()
}
