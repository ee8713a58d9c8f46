package calendar

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestDate(t *testing.T) {
	tests := []struct {
		d       Date
		valid   bool
		year    int
		quarter int
	}{
		{"2026-03-31", true, 2026, 1},
		{"2026-04-01", true, 2026, 2},
		{"2026-12-31", true, 2026, 4},
		{"2024-02-29", true, 2024, 1},
		{"2025-02-29", false, 0, 0},
		{"2026/01/01", false, 0, 0},
		{"", true, 0, 0},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.valid, tt.d.Valid(), tt.d)
		if tt.valid && tt.d != "" {
			assert.Equal(t, tt.year, tt.d.Year())
			assert.Equal(t, tt.quarter, tt.d.Quarter())
		}
	}
	_, err := Parse("2026-02-30")
	assert.Error(t, err)
	assert.Equal(t, Date("2027-01-01"), Date("2026-12-31").AddDays(1))
	assert.Equal(t, 90, Date("2026-01-01").DaysUntil("2026-04-01"))
}

func TestTodayUsesClockZone(t *testing.T) {
	shanghai := time.FixedZone("CST", 8*3600)
	// 2026-12-31 20:00 UTC is already 1 January in Shanghai.
	c := Fixed{T: time.Date(2026, 12, 31, 20, 0, 0, 0, time.UTC).In(shanghai)}
	assert.Equal(t, Date("2027-01-01"), Today(c))
}
