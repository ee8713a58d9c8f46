package sample

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/account"
	"keystone/core/action"
	"keystone/core/calendar"
	"keystone/core/retention"
	"keystone/core/switching"
)

func TestSwitchingSample(t *testing.T) {
	const today = calendar.Date("2026-11-23")
	for _, size := range []Size{Small, Medium} {
		t.Run(string(size), func(t *testing.T) {
			p := Generate(size, 1, today)
			set := switching.Defaults()

			latestA := map[string]*switching.Assessment{}
			for _, a := range ItemsOf[switching.Assessment](p, switching.KindAssessment) {
				require.NoError(t, a.Validate())
				require.LessOrEqual(t, a.Date, today)
				if cur := latestA[a.AccountID]; cur == nil || a.Date > cur.Date {
					latestA[a.AccountID] = a
				}
			}
			latestS := map[string]*switching.Survey{}
			for _, s := range ItemsOf[switching.Survey](p, switching.KindSurvey) {
				require.NoError(t, s.Validate())
				if cur := latestS[s.AccountID]; cur == nil || s.Date > cur.Date {
					latestS[s.AccountID] = s
				}
			}
			quads := map[string]int{}
			for _, acc := range p.Accounts {
				a, s := latestA[acc.ID], latestS[acc.ID]
				require.NotNil(t, a, acc.Name)
				require.NotNil(t, s, acc.Name)
				quads[switching.Quadrant(switching.Satisfy(*s).Attraction, switching.Index(*a, set).Barrier, set)]++
			}
			for _, q := range switching.Quadrants {
				assert.Positive(t, quads[q], "accounts in %s", q)
			}

			plans := map[string]*switching.Plan{}
			for _, pl := range ItemsOf[switching.Plan](p, switching.KindPlan) {
				require.NoError(t, pl.Validate())
				plans[pl.ID] = pl
			}
			assert.Greater(t, len(plans), len(p.Accounts)/2)
			cases := map[string]*retention.Case{}
			for _, c := range ItemsOf[retention.Case](p, retention.KindCase) {
				require.NoError(t, c.Validate(), "%+v", c)
				cases[c.ID] = c
			}
			assert.NotEmpty(t, cases)
			levers, steps := map[string]bool{}, 0
			for _, x := range ItemsOf[action.Action](p, action.Kind) {
				if x.Source.Area != action.AreaSwitching && x.Source.Area != action.AreaRetention {
					continue // another area's
				}
				require.NoError(t, x.Validate())
				require.False(t, x.UpdatedAt.Before(x.CreatedAt), x.Title)
				switch x.Source.Area {
				case action.AreaSwitching:
					pl := plans[x.Source.RecordID]
					require.NotNil(t, pl, "the action's plan exists")
					require.Equal(t, pl.AccountID, x.AccountID)
					require.NoError(t, pl.CheckAction(*x), "%s due %s, plan from %s", x.Title, x.Due, pl.Start)
					levers[x.Source.Detail] = true
				case action.AreaRetention:
					require.NotNil(t, cases[x.Source.RecordID])
					steps++
				}
			}
			assert.Len(t, levers, len(switching.Levers), "actions on every lever somewhere")
			assert.Positive(t, steps)
			for _, c := range ItemsOf[switching.LeverCost](p, switching.KindLeverCost) {
				require.NoError(t, c.Validate())
			}

			// Warnings arise from the generated figures and activities.
			renewals := map[string]calendar.Date{}
			for _, r := range ItemsOf[retention.Renewal](p, retention.KindRenewal) {
				require.NoError(t, r.Validate())
				renewals[r.AccountID] = r.Date
			}
			figs := map[string][]account.YearFigures{}
			for _, f := range p.Figures {
				figs[f.AccountID] = append(figs[f.AccountID], f)
			}
			acts := map[string][]account.Activity{}
			for _, a := range p.Activities {
				acts[a.AccountID] = append(acts[a.AccountID], a)
			}
			fired, high := map[string]int{}, 0
			for _, acc := range p.Accounts {
				r := retention.Assess(retention.Input{Today: today, Figures: figs[acc.ID], Activities: acts[acc.ID], Renewal: renewals[acc.ID]}, retention.Defaults())
				for _, w := range r.Warnings {
					fired[w.Key]++
				}
				if r.Level != retention.Low {
					high++
				}
			}
			assert.Positive(t, fired[retention.FallingRevenue])
			assert.Positive(t, fired[retention.RisingComplaints])
			assert.Positive(t, fired[retention.CompetitorActivity])
			assert.Positive(t, fired[retention.RenewalNear])
			assert.Positive(t, high)
		})
	}
}

func TestSwitchingSampleDeterministic(t *testing.T) {
	a := Generate(Small, 7, "2026-03-02")
	b := Generate(Small, 7, "2026-03-02")
	pa := ItemsOf[switching.Plan](a, switching.KindPlan)
	pb := ItemsOf[switching.Plan](b, switching.KindPlan)
	require.Equal(t, len(pa), len(pb))
	for i := range pa {
		assert.Equal(t, *pa[i], *pb[i])
	}
}
