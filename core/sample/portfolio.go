package sample

import (
	"math"
	"math/rand/v2"
	"time"

	"keystone/core/portfolio"
	"keystone/core/settings"
)

// portfolioSettingsVersion is the settings version the generated scorecards
// name; the generator writes it (the shipped defaults) beside them.
const portfolioSettingsVersion = 1

// buildPortfolio scores the accounts on both scorecards (one to three dated
// scorings over two years, the larger accounts more often), puts some in a
// tier by hand, and gives most a cost to serve and a perceived value, so the
// matrix, the pyramid and the value classes all have something to show.
func (g *gen) buildPortfolio(r *rand.Rand) []Item {
	set := portfolio.DefaultSettings()
	model := &settings.Model[portfolio.Settings]{Area: "portfolio", Version: portfolioSettingsVersion, Value: set, Defaults: true}
	model.ID = "000001"
	model.CreatedAt, model.UpdatedAt = g.now.AddDate(-2, 0, 0), g.now.AddDate(-2, 0, 0)
	items := []Item{{Kind: "settings-portfolio", ID: model.ID, Global: true, Value: model}}

	for i, a := range g.accts {
		acc := &g.p.Accounts[i]
		// the larger the account, the likelier it was ever scored (rank 0 is the largest)
		top := 1 - a.rank
		if r.Float64() > 0.6+0.4*top {
			continue
		}
		// the account's underlying standing, 1–10, moved a little at each
		// scoring: attractiveness follows size and growth, our strength the
		// share of wallet we already hold
		attr := 2.5 + 5*top + 6*a.growth + r.NormFloat64()*0.8
		str := 2.5 + 9*a.sow + r.NormFloat64()*0.9
		if a.troubled {
			attr -= 0.8
			str -= 1.5
		}
		if a.reference {
			attr += 0.7
		}
		if a.noCoach {
			str -= 0.6
		}
		scorings := 1 + r.IntN(2)
		if top > 0.7 {
			scorings++
		}
		for k := range scorings {
			back := (scorings-1-k)*240 + r.IntN(60)
			when := g.day(back)
			// earlier scorings sit a little lower: the relationship grew
			drift := -0.4 * float64(scorings-1-k)
			sc := &portfolio.Scorecard{AccountID: acc.ID, ScoredOn: when, SettingsVersion: portfolioSettingsVersion}
			for _, c := range set.Attractiveness {
				sc.Attractiveness = append(sc.Attractiveness, portfolio.Score{Key: c.Key, Score: score(attr + drift + r.NormFloat64()*1.1)})
			}
			for _, c := range set.Strength {
				sc.Strength = append(sc.Strength, portfolio.Score{Key: c.Key, Score: score(str + drift + r.NormFloat64()*1.1)})
			}
			if r.Float64() < 0.5 {
				sc.Attractiveness[0].Note = scoreNotes[a.lang()][r.IntN(len(scoreNotes[a.lang()]))]
			}
			at := when.Time().Add(time.Duration(9+r.IntN(8)) * time.Hour)
			sc.ID = g.id(at)
			sc.CreatedAt, sc.UpdatedAt = at, at
			items = append(items, Item{AccountID: acc.ID, Kind: portfolio.KindScorecard, ID: sc.ID, Value: sc})
			if k == scorings-1 && r.Float64() < 0.15 {
				// a director overrode the suggested tier
				t := &portfolio.Assignment{AccountID: acc.ID, Tier: set.Tiers[r.IntN(len(set.Tiers))].Key, SetOn: when,
					Reason: tierReasons[a.lang()][r.IntN(len(tierReasons[a.lang()]))]}
				t.ID, t.CreatedAt, t.UpdatedAt = acc.ID, at, at
				items = append(items, Item{AccountID: acc.ID, Kind: portfolio.KindTier, ID: t.ID, Value: t})
			}
		}
	}
	for i, a := range g.accts {
		if r.Float64() < 0.2 {
			continue
		}
		acc := &g.p.Accounts[i]
		// cost to serve in yuan (the default reporting currency): a fixed team
		// cost plus a share of revenue, so the smallest accounts lose money
		cost := 120_000 + r.Float64()*280_000 + a.rev*(0.015+r.Float64()*0.03)
		in := &portfolio.Inputs{AccountID: acc.ID, CostToServe: int64(math.Round(cost)) * 100}
		if r.Float64() < 0.75 {
			pv := math.Round((4+6*a.sow+r.NormFloat64()*1.3-boolf(a.troubled)*1.5)*10) / 10
			pv = min(10, max(1, pv))
			in.PerceivedValue = &pv
		}
		if a.troubled && r.Float64() < 0.6 {
			ret := 0.6
			in.Retention = &ret
		}
		at := g.now.AddDate(0, 0, -r.IntN(200))
		in.ID, in.CreatedAt, in.UpdatedAt = acc.ID, at, at
		items = append(items, Item{AccountID: acc.ID, Kind: portfolio.KindInputs, ID: in.ID, Value: in})
	}
	return items
}

func score(v float64) int { return int(min(10, max(1, math.Round(v)))) }

func boolf(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// scoreNotes and tierReasons are indexed by acct.lang(): 0 Chinese, 1 English.
var scoreNotes = [2][]string{
	{"2027 年资本开支计划已批复，二季度新建产线", "供应商大会上宣布预算压缩", "财务总监确认三年框架协议",
		"评级展望稳定", "成为集团标杆示范工厂", "品类采购额年增长约 12%"},
	{"2027 capex plan approved: new line in Q2", "Budget cut announced at the supplier day", "CFO confirmed three-year framework",
		"Moody's outlook stable", "Won the group's reference-site role", "Category spend growing 12 % a year"},
}

var tierReasons = [2][]string{
	{"客户高层指定为优先合作", "服务成本过高，下调层级", "区域战略标杆客户"},
	{"Board-level sponsor asked for priority", "Cost to serve too high for the tier", "Strategic reference in the region"},
}
