package app

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"keystone/app/report"
	"keystone/core/money"
)

// The words a printed review uses, in both languages. The PDF's language is
// chosen when it is printed, independent of the screen's, so these live
// here rather than in the frontend's locale files; they say the same.

type pair struct{ en, zh string }

var reviewEnums = map[string]map[string]pair{
	"kind":   {"annual": {"Annual evaluation", "年度评审"}, "quarterly": {"Quarterly business review", "季度业务评审"}},
	"status": {"draft": {"Draft", "草稿"}, "final": {"Final", "定稿"}},
	"phase": {"exploration": {"Exploration", "考察期"}, "formation": {"Formation", "形成期"}, "stability": {"Stability", "稳定期"},
		"decline": {"Decline", "衰退期"}},
	"stage": {"pre_kam": {"Pre-KAM", "孕育期"}, "early": {"Early KAM", "初期"}, "mid": {"Mid KAM", "中期"},
		"partnership": {"Partnership KAM", "高期（伙伴）"}, "synergistic": {"Synergistic KAM", "战略期（协同）"}, "uncoupling": {"Uncoupling", "关系解体"}},
	"organizational": {"vendor": {"Vendor", "参与者"}, "supplier": {"Supplier", "供应商"}, "key_supplier": {"Key supplier", "关键供应商"},
		"strategic_partner": {"Strategic partner", "战略合作伙伴"}},
	"grade": {"poor": {"Poor", "差"}, "fair": {"Fair", "中"}, "good": {"Good", "良"}, "excellent": {"Excellent", "优"}},
	"ptype": {"arms_length": {"Arm's length", "一般交易关系"}, "type_1": {"Type I partnership", "I 型伙伴关系"},
		"type_2": {"Type II partnership", "II 型伙伴关系"}, "type_3": {"Type III partnership", "III 型伙伴关系"}},
	"driver": {"asset_cost": {"Asset / cost efficiency", "资产/成本效率"}, "customer_service": {"Customer service", "客户服务"},
		"marketing": {"Marketing advantage", "营销优势"}, "profit": {"Profit stability", "利润稳定/增长"}},
	"component": {"joint_planning": {"Joint planning", "联合规划"}, "joint_operating_controls": {"Joint operating controls", "联合运营管理"},
		"communications": {"Communications", "沟通交流"}, "risk_reward": {"Risk / reward sharing", "风险承担/收益共享"},
		"trust_commitment": {"Trust and commitment", "信守和承诺"}, "contract_style": {"Contract style", "合同形式"},
		"scope": {"Scope", "覆盖范围"}, "financial_investment": {"Financial investment", "财务投资"}},
	"level":    {"low": {"Low", "低"}, "medium": {"Medium", "中"}, "high": {"High", "高"}, "": {"Not assessed", "未评估"}},
	"quadrant": {"strategic": {"Strategic", "战略型"}, "star": {"Star", "明星型"}, "status": {"Status", "稳守型"}, "streamline": {"Streamline", "精简型"}},
	"dimension": {"tangibles": {"Tangibles", "有形性"}, "reliability": {"Reliability", "可靠性"}, "responsiveness": {"Responsiveness", "响应性"},
		"assurance": {"Assurance", "保证性"}, "empathy": {"Empathy", "移情性"}},
	"lever": {"product": {"Product & technology", "产品与技术依赖"}, "service": {"Service", "服务依赖"}, "process": {"Process", "流程依赖"},
		"asset": {"Dedicated assets", "专用资产依赖"}, "emotional": {"Emotional & brand", "情感与品牌依赖"}},
	"outcome": {"won": {"Won", "赢单"}, "lost": {"Lost", "丢单"}, "no_decision": {"No decision", "无决策"}, "withdrawn": {"Withdrawn", "主动退出"},
		"invalid": {"Invalid", "无效"}},
	"warning": {"falling_revenue": {"Falling revenue", "销售额下降"}, "falling_share": {"Falling share of wallet", "钱包份额下降"},
		"rising_complaints": {"Rising complaints", "投诉增加"}, "contact_left": {"Key contact left", "关键人离职"},
		"renewal_near": {"Renewal near, no action", "临近续约且无行动"}, "competitor_activity": {"Competitor activity", "竞争对手动向"}},
	"risk":    {"low": {"Low", "低"}, "medium": {"Medium", "中"}, "high": {"High", "高"}},
	"pstatus": {"planned": {"Planned", "筹备中"}, "active": {"Active", "进行中"}, "paused": {"Paused", "暂停"}, "ended": {"Ended", "已结束"}},
	"health":  {"green": {"Green", "绿灯"}, "amber": {"Amber", "黄灯"}, "red": {"Red", "红灯"}},
	"kpi": {"revenue": {"Global revenue", "全球收入"}, "margin": {"Margin", "毛利率"}, "coverage": {"Coverage", "覆盖率"},
		"adoption": {"Contract adoption", "合同采用率"}, "satisfaction": {"Satisfaction", "满意度"}},
	"renewal": {"notice": {"Renewal ahead", "即将续约"}, "urgent": {"Renewal urgent", "续约紧急"}, "overdue": {"Renewal overdue", "续约逾期"},
		"expired": {"Contract expired", "合同已到期"}},
	"area": {"plan": {"Plan", "计划"}, "activity": {"Visit follow-up", "拜访跟进"}, "partnership": {"Partnership", "伙伴关系"},
		"switching": {"Switching costs", "阻挡力"}, "program": {"Program", "全球项目"}, "retention": {"Retention", "客户挽留"},
		"opportunity": {"Deal", "商机"}, "manual": {"Manual", "手动"}},
	"industry": {"industrial": {"Industrial", "工业制造"}, "chemical": {"Chemicals", "化工"}, "electronics": {"Electronics", "电子"},
		"logistics": {"Logistics", "物流"}, "automotive": {"Automotive", "汽车"}, "energy": {"Energy", "能源"}, "healthcare": {"Healthcare", "医疗健康"},
		"food": {"Food & beverage", "食品饮料"}, "technology": {"Technology", "科技"}, "construction": {"Construction", "建筑"},
		"retail": {"Retail", "零售"}, "other": {"Other", "其他"}},
	"segment": {"enterprise": {"Enterprise", "集团大客户"}, "large": {"Large", "大型"}, "mid_market": {"Mid-market", "中型"},
		"public_sector": {"Public sector", "公共部门"}},
}

