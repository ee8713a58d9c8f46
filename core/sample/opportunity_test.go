package sample

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/calendar"
	"keystone/core/money"
	"keystone/core/opportunity"
	"keystone/core/winloss"
)

func TestOpportunities(t *testing.T) {
	today := calendar.Date("2026-11-23")
	for _, size := range []Size{Small, Medium} {
		t.Run(string(size), func(t *testing.T) {
			p := Generate(size, 1, today)
			opps := ItemsOf[opportunity.Opportunity](p, opportunity.Kind)
			require.Len(t, opps, OpportunityTarget(size))
			set := opportunity.Defaults()
			accounts := map[string]int{}
			for i, a := range p.Accounts {
				accounts[a.ID] = i
			}
			contacts := map[string]string{}
			for _, c := range p.Contacts {
				contacts[c.ID] = c.AccountID
			}
			ids := map[string]bool{}
			var deals []*winloss.Deal
			open, interviews, chinese := 0, 0, 0
			stages := map[string]int{}
			sellerPrice, buyerPrice, buyerValue := 0, 0, 0
			for _, o := range opps {
				require.False(t, ids[o.ID], "ids are unique")
				ids[o.ID] = true
				i, ok := accounts[o.AccountID]
				require.True(t, ok)
				acc := p.Accounts[i]
				// Every generated deal passes the same validation a user's would.
				require.NoError(t, o.Validate(&set, true), "%+v", o)
				assert.Equal(t, acc.Currency, o.Value.Currency)
				assert.Positive(t, o.Value.Amount)
				assert.NotEmpty(t, o.History)
				assert.False(t, o.CreatedAt.IsZero())
				assert.False(t, o.UpdatedAt.Before(o.CreatedAt))
				assert.LessOrEqual(t, string(o.LastChange()), string(today))
				for _, c := range o.Influences {
					assert.Equal(t, o.AccountID, contacts[c], "influences are the account's contacts")
				}
				for k := 1; k < len(o.History); k++ {
					assert.LessOrEqual(t, o.History[k-1].On, o.History[k].On)
					assert.Less(t, set.StageIndex(o.History[k-1].Stage), set.StageIndex(o.History[k].Stage))
				}
				if hasHan(o.Title) {
					chinese++
				}
				if o.IsOpen() {
					open++
					stages[o.Stage]++
				} else {
					c := o.Close
					assert.LessOrEqual(t, string(c.On), string(today))
					assert.GreaterOrEqual(t, string(c.On), string(o.OpenedOn))
					if c.Outcome == opportunity.Won {
						assert.Empty(t, c.Winner)
					}
					if c.Interview != nil {
						interviews++
						assert.LessOrEqual(t, string(c.Interview.On), string(today))
						if c.Outcome == opportunity.Lost {
							if c.PrimaryReason == "price" {
								sellerPrice++
							}
							for _, d := range c.Interview.Drivers {
								switch d {
								case "price":
									buyerPrice++
								case "advisory", "quality", "relationship":
									buyerValue++
								}
							}
						}
					}
				}
				deals = append(deals, winloss.DealOf(o, nil))
			}
			in := winloss.Input{Deals: deals, Settings: &set, Rates: money.DefaultRates(), Today: today}
			a := winloss.Analyze(in, winloss.Filter{})
			t.Logf("%s: open %d, won %d lost %d nd %d wd %d inv %d, win rate %.1f%%, no-decision %.1f%%, interviews %d, missing %v",
				size, open, a.Counts.Won, a.Counts.Lost, a.Counts.NoDecision, a.Counts.Withdrawn, a.Counts.Invalid,
				a.WinRate.Percent, a.NoDecisionRate.Percent, interviews, a.Missing)
			n := float64(len(opps))
			assert.InDelta(t, 0.33, float64(open)/n, 0.06, "a third is open")
			assert.InDelta(t, 40, a.WinRate.Percent, 5, "win rate 35–45 %%")
			assert.InDelta(t, 17.5, a.NoDecisionRate.Percent, 3, "no decision 15–20 %%")
			assert.Positive(t, a.Counts.Withdrawn)
			assert.Positive(t, a.Counts.Invalid)
			assert.Less(t, a.Counts.Invalid+a.Counts.Withdrawn, a.Counts.Closed/10, "only a few")
			for _, st := range set.Stages {
				assert.Positive(t, stages[st.Key], "open deals at every stage: %s", st.Key)
			}
			// Sellers blame price first; buyers name value and relationship.
			require.NotEmpty(t, a.Reasons)
			assert.Equal(t, "price", a.Reasons[0].Reason)
			assert.Greater(t, buyerValue, 3*buyerPrice, "buyers cite value and relationship far more than price")
			assert.Greater(t, sellerPrice, buyerPrice)
			assert.InDelta(t, 0.2, float64(interviews)/float64(a.Counts.Won+a.Counts.Lost+a.Counts.NoDecision), 0.08)
			assert.Greater(t, chinese, len(opps)/4, "Chinese accounts get Chinese titles")
			assert.Less(t, chinese, len(opps), "and the others English ones")
			assert.GreaterOrEqual(t, len(a.Trend), 10, "about eleven quarters of closes")
			assert.NotEmpty(t, a.Competitors)
			assert.NotEmpty(t, a.RepeatLosses)
		})
	}
}

func TestOpportunitiesDeterministic(t *testing.T) {
	a := ItemsOf[opportunity.Opportunity](Generate(Small, 7, "2026-11-23"), opportunity.Kind)
	b := ItemsOf[opportunity.Opportunity](Generate(Small, 7, "2026-11-23"), opportunity.Kind)
	require.Equal(t, len(a), len(b))
	for i := range a {
		assert.Equal(t, *a[i], *b[i])
	}
	assert.Equal(t, 100_000, OpportunityTarget(Large))
	assert.Equal(t, 0, OpportunityTarget("x"))
}
