package sample

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/oklog/ulid/v2"

	"keystone/core/action"
	"keystone/core/money"
	"keystone/core/portfolio"
	"keystone/core/record"
	"keystone/core/retention"
	"keystone/core/switching"
)

// switchGen is the switching and retention area's part of the generator. It
// draws only from its own stream r, IDs included.
type switchGen struct {
	g     *gen
	r     *rand.Rand
	ids   *ulid.MonotonicEntropy
	out   []Item
	set   switching.Settings
	tiers map[string]string // ABC tier per account id
}

// buildSwitching writes, per account, switching-cost assessments and
// satisfaction surveys over the last two years, a switching-cost plan with
// lever actions for most, a contract renewal date for many, and retention
// cases: open ones for the troubled accounts, closed ones in past years.
// Each account is dealt a quadrant first (every quadrant gets some; the
// troubled lean to captive and at risk, the rising to loyal and free) and
// its latest scores are drawn to land there under the default cut-offs.
func (g *gen) buildSwitching(r *rand.Rand) []Item {
	s := &switchGen{g: g, r: r, ids: ulid.Monotonic(randReader{rand.New(rand.NewPCG(g.seed, 0x73776974))}, 0), set: switching.Defaults()}
	quads := s.dealQuadrants()
	revenue := make([]portfolio.Valued, len(g.accts))
	for i := range g.accts {
		revenue[i] = portfolio.Valued{AccountID: g.p.Accounts[i].ID, Value: g.figures(i, g.year-1).Revenue}
	}
	def := portfolio.DefaultSettings()
	ranked, _ := portfolio.ABC(revenue, def.ClassA, def.ClassB)
	s.tiers = make(map[string]string, len(ranked))
	for _, r := range ranked {
		s.tiers[r.AccountID] = r.Class
	}
	for i := range g.accts {
		s.account(i, quads[i])
	}
	return s.out
}

func (s *switchGen) chance(p float64) bool { return s.r.Float64() < p }

func (s *switchGen) id(t time.Time) string { return record.NewIDAt(t, s.ids) }

func spick[T any](s *switchGen, list []T) T { return list[s.r.IntN(len(list))] }

// dealQuadrants gives each account the quadrant its latest scores land in.
func (s *switchGen) dealQuadrants() []string {
	n := len(s.g.accts)
	out := make([]string, n)
	order := s.r.Perm(n)
	k := 0
	for _, i := range order {
		a := &s.g.accts[i]
		switch {
		case k < len(switching.Quadrants):
			out[i] = switching.Quadrants[k] // one of each first
			k++
		case a.troubled:
			out[i] = spick(s, []string{switching.AtRisk, switching.AtRisk, switching.Captive})
		case a.rising:
			out[i] = spick(s, []string{switching.Loyal, switching.Loyal, switching.Free})
		default:
			out[i] = spick(s, []string{switching.Loyal, switching.Loyal, switching.Captive, switching.Free, switching.Free, switching.AtRisk})
		}
	}
	return out
}

func (s *switchGen) account(i int, quad string) {
	g := s.g
	a := &g.accts[i]
	acc := &g.p.Accounts[i]
	lang := a.lang()
	highB := quad == switching.Loyal || quad == switching.Captive
	highA := quad == switching.Loyal || quad == switching.Free

	// Assessments: one to three, about half a year apart, the latest within
	// the last five months; earlier ones drift toward the latest.
	n := 1 + s.r.IntN(3)
	back := 10 + s.r.IntN(140)
	for k := range n {
		last := k == 0
		want := highB
		if !last && s.chance(0.3) {
			want = !want
		}
		s.assessment(acc.ID, acc.Owner, lang, back, want)
		back += 150 + s.r.IntN(60)
	}
	// Surveys: one or two.
	back = 5 + s.r.IntN(150)
	for k := range 1 + s.r.IntN(2) {
		want := highA
		if k > 0 && s.chance(0.4) {
			want = !want
		}
		s.survey(acc.ID, lang, back, want)
		back += 180 + s.r.IntN(90)
	}
	if s.chance(0.7) || quad != switching.Loyal {
		s.plan(i, lang)
	}
	if s.chance(0.6) || a.troubled {
		s.renewal(acc.ID, lang, a.troubled)
	}
	s.cases(i, lang)
}

// scoreAround draws a 1–5 score near centre.
func (s *switchGen) scoreAround(centre float64) int {
	return min(5, max(1, int(centre+s.r.NormFloat64()*0.8+0.5)))
}

