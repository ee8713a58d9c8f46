package sample

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/account"
	"keystone/core/partnership"
	"keystone/core/relationship"
	"keystone/core/settings"
)

func TestPartnershipSample(t *testing.T) {
	sizes := []Size{Small, Medium}
	if !testing.Short() {
		sizes = append(sizes, Large)
	}
	for _, size := range sizes {
		t.Run(string(size), func(t *testing.T) {
			p := generated(t, size, testToday)
			set := ItemsOf[settings.Model[partnership.Settings]](p, "settings-"+partnership.Area)
			require.Len(t, set, 1)
			assert.Equal(t, 1, set[0].Version)
			assert.Equal(t, partnership.Defaults(), set[0].Value)

			zh := map[string]bool{}
			contacts := map[string][]account.Contact{}
			for _, c := range p.Contacts {
				contacts[c.AccountID] = append(contacts[c.AccountID], c)
			}
			for _, a := range p.Accounts {
				zh[a.ID] = false
			}
			for _, c := range p.Contacts {
				if hasHan(c.Name) {
					zh[c.AccountID] = true
				}
			}

			per := map[string][]*partnership.Assessment{}
			types := map[string]int{}
			gaps := 0
			for _, as := range ItemsOf[partnership.Assessment](p, partnership.Kind) {
				require.NoError(t, as.Validate(partnership.Defaults()), "assessment %s", as.ID)
				assert.Equal(t, 1, as.SettingsVersion)
				assert.False(t, as.AssessedOn > testToday, "no assessment after today")
				if prev := per[as.AccountID]; len(prev) > 0 {
					assert.True(t, prev[len(prev)-1].AssessedOn < as.AssessedOn, "assessments of an account are dated in order")
				}
				per[as.AccountID] = append(per[as.AccountID], as)
				r := partnership.Evaluate(*as, partnership.Defaults())
				types[r.Type]++
				gaps += len(r.Gaps)
				if as.Notes != "" {
					assert.Equal(t, zh[as.AccountID], hasHan(as.Notes), "notes in the account's language: %q", as.Notes)
				}
			}
			assert.Len(t, per, len(p.Accounts), "every account has at least one assessment")
			multi := 0
			for _, list := range per {
				assert.LessOrEqual(t, len(list), 4)
				if len(list) > 1 {
					multi++
				}
			}
			assert.Greater(t, multi, len(p.Accounts)/4, "many accounts have a history to draw")
			for _, typ := range partnership.Types {
				assert.Positive(t, types[typ], "the portfolio shows every type, %s too", typ)
			}
			assert.Positive(t, gaps)

			profiles := ItemsOf[relationship.Profile](p, relationship.Kind)
			require.Len(t, profiles, len(p.Accounts))
			stages := map[string]int{}
			paths := 0 // profiles whose history shows a path, not one entry
			for _, pr := range profiles {
				if len(pr.History) > 1 {
					paths++
				}
				assert.Equal(t, pr.AccountID, pr.ID, "a profile's id is its account's")
				require.NoError(t, pr.Validate(contacts[pr.AccountID]), "profile of %s", pr.AccountID)
				stages[pr.Stage]++
				if pr.Stage != "" {
					require.NotEmpty(t, pr.History)
					assert.Equal(t, pr.Stage, pr.History[len(pr.History)-1].Stage, "the history ends at the confirmed stage")
					for k := 1; k < len(pr.History); k++ {
						assert.True(t, pr.History[k-1].On < pr.History[k].On, "history in date order")
					}
				}
			}
			assert.Positive(t, stages[""], "some stages are still to be confirmed")
			assert.Greater(t, len(stages), 3, "stages vary: %v", stages)
			assert.Greater(t, paths, len(profiles)/3, "most confirmed stages came by a path of earlier ones")
		})
	}
}

func TestPartnershipSampleIsDeterministic(t *testing.T) {
	a := Generate(Small, 7, testToday)
	b := Generate(Small, 7, testToday)
	x := ItemsOf[partnership.Assessment](a, partnership.Kind)
	y := ItemsOf[partnership.Assessment](b, partnership.Kind)
	require.Equal(t, len(x), len(y))
	for i := range x {
		assert.Equal(t, *x[i], *y[i])
	}
}
