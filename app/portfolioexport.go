package app

import (
	"fmt"
	"math"

	"keystone/core/fault"
	"keystone/core/money"
	"keystone/core/portfolio"
)

// portfolioText is the export's wording in one language. Headers are written
// by the server because the file is a record of the figures, not of the
// screen; the two UI languages are the only ones needed.
type portfolioText struct {
	sheets                                                    [4]string
	account, owner, segment, tier, byHand, scoredOn, quadrant string
	attractiveness, strength, revenue, currency, unscored     string
	rank, share, cumulative, class, margin                    string
	band, from, count, cost, profit, ret                      string
	retention, discount, acquisition, clv, clvFinite          string
	perceived, valueClass, problem, yes                       string
	quadrants, classes                                        map[string]string
}

var portfolioTexts = map[string]portfolioText{
	"en": {
		sheets:  [4]string{"Matrix", "Pareto", "Pyramid", "Lifetime value"},
		account: "Account", owner: "Owner", segment: "Segment", tier: "Tier", byHand: "Tier set by hand",
		scoredOn: "Scored on", quadrant: "Quadrant", attractiveness: "Attractiveness (1–10)",
		strength: "Relative strength (1–10)", revenue: "Revenue", currency: "Currency", unscored: "Not scored",
		rank: "Rank", share: "Share %", cumulative: "Cumulative %", class: "ABC class", margin: "Gross margin",
		band: "Band", from: "Revenue from", count: "Accounts", cost: "Cost to serve", profit: "Profit", ret: "Return %",
		retention: "Retention rate", discount: "Discount rate", acquisition: "Acquisition cost",
		clv: "CLV = m·r/(1+i−r) − AC", clvFinite: "CLV, 5 years", perceived: "Perceived value (1–10)",
		valueClass: "CPV × CLV class", problem: "Not computed because", yes: "yes",
		quadrants: map[string]string{portfolio.Strategic: "Strategic", portfolio.Star: "Star", portfolio.Status: "Status", portfolio.Streamline: "Streamline"},
		classes: map[string]string{portfolio.Marginal: "Marginal", portfolio.Potential: "Potential",
			portfolio.OverServed: "Over-served", portfolio.Core: "Core", "negative": "negative margin", "diverges": "retention ≥ 1 + discount"},
	},
	"zh-CN": {
		sheets:  [4]string{"组合矩阵", "帕累托", "价值金字塔", "终生价值"},
		account: "客户", owner: "客户经理", segment: "细分", tier: "层级", byHand: "人工定级",
		scoredOn: "评分日期", quadrant: "象限", attractiveness: "吸引力（1–10）",
		strength: "企业商业能力（1–10）", revenue: "销售收入", currency: "币种", unscored: "未评分",
		rank: "排名", share: "占比 %", cumulative: "累计占比 %", class: "ABC 分类", margin: "毛利",
		band: "层", from: "收入下限", count: "客户数", cost: "服务成本", profit: "利润", ret: "回报率 %",
		retention: "保留率", discount: "贴现率", acquisition: "获取成本",
		clv: "CLV = m·r/(1+i−r) − AC", clvFinite: "5 年 CLV", perceived: "感知价值（1–10）",
		valueClass: "CPV × CLV 分类", problem: "未计算原因", yes: "是",
		quadrants: map[string]string{portfolio.Strategic: "战略型", portfolio.Star: "明星型", portfolio.Status: "稳守型", portfolio.Streamline: "精简型"},
		classes: map[string]string{portfolio.Marginal: "鸡肋", portfolio.Potential: "潜力股",
			portfolio.OverServed: "过度服务", portfolio.Core: "核心客户", "negative": "毛利为负", "diverges": "保留率 ≥ 1 + 贴现率"},
	},
}

