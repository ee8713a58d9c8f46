package sample

import (
	"math"
	"slices"
	"strconv"
	"time"

	"keystone/core/account"
)

const minActivities = 6

// Activity types and how often each happens; troubled accounts complain more.
var (
	typeNames       = []string{"visit", "call", "meeting", "event", "service", "complaint"}
	typeWeights     = []int{30, 28, 17, 5, 14, 6}
	troubledWeights = []int{26, 26, 14, 3, 12, 28}
	// Share of each type that did something useful for the customer.
	usefulShare = []float64{0.2, 0.06, 0.2, 0.15, 0.5, 0.35}
	// Share of each type that sets a follow-up date: most complaints, few calls.
	followShare = []float64{0.12, 0.06, 0.12, 0.04, 0.08, 0.5}
)

// buildActivities logs two years of work per account, more on accounts with
// more people, denser in recent months; then sets each contact's last
// contact date from the log.
func (g *gen) buildActivities() {
	w := make([]float64, len(g.accts))
	for i := range g.accts {
		a := &g.accts[i]
		w[i] = math.Pow(float64(a.nContacts), 0.9) * g.between(0.75, 1.3)
		if a.troubled {
			w[i] *= 1.3
		}
	}
	counts := spread(g.want.Activities, minActivities, w)
	g.p.Activities = make([]account.Activity, 0, g.want.Activities)
	// One backing array for all contact lists (capped per activity, so an
	// append by a caller copies instead of overwriting a neighbour).
	ids := make([]string, 0, 3*g.want.Activities)
	var pool []int
	var backs []int
	for i := range g.accts {
		g.accts[i].nActs = counts[i]
		pool, backs, ids = g.activitiesFor(i, pool[:0], backs[:0], ids)
	}
}

func (g *gen) activitiesFor(i int, pool, backs []int, ids []string) ([]int, []int, []string) {
	a := &g.accts[i]
	acc := &g.p.Accounts[i]
	lang := a.lang()
	contacts := g.p.Contacts[a.lo:a.hi]
	people := g.people[a.lo:a.hi]
	for j := range people {
		for range people[j].weight {
			pool = append(pool, j)
		}
	}

	for range a.nActs {
		b := g.activityDay()
		// Most work happens on weekdays: redraw most weekend days.
		for try := 0; try < 4 && g.weekend(b) && g.chance(0.9); try++ {
			b = g.activityDay()
		}
		backs = append(backs, b)
	}
	slices.Sort(backs)

	weights := typeWeights
	if a.troubled {
		weights = troubledWeights
	}
	for n := len(backs) - 1; n >= 0; n-- {
		b := backs[n]
		t := g.weighted(weights)
		typ := typeNames[t]
		act := account.Activity{AccountID: acc.ID, Date: g.day(b), Type: typ, Subject: g.subject(typ, lang, b)}

		want := 1
		switch x := g.r.Float64(); {
		case x > 0.85:
			want = 3
		case x > 0.55:
			want = 2
		}
		var picked [3]int
		np := 0
		for try := 0; np < want && try < 4*want; try++ {
			j := pool[g.r.IntN(len(pool))]
			if slices.Contains(picked[:np], j) || (people[j].leftBack > 0 && b < people[j].leftBack) {
				continue // already there, or had left by then
			}
			picked[np] = j
			np++
		}
		if np == 0 {
			np = 1 // the top person, who never leaves
		}
		start := len(ids)
		for _, j := range picked[:np] {
			ids = append(ids, contacts[j].ID)
			if p := &people[j]; p.lastBack < 0 || b < p.lastBack {
				p.lastBack = b
			}
		}
		act.ContactIDs = ids[start:len(ids):len(ids)]

		switch {
		case typ == "complaint" && g.chance(0.7):
			act.Notes = pick(g, complaintNotes[lang])
		case g.chance(0.3):
			act.Notes = pick(g, activityNotes[lang])
		}
		// Follow-ups fall 2–30 days later: ahead of today for recent work,
		// behind it (overdue unless done) for older. Each one is also an
		// action, so only the activities that promised something carry one.
		if g.chance(followShare[t]) {
			act.FollowUp = g.day(b - 2 - g.r.IntN(29))
		}
		act.Useful = g.chance(usefulShare[t])

		created := g.at(b, 60+g.r.IntN(540))
		act.ID = g.id(created)
		act.CreatedAt, act.UpdatedAt = created, created
		g.p.Activities = append(g.p.Activities, act)
	}

	for j := range contacts {
		p, c := &people[j], &contacts[j]
		var back int
		switch {
		case p.leftBack > 0:
			back = p.leftBack
		case p.lastBack >= 0 && p.lastBack <= contactDays:
			back = p.lastBack
		default:
			back = 20 + g.r.IntN(contactDays-20+1) // met, but nothing was logged
		}
		c.LastContact = g.day(back)
		if t := g.at(back, 600); t.After(c.UpdatedAt) {
			c.UpdatedAt = t
		}
	}
	return pool, backs, ids
}

// activityDay draws how many days ago an activity was: half spread evenly
// over the window, half on a ramp rising toward today, so the latest months
// are about three times as busy as the earliest.
func (g *gen) activityDay() int {
	if g.chance(0.5) {
		return g.r.IntN(activityDays + 1)
	}
	return min(activityDays, int(float64(activityDays+1)*(1-math.Sqrt(g.r.Float64()))))
}

func (g *gen) weekend(back int) bool {
	wd := g.weekday(back)
	return wd == time.Saturday || wd == time.Sunday
}

// subject writes a subject in the account's language; quarterly reviews
// name the quarter they review.
func (g *gen) subject(typ string, lang, back int) string {
	if typ == "complaint" {
		return complaintPrefix[lang] + pick(g, complaintCauses[lang])
	}
	list := subjects[typ][lang]
	j := g.r.IntN(len(list))
	d := g.day(back)
	if typ == "visit" && j == 0 && d.Month()%3 != 1 {
		j = 1 + g.r.IntN(len(list)-1) // reviews happen early in the next quarter
	}
	if typ != "visit" || j != 0 {
		return list[j]
	}
	y, q := d.Year(), d.Quarter()-1
	if q == 0 {
		y, q = y-1, 4
	}
	if lang == 0 {
		return strconv.Itoa(y) + "年Q" + strconv.Itoa(q) + list[0]
	}
	return list[0] + " Q" + strconv.Itoa(q) + " " + strconv.Itoa(y)
}
