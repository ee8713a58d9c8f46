package winloss

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"keystone/core/calendar"
	"keystone/core/opportunity"
)

func TestDateKey(t *testing.T) {
	assert.Equal(t, int32(20261231), dateKey("2026-12-31"))
	assert.Equal(t, int32(0), dateKey(""))
	assert.Equal(t, int32(0), dateKey("2026-1-31"))
	assert.Equal(t, int32(0), dateKey("2026-x2-31"))
}

// A prepared filter compares numbers, an unprepared one the dates' text, a
// deal built by hand has no number: all three read the period the same.
func TestPeriodFilterReadsTheSameEitherWay(t *testing.T) {
	for _, closed := range []calendar.Date{"2025-12-31", "2026-01-01", "2026-06-30", "2026-07-01"} {
		built := DealOf(&opportunity.Opportunity{Close: &opportunity.Close{Outcome: opportunity.Won, On: closed}}, nil)
		literal := &Deal{Outcome: opportunity.Won, ClosedOn: closed}
		f := Filter{From: "2026-01-01", To: "2026-06-30"}
		want := closed >= f.From && closed <= f.To
		assert.Equal(t, want, f.Keeps(built, nil), "unprepared, %s", closed)
		assert.Equal(t, want, f.Keeps(literal, nil), "literal, %s", closed)
		f.prepare()
		assert.Equal(t, want, f.Keeps(built, nil), "prepared, %s", closed)
		assert.Equal(t, want, f.Keeps(literal, nil), "prepared literal, %s", closed)
	}
}
