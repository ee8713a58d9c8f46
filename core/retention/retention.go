// Package retention is keeping key accounts (客户挽留, DOMAIN.md §6): decline
// warnings computed from an account's own data with a risk score, retention
// cases with their cause, strategy and outcome, and the portfolio's retention
// and churn rates per year. Pure: records, validation and formulas.
package retention

import (
	"strings"

	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/record"
)

// Record kinds.
const (
	KindCase    = "retention-case"
	KindRenewal = "renewal" // one per account, its id the account's
)

// Causes are the seven reasons customers are lost that the courses teach;
// neglect leads (surveys attribute ~68 % of lost customers to feeling
// uncared for).
var Causes = []string{"neglect", "complaint", "price", "competitor", "quality", "key_contact", "customer_change"}

// Situations a case is opened in.
var Situations = []string{"at_risk", "lost"}

// Tiers are the ABC tiers of DOMAIN.md §2 the strategy depends on.
var Tiers = []string{"A", "B", "C"}

// Strategies to keep or win back an account, from most to least effort.
var Strategies = []string{"executive", "recovery", "value", "service", "standard", "let_go"}

// TierStrategies are the strategies the courses recommend per tier, best
// first: a top account gets the senior team, a C account a standard recovery.
var TierStrategies = map[string][]string{
	"A": {"executive", "recovery", "value"},
	"B": {"recovery", "value", "service"},
	"C": {"service", "standard", "let_go"},
}

// Outcomes of a case; open while it is worked on.
const (
	Open     = "open"
	Retained = "retained"
	WonBack  = "won_back"
	Lost     = "lost"
)

// Outcomes lists them.
var Outcomes = []string{Open, Retained, WonBack, Lost}

// Limits in characters.
const (
	MaxText = 4000
)

// Case is one retention case (挽留) for an at-risk or lost account. Its steps
// are shared Actions with source {retention, case id}.
type Case struct {
	record.Meta
	AccountID string        `json:"accountId"`
	Opened    calendar.Date `json:"opened"`
	Situation string        `json:"situation"`
	Cause     string        `json:"cause"`
	CauseNote string        `json:"causeNote"`
	Tier      string        `json:"tier"`
	Strategy  string        `json:"strategy"`
	Approach  string        `json:"approach"` // the strategy in the account's terms
	Outcome   string        `json:"outcome"`
	Closed    calendar.Date `json:"closed"` // set with an outcome other than open
	Notes     string        `json:"notes"`
}

// Normalize trims text and defaults the outcome to open.
func (c *Case) Normalize() {
	c.CauseNote = strings.TrimSpace(c.CauseNote)
	c.Approach = strings.TrimSpace(c.Approach)
	c.Notes = strings.TrimSpace(c.Notes)
	if c.Outcome == "" {
		c.Outcome = Open
	}
	if c.Outcome == Open {
		c.Closed = ""
	}
}

// Validate checks the case on its own.
func (c *Case) Validate() error {
	var k fault.Checker
	if c.AccountID == "" {
		k.Add("accountId", "required", nil, "accountId is required")
	}
	checkDate(&k, "opened", c.Opened, true)
	k.OneOf("situation", c.Situation, false, Situations...)
	k.OneOf("cause", c.Cause, false, Causes...)
	k.OneOf("tier", c.Tier, false, Tiers...)
	k.OneOf("strategy", c.Strategy, false, Strategies...)
	k.OneOf("outcome", c.Outcome, false, Outcomes...)
	k.MaxLen("causeNote", c.CauseNote, MaxText)
	k.MaxLen("approach", c.Approach, MaxText)
	k.MaxLen("notes", c.Notes, MaxText)
	if c.Outcome != Open {
		if checkDate(&k, "closed", c.Closed, true) && c.Opened != "" && c.Closed < c.Opened {
			k.Add("closed", "closed_before_opened", map[string]any{"opened": string(c.Opened)}, "a case cannot close before it was opened (%s)", c.Opened)
		}
	}
	if c.Outcome == WonBack && c.Situation != "lost" {
		k.Add("outcome", "won_back_not_lost", nil, "only a lost account can be won back; an at-risk one is retained")
	}
	return k.Err()
}

// Renewal is the date an account's contract comes up for renewal: the
// account records hold no contract, so this one date is kept here.
type Renewal struct {
	record.Meta
	AccountID string        `json:"accountId"`
	Date      calendar.Date `json:"date"` // "" = no renewal date known
	Note      string        `json:"note"`
}

// Validate checks the date and the note.
func (r *Renewal) Validate() error {
	var k fault.Checker
	checkDate(&k, "date", r.Date, false)
	k.MaxLen("note", r.Note, 1000)
	return k.Err()
}

func checkDate(k *fault.Checker, field string, d calendar.Date, required bool) bool {
	switch {
	case d == "":
		if required {
			k.Add(field, "required", nil, "%s is required", field)
			return false
		}
		return true
	case !d.Valid():
		k.Add(field, "invalid_date", map[string]any{"value": string(d)}, "%s %q is not a calendar date", field, d)
		return false
	default:
		return k.Range(field, int64(d.Year()), 1990, 2100)
	}
}
