package action

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/record"
)

func TestEndOfWeek(t *testing.T) {
	tests := []struct{ today, want calendar.Date }{
		{"2026-11-23", "2026-11-29"}, // Monday
		{"2026-11-26", "2026-11-29"}, // Thursday
		{"2026-11-29", "2026-11-29"}, // Sunday is the last day of its week
		{"2026-12-30", "2027-01-03"}, // across a year end
		{"2024-02-27", "2024-03-03"}, // across a leap-year February
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, EndOfWeek(tt.today), tt.today)
	}
}

func TestBucket(t *testing.T) {
	today := calendar.Date("2026-11-26") // Thursday
	gone := record.Meta{}
	now := gone.CreatedAt
	gone.DeletedAt = &now
	tests := []struct {
		name string
		a    Action
		want string
	}{
		{"yesterday", Action{Due: "2026-11-25", Status: Open}, BucketOverdue},
		{"today", Action{Due: "2026-11-26", Status: Open}, BucketThisWeek},
		{"sunday", Action{Due: "2026-11-29", Status: InProgress}, BucketThisWeek},
		{"next monday", Action{Due: "2026-11-30", Status: Open}, BucketLater},
		{"no date", Action{Status: Open}, BucketNoDate},
		{"done though overdue", Action{Due: "2026-11-01", Status: Done}, BucketClosed},
		{"cancelled", Action{Due: "2026-12-01", Status: Cancelled}, BucketClosed},
		{"archived", Action{Meta: gone, Due: "2026-11-01", Status: Open}, BucketClosed},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Bucket(tt.a, today), tt.name)
	}
}

func TestLess(t *testing.T) {
	a := Action{Due: "2026-11-01", Title: "b"}
	b := Action{Due: "2026-11-01", Title: "c"}
	c := Action{Due: "2026-12-01", Title: "a"}
	none := Action{Title: "a"}
	assert.True(t, Less(&a, &b))
	assert.True(t, Less(&b, &c))
	assert.True(t, Less(&c, &none), "undated last")
	assert.False(t, Less(&none, &a))
}

func TestSetStatus(t *testing.T) {
	a := Action{Status: Open}
	a.SetStatus(Done, "2026-11-23")
	assert.Equal(t, calendar.Date("2026-11-23"), a.CompletedOn)
	a.SetStatus(Done, "2026-11-30")
	assert.Equal(t, calendar.Date("2026-11-23"), a.CompletedOn, "done stays dated when it was done")
	a.SetStatus(Open, "2026-11-30")
	assert.Empty(t, a.CompletedOn)
	assert.True(t, a.IsOpen())
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*Action)
		field  string
		rule   string
	}{
		{"ok", func(*Action) {}, "", ""},
		{"blank status becomes open", func(a *Action) { a.Status = "" }, "", ""},
		{"no account", func(a *Action) { a.AccountID = "" }, "accountId", "required"},
		{"no title", func(a *Action) { a.Title = "  " }, "title", "required"},
		{"bad due", func(a *Action) { a.Due = "2026-13-01" }, "due", "invalid_date"},
		{"due far past", func(a *Action) { a.Due = "1900-01-01" }, "due", "out_of_range"},
		{"bad status", func(a *Action) { a.Status = "waiting" }, "status", "unknown_value"},
		{"bad area", func(a *Action) { a.Source.Area = "email" }, "source.area", "unknown_value"},
		{"area without record", func(a *Action) { a.Source = Source{Area: AreaPlan} }, "source.recordId", "required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Action{AccountID: "A", Title: "准备年度商务回顾", Owner: "王磊", Due: "2026-12-01", Status: Open}
			tt.mutate(&a)
			a.Normalize()
			err := a.Validate()
			if tt.rule == "" {
				assert.NoError(t, err)
				return
			}
			fe := fault.As(err)
			assert.Equal(t, tt.field, fe.Field)
			assert.Equal(t, tt.rule, fe.Rule)
		})
	}
}

func TestFollowUp(t *testing.T) {
	a := FollowUp("ACT", "ACC", "新品技术交流", "李娜", "2026-12-01")
	a.ID = "ACT"
	assert.NoError(t, a.Validate())
	assert.Equal(t, Source{Area: AreaActivity, RecordID: "ACT"}, a.Source)
	assert.True(t, a.IsOpen())
}