// lang is the printed language: true for Chinese, false for English.
type lang bool

func langOf(code string) lang { return lang(strings.HasPrefix(strings.ToLower(code), "zh")) }

func (l lang) code() string {
	if l {
		return "zh-CN"
	}
	return "en"
}

// t picks the language's text.
func (l lang) t(en, zh string) string {
	if l {
		return zh
	}
	return en
}

// enum says an enumeration value; an unknown one is printed as stored.
func (l lang) enum(group, key string) string {
	if p, ok := reviewEnums[group][key]; ok {
		return l.t(p.en, p.zh)
	}
	if key == "" {
		return "—"
	}
	return key
}

// money formats minor units in full: "CNY 12,345,678".
func (l lang) money(amount int64, cur string) string {
	return cur + " " + report.GroupThousands(int64(math.Round(major(amount, cur))))
}

// short formats minor units compactly: "CNY 12.3M" / "CNY 1,234.6万".
func (l lang) short(amount int64, cur string) string {
	v := major(amount, cur)
	if l {
		switch {
		case math.Abs(v) >= 1e8:
			return cur + " " + trim1(v/1e8) + "亿"
		case math.Abs(v) >= 1e4:
			return cur + " " + trim1(v/1e4) + "万"
		}
		return cur + " " + report.GroupThousands(int64(math.Round(v)))
	}
	switch {
	case math.Abs(v) >= 1e9:
		return cur + " " + trim1(v/1e9) + "B"
	case math.Abs(v) >= 1e6:
		return cur + " " + trim1(v/1e6) + "M"
	case math.Abs(v) >= 1e3:
		return cur + " " + trim1(v/1e3) + "K"
	}
	return cur + " " + report.GroupThousands(int64(math.Round(v)))
}

// unit is the scale charts plot money in, and its label.
func (l lang) unit(maxMajor float64) (float64, string) {
	if l {
		if maxMajor >= 1e8 {
			return 1e8, "亿"
		}
		return 1e4, "万"
	}
	if maxMajor >= 1e9 {
		return 1e9, "B"
	}
	if maxMajor >= 1e6 {
		return 1e6, "M"
	}
	return 1e3, "K"
}

func major(amount int64, cur string) float64 {
	return float64(amount) / math.Pow10(money.Scale(cur))
}

func trim1(v float64) string {
	s := strconv.FormatFloat(math.Round(v*10)/10, 'f', 1, 64)
	if strings.HasSuffix(s, ".0") && math.Abs(v) >= 100 {
		s = strings.TrimSuffix(s, ".0")
	}
	if i := strings.IndexByte(s, '.'); i > 3 || (i < 0 && len(s) > 3) {
		whole, frac := s, ""
		if i >= 0 {
			whole, frac = s[:i], s[i:]
		}
		n, _ := strconv.ParseInt(whole, 10, 64)
		return report.GroupThousands(n) + frac
	}
	return s
}

func pct(v float64) string {
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', 1, 64) + "%"
}

func pct0(v float64) string { return fmt.Sprintf("%.0f%%", math.Round(v)) }