func (s *switchGen) assessment(accountID, owner string, lang, back int, high bool) {
	g := s.g
	date := g.day(back)
	centre := 2.2
	if high {
		centre = 3.9
	}
	var scores []switching.Score
	for try := 0; ; try++ {
		scores = scores[:0]
		for _, st := range switching.SubTypes {
			sc := switching.Score{Key: st.Key, Score: s.scoreAround(centre)}
			if try >= 20 { // give up drawing: flat scores on the right side
				sc.Score = map[bool]int{true: 4, false: 2}[high]
			}
			scores = append(scores, sc)
		}
		idx := switching.Index(switching.Assessment{Scores: scores}, s.set)
		if (idx.Barrier >= float64(s.set.BarrierCut)) == high {
			break
		}
	}
	for k := range scores {
		if s.chance(0.35) {
			scores[k].Note = spick(s, facetNotes[scores[k].Key][lang])
		}
	}
	x := &switching.Assessment{AccountID: accountID, Date: date, Assessor: owner, Scores: scores}
	t := g.at(back, 9*60+s.r.IntN(9*60))
	x.ID = s.id(t)
	x.CreatedAt, x.UpdatedAt = t, t
	if s.chance(0.4) {
		x.Notes = spick(s, assessmentNotes[lang])
	}
	s.out = append(s.out, Item{AccountID: accountID, Kind: switching.KindAssessment, ID: x.ID, Value: x})
}

func (s *switchGen) survey(accountID string, lang, back int, high bool) {
	g := s.g
	weights := spick(s, [][]int{{20, 20, 20, 20, 20}, {10, 30, 25, 20, 15}, {15, 35, 20, 15, 15}, {10, 25, 30, 20, 15}})
	x := &switching.Survey{AccountID: accountID, Date: g.day(back), Respondent: spick(s, respondents[lang])}
	for try := 0; ; try++ {
		x.Dimensions = x.Dimensions[:0]
		for k, key := range switching.Dimensions {
			e := 5 + s.r.IntN(3) // customers expect a lot: 5–7
			delta := s.r.IntN(3) - 2
			if high {
				delta = s.r.IntN(3) - 1
			}
			if try >= 20 {
				delta = map[bool]int{true: 0, false: -1}[high]
			}
			p := min(7, max(1, e+delta))
			x.Dimensions = append(x.Dimensions, switching.DimensionScore{Key: key, Expectation: e, Perception: p, Weight: weights[k]})
		}
		if (switching.Satisfy(*x).Attraction >= float64(s.set.AttractionCut)) == high {
			break
		}
	}
	t := g.at(back, 10*60+s.r.IntN(8*60))
	x.ID = s.id(t)
	x.CreatedAt, x.UpdatedAt = t, t
	if s.chance(0.5) {
		x.Notes = spick(s, surveyNotes[lang])
	}
	s.out = append(s.out, Item{AccountID: accountID, Kind: switching.KindSurvey, ID: x.ID, Value: x})
}

