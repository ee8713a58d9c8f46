// Package sample generates realistic, bilingual key-account portfolios from a
// seed: accounts with group structures, four years of figures, decision
// chains, two years of activities, account plans and the actions that keep
// them moving. The same size, seed and day always give the same portfolio,
// IDs included, so a demo, a test and a benchmark can all name what they ran
// on. It is pure: no clock, no I/O.
package sample

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/oklog/ulid/v2"

	"keystone/core/account"
	"keystone/core/action"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/plan"
	"keystone/core/record"
)

// Size names one of the portfolio sizes of the design (S is the demo).
type Size string

const (
	Small  Size = "s"
	Medium Size = "m"
	Large  Size = "l"
)

// ParseSize reads "s", "m" or "l" in either case.
func ParseSize(s string) (Size, error) {
	switch size := Size(strings.ToLower(strings.TrimSpace(s))); size {
	case Small, Medium, Large:
		return size, nil
	}
	return "", &fault.Error{Code: fault.Invalid, Field: "size", Rule: "unknown_value",
		Params:  map[string]any{"value": s, "allowed": []string{"s", "m", "l"}},
		Message: fmt.Sprintf("sample size %q is not one of s (24 accounts), m (300) or l (2,000)", s)}
}

// Counts is how many records of each kind a portfolio holds. OpenActions
// is the part of Actions still open or in progress.
type Counts struct {
	Accounts, Contacts, Activities, Figures int
	Plans, Actions, OpenActions             int
}

// figureYears is the number of calendar years of figures per account, up to
// and including the current one.
const figureYears = 4

// Target is the exact size of a generated portfolio; zero for an unknown size.
//
// Every account has this year's plan and about two-thirds also last year's.
// Actions are activity follow-ups, plan tasks and hand-made to-dos; the
// to-dos fill up to the total. L is also the stress case of the one "My
// actions" list, so its books carry a long open backlog (50,000 open and
// more) where S and M look like an ordinary team's.
func Target(size Size) Counts {
	var c Counts
	switch size {
	case Small:
		c = Counts{Accounts: 24, Contacts: 200, Activities: 1_500, Actions: 360, OpenActions: 110}
	case Medium:
		c = Counts{Accounts: 300, Contacts: 3_000, Activities: 30_000, Actions: 7_000, OpenActions: 2_000}
	case Large:
		c = Counts{Accounts: 2_000, Contacts: 20_000, Activities: 200_000, Actions: 100_000, OpenActions: 52_000}
	}
	c.Figures = c.Accounts * figureYears
	c.Plans = c.Accounts + lastYearPlans(c.Accounts)
	return c
}

// Portfolio is a generated data set. Accounts come parents first; figures,
// contacts, activities, plans and actions are grouped by account in account
// order, figures and plans by year, contacts with each person after the one
// they report to, activities by date, and an account's actions as
// follow-ups (in activity order), plan tasks (by due date), then to-dos.
type Portfolio struct {
	Accounts   []account.Account
	Figures    []account.YearFigures
	Contacts   []account.Contact
	Activities []account.Activity
	Plans      []plan.Plan
	Actions    []action.Action
	// Items are the records of the areas beyond these (see items.go).
	Items []Item
}

// Generate builds the portfolio of a size for a seed as it would look on
// today: nothing happened after today (only follow-ups and due dates lie
// ahead), record times are derived from it, and Rev is left for the loader.
// It panics on a size ParseSize refuses or an invalid today, both
// programming errors.
func Generate(size Size, seed int64, today calendar.Date) Portfolio {
	want := Target(size)
	if want.Accounts == 0 {
		panic(fmt.Sprintf("sample: unknown size %q", size))
	}
	if today == "" || !today.Valid() {
		panic(fmt.Sprintf("sample: invalid today %q", today))
	}
	g := newGen(seed, today, want)
	g.planAccounts()
	g.sizeAccounts()
	g.buildAccounts()
	g.buildFigures()
	g.buildContacts()
	g.buildActivities()
	g.buildPlans()
	g.buildActions()
	g.buildAreas()
	return g.p
}

// Days of the calendar window the generator dates things in.
const (
	activityDays = 730 // activities reach back 24 months
	contactDays  = 365 // last contacts fall within the year
	pastDays     = activityDays + 10
	futureDays   = 370 // follow-ups, plan tasks and to-dos may lie ahead, to the year's end
)

