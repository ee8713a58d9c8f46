// Package review holds account reviews (评审): the quarterly business review
// and the annual evaluation (年度评审) of DOMAIN.md §9. A review is the
// user's narrative — executive summary, highlights, issues, next period's
// six-element strategy, the four-quadrant value proposition and the
// sign-off — over a frozen Snapshot of the account's data. A draft's
// snapshot can be taken again; a final review's never changes, so printing
// it next year gives the same pages. Everything here is pure.
package review

import (
	"fmt"
	"strings"
	"time"

	"keystone/core/account"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/record"
)

// Kind names reviews in keys and errors; RefKind the global pointers from a
// review's id to its account (g/reviewref/<id>), which also carry what the
// review list shows, so listing reviews across accounts is one small scan.
const (
	Kind    = "review"
	RefKind = "reviewref"
)

// Review kinds.
const (
	Quarterly = "quarterly"
	Annual    = "annual"
)

// Kinds lists the review kinds.
var Kinds = []string{Quarterly, Annual}

// Statuses.
const (
	Draft = "draft"
	Final = "final"
)

// Statuses lists the statuses in order.
var Statuses = []string{Draft, Final}

// Limits, in characters.
const (
	MaxText  = 8000 // a narrative field
	MaxShort = 120  // a name in the sign-off
)

// Strategy is next period's six-element account strategy (目标大客户战略6要素).
type Strategy struct {
	Goals       string `json:"goals"`       // performance goals
	Focus       string `json:"focus"`       // strategic focus
	Positioning string `json:"positioning"` // statement, target contacts and competitors, value proposition
	ActionPlan  string `json:"actionPlan"`
	Resources   string `json:"resources"` // agreed resource commitments
	Budget      string `json:"budget"`    // budget and forecast
}

// Value is the four-quadrant value proposition (四象限价值主张).
type Value struct {
	Functional          string `json:"functional"`
	Psychological       string `json:"psychological"`
	CustomerCommitments string `json:"customerCommitments"`
	Tracking            string `json:"tracking"`
}

// SignOff is who prepared and approved the review, and when.
type SignOff struct {
	PreparedBy string        `json:"preparedBy"`
	PreparedOn calendar.Date `json:"preparedOn"`
	ApprovedBy string        `json:"approvedBy"`
	ApprovedOn calendar.Date `json:"approvedOn"`
}

// Narrative is what the user writes.
type Narrative struct {
	Summary    string   `json:"summary"`    // executive summary
	Highlights string   `json:"highlights"` // one per line
	Issues     string   `json:"issues"`     // one per line
	Strategy   Strategy `json:"strategy"`
	Value      Value    `json:"value"`
	SignOff    SignOff  `json:"signOff"`
}

// Review is one review of one account for one period.
type Review struct {
	record.Meta
	AccountID string    `json:"accountId"`
	Kind      string    `json:"kind"`
	Year      int       `json:"year"`
	Quarter   int       `json:"quarter"` // 1–4 for a quarterly review, 0 for an annual one
	Status    string    `json:"status"`
	Narrative Narrative `json:"narrative"`
	Snapshot  Snapshot  `json:"snapshot"`
	// FinalizedAt is when it was frozen; its PDF carries this date, so the
	// same review prints the same bytes.
	FinalizedAt *time.Time `json:"finalizedAt,omitempty"`
}

// Ref is the global pointer to a review with what the list shows.
type Ref struct {
	record.Meta
	AccountID   string `json:"accountId"`
	AccountName string `json:"accountName"`
	Owner       string `json:"owner"`
	Kind        string `json:"kind"`
	Year        int    `json:"year"`
	Quarter     int    `json:"quarter"`
	Status      string `json:"status"`
	PreparedBy  string `json:"preparedBy"`
}

// RefOf is the list row of a review (its envelope is the caller's).
func RefOf(r Review) Ref {
	return Ref{Meta: record.Meta{ID: r.ID}, AccountID: r.AccountID, AccountName: r.Snapshot.Account.Name, Owner: r.Snapshot.Account.Owner,
		Kind: r.Kind, Year: r.Year, Quarter: r.Quarter, Status: r.Status, PreparedBy: r.Narrative.SignOff.PreparedBy}
}

// Period is the review's first and last day.
func (r Review) Period() (from, to calendar.Date) {
	return PeriodOf(r.Kind, r.Year, r.Quarter)
}

// PeriodOf is a period's first and last day.
func PeriodOf(kind string, year, quarter int) (from, to calendar.Date) {
	if kind == Quarterly && quarter >= 1 && quarter <= 4 {
		start := time.Date(year, time.Month(3*quarter-2), 1, 0, 0, 0, 0, time.UTC)
		return calendar.DateOf(start), calendar.DateOf(start.AddDate(0, 3, -1))
	}
	return calendar.Date(fmt.Sprintf("%04d-01-01", year)), calendar.Date(fmt.Sprintf("%04d-12-31", year))
}