// plan writes a switching-cost plan started 2–13 months ago and two to
// three actions on three or four of its levers: those due in the past mostly
// done, some overdue, the rest ahead.
func (s *switchGen) plan(i, lang int) {
	g := s.g
	acc := &g.p.Accounts[i]
	startBack := 60 + s.r.IntN(330)
	p := &switching.Plan{AccountID: acc.ID, Start: g.day(startBack)}
	p.Title = fmt.Sprintf([2]string{"%d 年提高转换成本计划", "Switching-cost plan %d"}[lang], p.Start.Year())
	for _, key := range switching.Levers {
		st := 1 + s.r.IntN(4)
		p.Levers = append(p.Levers, switching.Lever{Key: key, Strength: st, Target: min(5, st+1+s.r.IntN(2))})
	}
	if s.chance(0.5) {
		p.Notes = spick(s, planNotes[lang])
	}
	created := g.at(startBack, 9*60)
	p.ID = s.id(created)
	p.CreatedAt, p.UpdatedAt = created, created
	s.out = append(s.out, Item{AccountID: acc.ID, Kind: switching.KindPlan, ID: p.ID, Value: p})

	levers := s.r.Perm(len(switching.Levers))[:3+s.r.IntN(2)]
	for _, li := range levers {
		key := switching.Levers[li]
		titles := leverActions[key][lang]
		for _, ti := range s.r.Perm(len(titles))[:2+s.r.IntN(2)] {
			dueBack := startBack - 20 - s.r.IntN(startBack+200) // from just after the start to ~200 days ahead
			due := g.day(dueBack)
			madeBack := min(startBack, max(dueBack+14, 0))
			made := g.at(madeBack, 10*60+s.r.IntN(6*60))
			x := &action.Action{AccountID: acc.ID, Title: titles[ti], Owner: acc.Owner, Due: due, Status: action.Open,
				Source: action.Source{Area: action.AreaSwitching, RecordID: p.ID, Detail: key}}
			x.ID = s.id(made)
			x.CreatedAt, x.UpdatedAt = made, made
			// Work due more than six weeks ago is closed (a manager tidies the
			// board); recent work is done about half the time, so some stays overdue.
			switch {
			case dueBack > staleLeverDays || (dueBack > 0 && s.chance(0.5)):
				status := action.Done
				if s.chance(0.08) {
					status = action.Cancelled
				}
				x.SetStatus(status, g.day(max(dueBack-s.r.IntN(10), 0)))
				x.UpdatedAt = g.clamp(due.Time())
			case dueBack < 30 && s.chance(0.3):
				x.Status = action.InProgress
			}
			s.out = append(s.out, Item{AccountID: acc.ID, Kind: action.Kind, ID: x.ID, Global: true, Value: x})
			if s.chance(0.7) {
				c := &switching.LeverCost{AccountID: acc.ID, PlanID: p.ID}
				c.ID, c.CreatedAt, c.UpdatedAt = x.ID, made, x.UpdatedAt
				if s.chance(0.8) {
					c.Cost = money.Money{Amount: int64(5+s.r.IntN(60)) * 1000 * pow10(money.Scale(acc.Currency)), Currency: acc.Currency}
				}
				if x.Status == action.Done {
					c.Evidence = spick(s, leverEvidence[lang])
				}
				s.out = append(s.out, Item{AccountID: acc.ID, Kind: switching.KindLeverCost, ID: c.ID, Value: c})
			}
		}
	}
}

// staleLeverDays is how long past due a sample lever action may stay open.
const staleLeverDays = 42

func pow10(n int) int64 {
	v := int64(1)
	for range n {
		v *= 10
	}
	return v
}

// renewal sets a contract renewal date: within the warning window for most
// troubled accounts, anywhere in the coming year otherwise.
func (s *switchGen) renewal(accountID string, lang int, troubled bool) {
	ahead := 10 + s.r.IntN(330)
	if troubled && s.chance(0.7) {
		ahead = 5 + s.r.IntN(70)
	}
	x := &retention.Renewal{AccountID: accountID, Date: s.g.day(-ahead)}
	if s.chance(0.5) {
		x.Note = spick(s, renewalNotes[lang])
	}
	t := s.g.at(30+s.r.IntN(300), 11*60)
	x.ID, x.CreatedAt, x.UpdatedAt = accountID, t, t
	s.out = append(s.out, Item{AccountID: accountID, Kind: retention.KindRenewal, ID: x.ID, Value: x})
}

// cases: a troubled account has an open at-risk case with a step or three;
// about one account in eight had a case in an earlier year, mostly kept,
// sometimes lost and (half the time) won back the year after.
func (s *switchGen) cases(i, lang int) {
	g := s.g
	a := &g.accts[i]
	acc := &g.p.Accounts[i]
	tier := s.tiers[acc.ID]
	if a.troubled {
		back := 10 + s.r.IntN(110)
		c := s.newCase(acc.ID, lang, back, "at_risk", tier)
		for _, ti := range s.r.Perm(len(caseSteps[lang]))[:1+s.r.IntN(3)] {
			dueBack := back - 14 - s.r.IntN(back+60)
			made := g.at(back, 15*60)
			x := &action.Action{AccountID: acc.ID, Title: caseSteps[lang][ti], Owner: acc.Owner, Due: g.day(dueBack), Status: action.Open,
				Source: action.Source{Area: action.AreaRetention, RecordID: c.ID}}
			x.ID = s.id(made)
			x.CreatedAt, x.UpdatedAt = made, made
			if dueBack > staleLeverDays || (dueBack > 0 && s.chance(0.5)) {
				x.SetStatus(action.Done, g.day(dueBack))
				x.UpdatedAt = g.clamp(x.Due.Time())
			}
			s.out = append(s.out, Item{AccountID: acc.ID, Kind: action.Kind, ID: x.ID, Global: true, Value: x})
		}
	}
	if !s.chance(0.125) {
		return
	}
	back := g.now.YearDay() + 30 + s.r.IntN(500) // opened in an earlier year
	c := s.newCase(acc.ID, lang, back, "at_risk", tier)
	closed := max(back-30-s.r.IntN(90), 1)
	c.Closed = g.day(closed)
	c.Outcome = retention.Retained
	if s.chance(0.3) {
		c.Outcome = retention.Lost
		if closed > 200 && s.chance(0.5) {
			w := s.newCase(acc.ID, lang, closed-60, "lost", tier)
			w.Strategy = spick(s, retention.TierStrategies[tier])
			w.Closed, w.Outcome = g.day(closed-60-30-s.r.IntN(60)), retention.WonBack
		}
	}
}