type gen struct {
	r     *rand.Rand
	seed  uint64
	ids   *ulid.MonotonicEntropy
	want  Counts
	today calendar.Date
	now   time.Time // midnight UTC starting today: no record time is later
	year  int
	// dates[i] is today moved by i-pastDays days, so hot loops need no parsing.
	dates    []calendar.Date
	weekdays []time.Weekday

	accts    []acct
	people   []person        // beside p.Contacts
	used     map[string]bool // account names taken
	usedWord map[string]bool // brand and place words taken
	team     []owner         // the supplier's account managers at this size
	plans    []acctPlans     // beside accts
	p        Portfolio
}

func newGen(seed int64, today calendar.Date, want Counts) *gen {
	s := uint64(seed)
	g := &gen{
		r:        rand.New(rand.NewPCG(s, 0x6b657973746f6e65)),
		seed:     s,
		want:     want,
		today:    today,
		now:      today.Time(),
		year:     today.Year(),
		used:     map[string]bool{},
		usedWord: map[string]bool{},
	}
	// IDs draw from their own stream so their bytes never shift the data.
	g.ids = ulid.Monotonic(randReader{rand.New(rand.NewPCG(s, 0x756c6964))}, 0)
	for i := -pastDays; i <= futureDays; i++ {
		t := g.now.AddDate(0, 0, i)
		g.dates = append(g.dates, calendar.DateOf(t))
		g.weekdays = append(g.weekdays, t.Weekday())
	}
	return g
}

// day is the date back days before today (negative: after today).
func (g *gen) day(back int) calendar.Date {
	if i := pastDays - back; i >= 0 && i < len(g.dates) {
		return g.dates[i]
	}
	return g.today.AddDays(-back)
}

func (g *gen) weekday(back int) time.Weekday {
	if i := pastDays - back; i >= 0 && i < len(g.weekdays) {
		return g.weekdays[i]
	}
	return g.now.AddDate(0, 0, -back).Weekday()
}

// at is a record time back days before today at a minute of the day, never
// later than now.
func (g *gen) at(back, minute int) time.Time {
	return g.clamp(g.now.Add(time.Duration(minute)*time.Minute - time.Duration(back)*24*time.Hour))
}

func (g *gen) clamp(t time.Time) time.Time {
	if t.After(g.now) {
		return g.now
	}
	return t
}

func (g *gen) id(t time.Time) string { return record.NewIDAt(t, g.ids) }

// randReader feeds ULID entropy from a seeded generator; Int63n lets the
// monotonic source draw its increments from it too instead of its own bytes.
type randReader struct{ r *rand.Rand }

func (s randReader) Read(p []byte) (int, error) {
	for i := 0; i < len(p); i += 8 {
		v := s.r.Uint64()
		for j := 0; j < 8 && i+j < len(p); j++ {
			p[i+j] = byte(v >> (8 * j))
		}
	}
	return len(p), nil
}

func (s randReader) Int63n(n int64) int64 { return s.r.Int64N(n) }

// Random helpers.

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

func (g *gen) between(lo, hi float64) float64 { return lo + (hi-lo)*g.r.Float64() }

func pick[T any](g *gen, s []T) T { return s[g.r.IntN(len(s))] }

// weighted picks an index with probability proportional to w[i].
func (g *gen) weighted(w []int) int {
	total := 0
	for _, x := range w {
		total += x
	}
	n := g.r.IntN(total)
	for i, x := range w {
		if n < x {
			return i
		}
		n -= x
	}
	return len(w) - 1
}

// spread gives each bucket floor plus a share of the rest in proportion to
// its weight, so that the buckets add up to total exactly (largest remainder).
func spread(total, floor int, w []float64) []int {
	n := len(w)
	out := make([]int, n)
	if n == 0 {
		return out
	}
	if floor*n > total {
		floor = total / n
	}
	extra := total - floor*n
	sum := 0.0
	for _, x := range w {
		sum += x
	}
	type rem struct {
		i int
		f float64
	}
	rems := make([]rem, n)
	given := 0
	for i, x := range w {
		q := float64(extra) * (x / sum)
		k := int(q)
		out[i] = floor + k
		given += k
		rems[i] = rem{i, q - float64(k)}
	}
	// Stable order on equal remainders keeps the result independent of sort internals.
	slices.SortStableFunc(rems, func(a, b rem) int { return cmp.Compare(b.f, a.f) })
	for j := 0; given < extra; j++ {
		out[rems[j%n].i]++
		given++
	}
	return out
}
