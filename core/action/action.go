// Package action is the one to-do kind every area uses: a plan goal's task,
// an activity's follow-up, and later partnership gaps, switching-cost lever
// steps, program milestones and retention steps. One type means one "My
// actions" list and one count for reviews, whatever area made the action.
package action

import (
	"strings"

	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/record"
)

// Kind names actions in keys and errors.
const Kind = "action"

// Statuses an action moves through.
const (
	Open       = "open"
	InProgress = "in_progress"
	Done       = "done"
	Cancelled  = "cancelled"
)

// Statuses lists every status.
var Statuses = []string{Open, InProgress, Done, Cancelled}

// Areas that create actions. "manual" is one a user added by hand.
const (
	AreaManual      = "manual"
	AreaPlan        = "plan"
	AreaActivity    = "activity"
	AreaPartnership = "partnership"
	AreaSwitching   = "switching"
	AreaProgram     = "program"
	AreaRetention   = "retention"
	AreaWinLoss     = "winloss"
)

// Areas lists every source area.
var Areas = []string{AreaManual, AreaPlan, AreaActivity, AreaPartnership, AreaSwitching, AreaProgram, AreaRetention, AreaWinLoss}

// Limits in characters.
const (
	MaxTitle = 200
	MaxOwner = 80
	MaxNotes = 4000
)

// Source says which area and record an action came from, so clicking it
// opens that place.
type Source struct {
	Area     string `json:"area"`
	RecordID string `json:"recordId"` // the plan, activity, assessment ... id; "" for manual
	Detail   string `json:"detail"`   // a part of that record, e.g. a plan goal's id
}

// Action is one to-do.
type Action struct {
	record.Meta
	AccountID   string        `json:"accountId"`
	Title       string        `json:"title"`
	Owner       string        `json:"owner"`
	Due         calendar.Date `json:"due"`
	Status      string        `json:"status"`
	Source      Source        `json:"source"`
	Notes       string        `json:"notes"`
	CompletedOn calendar.Date `json:"completedOn"` // set when done
}

// Normalize trims text and defaults a blank status to open.
func (a *Action) Normalize() {
	a.Title = strings.TrimSpace(a.Title)
	a.Owner = strings.TrimSpace(a.Owner)
	if a.Status == "" {
		a.Status = Open
	}
	if a.Source.Area == "" {
		a.Source.Area = AreaManual
	}
}

// Validate checks the action on its own; account and year rules need the
// store and are the caller's.
func (a *Action) Validate() error {
	var c fault.Checker
	if a.AccountID == "" {
		c.Add("accountId", "required", nil, "accountId is required")
	}
	if c.Required("title", a.Title) {
		c.MaxLen("title", a.Title, MaxTitle)
	}
	c.MaxLen("owner", a.Owner, MaxOwner)
	if !a.Due.Valid() {
		c.Add("due", "invalid_date", map[string]any{"value": string(a.Due)}, "due date %q is not a calendar date", a.Due)
	} else if a.Due != "" {
		c.Range("due", int64(a.Due.Year()), 1990, 2100)
	}
	c.OneOf("status", a.Status, false, Statuses...)
	c.OneOf("source.area", a.Source.Area, false, Areas...)
	if a.Source.Area != AreaManual && a.Source.RecordID == "" {
		c.Add("source.recordId", "required", nil, "an action from %s must name the record it came from", a.Source.Area)
	}
	c.MaxLen("notes", a.Notes, MaxNotes)
	if !a.CompletedOn.Valid() {
		c.Add("completedOn", "invalid_date", map[string]any{"value": string(a.CompletedOn)}, "completion date %q is not a calendar date", a.CompletedOn)
	}
	return c.Err()
}

// IsOpen reports whether the action still needs doing.
func (a *Action) IsOpen() bool {
	return !a.Deleted() && (a.Status == Open || a.Status == InProgress)
}

// SetStatus moves the action to status on day today, keeping the completion
// date in step.
func (a *Action) SetStatus(status string, today calendar.Date) {
	a.Status = status
	switch status {
	case Done:
		if a.CompletedOn == "" {
			a.CompletedOn = today
		}
	default:
		a.CompletedOn = ""
	}
}

// Buckets of the "My actions" list.
const (
	BucketOverdue  = "overdue"
	BucketThisWeek = "this_week"
	BucketLater    = "later"
	BucketNoDate   = "no_date"
	BucketClosed   = "closed"
)

// Bucket places an action relative to today: overdue before today; this
// week from today to Sunday (weeks start on Monday, as in China and ISO
// 8601); later after that; no date; closed when done or cancelled.
func Bucket(a Action, today calendar.Date) string {
	return BucketIn(&a, today, EndOfWeek(today))
}

// BucketIn is Bucket with the week's end worked out once, for long lists.
func BucketIn(a *Action, today, weekEnd calendar.Date) string {
	switch {
	case !a.IsOpen():
		return BucketClosed
	case a.Due == "":
		return BucketNoDate
	case a.Due < today:
		return BucketOverdue
	case a.Due <= weekEnd:
		return BucketThisWeek
	default:
		return BucketLater
	}
}

// EndOfWeek is the Sunday of today's Monday-first week.
func EndOfWeek(today calendar.Date) calendar.Date {
	wd := int(today.Time().Weekday()) // Sunday = 0
	return today.AddDays((7 - wd) % 7)
}

// Less orders actions for a list: by due date (undated last), then title.
// It takes pointers: long lists sort without copying whole actions.
func Less(a, b *Action) bool {
	if a.Due != b.Due {
		if a.Due == "" || b.Due == "" {
			return b.Due == ""
		}
		return a.Due < b.Due
	}
	if a.Title != b.Title {
		return a.Title < b.Title
	}
	return a.ID < b.ID
}

// FollowUp is the action an activity's follow-up date stands for: the
// activities area keeps no to-do of its own. owner is the account's manager.
// It shares the activity's id, so each activity has at most one and finding
// it needs no index.
func FollowUp(activityID, accountID, subject, owner string, due calendar.Date) Action {
	return Action{
		Meta:      record.Meta{ID: activityID},
		AccountID: accountID,
		Title:     subject,
		Owner:     owner,
		Due:       due,
		Status:    Open,
		Source:    Source{Area: AreaActivity, RecordID: activityID},
	}
}
