package portfolio

import (
	"strings"

	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/record"
)

// KindTier names tier assignments in keys and errors; one per account.
const KindTier = "tier"

// Assignment is the tier the firm put an account in. Without one, an
// account's tier is the one its latest scorecard's quadrant suggests.
type Assignment struct {
	record.Meta
	AccountID string        `json:"accountId"`
	Tier      string        `json:"tier"`
	SetOn     calendar.Date `json:"setOn"`
	Reason    string        `json:"reason"`
}

// Validate checks the tier is one of the settings' tiers.
func (a *Assignment) Validate(s Settings) error {
	a.Reason = strings.TrimSpace(a.Reason)
	var c fault.Checker
	c.Required("accountId", a.AccountID)
	keys := make([]string, len(s.Tiers))
	for i, t := range s.Tiers {
		keys[i] = t.Key
	}
	c.OneOf("tier", a.Tier, false, keys...)
	if a.SetOn != "" && !a.SetOn.Valid() {
		c.Add("setOn", "invalid_date", map[string]any{"value": a.SetOn}, "%q is not a date", a.SetOn)
	}
	c.MaxLen("reason", a.Reason, MaxNote)
	return c.Err()
}

// KeyAccountCount counts accounts whose tier is a key-account tier, and
// whether that is past the settings' limit (a healthy portfolio has about
// 15–35 key accounts; the courses warn past 50).
func KeyAccountCount(s Settings, tiers map[string]string) (n int, tooMany bool) {
	key := map[string]bool{}
	for _, t := range s.Tiers {
		key[t.Key] = t.KeyAccount
	}
	for _, t := range tiers {
		if key[t] {
			n++
		}
	}
	return n, n > s.MaxKeyAccounts
}
