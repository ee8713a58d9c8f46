package sample

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/account"
	"keystone/core/action"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/money"
	"keystone/core/plan"
	"keystone/core/record"
)

const testToday calendar.Date = "2025-06-15"

// portfolios are generated once per size and day: several tests read them.
var cache = map[string]Portfolio{}

func generated(t testing.TB, size Size, today calendar.Date) Portfolio {
	t.Helper()
	key := string(size) + string(today)
	if p, ok := cache[key]; ok {
		return p
	}
	p := Generate(size, 1, today)
	cache[key] = p
	return p
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want Size
		ok   bool
	}{
		{"s", Small, true},
		{"S", Small, true},
		{" m ", Medium, true},
		{"L", Large, true},
		{"", "", false},
		{"xl", "", false},
		{"small", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseSize(tt.in)
			if !tt.ok {
				require.Error(t, err)
				assert.Equal(t, fault.Invalid, fault.CodeOf(err))
				assert.Contains(t, err.Error(), "s (24 accounts), m (300) or l (2,000)")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestTarget(t *testing.T) {
	tests := []struct {
		size Size
		want Counts
	}{
		{Small, Counts{Accounts: 24, Contacts: 200, Activities: 1_500, Figures: 96, Plans: 40, Actions: 360, OpenActions: 110}},
		{Medium, Counts{Accounts: 300, Contacts: 3_000, Activities: 30_000, Figures: 1_200, Plans: 500, Actions: 7_000, OpenActions: 2_000}},
		{Large, Counts{Accounts: 2_000, Contacts: 20_000, Activities: 200_000, Figures: 8_000, Plans: 3_333, Actions: 100_000, OpenActions: 52_000}},
		{"xl", Counts{}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Target(tt.size), tt.size)
	}
}

func TestGeneratePanicsOnBadInput(t *testing.T) {
	assert.Panics(t, func() { Generate("xl", 1, testToday) })
	assert.Panics(t, func() { Generate(Small, 1, "") })
	assert.Panics(t, func() { Generate(Small, 1, "2025-02-30") })
}

func TestGenerateIsDeterministic(t *testing.T) {
	for _, size := range []Size{Small, Medium} {
		t.Run(string(size), func(t *testing.T) {
			a := Generate(size, 7, testToday)
			b := Generate(size, 7, testToday)
			require.NotEmpty(t, a.Plans)
			require.NotEmpty(t, a.Actions)
			require.Equal(t, a, b, "same size, seed and day must give the same portfolio")

			other := Generate(size, 8, testToday)
			assert.NotEqual(t, a.Accounts[0].ID, other.Accounts[0].ID)
			assert.NotEqual(t, names(a), names(other), "another seed gives other customers")

			later := Generate(size, 7, testToday.AddDays(30))
			assert.NotEqual(t, a.Activities[0].Date, later.Activities[0].Date, "dates follow today")
		})
	}
}

func names(p Portfolio) []string {
	var out []string
	for _, a := range p.Accounts {
		out = append(out, a.Name)
	}
	return out
}

func TestGenerateCounts(t *testing.T) {
	sizes := []Size{Small, Medium}
	if !testing.Short() {
		sizes = append(sizes, Large)
	}
	for _, size := range sizes {
		t.Run(string(size), func(t *testing.T) {
			assert.Equal(t, Target(size), count(generated(t, size, testToday)))
		})
	}
}

func count(p Portfolio) Counts {
	c := Counts{Accounts: len(p.Accounts), Contacts: len(p.Contacts), Activities: len(p.Activities), Figures: len(p.Figures),
		Plans: len(p.Plans), Actions: len(p.Actions)}
	for i := range p.Actions {
		if p.Actions[i].IsOpen() {
			c.OpenActions++
		}
	}
	return c
}

// TestLargeHasOpenBacklog guards what the "My actions" benchmark relies on.
func TestLargeHasOpenBacklog(t *testing.T) {
	if testing.Short() {
		t.Skip("size L in -short mode")
	}
	assert.GreaterOrEqual(t, count(generated(t, Large, testToday)).OpenActions, 50_000)
}

// accountRecords are one account's figures, contacts, activities, plans
// and actions.
type accountRecords struct {
	figures    []account.YearFigures
	contacts   []account.Contact
	activities []account.Activity
	plans      []plan.Plan
	actions    []action.Action
}

func group(p Portfolio) map[string]*accountRecords {
	m := map[string]*accountRecords{}
	for _, a := range p.Accounts {
		m[a.ID] = &accountRecords{}
	}
	for _, f := range p.Figures {
		m[f.AccountID].figures = append(m[f.AccountID].figures, f)
	}
	for _, c := range p.Contacts {
		m[c.AccountID].contacts = append(m[c.AccountID].contacts, c)
	}
	for _, a := range p.Activities {
		m[a.AccountID].activities = append(m[a.AccountID].activities, a)
	}
	for _, x := range p.Plans {
		m[x.AccountID].plans = append(m[x.AccountID].plans, x)
	}
	for _, x := range p.Actions {
		m[x.AccountID].actions = append(m[x.AccountID].actions, x)
	}
	return m
}

// TestEveryRecordValidates runs each record through the checks the app
// applies on save: all of S on several days (leap day, first and last day of
// a year), and every fourth account of M.
func TestEveryRecordValidates(t *testing.T) {
	tests := []struct {
		size   Size
		today  calendar.Date
		stride int
	}{
		{Small, testToday, 1},
		{Small, "2024-02-29", 1},
		{Small, "2026-01-01", 1},
		{Small, "2025-12-31", 1},
		{Medium, testToday, 4},
	}
	for _, tt := range tests {
		t.Run(string(tt.size)+"/"+string(tt.today), func(t *testing.T) {
			validateAll(t, generated(t, tt.size, tt.today), tt.stride)
		})
	}
}

// validateAll checks every stride-th account with all its records.
func validateAll(t *testing.T, p Portfolio, stride int) {
	recs := group(p)
	for i, a := range p.Accounts {
		if i%stride != 0 {
			continue
		}
		n := a
		n.Normalize()
		assert.Equal(t, a, n, "account %s comes out normalized", a.Name)
		require.NoError(t, n.Validate(), "account %s", a.Name)

		r := recs[a.ID]
		for _, f := range r.figures {
			require.NoError(t, f.Validate(), "figures %s %d", a.Name, f.Year)
			require.NoError(t, account.CheckYearUnique(f, r.figures))
		}
		for _, c := range r.contacts {
			n := c
			n.Normalize()
			assert.Equal(t, c, n)
			require.NoError(t, n.Validate(), "contact %s of %s", c.Name, a.Name)
			require.NoError(t, account.CheckReportsTo(c, r.contacts), "contact %s of %s", c.Name, a.Name)
		}
		for _, act := range r.activities {
			n := act
			n.Normalize()
			assert.Equal(t, act, n)
			require.NoError(t, n.Validate(r.contacts), "activity %s of %s", act.Subject, a.Name)
		}
		for _, pl := range r.plans {
			n := pl
			n.Normalize()
			assert.Equal(t, pl, n, "plan %d of %s comes out normalized", pl.Year, a.Name)
			require.NoError(t, n.Validate(), "plan %d of %s", pl.Year, a.Name)
			require.NoError(t, n.CheckContacts(r.contacts), "plan %d of %s", pl.Year, a.Name)
		}
		for _, x := range r.actions {
			n := x
			n.Normalize()
			assert.Equal(t, x, n)
			require.NoError(t, n.Validate(), "action %q of %s", x.Title, a.Name)
		}
	}
}

// TestManySeeds guards against invariants that hold for one seed by luck.
func TestManySeeds(t *testing.T) {
	for seed := int64(1); seed <= 30; seed++ {
		p := Generate(Small, seed, testToday.AddDays(int(seed)*11))
		today := testToday.AddDays(int(seed) * 11)
		validateAll(t, p, 1)
		checkShape(t, p, today)
		checkPlans(t, p, today)
		checkActions(t, p, today)
		assert.Equal(t, Target(Small), count(p), "exact counts whatever the seed and day")
		if t.Failed() {
			t.Fatalf("seed %d", seed)
		}
	}
}

// TestPortfolioShape checks the invariants the analyses rely on.
func TestPortfolioShape(t *testing.T) {
	sizes := []Size{Small, Medium}
	if !testing.Short() {
		sizes = append(sizes, Large)
	}
	for _, size := range sizes {
		t.Run(string(size), func(t *testing.T) {
			p := generated(t, size, testToday)
			checkShape(t, p, testToday)
		})
	}
}

func checkShape(t *testing.T, p Portfolio, today calendar.Date) {
	now := today.Time()
	ids := make(map[string]bool, len(p.Accounts)+len(p.Figures)+len(p.Contacts)+len(p.Activities)+len(p.Plans)+len(p.Actions))
	// Plain ifs in the per-record checks: testify per call would dominate at size L.
	checkMeta := func(kind string, m record.Meta) {
		switch {
		case !record.ValidID(m.ID):
			t.Fatalf("%s id %q is not a ULID", kind, m.ID)
		case ids[m.ID]:
			t.Fatalf("duplicate id %s", m.ID)
		case m.Rev != 0:
			t.Fatalf("%s %s has rev %d; the loader sets revisions", kind, m.ID, m.Rev)
		case m.DeletedAt != nil:
			t.Fatalf("%s %s is archived", kind, m.ID)
		case m.CreatedAt.IsZero() || m.CreatedAt.After(m.UpdatedAt):
			t.Fatalf("%s %s created %s, updated %s", kind, m.ID, m.CreatedAt, m.UpdatedAt)
		case m.UpdatedAt.After(now):
			t.Fatalf("%s %s stamped %s, after today", kind, m.ID, m.UpdatedAt)
		}
		ids[m.ID] = true
	}

	// Parents exist, come before their children, and never loop.
	pos := map[string]int{}
	parentOf := map[string]string{}
	for i, a := range p.Accounts {
		checkMeta("account", a.Meta)
		pos[a.ID] = i
		parentOf[a.ID] = a.ParentID
	}
	children := 0
	for i, a := range p.Accounts {
		if a.ParentID == "" {
			continue
		}
		children++
		j, ok := pos[a.ParentID]
		require.True(t, ok, "parent of %s exists", a.Name)
		assert.Less(t, j, i, "parent of %s comes first", a.Name)
		require.NoError(t, account.CheckParent(a.ID, a.ParentID, func(id string) (string, bool) {
			p, ok := parentOf[id]
			return p, ok
		}))
	}
	assert.Positive(t, children, "some group structures")

	recs := group(p)
	for _, a := range p.Accounts {
		r := recs[a.ID]
		assert.GreaterOrEqual(t, len(r.contacts), minContacts, a.Name)
		assert.GreaterOrEqual(t, len(r.activities), minActivities, a.Name)

		// Four years up to today's, in the account's currency; share of wallet in (0, 100].
		require.Len(t, r.figures, figureYears, a.Name)
		for k, f := range r.figures {
			checkMeta("figures", f.Meta)
			assert.Equal(t, today.Year()-figureYears+1+k, f.Year)
			assert.Equal(t, a.Currency, f.Currency)
			assert.Positive(t, f.Revenue)
			if sow := account.ShareOfWallet(f); sow.Known {
				assert.Greater(t, sow.Percent, 0.0)
				assert.LessOrEqual(t, sow.Percent, 100.0)
			}
		}

		economic := 0
		for _, c := range r.contacts {
			checkMeta("contact", c.Meta)
			if c.BuyingRole == "economic" {
				economic++
				assert.False(t, c.Left, "the economic buyer of %s is still there", a.Name)
			}
			assert.NotEmpty(t, c.LastContact)
			assert.False(t, today.Before(c.LastContact), "last contact after today")
			assert.LessOrEqual(t, c.LastContact.DaysUntil(today), contactDays, "last contact within the year")
		}
		assert.Equal(t, 1, economic, "one economic buyer at %s", a.Name)

		byID := map[string]account.Contact{}
		for _, c := range r.contacts {
			byID[c.ID] = c
		}
		for _, act := range r.activities {
			checkMeta("activity", act.Meta)
			for _, id := range act.ContactIDs {
				// Nobody is met after their last contact; people who left only before they left.
				if c := byID[id]; c.LastContact.Before(act.Date) {
					t.Fatalf("%s (left %v) last met %s but is on an activity of %s", c.Name, c.Left, c.LastContact, act.Date)
				}
			}
			switch {
			case today.Before(act.Date):
				t.Fatalf("activity on %s is after today", act.Date)
			case act.Date.DaysUntil(today) > activityDays:
				t.Fatalf("activity on %s is older than the window", act.Date)
			case len(act.ContactIDs) < 1 || len(act.ContactIDs) > 3:
				t.Fatalf("activity %s has %d contacts", act.ID, len(act.ContactIDs))
			case len(act.ContactIDs) != cap(act.ContactIDs):
				t.Fatalf("activity %s shares spare capacity in its contact list", act.ID)
			}
		}
		// Activities are listed by date.
		assert.True(t, slices.IsSortedFunc(r.activities, func(x, y account.Activity) int { return strings.Compare(string(x.Date), string(y.Date)) }))

		for _, pl := range r.plans {
			checkMeta("plan", pl.Meta)
			for _, gl := range pl.Goals {
				if !record.ValidID(gl.ID) || ids[gl.ID] {
					t.Fatalf("goal id %q of plan %s is not a fresh ULID", gl.ID, pl.ID)
				}
				ids[gl.ID] = true
			}
		}
		for _, x := range r.actions {
			if x.Source.Area == action.AreaActivity {
				// A follow-up shares its activity's id by design (storage.FollowUpKey).
				if x.ID != x.Source.RecordID {
					t.Fatalf("follow-up %s does not share its activity's id %s", x.ID, x.Source.RecordID)
				}
				continue
			}
			checkMeta("action", x.Meta)
		}
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// TestPortfolioIsRealistic checks the mix the demo and the analyses need.
func TestPortfolioIsRealistic(t *testing.T) {
	for _, size := range []Size{Small, Medium} {
		t.Run(string(size), func(t *testing.T) {
			p := generated(t, size, testToday)
			recs := group(p)
			n := float64(len(p.Accounts))

			// Bilingual: about two-thirds Chinese customers.
			zh, en := 0, 0
			for _, a := range p.Accounts {
				if hasHan(a.Name) {
					zh++
					assert.True(t, hasHan(a.LegalName) || a.Country != "CN", "%s has a Chinese legal name", a.Name)
				} else {
					en++
				}
				assert.NotEmpty(t, a.LegalName)
				if a.Country == "CN" {
					assert.Equal(t, "CNY", a.Currency, a.Name)
				}
				if a.Country == "JP" {
					assert.Equal(t, "JPY", a.Currency, a.Name)
				}
			}
			assert.InDelta(t, 2.0/3, float64(zh)/n, 0.1, "Chinese share")
			assert.Positive(t, en)

			// The four core industries dominate.
			core := 0
			for _, a := range p.Accounts {
				if slices.Contains([]string{"industrial", "chemical", "electronics", "logistics"}, a.Industry) {
					core++
				}
			}
			assert.Greater(t, float64(core)/n, 0.55)

			// A small team, so the owner filter means something.
			ownersSeen := map[string]int{}
			for _, a := range p.Accounts {
				ownersSeen[a.Owner]++
			}
			assert.GreaterOrEqual(t, len(ownersSeen), 5)
			assert.LessOrEqual(t, len(ownersSeen), 24)

			// Groups with subsidiaries in several countries.
			countriesOf := map[string]map[string]bool{}
			for _, a := range p.Accounts {
				top := a.ID
				if a.ParentID != "" {
					top = a.ParentID
				}
				if countriesOf[top] == nil {
					countriesOf[top] = map[string]bool{}
				}
				countriesOf[top][a.Country] = true
			}
			multi := 0
			for _, c := range countriesOf {
				if len(c) > 1 {
					multi++
				}
			}
			assert.GreaterOrEqual(t, multi, 2, "groups spanning countries")

			tags := map[string]bool{}
			for _, a := range p.Accounts {
				for _, tg := range a.Tags {
					tags[tg] = true
				}
			}
			for _, tg := range []string{tagStrategic, tagDevelop, tagGlobal, tagReference, tagAtRisk} {
				assert.True(t, tags[tg], "tag %s used", tg)
			}

			// Pareto: the top fifth of accounts carries most of the revenue.
			var revs []float64
			yuan := map[string]float64{}
			loss := 0
			for _, a := range p.Accounts {
				f := recs[a.ID].figures[figureYears-2] // last full year
				unit := perCNY[a.Currency] * math.Pow10(money.Scale(a.Currency))
				yuan[a.ID] = float64(f.Revenue) / unit
				revs = append(revs, yuan[a.ID])
				for _, f := range recs[a.ID].figures {
					gm := float64(f.Margin) / float64(f.Revenue)
					if gm < 0 {
						loss++
					}
					assert.LessOrEqual(t, gm, 0.40+1e-6, "gross margin at most 40 %%")
				}
			}
			slices.Sort(revs)
			slices.Reverse(revs)
			total, top := 0.0, 0.0
			for i, r := range revs {
				total += r
				if i < len(revs)/5 {
					top += r
				}
			}
			assert.Greater(t, top/total, 0.55, "top 20%% share")
			assert.Positive(t, loss, "a few loss-making years")

			// Decision chains: coaches usually, Left people sometimes, big accounts bigger.
			noCoach, left := 0, 0
			for _, a := range p.Accounts {
				coach := false
				for _, c := range recs[a.ID].contacts {
					coach = coach || c.BuyingRole == "coach"
					if c.Left {
						left++
					}
					if a.Country == "CN" {
						assert.True(t, hasHan(c.Name) && hasHan(c.Title), "%s at %s", c.Name, a.Name)
					}
				}
				if !coach {
					noCoach++
				}
			}
			assert.Positive(t, noCoach, "some accounts without a coach")
			assert.Less(t, float64(noCoach)/n, 0.3)
			assert.Positive(t, left)
			biggest := slices.MaxFunc(p.Accounts, func(x, y account.Account) int { return cmp.Compare(yuan[x.ID], yuan[y.ID]) })
			assert.Greater(t, len(recs[biggest.ID].contacts), len(p.Contacts)/len(p.Accounts))

			// Activities: recent months busier, follow-ups both ahead and overdue,
			// complaints concentrated on a few accounts, subjects in the account's language.
			recent, older, ahead, overdue, useful, complaints := 0, 0, 0, 0, 0, 0
			maxComplaintShare := 0.0
			for _, a := range p.Accounts {
				acts := recs[a.ID].activities
				c := 0
				for _, act := range acts {
					if act.Date.DaysUntil(testToday) <= 365 {
						recent++
					} else {
						older++
					}
					if act.FollowUp != "" {
						if testToday.Before(act.FollowUp) {
							ahead++
						} else {
							overdue++
						}
					}
					if act.Useful {
						useful++
					}
					if act.Type == "complaint" {
						c++
						complaints++
					}
					if a.Country == "CN" {
						assert.True(t, hasHan(act.Subject), act.Subject)
					}
				}
				maxComplaintShare = max(maxComplaintShare, float64(c)/float64(len(acts)))
			}
			assert.Greater(t, recent, older)
			assert.Positive(t, ahead)
			assert.Positive(t, overdue)
			assert.Positive(t, useful)
			assert.Greater(t, maxComplaintShare, 2*float64(complaints)/float64(len(p.Activities)))
		})
	}
}

// TestPlansAndActions checks plans and actions against their accounts and
// activities on several days, the turn of the year included.
func TestPlansAndActions(t *testing.T) {
	tests := []struct {
		size  Size
		today calendar.Date
	}{
		{Small, testToday},
		{Small, "2026-01-01"},
		{Small, "2025-12-31"},
		{Medium, testToday},
		{Medium, "2026-01-01"},
		{Large, testToday},
	}
	for _, tt := range tests {
		t.Run(string(tt.size)+"/"+string(tt.today), func(t *testing.T) {
			if tt.size == Large && testing.Short() {
				t.Skip("size L in -short mode")
			}
			p := generated(t, tt.size, tt.today)
			checkPlans(t, p, tt.today)
			checkActions(t, p, tt.today)
		})
	}
}

// checkPlans: this year's plan for every account, last year's (locked, and
// rolled into this year's) for two-thirds, goals against the figures, and a
// quarter of this year's plans unfinished.
func checkPlans(t *testing.T, p Portfolio, today calendar.Date) {
	year := today.Year()
	recs := group(p)
	tasks := map[string]int{}
	for _, x := range p.Actions {
		if x.Source.Area == action.AreaPlan {
			tasks[x.Source.RecordID]++
		}
	}
	last, unfinished := 0, 0
	for _, a := range p.Accounts {
		r := recs[a.ID]
		require.NotEmpty(t, r.plans, a.Name)
		cur := r.plans[len(r.plans)-1]
		require.Equal(t, year, cur.Year, "this year's plan of %s comes last", a.Name)
		assert.False(t, cur.Locked)
		switch len(r.plans) {
		case 1:
			assert.Empty(t, cur.RolledFrom, a.Name)
		case 2:
			last++
			old := r.plans[0]
			assert.Equal(t, year-1, old.Year, a.Name)
			assert.True(t, old.Locked, "last year's plan of %s is locked", a.Name)
			assert.Equal(t, old.ID, cur.RolledFrom, "this year's plan of %s rolled from last year's", a.Name)
			assert.False(t, cur.CreatedAt.Before(old.CreatedAt))
		default:
			t.Fatalf("%s has %d plans", a.Name, len(r.plans))
		}
		for _, pl := range r.plans {
			assert.Equal(t, a.Currency, pl.Currency)
			require.GreaterOrEqual(t, len(pl.Goals), 2, a.Name)
			require.LessOrEqual(t, len(pl.Goals), 5, a.Name)
			assert.Equal(t, plan.MetricRevenue, pl.Goals[0].Metric, "revenue goal first")
			// The revenue goal is 5–30 % above the year before (three significant digits).
			var base int64
			for _, f := range r.figures {
				if f.Year == pl.Year-1 {
					base = f.Revenue
				}
			}
			ratio := float64(pl.Goals[0].Target) / float64(base)
			assert.True(t, ratio >= 1.04 && ratio <= 1.31, "revenue goal of %s is %.2f × last year's", a.Name, ratio)
			assert.NotEmpty(t, pl.Positioning.TargetContactIDs)
			assert.LessOrEqual(t, len(pl.Positioning.TargetContactIDs), 3)
			assert.LessOrEqual(t, len(pl.Positioning.TargetCompetitors), 3)
			assert.LessOrEqual(t, len(pl.Resources), 4)
			if a.Country == "CN" {
				assert.True(t, hasHan(pl.Goals[0].Title) && hasHan(pl.ActionPlan), "plan of %s in Chinese", a.Name)
			}
		}
		c := plan.Complete(cur, tasks[cur.ID])
		if len(c.Missing) > 0 {
			unfinished++
			assert.LessOrEqual(t, len(c.Missing), 4, "plan of %s misses %v", a.Name, c.Missing)
		}
		if old := r.plans[0]; old.Locked {
			assert.Empty(t, plan.Complete(old, 0).Missing, "last year's plan of %s was finished", a.Name)
		}
	}
	assert.Equal(t, lastYearPlans(len(p.Accounts)), last)
	assert.Equal(t, incompletePlans(len(p.Accounts)), unfinished, "a quarter of this year's plans have gaps")
	assert.Positive(t, unfinished)
}

// checkActions: one follow-up per activity follow-up, its status following
// the log; two to six tasks per plan on its goals; nothing open in a year
// whose plan is locked.
func checkActions(t *testing.T, p Portfolio, today calendar.Date) {
	year := today.Year()
	type actRef struct {
		acts []account.Activity
		j    int
	}
	acts := map[string]actRef{}
	recs := group(p)
	for _, r := range recs {
		for j, act := range r.activities {
			acts[act.ID] = actRef{r.activities, j}
		}
	}
	accounts := map[string]account.Account{}
	for _, a := range p.Accounts {
		accounts[a.ID] = a
	}
	current, locked := map[string]plan.Plan{}, map[string]bool{}
	for _, pl := range p.Plans {
		if pl.Locked {
			locked[pl.AccountID] = true
		} else {
			current[pl.AccountID] = pl
		}
	}
	followUps := 0
	for _, act := range p.Activities {
		if act.FollowUp != "" {
			followUps++
		}
	}
	seen := map[string]bool{}
	tasks := map[string]int{}
	statuses := map[string]int{}
	for _, x := range p.Actions {
		statuses[x.Status]++
		a := accounts[x.AccountID]
		if (x.Status == action.Done) != (x.CompletedOn != "") {
			t.Fatalf("action %s is %s, completed on %q", x.ID, x.Status, x.CompletedOn)
		}
		if today.Before(x.CompletedOn) || (x.CompletedOn != "" && x.CompletedOn.Before(calendar.DateOf(x.CreatedAt))) {
			t.Fatalf("action %s created %s, completed on %s", x.ID, x.CreatedAt, x.CompletedOn)
		}
		if x.IsOpen() && locked[x.AccountID] && x.Due.Year() == year-1 {
			t.Fatalf("action %s is %s but due %s, in a locked plan's year", x.ID, x.Status, x.Due)
		}
		switch x.Source.Area {
		case action.AreaActivity:
			ref, ok := acts[x.Source.RecordID]
			if !ok || seen[x.Source.RecordID] {
				t.Fatalf("follow-up %s names activity %s (known %v, seen %v)", x.ID, x.Source.RecordID, ok, seen[x.Source.RecordID])
			}
			seen[x.Source.RecordID] = true
			act := ref.acts[ref.j]
			want := action.FollowUp(act.ID, act.AccountID, act.Subject, a.Owner, act.FollowUp)
			if x.AccountID != want.AccountID || x.Title != want.Title || x.Owner != want.Owner || x.Due != want.Due || x.Source != want.Source {
				t.Fatalf("follow-up %+v of activity %+v", x, act)
			}
			// Done on the account's next activity when it came within 30 days
			// after the follow-up date; else done a week late when it is more
			// than staleFollowUpDays past; otherwise open, unless its year's
			// plan is locked.
			status, on := action.Open, calendar.Date("")
			for _, next := range ref.acts[ref.j+1:] {
				if next.Date > act.Date {
					if next.Date <= act.FollowUp.AddDays(30) {
						status, on = action.Done, next.Date
					}
					break
				}
			}
			switch {
			case status != action.Open:
			case act.FollowUp < today.AddDays(-staleFollowUpDays):
				status, on = action.Done, act.FollowUp.AddDays(7)
			case locked[a.ID] && act.FollowUp.Year() == year-1:
				status = action.Cancelled
			}
			if x.Status != status || x.CompletedOn != on {
				t.Fatalf("follow-up of %s on %s (due %s) is %s on %q, want %s on %q", act.Subject, act.Date, act.FollowUp, x.Status, x.CompletedOn, status, on)
			}
		case action.AreaPlan:
			pl := current[x.AccountID]
			if x.Source.RecordID != pl.ID || !slices.ContainsFunc(pl.Goals, func(gl plan.Goal) bool { return gl.ID == x.Source.Detail }) {
				t.Fatalf("plan task %s names plan %s goal %s", x.ID, x.Source.RecordID, x.Source.Detail)
			}
			if x.Due.Year() != year {
				t.Fatalf("plan task %s is due %s, outside the plan year", x.ID, x.Due)
			}
			tasks[pl.ID]++
		case action.AreaManual:
			if x.Source.RecordID != "" || x.Source.Detail != "" {
				t.Fatalf("to-do %s names a source %+v", x.ID, x.Source)
			}
		default:
			t.Fatalf("action %s from %s", x.ID, x.Source.Area)
		}
		if a.Country == "CN" && !hasHan(x.Title) {
			t.Fatalf("action %q of %s is not in Chinese", x.Title, a.Name)
		}
	}
	assert.Len(t, seen, followUps, "one action per follow-up")
	for _, pl := range current {
		assert.GreaterOrEqual(t, tasks[pl.ID], 2)
		assert.LessOrEqual(t, tasks[pl.ID], 6)
	}
	for _, st := range action.Statuses {
		assert.Positive(t, statuses[st], "some actions %s", st)
	}
}

// TestActionsFillMyActions checks the buckets of the "My actions" list all
// have something, for every owner of the demo.
func TestActionsFillMyActions(t *testing.T) {
	p := generated(t, Small, testToday)
	buckets := map[string]map[string]int{}
	overdueFollowUps := 0
	for _, x := range p.Actions {
		if buckets[x.Owner] == nil {
			buckets[x.Owner] = map[string]int{}
		}
		b := action.Bucket(x, testToday)
		buckets[x.Owner][b]++
		if b == action.BucketOverdue && x.Source.Area == action.AreaActivity {
			overdueFollowUps++
		}
	}
	all := map[string]int{}
	for owner, b := range buckets {
		assert.Positive(t, b[action.BucketOverdue]+b[action.BucketThisWeek]+b[action.BucketLater], "%s has open actions", owner)
		for k, n := range b {
			all[k] += n
		}
	}
	for _, b := range []string{action.BucketOverdue, action.BucketThisWeek, action.BucketLater, action.BucketNoDate, action.BucketClosed} {
		assert.Positive(t, all[b], "some actions %s", b)
	}
	assert.Positive(t, overdueFollowUps, "some follow-ups overdue and open")
	assert.Greater(t, all[action.BucketLater], all[action.BucketThisWeek])
}

// TestLargeIsFast guards the budget loosely; the benchmark gives the figure.
func TestLargeIsFast(t *testing.T) {
	if testing.Short() {
		t.Skip("size L in -short mode")
	}
	start := time.Now()
	p := Generate(Large, 3, testToday)
	d := time.Since(start)
	assert.Len(t, p.Activities, Target(Large).Activities)
	assert.Less(t, d, 10*time.Second, "generating L took %s", d)
	t.Logf("L generated in %s", d)
}

func BenchmarkGenerate(b *testing.B) {
	for _, size := range []Size{Small, Medium, Large} {
		b.Run(string(size), func(b *testing.B) {
			c := Target(size)
			records := c.Accounts + c.Contacts + c.Activities + c.Figures + c.Plans + c.Actions
			b.ReportAllocs()
			for b.Loop() {
				Generate(size, 1, testToday)
			}
			b.ReportMetric(float64(records), "records/op")
		})
	}
}
