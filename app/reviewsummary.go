package app

import (
	"fmt"
	"io"
	"sort"
	"time"

	"keystone/app/report"
	"keystone/core/winloss"
)

// renderPortfolioSummary prints the one-page summary of a batch: the
// portfolio's headline figures, the matrix with every scored account, and
// the largest accounts with their attainment and risk.
func renderPortfolioSummary(pc *portfolioContext, entries []summaryEntry, an winloss.Analysis, in BatchInput, code string, w io.Writer) error {
	l := langOf(code)
	mark := l.t("CONFIDENTIAL", "机密")
	scope := l.t("All accounts", "全部客户")
	tierLabel := func(key string) string {
		for _, t := range pc.matrix.Tiers {
			if t.Key == key {
				return l.t(t.En, t.Zh)
			}
		}
		return key
	}
	switch {
	case in.AccountID != "" && len(entries) == 1:
		scope = entries[0].name
	case in.Tier != "":
		scope = l.t("Tier: ", "等级：") + tierLabel(in.Tier)
	}
	if in.Owner != "" {
		scope += " · " + in.Owner
	}
	title := l.t(fmt.Sprintf("Portfolio summary %d", pc.year), fmt.Sprintf("%d 年客户组合概览", pc.year))
	d, err := report.New(report.Options{Lang: l.code(), Title: title, HeaderLeft: "Keystone 基石", HeaderCenter: title, HeaderRight: mark,
		Created: time.Date(pc.year, 12, 31, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		return err
	}
	d.AddPage()
	d.Title(l.t("ANNUAL EVALUATIONS", "年度评审"), title, scope+l.t(fmt.Sprintf(" · %d accounts", len(entries)), fmt.Sprintf(" · %d 个客户", len(entries))))

	cur := pc.rates.Reporting
	var revenue int64
	attainSum, attainN, atRisk, missing := 0.0, 0, 0, 0
	for _, e := range entries {
		if e.known {
			revenue += e.revenue
		} else {
			missing++
		}
		if e.hasTarget {
			attainSum += e.attained
			attainN++
		}
		if e.risk == "high" || e.risk == "medium" {
			atRisk++
		}
	}
	revDetail := l.t("reporting currency", "报告币种")
	if missing > 0 {
		revDetail = l.t(fmt.Sprintf("%d without a rate left out", missing), fmt.Sprintf("%d 个缺汇率未计入", missing))
	}
	tiles := []report.KPI{{Label: l.t("Revenue", "销售收入"), Value: l.short(revenue, cur), Detail: revDetail}}
	if attainN > 0 {
		a := attainSum / float64(attainN)
		tiles = append(tiles, report.KPI{Label: l.t("Average attainment", "平均目标完成率"), Value: pct0(a),
			Detail: l.t(fmt.Sprintf("%d accounts with a target", attainN), fmt.Sprintf("%d 个客户设有目标", attainN)), Tone: toneAt(a, 100, 90)})
	}
	if an.WinRate.Defined {
		tiles = append(tiles, report.KPI{Label: l.t("Win rate", "赢单率"), Value: pct0(an.WinRate.Percent),
			Detail: l.t(fmt.Sprintf("%d won · %d lost", an.Counts.Won, an.Counts.Lost), fmt.Sprintf("赢 %d · 丢 %d", an.Counts.Won, an.Counts.Lost))})
	}
	tiles = append(tiles, report.KPI{Label: l.t("At risk", "风险客户"), Value: fmt.Sprint(atRisk),
		Detail: l.t("medium or high risk", "中高风险"), Tone: overdueTone(atRisk)})
	d.KPIs(tiles)

	selected := map[string]bool{}
	for _, e := range entries {
		selected[e.id] = true
	}
	var maxRev int64
	for _, p := range pc.matrix.Points {
		maxRev = max(maxRev, p.Revenue)
	}
	var pts []report.Point
	for _, p := range pc.matrix.Points {
		if !p.Scored || !selected[p.AccountID] {
			continue
		}
		size := 0.0
		if maxRev > 0 {
			size = float64(p.Revenue) / float64(maxRev)
		}
		pts = append(pts, report.Point{X: p.Strength, Y: p.Attractiveness, Size: size})
	}
	q := func(k string) string { return l.enum("quadrant", k) }
	d.Quadrant(report.QuadrantChart{Title: l.t("Portfolio matrix", "组合矩阵"), XLabel: l.t("Our relative strength", "企业商业能力"),
		YLabel: l.t("Account attractiveness", "客户吸引力"), Min: 1, Max: 10, Cut: cutOr(pc.matrix.Cut),
		Quadrants: [4]string{q("star"), q("strategic"), q("streamline"), q("status")}, Points: pts, Height: 92})

	top := append([]summaryEntry(nil), entries...)
	sort.SliceStable(top, func(i, j int) bool { return top[i].revenue > top[j].revenue })
	const rows = 9
	t := report.Table{Columns: []report.Column{{Title: l.t("Largest accounts", "主要客户"), Width: 3}, {Title: l.t("Tier", "等级"), Width: 1.9},
		{Title: l.t("Revenue", "销售收入"), Width: 1.6, Align: report.Right}, {Title: l.t("Attained", "完成率"), Width: 1, Align: report.Right},
		{Title: l.t("Risk", "风险"), Width: 0.9, Align: report.Center}}}
	for _, e := range top[:min(rows, len(top))] {
		rev, att := "—", "—"
		if e.known {
			rev = l.short(e.revenue, cur)
		}
		if e.hasTarget {
			att = pct0(e.attained)
		}
		risk := "—"
		if e.risk != "" {
			risk = l.enum("risk", e.risk)
		}
		t.Rows = append(t.Rows, []string{e.name, orDash(tierLabel(e.tier)), rev, att, risk})
	}
	d.Table(t)
	if len(top) > rows {
		d.Note(l.t(fmt.Sprintf("%d more accounts have their own evaluation in this folder.", len(top)-rows),
			fmt.Sprintf("另有 %d 个客户的评审见本文件夹中的单独文件。", len(top)-rows)))
	}
	return d.Output(w)
}
