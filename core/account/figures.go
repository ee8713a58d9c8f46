package account

import (
	"sort"

	"keystone/core/calendar"
)

// YearShare is one year's share of wallet (钱包份额).
type YearShare struct {
	Year    int     `json:"year"`
	Percent float64 `json:"percent"`
	Known   bool    `json:"known"` // false when the customer's category spend is unknown
}

// ShareOfWallet = our revenue in the category ÷ the customer's category spend × 100.
func ShareOfWallet(f YearFigures) YearShare {
	if f.CategorySpend <= 0 {
		return YearShare{Year: f.Year}
	}
	return YearShare{Year: f.Year, Percent: float64(f.Revenue) / float64(f.CategorySpend) * 100, Known: true}
}

// SharesOfWallet gives one YearShare per live year, oldest first.
func SharesOfWallet(figs []YearFigures) []YearShare {
	out := make([]YearShare, 0, len(figs))
	for _, f := range SortedFigures(figs) {
		out = append(out, ShareOfWallet(f))
	}
	return out
}

// SortedFigures drops archived rows and sorts by year.
func SortedFigures(figs []YearFigures) []YearFigures {
	out := make([]YearFigures, 0, len(figs))
	for _, f := range figs {
		if !f.Deleted() {
			out = append(out, f)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Year < out[j].Year })
	return out
}

// KeyPersonVisits counts face-to-face time with one key person.
type KeyPersonVisits struct {
	ContactID string  `json:"contactId"`
	Name      string  `json:"name"`
	Visits    int     `json:"visits"`
	PerMonth  float64 `json:"perMonth"`
}

// MonthCount is one calendar month of the window.
type MonthCount struct {
	Month      string `json:"month"` // YYYY-MM
	Visits     int    `json:"visits"`
	Activities int    `json:"activities"`
	Useful     bool   `json:"useful"`
}

// VisitStats are the courses' relationship-work measures over a window of
// whole months: visits per month per key person, and months in which one
// useful thing was done for the customer.
type VisitStats struct {
	From           calendar.Date     `json:"from"`
	To             calendar.Date     `json:"to"`
	Months         int               `json:"months"`
	Visits         int               `json:"visits"`
	VisitsPerMonth float64           `json:"visitsPerMonth"`
	KeyPeople      []KeyPersonVisits `json:"keyPeople"`
	UsefulMonths   int               `json:"usefulMonths"`
	ByMonth        []MonthCount      `json:"byMonth"`
}

// FaceToFace reports whether an activity type counts as a visit.
func FaceToFace(activityType string) bool {
	return activityType == "visit" || activityType == "meeting"
}

// KeyPerson reports whether a contact is a key person for visit figures:
// still at the customer, and either the economic buyer or of high influence.
func KeyPerson(p Contact) bool {
	return !p.Deleted() && !p.Left && (p.BuyingRole == "economic" || p.Influence == "high")
}

// Visits computes VisitStats over the `months` whole calendar months ending
// with the month of today (today's month counts as a month).
func Visits(activities []Activity, contacts []Contact, today calendar.Date, months int) VisitStats {
	if months < 1 {
		months = 1
	}
	end := today.Time()
	first := end.AddDate(0, -(months - 1), -(end.Day() - 1))
	st := VisitStats{From: calendar.DateOf(first), To: today, Months: months}
	index := map[string]int{}
	for i := 0; i < months; i++ {
		m := calendar.DateOf(first.AddDate(0, i, 0)).MonthKey()
		index[m] = i
		st.ByMonth = append(st.ByMonth, MonthCount{Month: m})
	}
	perPerson := map[string]int{}
	for _, a := range activities {
		if a.Deleted() || a.Date < st.From || a.Date > st.To {
			continue
		}
		i, ok := index[a.Date.MonthKey()]
		if !ok {
			continue
		}
		st.ByMonth[i].Activities++
		if a.Useful {
			st.ByMonth[i].Useful = true
		}
		if FaceToFace(a.Type) {
			st.ByMonth[i].Visits++
			st.Visits++
			for _, id := range a.ContactIDs {
				perPerson[id]++
			}
		}
	}
	for _, m := range st.ByMonth {
		if m.Useful {
			st.UsefulMonths++
		}
	}
	st.VisitsPerMonth = float64(st.Visits) / float64(months)
	st.KeyPeople = []KeyPersonVisits{}
	for _, p := range contacts {
		if !KeyPerson(p) {
			continue
		}
		n := perPerson[p.ID]
		st.KeyPeople = append(st.KeyPeople, KeyPersonVisits{ContactID: p.ID, Name: p.Name, Visits: n, PerMonth: float64(n) / float64(months)})
	}
	sort.SliceStable(st.KeyPeople, func(i, j int) bool { return st.KeyPeople[i].Visits > st.KeyPeople[j].Visits })
	return st
}
