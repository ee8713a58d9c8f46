package app

import (
	"testing"

	"keystone/core/opportunity"
	"keystone/core/winloss"
)

// winLossFilters are one of each filter the analysis offers, picked from
// the portfolio so each selects a realistic share of it.
func winLossFilters(b *testing.B, a *App) map[string]winloss.Filter {
	v, err := a.WinLoss.Analysis(winloss.Filter{})
	if err != nil || len(v.Owners) == 0 || len(v.Segments) == 0 || len(v.Competitors) == 0 || len(v.RepeatLosses) == 0 {
		b.Fatalf("no portfolio to filter: %v", err)
	}
	return map[string]winloss.Filter{
		"none":       {},
		"owner":      {Owner: v.Owners[0]},
		"segment":    {Segment: v.Segments[0]},
		"account":    {AccountID: v.RepeatLosses[0].AccountID},
		"competitor": {Competitor: v.Competitors[0].Name},
		"period":     {From: v.Today.AddDays(-365), To: v.Today},
	}
}

// BenchmarkWinLossAnalysis is the full portfolio analysis with one filter
// at a time (L: 100,000 opportunities, about 67,000 closed).
func BenchmarkWinLossAnalysis(b *testing.B) {
	for _, size := range sizes {
		a := benchApp(b, size)
		for name, f := range winLossFilters(b, a) {
			b.Run(string(size)+"/"+name, func(b *testing.B) {
				for b.Loop() {
					if _, err := a.WinLoss.Analysis(f); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkWinLossDeals is the click-through behind the largest Pareto bar.
func BenchmarkWinLossDeals(b *testing.B) {
	a := benchApp(b, "l")
	v, err := a.WinLoss.Analysis(winloss.Filter{})
	if err != nil || len(v.Reasons) == 0 {
		b.Fatal(err)
	}
	sel := winloss.Selection{Chart: winloss.ChartReason, Key: v.Reasons[0].Reason}
	for b.Loop() {
		if _, err := a.WinLoss.Deals(winloss.Filter{}, sel, 0, 100); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPipeline is one page of the board and table (L: about 33,000
// open deals), unfiltered and for one owner.
func BenchmarkPipeline(b *testing.B) {
	for _, size := range sizes {
		a := benchApp(b, size)
		first, err := a.Opportunities.Pipeline(PipelineQuery{})
		if err != nil || first.Count == 0 {
			b.Fatal(err)
		}
		for name, q := range map[string]PipelineQuery{
			"all":      {Sort: "value", Desc: true},
			"owner":    {Owner: first.Owners[0]},
			"page-100": {Offset: 100, Limit: 50, Sort: "expectedClose"},
		} {
			b.Run(string(size)+"/"+name, func(b *testing.B) {
				for b.Loop() {
					if _, err := a.Opportunities.Pipeline(q); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkCloseDeal is closing one deal, durably (SyncWrites), at L; the
// reopening between iterations is not timed.
func BenchmarkCloseDeal(b *testing.B) {
	a := benchApp(b, "l")
	p, err := a.Opportunities.Pipeline(PipelineQuery{Limit: 500})
	if err != nil {
		b.Fatal(err)
	}
	type open struct {
		accountID, id string
		rev           int64
	}
	var deals []open
	for _, r := range p.Rows {
		list, err := a.Opportunities.ForAccount(r.AccountID)
		if err != nil {
			b.Fatal(err)
		}
		for _, o := range list.Deals {
			if o.ID == r.ID {
				deals = append(deals, open{r.AccountID, r.ID, o.Rev})
			}
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := &deals[i%len(deals)]
		o, err := a.Opportunities.Close(d.accountID, d.id, d.rev, opportunity.Close{Outcome: opportunity.Lost, PrimaryReason: "price", Winner: "Kestrel Pumps"})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if o, err = a.Opportunities.Reopen(d.accountID, d.id, o.Rev); err != nil {
			b.Fatal(err)
		}
		d.rev = o.Rev
		b.StartTimer()
	}
}

// BenchmarkWinLossCold is building the index after a start: every
// opportunity read from the store (App.Warm does it in the background).
func BenchmarkWinLossCold(b *testing.B) {
	a := benchApp(b, "l")
	for b.Loop() {
		x := &oppIndex{}
		if err := a.Store.View(x.rebuildIndex); err != nil {
			b.Fatal(err)
		}
		if len(x.build().all) == 0 {
			b.Fatal("no deals")
		}
	}
}
