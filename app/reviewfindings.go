package app

import (
	"fmt"
	"math"
	"strconv"

	"keystone/core/program"
	"keystone/core/review"
)

// findingLines words the program-health rules that fired in the printed
// language, from each rule's figures. Reviews frozen before the figures were
// kept print their English messages, and only on English pages.
func findingLines(l lang, p *review.Program) []string {
	if len(p.Rules) == 0 {
		if l {
			return nil
		}
		return p.Findings
	}
	out := make([]string, 0, len(p.Rules))
	for _, f := range p.Rules {
		out = append(out, findingText(l, f, p.Currency))
	}
	return out
}

// findingText is one fired rule as a sentence; the words follow the program
// page's, so the printed review says what the screen said.
func findingText(l lang, f review.Finding, currency string) string {
	num := func(k string) float64 { return paramNumber(f.Params[k]) }
	str := func(k string) string { s, _ := f.Params[k].(string); return s }
	n := func(k string) string { return strconv.FormatFloat(num(k), 'f', -1, 64) }
	one := func(k string) string { return trim1(num(k)) }
	switch f.Rule {
	case program.RuleRevenueRed, program.RuleRevenueAmber:
		return l.t(fmt.Sprintf("Revenue to date is %s%% of the target to date — below %s%%.", one("percent"), n("threshold")),
			fmt.Sprintf("累计收入为累计目标的 %s%%，低于 %s%%。", one("percent"), n("threshold")))
	case program.RuleRenewalUrgent, program.RuleRenewalNear:
		days := int(num("days"))
		return l.t(fmt.Sprintf("The contract renews on %s (%s) and no renewal action is planned.", str("date"), l.inDays(days)),
			fmt.Sprintf("全球合同将于 %s（%s）续约，但尚未安排续约行动。", str("date"), l.inDays(days)))
	case program.RuleCoverageFell:
		return l.t(fmt.Sprintf("Coverage fell from %s%% to %s%% in the last %s days.", one("from"), one("to"), n("days")),
			fmt.Sprintf("覆盖率在最近 %s 天内从 %s%% 降至 %s%%。", n("days"), one("from"), one("to")))
	case program.RuleOverdueActions:
		return l.t(fmt.Sprintf("%s milestones and actions are overdue (%s of them milestones).", n("count"), n("milestones")),
			fmt.Sprintf("有 %s 项里程碑和行动已逾期（其中里程碑 %s 项）。", n("count"), n("milestones")))
	case program.RuleKPIShort:
		metric := str("metric")
		actual, target := kpiText(metric, num("actual"), currency), kpiText(metric, num("target"), currency)
		return l.t(fmt.Sprintf("%s is at %s against a target of %s — below %s%% of it.", l.enum("kpi", metric), actual, target, n("threshold")),
			fmt.Sprintf("%s为 %s，目标 %s，低于目标的 %s%%。", l.enum("kpi", metric), actual, target, n("threshold")))
	case program.RuleActualsMissing:
		since := l.quarter(str("since"))
		return l.t(fmt.Sprintf("%s country-quarters since %s have a target but no actual, %s days after the quarter ended.", n("count"), since, n("days")),
			fmt.Sprintf("自%s起有 %s 个国家季度设有目标但无实际数，季度结束已超过 %s 天。", since, n("count"), n("days")))
	}
	if l {
		return f.Rule
	}
	return f.Message
}

// kpiText prints a KPI figure in its unit: revenue in minor units, a 0–10
// satisfaction in tenths, the other KPIs in basis points.
func kpiText(metric string, v float64, currency string) string {
	switch metric {
	case program.KPIRevenue:
		return lang(false).money(int64(math.Round(v)), currency)
	case program.KPISatisfaction:
		return trim1(v / 10)
	}
	return pct(v / 100)
}

// quarter words a "2026-Q2" key: "2026 Q2", "2026年第2季度".
func (l lang) quarter(key string) string {
	var y, q int
	if _, err := fmt.Sscanf(key, "%d-Q%d", &y, &q); err != nil {
		return key
	}
	return l.t(fmt.Sprintf("%d Q%d", y, q), fmt.Sprintf("%d年第%d季度", y, q))
}

func (l lang) inDays(days int) string {
	switch {
	case days < 0:
		return l.t(fmt.Sprintf("%d days past", -days), fmt.Sprintf("已过 %d 天", -days))
	case days == 0:
		return l.t("today", "今天")
	}
	return l.t(fmt.Sprintf("in %d days", days), fmt.Sprintf("%d 天后", days))
}

// paramNumber reads a rule's figure whether it was made in this process (an
// int or a float) or read back from a frozen snapshot (JSON's float64).
func paramNumber(v any) float64 {
	switch x := v.(type) {
	case float64:
		return x
	case int:
		return float64(x)
	case int64:
		return float64(x)
	case float32:
		return float64(x)
	case int32:
		return float64(x)
	}
	return 0
}