// PeriodLabel names the period: "2026" or "2026 Q3".
func (r Review) PeriodLabel() string {
	if r.Kind == Quarterly {
		return fmt.Sprintf("%d Q%d", r.Year, r.Quarter)
	}
	return fmt.Sprint(r.Year)
}

// Final reports whether the review is frozen.
func (r Review) Final() bool { return r.Status == Final }

// Normalize trims the narrative; line lists lose their blank lines.
func (n *Narrative) Normalize() {
	for _, p := range []*string{&n.Summary, &n.Strategy.Goals, &n.Strategy.Focus, &n.Strategy.Positioning,
		&n.Strategy.ActionPlan, &n.Strategy.Resources, &n.Strategy.Budget, &n.Value.Functional, &n.Value.Psychological,
		&n.Value.CustomerCommitments, &n.Value.Tracking, &n.SignOff.PreparedBy, &n.SignOff.ApprovedBy} {
		*p = strings.TrimSpace(strings.ReplaceAll(*p, "\r\n", "\n"))
	}
	n.Highlights = Lines(n.Highlights)
	n.Issues = Lines(n.Issues)
}

// Lines keeps the non-blank lines of s, trimmed, joined by newlines.
func Lines(s string) string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// Items splits a line list into its items.
func Items(s string) []string {
	if s = Lines(s); s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// Validate checks the narrative: lengths, and dates that are real dates with
// approval not before preparation.
func (n *Narrative) Validate() error {
	var c fault.Checker
	n.check(&c)
	return c.Err()
}

func (n *Narrative) check(c *fault.Checker) {
	texts := []struct {
		field string
		v     string
	}{
		{"summary", n.Summary}, {"highlights", n.Highlights}, {"issues", n.Issues},
		{"strategy.goals", n.Strategy.Goals}, {"strategy.focus", n.Strategy.Focus}, {"strategy.positioning", n.Strategy.Positioning},
		{"strategy.actionPlan", n.Strategy.ActionPlan}, {"strategy.resources", n.Strategy.Resources}, {"strategy.budget", n.Strategy.Budget},
		{"value.functional", n.Value.Functional}, {"value.psychological", n.Value.Psychological},
		{"value.customerCommitments", n.Value.CustomerCommitments}, {"value.tracking", n.Value.Tracking},
	}
	for _, t := range texts {
		c.MaxLen(t.field, t.v, MaxText)
	}
	c.MaxLen("signOff.preparedBy", n.SignOff.PreparedBy, MaxShort)
	c.MaxLen("signOff.approvedBy", n.SignOff.ApprovedBy, MaxShort)
	for _, d := range []struct {
		field string
		v     calendar.Date
	}{{"signOff.preparedOn", n.SignOff.PreparedOn}, {"signOff.approvedOn", n.SignOff.ApprovedOn}} {
		if d.v != "" && !d.v.Valid() {
			c.Add(d.field, "invalid_date", map[string]any{"value": string(d.v)}, "%q is not a calendar date", d.v)
		}
	}
	if n.SignOff.PreparedOn.Valid() && n.SignOff.ApprovedOn.Valid() && n.SignOff.ApprovedOn.Before(n.SignOff.PreparedOn) {
		c.Add("signOff.approvedOn", "before_prepared", map[string]any{"prepared": string(n.SignOff.PreparedOn)},
			"the approval date cannot be before the date it was prepared (%s)", n.SignOff.PreparedOn)
	}
}

// ValidatePeriod checks a new review's account, kind and period.
func (r *Review) ValidatePeriod() error {
	var c fault.Checker
	c.Required("accountId", r.AccountID)
	if c.OneOf("kind", r.Kind, false, Kinds...) {
		if r.Kind == Quarterly {
			c.Range("quarter", int64(r.Quarter), 1, 4)
		} else if r.Quarter != 0 {
			c.Add("quarter", "annual_no_quarter", nil, "an annual evaluation has no quarter")
		}
	}
	c.Range("year", int64(r.Year), account.MinYear, account.MaxYear)
	return c.Err()
}

// CheckFinalize says what a review needs before it can be frozen: a draft,
// an executive summary and who prepared it.
func (r *Review) CheckFinalize() error {
	if r.Final() {
		return fault.New(fault.Invalid, "review_final", "the review is final and cannot change")
	}
	var c fault.Checker
	c.Required("summary", r.Narrative.Summary)
	c.Required("signOff.preparedBy", r.Narrative.SignOff.PreparedBy)
	r.Narrative.check(&c)
	return c.Err()
}

// ErrFinal is returned for any change to a final review.
func ErrFinal(id string) error {
	return &fault.Error{Code: fault.Invalid, Rule: "review_final", Params: map[string]any{"id": id},
		Message: "the review is final: its pages are frozen and cannot change"}
}