func (s *switchGen) newCase(accountID string, lang, back int, situation, tier string) *retention.Case {
	g := s.g
	cause := spick(s, []string{"neglect", "neglect", "neglect", "complaint", "price", "competitor", "quality", "key_contact", "customer_change"})
	c := &retention.Case{AccountID: accountID, Opened: g.day(back), Situation: situation, Cause: cause, Tier: tier,
		Strategy: retention.TierStrategies[tier][0], Outcome: retention.Open, Approach: spick(s, caseApproaches[lang])}
	if s.chance(0.6) {
		c.CauseNote = spick(s, causeNotes[cause][lang])
	}
	t := g.at(back, 14*60)
	c.ID, c.CreatedAt, c.UpdatedAt = s.id(t), t, t
	s.out = append(s.out, Item{AccountID: accountID, Kind: retention.KindCase, ID: c.ID, Value: c})
	return c
}

// The area's words: [0] Chinese, [1] English.

var facetNotes = map[string][2][]string{
	"economic_risk":         {{"换供应商可能影响产线良率，客户不敢冒险。", "新供应商认证失败会导致停线。"}, {"A new supplier could hurt line yield; they will not gamble.", "A failed qualification would stop the line."}},
	"evaluation":            {{"重新评估需要技术部三个月的测试。", "客户缺少评估替代方案的人手。"}, {"Re-evaluating takes engineering three months of tests.", "They lack the people to evaluate alternatives."}},
	"learning":              {{"操作人员已熟悉我方系统，换用需重新培训。", "我方软件已嵌入其工艺流程。"}, {"Operators know our system; switching means retraining.", "Our software is built into their process."}},
	"setup":                 {{"更换需重新开模和调试设备。", "切换成本约为年采购额的一成。"}, {"Switching needs new tooling and commissioning.", "Setup would cost about a tenth of a year's spend."}},
	"benefit_loss":          {{"年度返利和积分在更换后失效。", "框架协议中的价格保护会丢失。"}, {"Annual rebates lapse if they leave.", "They would lose the price protection in the framework agreement."}},
	"monetary_loss":         {{"已购专用备件和工装无法转用。", "预付的服务费无法退回。"}, {"Dedicated spares and fixtures cannot be reused.", "Prepaid service fees are not refundable."}},
	"personal_relationship": {{"采购总监与我方销售总监私交很好。", "客户技术团队与我方工程师合作多年。"}, {"Their purchasing director and our sales director are close.", "Their engineers have worked with ours for years."}},
	"brand_relationship":    {{"客户在宣传中使用我方品牌背书。", "客户高层认可我方品牌。"}, {"They cite our brand in their own marketing.", "Their executives value our brand."}},
}

var assessmentNotes = [2][]string{
	{"与采购、技术两条线分别访谈后评分。", "季度业务回顾时与客户共同评估。", "阻挡力主要来自流程嵌入，关系层面偏弱。"},
	{"Scored after separate talks with purchasing and engineering.", "Assessed with the customer at the quarterly review.", "The barrier comes mostly from process integration; relationships are thin."},
}

var respondents = [2][]string{
	{"采购总监", "技术部经理", "生产副总", "质量经理", "总经理"},
	{"Purchasing director", "Engineering manager", "VP operations", "Quality manager", "General manager"},
}

var surveyNotes = [2][]string{
	{"客户对响应速度意见较大。", "对技术支持评价很高，交付仍需改进。", "年度满意度调查，问卷加面谈。"},
	{"Responsiveness is their main complaint.", "Technical support rated highly; delivery still needs work.", "Annual satisfaction survey: questionnaire plus interview."},
}

