package sample

import (
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/account"
	"keystone/core/action"
	"keystone/core/calendar"
	"keystone/core/program"
)

// TestPrograms checks the generated programs are valid, belong to groups
// spanning countries, use the group's own subsidiaries as local entities,
// come with their pointer and milestones, and show every health colour.
func TestPrograms(t *testing.T) {
	tests := []struct {
		size     Size
		today    calendar.Date
		min, max int
	}{
		{Small, testToday, 2, 2},
		{Small, "2025-12-31", 2, 2}, // year end: the current quarter is Q4
		{Small, "2026-01-01", 2, 2}, // the day after: a new year with no quarter closed
		{Medium, testToday, 8, 21},
	}
	for _, tt := range tests {
		t.Run(string(tt.size)+"/"+string(tt.today), func(t *testing.T) {
			p := generated(t, tt.size, tt.today)
			progs := ItemsOf[program.Program](p, program.Kind)
			refs := ItemsOf[program.Ref](p, program.RefKind)
			require.GreaterOrEqual(t, len(progs), tt.min)
			require.LessOrEqual(t, len(progs), tt.max)
			require.Len(t, refs, len(progs))

			byID := map[string]account.Account{}
			for _, a := range p.Accounts {
				byID[a.ID] = a
			}
			inGroup := func(top, id string) bool {
				for a, ok := byID[id]; ok; a, ok = byID[a.ParentID] {
					if a.ID == top {
						return true
					}
				}
				return false
			}
			milestones := map[string]int{}
			for _, a := range ItemsOf[action.Action](p, action.Kind) {
				if a.Source.Area != action.AreaProgram {
					continue // other areas' actions
				}
				require.NoError(t, a.Validate())
				milestones[a.Source.RecordID]++
			}
			health := map[string]int{}
			lastYear := map[string]bool{}
			s := program.Defaults()
			for i, pr := range progs {
				require.NoError(t, pr.Validate(), "program %d", i)
				assert.Equal(t, pr.ID, refs[i].ID)
				assert.Equal(t, pr.AccountID, refs[i].AccountID)
				top := byID[pr.AccountID]
				assert.Empty(t, top.ParentID, "programs run for the group's top account")
				assert.GreaterOrEqual(t, len(pr.Countries), 4, "%s: at least four countries", top.Name)
				for _, c := range pr.Countries {
					if c.EntityID != "" {
						assert.True(t, inGroup(top.ID, c.EntityID), "%s: entity in the group", top.Name)
						assert.Equal(t, byID[c.EntityID].Country, c.Country)
					}
				}
				assert.GreaterOrEqual(t, milestones[pr.ID], 4)
				zh := isChinese(top.Name)
				assert.Equal(t, zh, isChinese(pr.Contract.Scope), "%s: the contract reads in the group's language", top.Name)
				assert.LessOrEqual(t, pr.Contract.Start, pr.Contract.Renewal)
				h := program.Evaluate(*pr, nil, s, tt.today)
				health[h.Level]++
				r := program.Roll(*pr, tt.today.Year()-1, tt.today, s.PartialWeight)
				lastYear[pr.ID] = r.Total.Figures.Known
				assert.Equal(t, 0, r.Total.Figures.Missing, "last year's actuals are all in")
			}
			for _, pr := range progs {
				assert.True(t, lastYear[pr.ID] || pr.Start.Year() == tt.today.Year(), "a year of history to compare")
			}
			assert.Greater(t, health[program.Red], 0, "some program is red")
			if tt.size == Medium {
				assert.Greater(t, health[program.Amber]+health[program.Green], 0)
				assert.GreaterOrEqual(t, countCandidates(p, progs), 1, "groups are left to start a program for")
			}
		})
	}
}

func TestProgramsAreDeterministic(t *testing.T) {
	a := ItemsOf[program.Program](Generate(Small, 3, testToday), program.Kind)
	b := ItemsOf[program.Program](Generate(Small, 3, testToday), program.Kind)
	assert.Equal(t, a, b)
}

func countCandidates(p Portfolio, progs []*program.Program) int {
	has := map[string]bool{}
	for _, pr := range progs {
		has[pr.AccountID] = true
	}
	parents := map[string]bool{}
	for _, a := range p.Accounts {
		if a.ParentID != "" {
			parents[a.ParentID] = true
		}
	}
	n := 0
	for _, a := range p.Accounts {
		if parents[a.ID] && a.ParentID == "" && !has[a.ID] {
			n++
		}
	}
	return n
}

func isChinese(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
