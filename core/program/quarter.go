package program

import (
	"fmt"
	"strconv"

	"keystone/core/calendar"
)

// Quarter is one calendar quarter. Dates are the user's calendar days (the
// caller passes calendar.Today(clock), which is in the clock's zone), so a
// quarter ends at the user's midnight, not at UTC's.
type Quarter struct {
	Year int `json:"year"`
	Q    int `json:"quarter"` // 1..4
}

// QuarterOf is the quarter d falls in.
func QuarterOf(d calendar.Date) Quarter { return Quarter{Year: d.Year(), Q: d.Quarter()} }

// Quarters' first and last days; the last ones never move (no leap day ends a quarter).
var (
	quarterStarts = [5]string{"", "-01-01", "-04-01", "-07-01", "-10-01"}
	quarterEnds   = [5]string{"", "-03-31", "-06-30", "-09-30", "-12-31"}
)

// Start is the quarter's first day.
func (q Quarter) Start() calendar.Date { return calendar.Date(year4(q.Year) + quarterStarts[q.Q]) }

// End is the quarter's last day (31 March, 30 June, 30 September, 31 December).
func (q Quarter) End() calendar.Date { return calendar.Date(year4(q.Year) + quarterEnds[q.Q]) }

// year4 writes a year with four digits, as dates do; roll-ups run in hot
// loops, so this avoids fmt.
func year4(y int) string {
	s := strconv.Itoa(y)
	for len(s) < 4 {
		s = "0" + s
	}
	return s
}

// Next is the following quarter; Q4 is followed by Q1 of the next year.
func (q Quarter) Next() Quarter {
	if q.Q == 4 {
		return Quarter{Year: q.Year + 1, Q: 1}
	}
	return Quarter{Year: q.Year, Q: q.Q + 1}
}

// Prev is the quarter before; Q1 is preceded by Q4 of the year before.
func (q Quarter) Prev() Quarter {
	if q.Q == 1 {
		return Quarter{Year: q.Year - 1, Q: 4}
	}
	return Quarter{Year: q.Year, Q: q.Q - 1}
}

// Before reports q < o.
func (q Quarter) Before(o Quarter) bool {
	return q.Year < o.Year || (q.Year == o.Year && q.Q < o.Q)
}

// Closed reports whether the quarter is over on day today (its last day has passed).
func (q Quarter) Closed(today calendar.Date) bool { return q.End() < today }

// String is "2026-Q1".
func (q Quarter) String() string { return fmt.Sprintf("%d-Q%d", q.Year, q.Q) }

// Overlaps reports whether the country row is in the program at some day of q.
func (c *Country) Overlaps(q Quarter) bool {
	return (c.Added == "" || c.Added <= q.End()) && (c.Dropped == "" || c.Dropped > q.Start())
}

// Last returns the n quarters ending with q, oldest first.
func Last(q Quarter, n int) []Quarter {
	out := make([]Quarter, n)
	for i := n - 1; i >= 0; i-- {
		out[i] = q
		q = q.Prev()
	}
	return out
}
