package app

import "testing"

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