var planNotes = [2][]string{
	{"重点加强服务依赖和流程依赖，把我方嵌入客户日常运营。", "先补情感与品牌依赖的短板，再推进专用资产投入。"},
	{"Focus on service and process dependency: build us into their daily operations.", "Close the gap on emotional and brand ties first, then invest in dedicated assets."},
}

var leverActions = map[string][2][]string{
	"product": {
		{"联合开发定制配方", "将我方规格写入客户技术标准", "提供专用接口与软件升级", "推动新产品导入客户产线"},
		{"Co-develop a custom formulation", "Get our specification into their technical standard", "Deliver the dedicated interface and software upgrade", "Introduce the new product on their line"},
	},
	"service": {
		{"派驻厂工程师", "签订 24 小时响应服务协议", "建立备件寄售库存", "每季度设备健康检查"},
		{"Station a resident engineer on site", "Sign a 24-hour response service agreement", "Set up consignment stock of spares", "Quarterly equipment health checks"},
	},
	"process": {
		{"打通 EDI 订单系统", "导入 VMI 供应商管理库存", "联合制定质量追溯流程", "培训客户操作人员并发证"},
		{"Connect the EDI ordering system", "Introduce vendor-managed inventory", "Agree a joint quality traceability process", "Train and certify their operators"},
	},
	"asset": {
		{"在客户园区旁设立专用仓库", "投放专用检测设备", "共建联合实验室", "开发客户专用模具"},
		{"Open a dedicated warehouse next to their site", "Place dedicated test equipment", "Set up a joint laboratory", "Build customer-specific tooling"},
	},
	"emotional": {
		{"邀请客户高层参加供应商大会", "组织双方高层年度交流", "为客户技术骨干提供培训与认证", "共同申报行业奖项"},
		{"Invite their executives to our supplier day", "Hold the annual executive exchange", "Train and certify their key engineers", "Enter an industry award together"},
	},
}

var leverEvidence = [2][]string{
	{"客户停机时间下降 30%。", "订单处理时间从 3 天缩短到 4 小时。", "客户在招标文件中指定我方规格。", "年度框架协议续签三年。", "客户满意度调查响应维度提高 1 分。"},
	{"Their downtime fell by 30%.", "Order handling dropped from 3 days to 4 hours.", "Their tender now specifies our specification.", "The framework agreement was renewed for three years.", "Responsiveness rose one point in the satisfaction survey."},
}

var renewalNotes = [2][]string{
	{"年度框架协议到期续签。", "服务合同到期，需重新报价。", "三年期供货协议到期。"},
	{"Annual framework agreement up for renewal.", "Service contract expires; a new quotation is due.", "Three-year supply agreement ends."},
}

var caseSteps = [2][]string{
	{"安排高层拜访，听取客户意见", "48 小时内闭环全部未结投诉", "提交改进方案与补偿建议", "重新梳理决策链，补齐关键人关系", "与客户召开质量复盘会"},
	{"Arrange an executive visit to hear them out", "Close every open complaint within 48 hours", "Present an improvement plan and a goodwill offer", "Remap the decision chain and rebuild key relationships", "Hold a quality review meeting with the customer"},
}

var caseApproaches = [2][]string{
	{"由销售副总牵头挽留，每两周向客户通报改进进展。", "以服务补救为主，重建采购部信任。", "重新定价并捆绑服务，守住主力产品份额。"},
	{"Our sales VP leads the recovery; progress shared with the customer every two weeks.", "Service recovery first, to rebuild purchasing's trust.", "Re-price and bundle service to hold the core product's share."},
}

var causeNotes = map[string][2][]string{
	"neglect":         {{"近半年拜访明显减少，客户感到被冷落。"}, {"Visits dropped over the last six months; they felt neglected."}},
	"complaint":       {{"两次交付投诉处理超过两周。"}, {"Two delivery complaints took over two weeks to resolve."}},
	"price":           {{"客户年度降本目标 8%，我方报价偏高。"}, {"They must cut cost 8% this year; our price is high."}},
	"competitor":      {{"竞争对手以低价和驻厂服务切入。"}, {"A competitor came in with a low price and on-site service."}},
	"quality":         {{"上季度批次不良率超标。"}, {"Last quarter's batch defect rate was above limit."}},
	"key_contact":     {{"支持我方的采购总监已离职。"}, {"The purchasing director who backed us has left."}},
	"customer_change": {{"客户被并购，采购集中到集团总部。"}, {"The customer was acquired; buying moved to group headquarters."}},
}