// Export writes the matrix, the Pareto ranking by revenue, the value pyramid
// and the lifetime values under f as an .xlsx workbook, base64-encoded for
// the UI to save. lang ("en" or "zh-CN") chooses the headers and labels.
func (s *PortfolioService) Export(f PortfolioFilter, lang string) (string, error) {
	tx, ok := portfolioTexts[lang]
	if !ok {
		return "", &fault.Error{Code: fault.Invalid, Field: "lang", Rule: "unknown_value", Params: map[string]any{"value": lang},
			Message: fmt.Sprintf("%q is not a language of the export", lang)}
	}
	run, err := s.read(f)
	if err != nil {
		return "", err
	}
	m := run.matrix(f)
	p := run.pareto(f, "revenue")
	py, err := s.Pyramid(f)
	if err != nil {
		return "", err
	}
	vals, err := s.Values(f)
	if err != nil {
		return "", err
	}
	set := run.current
	tierName := func(key string) string {
		for _, t := range set.Tiers {
			if t.Key == key {
				return pick(lang, t.En, t.Zh)
			}
		}
		return key
	}
	major := func(minor int64) float64 { return minorToMajor(minor, run.currency) }

	sheets := make([]Sheet, 4)
	sheets[0] = Sheet{Name: tx.sheets[0], Headers: []string{tx.account, tx.owner, tx.segment, tx.tier, tx.byHand, tx.scoredOn,
		tx.attractiveness, tx.strength, tx.quadrant, tx.revenue, tx.currency}}
	for _, pt := range m.Points {
		row := []any{pt.Name, pt.Owner, pt.Segment, tierName(pt.Tier), "", "", nil, nil, tx.unscored, nil, run.currency}
		if pt.TierAssigned {
			row[4] = tx.yes
		}
		if pt.Scored {
			row[5], row[6], row[7], row[8] = string(pt.ScoredOn), pt.Attractiveness, pt.Strength, tx.quadrants[pt.Quadrant]
		}
		if pt.RevenueKnown {
			row[9] = major(pt.Revenue)
		}
		sheets[0].Rows = append(sheets[0].Rows, row)
	}

	sheets[1] = Sheet{Name: tx.sheets[1], Headers: []string{tx.rank, tx.account, tx.tier, tx.revenue, tx.share, tx.cumulative, tx.class}}
	for _, r := range p.Rows {
		sheets[1].Rows = append(sheets[1].Rows, []any{r.Rank, r.Name, tierName(r.Tier), major(r.Value), r.Share, r.Cumulative, r.Class})
	}

	sheets[2] = Sheet{Name: tx.sheets[2], Headers: []string{tx.band, tx.from, tx.count, tx.revenue, tx.margin, tx.cost, tx.profit, tx.ret}}
	for _, l := range py.Levels {
		sheets[2].Rows = append(sheets[2].Rows, []any{pick(lang, l.En, l.Zh), major(l.Min), l.Count, major(l.Revenue), major(l.Margin),
			major(l.Cost), major(l.Profit), l.Return})
	}

	sheets[3] = Sheet{Name: tx.sheets[3], Headers: []string{tx.account, tx.tier, tx.margin, tx.retention, tx.discount, tx.acquisition,
		tx.clv, tx.clvFinite, tx.perceived, tx.valueClass, tx.problem}}
	for _, v := range vals.Rows {
		row := []any{v.Name, tierName(v.Tier), major(v.Margin), v.Retention, v.Discount, major(v.Acquisition), nil, nil, nil, "", ""}
		if v.Problem == "" {
			row[6], row[7] = major(v.CLV), major(v.CLVFinite)
		} else if why, ok := tx.classes[v.Problem]; ok {
			row[10] = why
		} else {
			row[10] = v.Problem
		}
		if v.Perceived != nil {
			row[8] = *v.Perceived
		}
		if v.Class != "" {
			row[9] = tx.classes[v.Class]
		}
		sheets[3].Rows = append(sheets[3].Rows, row)
	}
	return writeWorkbook(sheets)
}

func pick(lang, en, zh string) string {
	if lang == "zh-CN" && zh != "" {
		return zh
	}
	if en == "" {
		return zh
	}
	return en
}

// minorToMajor turns minor units into a number of major units for a cell:
// spreadsheets add up numbers, not formatted text.
func minorToMajor(minor int64, currency string) float64 {
	return float64(minor) / math.Pow10(money.Scale(currency))
}
