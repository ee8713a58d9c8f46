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
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/money"
	"keystone/core/record"
)

const testToday calendar.Date = "2025-06-15"

// portfolios are generated once per size and day: several tests read them.
var cache = map[string]Portfolio{}

func portfolio(t testing.TB, size Size, today calendar.Date) Portfolio {
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
		{Small, Counts{Accounts: 24, Contacts: 200, Activities: 1_500, Figures: 96}},
		{Medium, Counts{Accounts: 300, Contacts: 3_000, Activities: 30_000, Figures: 1_200}},
		{Large, Counts{Accounts: 2_000, Contacts: 20_000, Activities: 200_000, Figures: 8_000}},
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
			p := portfolio(t, size, testToday)
			got := Counts{Accounts: len(p.Accounts), Contacts: len(p.Contacts), Activities: len(p.Activities), Figures: len(p.Figures)}
			assert.Equal(t, Target(size), got)
		})
	}
}

// accountRecords are one account's figures, contacts and activities.
type accountRecords struct {
	figures    []account.YearFigures
	contacts   []account.Contact
	activities []account.Activity
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
			validateAll(t, portfolio(t, tt.size, tt.today), tt.stride)
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
	}
}

// TestManySeeds guards against invariants that hold for one seed by luck.
func TestManySeeds(t *testing.T) {
	for seed := int64(1); seed <= 30; seed++ {
		p := Generate(Small, seed, testToday.AddDays(int(seed)*11))
		today := testToday.AddDays(int(seed) * 11)
		validateAll(t, p, 1)
		checkShape(t, p, today)
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
			p := portfolio(t, size, testToday)
			checkShape(t, p, testToday)
		})
	}
}

func checkShape(t *testing.T, p Portfolio, today calendar.Date) {
	now := today.Time()
	ids := make(map[string]bool, len(p.Accounts)+len(p.Figures)+len(p.Contacts)+len(p.Activities))
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
			p := portfolio(t, size, testToday)
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
			records := c.Accounts + c.Contacts + c.Activities + c.Figures
			b.ReportAllocs()
			for b.Loop() {
				Generate(size, 1, testToday)
			}
			b.ReportMetric(float64(records), "records/op")
		})
	}
}
