// Package calendar holds the one clock Keystone reads "today" from, and the
// calendar date type: dates are days in the user's zone, not instants.
package calendar

import (
	"fmt"
	"time"
)

// Clock says what time it is; tests set it.
type Clock interface {
	Now() time.Time
}

// System is the real clock in the local zone.
type System struct{}

func (System) Now() time.Time { return time.Now() }

// Fixed is a clock stopped at one instant.
type Fixed struct{ T time.Time }

func (f Fixed) Now() time.Time { return f.T }

// Date is a calendar date written YYYY-MM-DD; "" means not set.
type Date string

const layout = "2006-01-02"

// Today is the clock's date in its own zone.
func Today(c Clock) Date { return DateOf(c.Now()) }

// DateOf is t's calendar date in t's zone.
func DateOf(t time.Time) Date { return Date(t.Format(layout)) }

// Parse checks the form and that the day exists (no 2025-02-30).
func Parse(s string) (Date, error) {
	t, err := time.Parse(layout, s)
	if err != nil {
		return "", fmt.Errorf("date %q is not a calendar date YYYY-MM-DD: %w", s, err)
	}
	return DateOf(t), nil
}

// Valid reports whether d is empty or a real date.
func (d Date) Valid() bool {
	if d == "" {
		return true
	}
	_, err := time.Parse(layout, string(d))
	return err == nil
}

// Time is midnight UTC of d; use it only for day arithmetic.
func (d Date) Time() time.Time {
	t, _ := time.Parse(layout, string(d))
	return t
}

// Year of d (0 when unset).
func (d Date) Year() int {
	if d == "" {
		return 0
	}
	return d.Time().Year()
}

// Month of d as 1..12 (0 when unset).
func (d Date) Month() int {
	if d == "" {
		return 0
	}
	return int(d.Time().Month())
}

// Quarter of d as 1..4 (0 when unset).
func (d Date) Quarter() int {
	if d == "" {
		return 0
	}
	return (d.Month()-1)/3 + 1
}

// AddDays moves d by n days.
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// DaysUntil is the number of days from d to e (negative when e is earlier).
func (d Date) DaysUntil(e Date) int { return int(e.Time().Sub(d.Time()).Hours() / 24) }

// Before reports d < e (both set).
func (d Date) Before(e Date) bool { return d < e }

// MonthKey is "YYYY-MM".
func (d Date) MonthKey() string { return string(d)[:7] }
