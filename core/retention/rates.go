package retention

import (
	"keystone/core/account"
)

// History is what the portfolio rates read of one account.
type History struct {
	Figures []account.YearFigures
	Cases   []Case
}

// YearRate is one year's retention and churn.
type YearRate struct {
	Year int `json:"year"`
	// Customers are the accounts that bought from us the year before
	// (revenue above zero): the base the year's rates are taken on.
	Customers int `json:"customers"`
	Retained  int `json:"retained"`
	Lost      int `json:"lost"`
	// Retention = Retained ÷ Customers × 100; Churn = Lost ÷ Customers × 100.
	Retention float64 `json:"retention"`
	Churn     float64 `json:"churn"`
	// The year's retention cases: opened, closed kept (retained or won
	// back), closed lost.
	CasesOpened int `json:"casesOpened"`
	CasesKept   int `json:"casesKept"`
	CasesLost   int `json:"casesLost"`
}

// Rates computes retention and churn for each year from..to. An account a
// year starts with is lost in that year when its figures for the year show
// no revenue, or when a retention case closed as lost in that year; a year
// without figures yet (the current one, before they are entered) loses
// nobody by itself. An account lost by a case in an earlier year is not a
// customer again until a later case wins it back.
func Rates(accounts []History, from, to int) []YearRate {
	out := make([]YearRate, 0, max(0, to-from+1))
	for y := from; y <= to; y++ {
		r := YearRate{Year: y}
		for _, h := range accounts {
			var before, this *account.YearFigures
			for i := range h.Figures {
				f := &h.Figures[i]
				if f.Deleted() {
					continue
				}
				switch f.Year {
				case y - 1:
					before = f
				case y:
					this = f
				}
			}
			lostByCase := false
			var lastBefore *Case // the latest case closed before the year
			for i := range h.Cases {
				c := &h.Cases[i]
				if c.Deleted() {
					continue
				}
				if c.Outcome != Open && c.Closed.Year() < y && (lastBefore == nil || c.Closed > lastBefore.Closed) {
					lastBefore = c
				}
				if c.Opened.Year() == y {
					r.CasesOpened++
				}
				if c.Outcome == Open || c.Closed.Year() != y {
					continue
				}
				if c.Outcome == Lost {
					r.CasesLost++
					lostByCase = true
				} else {
					r.CasesKept++
				}
			}
			if before == nil || before.Revenue <= 0 || (lastBefore != nil && lastBefore.Outcome == Lost) {
				continue // not a customer the year started with
			}
			r.Customers++
			if lostByCase || (this != nil && this.Revenue <= 0) {
				r.Lost++
			} else {
				r.Retained++
			}
		}
		if r.Customers > 0 {
			r.Retention = round1(float64(r.Retained) / float64(r.Customers) * 100)
			r.Churn = round1(float64(r.Lost) / float64(r.Customers) * 100)
		}
		out = append(out, r)
	}
	return out
}
