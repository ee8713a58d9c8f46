package app

import (
	"testing"

	"keystone/core/account"
)

// BenchmarkDashboard is the home page's data: the whole portfolio's figures,
// matrix, Pareto and due actions (budget at L: 50 ms at the median).
func BenchmarkDashboard(b *testing.B) {
	for _, size := range sizes {
		b.Run(string(size), func(b *testing.B) {
			a := benchApp(b, size)
			a.Warm()() // the app builds its indexes at start; measure a settled app
			b.ResetTimer()
			for b.Loop() {
				d, err := a.Portfolio.Dashboard("")
				if err != nil || len(d.Matrix.Points) == 0 {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPortfolioMatrix is the matrix page alone.
func BenchmarkPortfolioMatrix(b *testing.B) {
	for _, size := range sizes {
		b.Run(string(size), func(b *testing.B) {
			a := benchApp(b, size)
			a.Warm()()
			b.ResetTimer()
			for b.Loop() {
				if _, err := a.Portfolio.Matrix(PortfolioFilter{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDashboardAfterWrite is the dashboard right after a save: the
// remembered win-loss, risk, renewal and due-action tiles are computed again.
func BenchmarkDashboardAfterWrite(b *testing.B) {
	a := benchApp(b, "l")
	a.Warm()()
	id := medianAccount(b, a)
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		if _, err := a.Accounts.SaveActivity(account.Activity{AccountID: id, Date: "2026-11-20", Type: "call", Subject: "回访"}); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := a.Portfolio.Dashboard(""); err != nil {
			b.Fatal(err)
		}
	}
}
