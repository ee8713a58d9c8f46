package app

import (
	"sort"
	"testing"
)

// largestAccount picks the account with the most contacts: the biggest
// relationship map and the longest assessment history.
func largestAccount(b *testing.B, a *App) string {
	l, err := a.Accounts.List(AccountFilter{})
	if err != nil {
		b.Fatal(err)
	}
	rows := l.Rows
	sort.Slice(rows, func(i, j int) bool { return rows[i].ContactCount > rows[j].ContactCount })
	return rows[0].ID
}

// BenchmarkPartnershipOpen is what the relationship tab loads for the
// assessments: the history, then the newest assessment under its settings.
func BenchmarkPartnershipOpen(b *testing.B) {
	for _, size := range sizes {
		b.Run(string(size), func(b *testing.B) {
			a := benchApp(b, size)
			id := largestAccount(b, a)
			a.Warm()() // the action index is built once at start, not per open
			b.ResetTimer()
			for b.Loop() {
				h, err := a.Partnership.List(id)
				if err != nil || len(h) == 0 {
					b.Fatal(err, len(h))
				}
				if _, err := a.Partnership.Get(id, h[0].ID); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSaveAssessment is one durable save of a full assessment.
func BenchmarkSaveAssessment(b *testing.B) {
	for _, size := range sizes {
		b.Run(string(size), func(b *testing.B) {
			a := benchApp(b, size)
			id := medianAccount(b, a)
			b.ResetTimer()
			for b.Loop() {
				if _, err := a.Partnership.Save(newAssessment(id, "2026-11-20")); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRelationshipGet is the profile, suggestion, dimensions and map
// with red flags of the largest decision chain.
func BenchmarkRelationshipGet(b *testing.B) {
	for _, size := range sizes {
		b.Run(string(size), func(b *testing.B) {
			a := benchApp(b, size)
			id := largestAccount(b, a)
			b.ResetTimer()
			for b.Loop() {
				v, err := a.Relationships.Get(id)
				if err != nil || len(v.Map.Nodes) == 0 {
					b.Fatal(err)
				}
			}
		})
	}
}
