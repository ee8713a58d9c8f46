package app

import (
	"testing"
	"time"

	"keystone/core/switching"
)

// BenchmarkRetentionPortfolio is the portfolio page: every account's
// position, warnings and revenue, and the yearly rates, once the in-memory
// digests are built; the first build (after start or a settings change) is
// logged as "cold".
func BenchmarkRetentionPortfolio(b *testing.B) {
	for _, size := range sizes {
		b.Run(string(size), func(b *testing.B) {
			a := benchApp(b, size)
			start := time.Now()
			if _, err := a.Retention.Portfolio(); err != nil {
				b.Fatal(err)
			}
			b.Logf("cold: %v", time.Since(start))
			b.ResetTimer()
			for b.Loop() {
				p, err := a.Retention.Portfolio()
				if err != nil || len(p.Points) == 0 {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRetentionTab is what opening an account's retention tab asks for.
func BenchmarkRetentionTab(b *testing.B) {
	for _, size := range sizes {
		b.Run(string(size), func(b *testing.B) {
			a := benchApp(b, size)
			id := medianAccount(b, a)
			b.ResetTimer()
			for b.Loop() {
				if _, err := a.Switching.Get(id); err != nil {
					b.Fatal(err)
				}
				if _, err := a.Retention.Get(id); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSaveSwitchingAssessment is one durable assessment save.
func BenchmarkSaveSwitchingAssessment(b *testing.B) {
	for _, size := range sizes {
		b.Run(string(size), func(b *testing.B) {
			a := benchApp(b, size)
			id := medianAccount(b, a)
			b.ResetTimer()
			for b.Loop() {
				if _, err := a.Switching.SaveAssessment(switching.Assessment{AccountID: id, Date: "2026-11-20", Scores: switchingScores(4, 4, 3, 3, 2, 2, 4, 5)}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
