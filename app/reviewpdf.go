package app

import (
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"keystone/app/report"
	"keystone/core/partnership"
	"keystone/core/review"
)

// renderReview prints a review in the language code ("zh-CN" or "en"). A
// final review carries its finalisation time as the file's date, so the
// same review prints the same bytes; a draft carries the time of its
// snapshot's last save.
func renderReview(r review.Review, code string, w io.Writer) error {
	l := langOf(code)
	s := r.Snapshot
	created := r.UpdatedAt
	if r.FinalizedAt != nil {
		created = *r.FinalizedAt
	}
	if created.IsZero() {
		created = time.Date(r.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	kind := l.enum("kind", r.Kind)
	period := periodText(l, r)
	mark := l.t("CONFIDENTIAL", "机密")
	if !r.Final() {
		mark = l.t("CONFIDENTIAL · DRAFT", "机密 · 草稿")
	}
	d, err := report.New(report.Options{Lang: l.code(), Title: s.Account.Name + " · " + kind + " " + period, Subject: kind,
		Author: r.Narrative.SignOff.PreparedBy, HeaderLeft: s.Account.Name, HeaderCenter: kind + " · " + period, HeaderRight: mark, Created: created.UTC()})
	if err != nil {
		return err
	}
	lines := [][2]string{}
	add := func(k, v string) {
		if strings.TrimSpace(v) != "" {
			lines = append(lines, [2]string{k, v})
		}
	}
	add(l.t("Legal name", "法定名称"), s.Account.LegalName)
	add(l.t("Industry · segment", "行业 · 细分"), joinNonEmpty(" · ", l.enumOr("industry", s.Account.Industry), l.enumOr("segment", s.Account.Segment)))
	add(l.t("Key-account manager", "客户经理"), s.Account.Owner)
	add(l.t("Prepared by", "编制人"), joinNonEmpty(" · ", r.Narrative.SignOff.PreparedBy, string(r.Narrative.SignOff.PreparedOn)))
	add(l.t("Approved by", "审批人"), joinNonEmpty(" · ", r.Narrative.SignOff.ApprovedBy, string(r.Narrative.SignOff.ApprovedOn)))
	status := l.enum("status", r.Status)
	if r.FinalizedAt != nil {
		status += " · " + r.FinalizedAt.UTC().Format("2006-01-02")
	}
	add(l.t("Status", "状态"), status)
	add(l.t("Data as of", "数据截至"), string(s.TakenOn))
	kicker := l.t(strings.ToUpper(kind), kind+" · "+strings.ToUpper(reviewEnums["kind"][r.Kind].en))
	d.Cover(report.Cover{Kicker: kicker, Title: s.Account.Name, Subtitle: period, Lines: lines, Mark: mark})
	d.Contents()

	summarySection(d, l, r)
	if s.Performance != nil {
		performanceSection(d, l, r)
	}
	if s.Satisfaction != nil || s.Relationship != nil || s.Partnership != nil {
		customerSection(d, l, s)
	}
	if s.Portfolio != nil {
		portfolioSection(d, l, s)
	}
	if s.Switching != nil || s.Risk != nil {
		retentionSection(d, l, s)
	}
	if s.Deals != nil {
		dealsSection(d, l, r)
	}
	if s.Program != nil || s.Actions != nil {
		executionSection(d, l, s)
	}
	strategySection(d, l, r)
	signOffSection(d, l, r)
	return d.Output(w)
}

func periodText(l lang, r review.Review) string {
	from, to := r.Period()
	if r.Kind == review.Quarterly {
		return l.t(fmt.Sprintf("Q%d %d (%s – %s)", r.Quarter, r.Year, from, to), fmt.Sprintf("%d 年第 %d 季度（%s 至 %s）", r.Year, r.Quarter, from, to))
	}
	return l.t(fmt.Sprintf("Year %d", r.Year), fmt.Sprintf("%d 年度", r.Year))
}

func (l lang) enumOr(group, key string) string {
	if key == "" {
		return ""
	}
	return l.enum(group, key)
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// headlineKPIs are the tiles of the summary page: only figures the data has.
func headlineKPIs(l lang, r review.Review) []report.KPI {
	s := r.Snapshot
	var k []report.KPI
	if p := s.Performance; p != nil {
		if cur := p.Current(r.Year); cur != nil {
			tile := report.KPI{Label: l.t("Revenue", "销售收入"), Value: l.short(cur.Revenue, cur.Currency)}
			if a, ok := review.Attainment(cur.Revenue, cur.RevenueTarget); ok {
				tile.Detail = l.t(fmt.Sprintf("%s of target", pct0(a)), fmt.Sprintf("目标完成 %s", pct0(a)))
				tile.Tone = toneAt(a, 100, 90)
			} else {
				tile.Detail = l.t("no target set", "未设目标")
			}
			k = append(k, tile)
			m := report.KPI{Label: l.t("Gross margin", "毛利"), Value: l.short(cur.Margin, cur.Currency)}
			if cur.Revenue > 0 {
				m.Detail = l.t(fmt.Sprintf("%s of revenue", pct(float64(cur.Margin)*100/float64(cur.Revenue))),
					fmt.Sprintf("毛利率 %s", pct(float64(cur.Margin)*100/float64(cur.Revenue))))
			}
			k = append(k, m)
			if cur.ShareKnown {
				sw := report.KPI{Label: l.t("Share of wallet", "钱包份额"), Value: pct(cur.Share)}
				if prev := prevYear(p, r.Year); prev != nil && prev.ShareKnown {
					diff := cur.Share - prev.Share
					sw.Detail = l.t(fmt.Sprintf("%+.1f pts vs %d", diff, prev.Year), fmt.Sprintf("较 %d 年 %+.1f 个百分点", prev.Year, diff))
					sw.Tone = toneSign(diff)
				}
				k = append(k, sw)
			}
		}
	}
	if dl := s.Deals; dl != nil && dl.RateKnown {
		k = append(k, report.KPI{Label: l.t("Win rate", "赢单率"), Value: pct0(dl.WinRate),
			Detail: l.t(fmt.Sprintf("%d won · %d lost", dl.Won, dl.Lost), fmt.Sprintf("赢 %d · 丢 %d", dl.Won, dl.Lost)), Tone: toneAt(dl.WinRate, 50, 35)})
	}
	if pf := s.Portfolio; pf != nil && pf.Tier != "" {
		k = append(k, report.KPI{Label: l.t("Tier", "客户等级"), Value: l.t(pf.TierEn, pf.TierZh), Detail: l.enumOr("quadrant", pf.Quadrant)})
	}
	if rs := s.Risk; rs != nil {
		k = append(k, report.KPI{Label: l.t("Risk score", "风险分"), Value: fmt.Sprint(rs.Score),
			Detail: l.t(l.enum("risk", rs.Level)+" risk", l.enum("risk", rs.Level)+"风险"), Tone: riskTone(rs.Level)})
	} else {
		k = append(k, report.KPI{Label: l.t("Risk score", "风险分"), Value: "0", Detail: l.t("no warning fires", "无预警"), Tone: report.Positive})
	}
	if sat := s.Satisfaction; sat != nil {
		k = append(k, report.KPI{Label: l.t("Satisfaction", "满意度"), Value: fmt.Sprintf("%+.2f", sat.Weighted),
			Detail: l.t("perceived − expected", "感知 − 期望"), Tone: toneSign(sat.Weighted)})
	}
	if a := s.Actions; a != nil {
		t := report.KPI{Label: l.t("Open actions", "未完成行动"), Value: fmt.Sprint(a.Open),
			Detail: l.t(fmt.Sprintf("%d overdue", a.Overdue), fmt.Sprintf("%d 项逾期", a.Overdue))}
		if a.Overdue > 0 {
			t.Tone = report.Caution
		}
		k = append(k, t)
	}
	if len(k) > 8 {
		k = k[:8]
	}
	return k
}

func prevYear(p *review.Performance, year int) *review.YearRow {
	return p.Current(year - 1)
}

func toneAt(v, good, caution float64) report.Tone {
	switch {
	case v >= good:
		return report.Positive
	case v >= caution:
		return report.Caution
	}
	return report.Negative
}

func toneSign(v float64) report.Tone {
	switch {
	case v > 0:
		return report.Positive
	case v < 0:
		return report.Negative
	}
	return report.Neutral
}

func riskTone(level string) report.Tone {
	switch level {
	case "high":
		return report.Negative
	case "medium":
		return report.Caution
	}
	return report.Positive
}

func summarySection(d *report.Doc, l lang, r review.Review) {
	n := r.Narrative
	d.Section(l.t("Executive summary", "执行摘要"))
	d.KPIs(headlineKPIs(l, r))
	if n.Summary != "" {
		d.Lead(n.Summary)
	}
	if items := review.Items(n.Highlights); len(items) > 0 {
		d.Heading(l.t("Highlights", "亮点"))
		d.Bullets(items)
	}
	if items := review.Items(n.Issues); len(items) > 0 {
		d.Heading(l.t("Issues", "问题"))
		d.Bullets(items)
	}
	if len(r.Snapshot.Sections()) < 10 {
		d.Note(l.t("Sections for areas without data on this account are left out.", "本客户没有数据的领域不列入本评审。"))
	}
}

func performanceSection(d *report.Doc, l lang, r review.Review) {
	p := r.Snapshot.Performance
	d.Section(l.t("Performance against targets", "业绩与目标"))
	cur := p.Current(r.Year)
	if cur != nil {
		var tiles []report.KPI
		rev := report.KPI{Label: l.t("Revenue "+fmt.Sprint(r.Year), fmt.Sprintf("%d 年销售收入", r.Year)), Value: l.short(cur.Revenue, cur.Currency)}
		if a, ok := review.Attainment(cur.Revenue, cur.RevenueTarget); ok {
			rev.Detail, rev.Tone = l.t("target ", "目标 ")+l.short(cur.RevenueTarget, cur.Currency), toneAt(a, 100, 90)
		}
		tiles = append(tiles, rev)
		mg := report.KPI{Label: l.t("Margin", "毛利"), Value: l.short(cur.Margin, cur.Currency)}
		if a, ok := review.Attainment(cur.Margin, cur.MarginTarget); ok {
			mg.Detail, mg.Tone = l.t(fmt.Sprintf("%s of target", pct0(a)), fmt.Sprintf("目标完成 %s", pct0(a))), toneAt(a, 100, 90)
		}
		tiles = append(tiles, mg)
		if prev := prevYear(p, r.Year); prev != nil {
			if g, ok := review.Growth(prev.Revenue, cur.Revenue); ok {
				tiles = append(tiles, report.KPI{Label: l.t("Growth", "同比增长"), Value: fmt.Sprintf("%+.1f%%", g),
					Detail: l.t(fmt.Sprintf("vs %d", prev.Year), fmt.Sprintf("对比 %d 年", prev.Year)), Tone: toneSign(g)})
			}
		}
		if p.ReportingKnown && p.ReportingCur != cur.Currency {
			tiles = append(tiles, report.KPI{Label: l.t("In reporting currency", "折合报告币种"), Value: l.short(p.Reporting, p.ReportingCur),
				Detail: l.t("at the year's rate", "按当年汇率")})
		} else if cur.CrossSell > 0 {
			tiles = append(tiles, report.KPI{Label: l.t("Cross-selling", "交叉销售"), Value: l.short(cur.CrossSell, cur.Currency),
				Detail: l.t("outside the main line", "主营以外")})
		}
		d.KPIs(tiles)
	}
	cols := []report.Column{{Title: l.t("Year", "年度"), Width: 0.8}, {Title: l.t("Revenue", "销售收入"), Width: 1.6, Align: report.Right},
		{Title: l.t("Target", "目标"), Width: 1.6, Align: report.Right}, {Title: l.t("Attained", "完成率"), Width: 1, Align: report.Right},
		{Title: l.t("Margin", "毛利"), Width: 1.6, Align: report.Right}, {Title: l.t("Share of wallet", "钱包份额"), Width: 1.1, Align: report.Right},
		{Title: l.t("Growth", "增长"), Width: 0.9, Align: report.Right}}
	t := report.Table{Columns: cols}
	var maxV float64
	for i, y := range p.Years {
		att, share, growth := "—", "—", "—"
		if a, ok := review.Attainment(y.Revenue, y.RevenueTarget); ok {
			att = pct0(a)
		}
		if y.ShareKnown {
			share = pct(y.Share)
		}
		if i > 0 && p.Years[i-1].Year == y.Year-1 {
			if g, ok := review.Growth(p.Years[i-1].Revenue, y.Revenue); ok {
				growth = fmt.Sprintf("%+.1f%%", g)
			}
		}
		target := "—"
		if y.RevenueTarget > 0 {
			target = l.money(y.RevenueTarget, y.Currency)
		}
		t.Rows = append(t.Rows, []string{fmt.Sprint(y.Year), l.money(y.Revenue, y.Currency), target, att, l.money(y.Margin, y.Currency), share, growth})
		maxV = math.Max(maxV, math.Max(major(y.Revenue, y.Currency), major(y.RevenueTarget, y.Currency)))
	}
	d.Table(t)
	div, unit := l.unit(maxV)
	cur0 := p.Years[len(p.Years)-1].Currency
	cats := make([]string, len(p.Years))
	rev, tgt, mg := make([]float64, len(p.Years)), make([]float64, len(p.Years)), make([]float64, len(p.Years))
	for i, y := range p.Years {
		cats[i] = fmt.Sprint(y.Year)
		rev[i], tgt[i], mg[i] = major(y.Revenue, y.Currency)/div, major(y.RevenueTarget, y.Currency)/div, major(y.Margin, y.Currency)/div
	}
	unitLabel := cur0 + " " + unit
	if l {
		unitLabel = unit + cur0
	}
	d.Bars(report.BarChart{Title: l.t("Revenue against target ("+unitLabel+")", "销售收入与目标（"+unitLabel+"）"), Categories: cats,
		Series: []report.Series{{Name: l.t("Revenue", "销售收入"), Values: rev}, {Name: l.t("Target", "目标"), Values: tgt}}, Height: 62})
	if len(p.Years) >= 2 {
		d.Lines(report.LineChart{Title: l.t("Three-year trend ("+unitLabel+")", "三年趋势（"+unitLabel+"）"), Categories: cats,
			Series: []report.Series{{Name: l.t("Revenue", "销售收入"), Values: rev}, {Name: l.t("Margin", "毛利"), Values: mg}}, Height: 58})
	}
	d.Note(l.t("Amounts in the account's currency, in its minor units rounded to whole units. Share of wallet = our revenue ÷ the customer's spend in our category.",
		"金额为该客户的结算币种，取整到元。钱包份额 = 我方销售收入 ÷ 客户在本品类的总采购额。"))
}

func customerSection(d *report.Doc, l lang, s review.Snapshot) {
	d.Section(l.t("Customer and relationship", "客户与关系"))
	if pt := s.Partnership; pt != nil {
		d.Heading(l.t("Partnership model", "合作伙伴关系模型"))
		d.Facts([][2]string{
			{l.t("Recommended type", "建议类型"), l.enum("ptype", pt.Type)},
			{l.t("Assessed on", "评估日期"), string(pt.AssessedOn)},
			{l.t("Drivers (D)", "驱动因素 (D)"), fmt.Sprint(pt.D)},
			{l.t("Facilitators (F)", "促进因素 (F)"), fmt.Sprint(pt.F)},
		})
		axes := make([]string, len(partnership.Drivers))
		ours, cust := make([]float64, len(partnership.Drivers)), make([]float64, len(partnership.Drivers))
		for i, k := range partnership.Drivers {
			axes[i] = l.enum("driver", k)
			ours[i], cust[i] = float64(pt.Ours[k]), float64(pt.Customer[k])
		}
		d.Radar(report.RadarChart{Title: l.t("Partnership drivers", "驱动因素雷达"), Axes: axes, Max: float64(max(1, pt.ScaleMax)),
			Series: []report.Series{{Name: l.t("Ours", "我方"), Values: ours}, {Name: l.t("Customer", "客户"), Values: cust}}, Height: 78})
		if len(pt.Gaps) > 0 {
			t := report.Table{Columns: []report.Column{{Title: l.t("Component", "管理要素"), Width: 2}, {Title: l.t("Today", "现状"), Width: 1},
				{Title: l.t("Required", "所需"), Width: 1}}}
			for _, g := range pt.Gaps {
				t.Rows = append(t.Rows, []string{l.enum("component", g.Component), l.enum("level", g.Today), l.enum("level", g.Required)})
			}
			d.Heading(l.t("Gaps to the recommended type", "与建议类型的差距"))
			d.Table(t)
		}
	}
	if sat := s.Satisfaction; sat != nil {
		d.Heading(l.t("Satisfaction (SERVQUAL)", "满意度（SERVQUAL）"))
		d.Facts([][2]string{
			{l.t("Weighted satisfaction", "加权满意度"), fmt.Sprintf("%+.2f  (−6 … +6)", sat.Weighted)},
			{l.t("Surveyed on", "调查日期"), string(sat.SurveyedOn)},
		})
		t := report.Table{Columns: []report.Column{{Title: l.t("Dimension", "维度"), Width: 2}, {Title: l.t("Expected", "期望"), Width: 1, Align: report.Right},
			{Title: l.t("Perceived", "感知"), Width: 1, Align: report.Right}, {Title: l.t("Gap", "差距"), Width: 1, Align: report.Right},
			{Title: l.t("Weight", "权重"), Width: 1, Align: report.Right}}}
		for _, g := range sat.Gaps {
			t.Rows = append(t.Rows, []string{l.enum("dimension", g.Key), fmt.Sprint(g.Expectation), fmt.Sprint(g.Perception), fmt.Sprintf("%+d", g.Gap), fmt.Sprint(g.Weight)})
		}
		d.Table(t)
	}
	if rl := s.Relationship; rl != nil {
		d.Heading(l.t("Relationship stage and dimensions", "关系阶段与三个维度"))
		stage := l.enumOr("stage", rl.Stage)
		if stage == "" {
			stage = l.t("not confirmed", "未确认")
			if rl.Suggested != "" {
				stage += l.t(" (suggested: ", "（建议：") + l.enum("stage", rl.Suggested) + l.t(")", "）")
			}
		}
		d.Facts([][2]string{
			{l.t("Development stage", "发展阶段"), stage},
			{l.t("Lifecycle phase", "生命周期"), orDash(l.enumOr("phase", rl.Phase))},
			{l.t("Organisational relationship", "组织客户关系"), orDash(l.enumOr("organizational", rl.Organizational))},
			{l.t("Extensive relationship", "普遍客户关系"), orDash(l.enumOr("grade", rl.Extensive))},
			{l.t("Key relationships", "关键客户关系"), l.t(fmt.Sprintf("%d of %d decision-makers supportive", rl.Supportive, rl.DecisionMakers),
				fmt.Sprintf("%d / %d 位决策者支持", rl.Supportive, rl.DecisionMakers))},
			{l.t("People in the decision chain", "决策链人数"), fmt.Sprint(rl.Contacts)},
		})
		var bars []report.Bar
		total := 0
		for _, n := range rl.Levels {
			total += n
		}
		names := []pair{{"Not graded", "未评级"}, {"1 · Contact", "1 · 接触"}, {"2 · Acquainted", "2 · 熟悉"}, {"3 · Trusted", "3 · 信任"},
			{"4 · Supportive", "4 · 支持"}, {"5 · Exclusive", "5 · 支持并排他"}}
		for i := 5; i >= 0 && total > 0; i-- {
			tone := report.Neutral
			if i >= 4 {
				tone = report.Positive
			}
			bars = append(bars, report.Bar{Label: l.t(names[i].en, names[i].zh), Value: float64(rl.Levels[i]) * 100 / float64(total),
				Detail: l.t(fmt.Sprintf("%d people", rl.Levels[i]), fmt.Sprintf("%d 人", rl.Levels[i])), Tone: tone})
		}
		if len(bars) > 0 {
			d.Progress(bars)
		}
	}
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func portfolioSection(d *report.Doc, l lang, s review.Snapshot) {
	pf := s.Portfolio
	d.Flow(l.t("Portfolio position and tier", "组合位置与分级"), 168)
	facts := [][2]string{{l.t("Tier", "客户等级"), orDash(l.t(pf.TierEn, pf.TierZh))}}
	if pf.TierAssigned {
		facts[0][1] += l.t(" (set by hand)", "（人工设定）")
	} else if pf.Tier != "" {
		facts[0][1] += l.t(" (from the quadrant)", "（按象限建议）")
	}
	if pf.Rank > 0 {
		facts = append(facts, [2]string{l.t("Revenue rank", "收入排名"), l.t(fmt.Sprintf("%d of %d accounts", pf.Rank, pf.Accounts), fmt.Sprintf("第 %d 位，共 %d 个客户", pf.Rank, pf.Accounts))})
	}
	if pf.Scored {
		facts = append(facts,
			[2]string{l.t("Quadrant", "象限"), l.enum("quadrant", pf.Quadrant)},
			[2]string{l.t("Scored on", "评分日期"), string(pf.ScoredOn)},
			[2]string{l.t("Attractiveness", "客户吸引力"), fmt.Sprintf("%.1f / 10", pf.Attractiveness)},
			[2]string{l.t("Our relative strength", "企业商业能力"), fmt.Sprintf("%.1f / 10", pf.Strength)})
	}
	d.Facts(facts)
	if !pf.Scored {
		d.Note(l.t("The account has no attractiveness and strength scorecard yet, so it is not on the matrix.", "该客户尚无吸引力与实力评分，因此不在矩阵中。"))
		return
	}
	pts := make([]report.Point, 0, len(pf.Others)+1)
	for _, o := range pf.Others {
		pts = append(pts, report.Point{X: o.X, Y: o.Y, Size: o.Size})
	}
	pts = append(pts, report.Point{X: pf.Strength, Y: pf.Attractiveness, Size: math.Max(pf.Size, 0.35), Label: s.Account.Name, Highlight: true})
	q := func(k string) string { return l.enum("quadrant", k) }
	d.Quadrant(report.QuadrantChart{Title: l.t("Portfolio matrix — this account marked", "组合矩阵（本客户已标出）"),
		XLabel: l.t("Our relative strength", "企业商业能力"), YLabel: l.t("Account attractiveness", "客户吸引力"),
		Min: 1, Max: 10, Cut: cutOr(pf.Cut), Quadrants: [4]string{q("star"), q("strategic"), q("streamline"), q("status")}, Points: pts, Height: 104})
	d.Note(l.t("Each dot is an account of the portfolio, sized by its revenue.", "每个点代表组合中的一个客户，大小表示收入。"))
}

func cutOr(c float64) float64 {
	if c <= 1 || c >= 10 {
		return 5.5
	}
	return c
}

func retentionSection(d *report.Doc, l lang, s review.Snapshot) {
	d.Flow(l.t("Switching costs and risks", "阻挡力与风险"), 70)
	if sw := s.Switching; sw != nil {
		if sw.Assessed {
			d.Heading(l.t("Switching-cost index", "阻挡力指数"))
			d.KPIs([]report.KPI{
				{Label: l.t("Barrier index", "阻挡力指数"), Value: fmt.Sprintf("%.0f", sw.Barrier), Detail: l.t("0–100, assessed ", "0–100，评估于 ") + string(sw.AssessedOn), Tone: toneAt(sw.Barrier, 60, 40)},
				{Label: l.t("Procedural", "程序性"), Value: fmt.Sprintf("%.0f", sw.Procedural), Detail: "0–100"},
				{Label: l.t("Financial", "财务性"), Value: fmt.Sprintf("%.0f", sw.Financial), Detail: "0–100"},
				{Label: l.t("Relational", "关系性"), Value: fmt.Sprintf("%.0f", sw.Relational), Detail: "0–100"},
			})
		}
		if len(sw.Levers) > 0 {
			d.Heading(l.t("Switching-cost plan: ", "阻挡力计划：") + sw.PlanName)
			var bars []report.Bar
			for _, lv := range sw.Levers {
				det := l.t(fmt.Sprintf("%d/%d done · %d→%d", lv.Done, lv.Actions, lv.Strength, lv.Target), fmt.Sprintf("完成 %d/%d · %d→%d", lv.Done, lv.Actions, lv.Strength, lv.Target))
				tone := report.Neutral
				if lv.Overdue > 0 {
					tone = report.Caution
				}
				bars = append(bars, report.Bar{Label: l.enum("lever", lv.Key), Value: float64(lv.Percent), Detail: det, Tone: tone})
			}
			d.Progress(bars)
		}
	}
	if rs := s.Risk; rs != nil {
		d.Heading(l.t("Decline warnings", "衰退期预警"))
		d.Facts([][2]string{{l.t("Risk score", "风险分"), fmt.Sprintf("%d / 100", rs.Score)}, {l.t("Risk level", "风险等级"), l.enum("risk", rs.Level)}})
		t := report.Table{Columns: []report.Column{{Title: l.t("Warning", "预警"), Width: 1.6}, {Title: l.t("Weight", "权重"), Width: 0.6, Align: report.Right},
			{Title: l.t("Reason", "原因"), Width: 4}}}
		for _, w := range rs.Warnings {
			t.Rows = append(t.Rows, []string{l.enum("warning", w.Key), fmt.Sprintf("+%d", w.Weight), warningText(l, w)})
		}
		d.Table(t)
	}
}

// warningText says why a warning fired; the Chinese text is built from its
// numbers where Keystone knows the pattern, else the English reason is kept.
func warningText(l lang, w review.Warning) string {
	if !l {
		return w.Message
	}
	p := func(k string) string { return fmt.Sprint(w.Params[k]) }
	switch w.Key {
	case "falling_revenue":
		return fmt.Sprintf("销售额从 %s 年到 %s 年下降了 %s%%。", p("from"), p("to"), p("percent"))
	case "falling_share":
		return fmt.Sprintf("钱包份额下降 %s 个百分点：%s 年 %s%%，%s 年 %s%%。", p("points"), p("from"), p("before"), p("to"), p("after"))
	case "rising_complaints":
		return fmt.Sprintf("最近 %s 天有 %s 次投诉，之前 %s 天为 %s 次。", p("days"), p("recent"), p("days"), p("earlier"))
	case "contact_left":
		return fmt.Sprintf("最近 %s 天内标记为离职：%s。", p("days"), strings.Trim(p("names"), "[]"))
	case "competitor_activity":
		return fmt.Sprintf("最近 %s 天有 %s 条拜访记录提到竞争对手（最近一次 %s：“%s”）。", p("days"), p("count"), p("latest"), p("word"))
	case "renewal_near":
		if _, ok := w.Params["window"]; ok {
			return fmt.Sprintf("合同将于 %s 续约（还有 %s 天），续约前 %s 天内没有已安排或已完成的行动。", p("date"), p("days"), p("window"))
		}
		// frozen before the warning counted only the renewal's run-up
		return fmt.Sprintf("合同将于 %s 续约（还有 %s 天），之前没有待办行动。", p("date"), p("days"))
	}
	return w.Message
}

func dealsSection(d *report.Doc, l lang, r review.Review) {
	dl := r.Snapshot.Deals
	d.Flow(l.t("Opportunities won and lost", "赢单与丢单"), 110)
	rate := "—"
	if dl.RateKnown {
		rate = pct0(dl.WinRate)
	}
	d.KPIs([]report.KPI{
		{Label: l.t("Won", "赢单"), Value: fmt.Sprint(dl.Won), Detail: l.short(dl.WonValue, dl.Currency), Tone: report.Positive},
		{Label: l.t("Lost", "丢单"), Value: fmt.Sprint(dl.Lost), Detail: l.short(dl.LostValue, dl.Currency), Tone: report.Negative},
		{Label: l.t("Win rate", "赢单率"), Value: rate, Detail: l.t(fmt.Sprintf("%d no decision", dl.NoDecision), fmt.Sprintf("无决策 %d", dl.NoDecision))},
		{Label: l.t("Open pipeline", "在途商机"), Value: fmt.Sprint(dl.Open), Detail: l.short(dl.OpenValue, dl.Currency)},
	})
	if len(dl.Reasons) > 0 {
		cats := make([]string, 0, len(dl.Reasons))
		vals := make([]float64, 0, len(dl.Reasons))
		var maxV float64
		for _, rs := range dl.Reasons {
			maxV = math.Max(maxV, major(rs.Value, dl.Currency))
		}
		div, unit := l.unit(maxV)
		for _, rs := range dl.Reasons {
			cats = append(cats, shortReason(l.t(rs.En, rs.Zh)))
			vals = append(vals, major(rs.Value, dl.Currency)/div)
		}
		unitLabel := dl.Currency + " " + unit
		if l {
			unitLabel = unit + dl.Currency
		}
		d.Pareto(report.ParetoChart{Title: l.t("Value not won, by primary reason ("+unitLabel+")", "未赢金额按主要原因（"+unitLabel+"）"), Categories: cats, Values: vals, Height: 62})
		t := report.Table{Columns: []report.Column{{Title: l.t("Reason", "原因"), Width: 3}, {Title: l.t("Deals", "商机数"), Width: 0.8, Align: report.Right},
			{Title: l.t("Value not won", "未赢金额"), Width: 1.6, Align: report.Right}, {Title: l.t("Share", "占比"), Width: 0.8, Align: report.Right}}}
		for _, rs := range dl.Reasons {
			t.Rows = append(t.Rows, []string{l.t(rs.En, rs.Zh), fmt.Sprint(rs.Deals), l.money(rs.Value, dl.Currency), pct(rs.Share)})
		}
		d.Table(t)
	}
	if len(dl.List) > 0 {
		d.Heading(l.t("Deals closed in the period", "本期关闭的商机"))
		t := report.Table{Columns: []report.Column{{Title: l.t("Deal", "商机"), Width: 3}, {Title: l.t("Closed", "关闭日期"), Width: 1.1},
			{Title: l.t("Outcome", "结果"), Width: 0.9}, {Title: l.t("Value", "金额"), Width: 1.5, Align: report.Right},
			{Title: l.t("Primary reason · winner", "主要原因 · 赢家"), Width: 2.6}}}
		for _, x := range dl.List {
			reason := l.t(x.ReasonEn, x.ReasonZh)
			t.Rows = append(t.Rows, []string{x.Title, string(x.ClosedOn), l.enum("outcome", x.Outcome), l.money(x.Value, x.Currency), joinNonEmpty(" · ", reason, x.Winner)})
		}
		d.Table(t)
	}
}

// shortReason keeps a reason's label before its bracketed detail, for chart axes.
func shortReason(s string) string {
	for _, sep := range []string{"（", " ("} {
		if i := strings.Index(s, sep); i > 0 {
			return s[:i]
		}
	}
	return s
}

func executionSection(d *report.Doc, l lang, s review.Snapshot) {
	d.Flow(l.t("Execution: program and actions", "执行：全球项目与行动"), 70)
	if p := s.Program; p != nil {
		d.Heading(l.t("Global account program", "全球大客户项目"))
		facts := [][2]string{{l.t("Health", "健康度"), l.enum("health", p.Health)}, {l.t("Status", "状态"), l.enum("pstatus", p.Status)},
			{l.t("Global account manager", "全球客户经理"), orDash(p.Manager)}, {l.t("Countries", "国家"), fmt.Sprint(p.Countries)}}
		if p.Target > 0 {
			facts = append(facts, [2]string{l.t("Target for the year", "年度目标"), l.money(p.Target, p.Currency)},
				[2]string{l.t("Actual to date", "累计实际"), l.money(p.Actual, p.Currency)})
		}
		if p.Renewal != "" {
			facts = append(facts, [2]string{l.t("Contract", "合同"), l.enum("renewal", p.Renewal)})
		}
		d.Facts(facts)
		if lines := findingLines(l, p); len(lines) > 0 {
			d.Bullets(lines)
		}
	}
	if a := s.Actions; a != nil {
		d.Heading(l.t("Actions", "行动"))
		d.KPIs([]report.KPI{
			{Label: l.t("Open", "未完成"), Value: fmt.Sprint(a.Open)},
			{Label: l.t("Overdue", "逾期"), Value: fmt.Sprint(a.Overdue), Tone: overdueTone(a.Overdue)},
			{Label: l.t("Done in the period", "本期完成"), Value: fmt.Sprint(a.Done), Tone: report.Positive},
		})
		if len(a.Next) > 0 {
			t := report.Table{Columns: []report.Column{{Title: l.t("Open action", "未完成行动"), Width: 4}, {Title: l.t("Area", "来源"), Width: 1.3},
				{Title: l.t("Owner", "负责人"), Width: 1.2}, {Title: l.t("Due", "截止"), Width: 1.2}}}
			for _, x := range a.Next {
				t.Rows = append(t.Rows, []string{x.Title, l.enum("area", x.Area), x.Owner, orDash(string(x.Due))})
			}
			d.Table(t)
		}
	}
}

func overdueTone(n int) report.Tone {
	if n > 0 {
		return report.Negative
	}
	return report.Positive
}

func strategySection(d *report.Doc, l lang, r review.Review) {
	st, v := r.Narrative.Strategy, r.Narrative.Value
	elems := []struct {
		en, zh, text string
	}{
		{"1 · Performance goals", "1 · 业绩目标", st.Goals}, {"2 · Strategic focus", "2 · 战略重点", st.Focus},
		{"3 · Positioning", "3 · 定位", st.Positioning}, {"4 · Action plan", "4 · 行动计划", st.ActionPlan},
		{"5 · Resource commitments", "5 · 资源承诺", st.Resources}, {"6 · Budget and forecast", "6 · 预算与预测", st.Budget},
	}
	quads := []report.Box{
		{Title: l.t("Our functional and economic value", "我方的功能与经济价值"), Text: v.Functional},
		{Title: l.t("Our psychological value", "我方的心理价值"), Text: v.Psychological},
		{Title: l.t("The customer's commitments to us", "客户对我方的承诺"), Text: v.CustomerCommitments},
		{Title: l.t("How both sides track progress", "双方如何跟踪进展与问题"), Text: v.Tracking},
	}
	anyElem, anyQuad := false, false
	for _, e := range elems {
		anyElem = anyElem || e.text != ""
	}
	for _, q := range quads {
		anyQuad = anyQuad || q.Text != ""
	}
	if !anyElem && !anyQuad {
		return
	}
	next := r.Year + 1
	title := l.t(fmt.Sprintf("Strategy for %d", next), fmt.Sprintf("%d 年大客户战略", next))
	if r.Kind == review.Quarterly {
		title = l.t("Next quarter's strategy", "下季度策略")
	}
	d.Section(title)
	for _, e := range elems {
		if e.text == "" {
			continue
		}
		d.Heading(l.t(e.en, e.zh))
		d.Paragraph(e.text)
	}
	if anyQuad {
		d.Heading(l.t("Four-quadrant value proposition", "四象限价值主张"))
		for i := range quads {
			if quads[i].Text == "" {
				quads[i].Text = "—"
			}
		}
		d.Panels(quads)
	}
}

func signOffSection(d *report.Doc, l lang, r review.Review) {
	so := r.Narrative.SignOff
	d.Flow(l.t("Sign-off", "签署"), 65)
	d.SignOff([]report.Signature{
		{Role: l.t("Prepared by", "编制人"), Name: so.PreparedBy, Date: string(so.PreparedOn)},
		{Role: l.t("Approved by", "审批人"), Name: so.ApprovedBy, Date: string(so.ApprovedOn)},
	}, l.t("Date", "日期"))
	if r.Final() {
		d.Note(l.t("This review is final: its figures are a snapshot taken on "+string(r.Snapshot.TakenOn)+" and do not change when the account's data does.",
			"本评审已定稿：其中数据为 "+string(r.Snapshot.TakenOn)+" 的快照，之后客户数据的变化不会改变本文件。"))
	} else {
		d.Note(l.t("Draft: the figures are a snapshot taken on "+string(r.Snapshot.TakenOn)+"; they are taken again when the draft is refreshed.",
			"草稿：数据为 "+string(r.Snapshot.TakenOn)+" 的快照，刷新草稿时会重新读取。"))
	}
}
