package sample

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/oklog/ulid/v2"

	"keystone/core/account"
	"keystone/core/calendar"
	"keystone/core/partnership"
	"keystone/core/record"
	"keystone/core/relationship"
	"keystone/core/settings"
)

// sampleSettingsVersion is the partnership settings version the sample's
// assessments name: the shipped defaults, stored as version 1 alongside them.
const sampleSettingsVersion = 1

// buildPartnership gives every account one to four partnership assessments
// over the last three years, on a path that follows the account's character
// (rising accounts deepen, troubled ones slide), and a relationship profile:
// lifecycle phase, confirmed stage with its dated history, indicators, the
// three dimensions and a few influence lines. Chinese accounts get Chinese
// evidence notes.
func (g *gen) buildPartnership(r *rand.Rand) []Item {
	ids := ulid.Monotonic(randReader{r}, 0)
	items := []Item{{Kind: "settings-" + partnership.Area, ID: fmt.Sprintf("%06d", sampleSettingsVersion), Global: true,
		Value: &settings.Model[partnership.Settings]{Meta: record.Meta{ID: fmt.Sprintf("%06d", sampleSettingsVersion),
			CreatedAt: g.at(3*365+30, 0), UpdatedAt: g.at(3*365+30, 0)},
			Area: partnership.Area, Version: sampleSettingsVersion, Value: partnership.Defaults(), Defaults: true}}}
	for i := range g.accts {
		a := &g.accts[i]
		acc := &g.p.Accounts[i]
		people := g.p.Contacts[a.lo:a.hi]
		depth := g.depth(r, a)
		trend := 0.05 * r.NormFloat64()
		switch {
		case a.rising:
			trend = 0.12 + 0.1*r.Float64()
		case a.troubled:
			trend = -0.12 - 0.1*r.Float64()
		}
		n := 1 + r.IntN(2)
		if a.rank < 0.5 {
			n += r.IntN(3)
		}
		n = min(n, 4)
		// The latest lies up to four months back; each earlier one 5 to 13 months before the next.
		back := make([]int, n)
		b := 7 + r.IntN(120)
		for k := n - 1; k >= 0; k-- {
			back[k] = b
			b += 150 + r.IntN(240)
		}
		last := depth
		for k := range n {
			d := clamp01(depth - trend*float64(n-1-k)/2)
			last = d
			as := g.assessment(r, a, acc, d, k)
			at := g.at(back[k], 9*60+r.IntN(8*60))
			as.ID = record.NewIDAt(at, ids)
			as.AssessedOn = g.day(back[k])
			as.CreatedAt, as.UpdatedAt = at, at
			items = append(items, Item{AccountID: acc.ID, Kind: partnership.Kind, ID: as.ID, Value: as})
		}
		p := g.profile(r, a, acc, people, last)
		items = append(items, Item{AccountID: acc.ID, Kind: relationship.Kind, ID: p.ID, Value: p})
	}
	return items
}

// depth is how deep the relationship runs, 0..1: share of wallet, size and character.
func (g *gen) depth(r *rand.Rand, a *acct) float64 {
	d := 0.15 + 0.9*a.sow + 0.2*(1-a.rank) + 0.12*r.NormFloat64()
	if a.troubled {
		d -= 0.1
	}
	if a.reference {
		d += 0.1
	}
	return clamp01(d)
}

func clamp01(x float64) float64 { return math.Min(1, math.Max(0, x)) }

// scoreAt is a 1..5 score around depth.
func scoreAt(r *rand.Rand, depth, spread float64) int {
	return int(math.Min(5, math.Max(1, math.Round(1+4*depth+spread*r.NormFloat64()))))
}

func (g *gen) assessment(r *rand.Rand, a *acct, acc *account.Account, d float64, k int) *partnership.Assessment {
	lang := a.lang()
	as := &partnership.Assessment{AccountID: acc.ID, SettingsVersion: sampleSettingsVersion,
		Drivers:      partnership.DriverScores{Ours: map[string]partnership.Rating{}, Customer: map[string]partnership.Rating{}},
		Facilitators: map[string]partnership.Rating{}, Bonuses: map[string]partnership.Bonus{},
		Components: map[string]partnership.Level{}, Outcomes: map[string]partnership.Rating{}, Preconditions: map[string]bool{}}
	// We usually want the partnership a little more than the customer does.
	for _, key := range partnership.Drivers {
		as.Drivers.Ours[key] = partnership.Rating{Score: scoreAt(r, clamp01(d+0.1), 0.7)}
		as.Drivers.Customer[key] = partnership.Rating{Score: scoreAt(r, d, 0.8)}
	}
	for _, key := range partnership.Facilitators {
		as.Facilitators[key] = partnership.Rating{Score: scoreAt(r, d, 0.8)}
	}
	for _, key := range partnership.Bonuses {
		if r.Float64() < 0.12+0.4*d {
			as.Bonuses[key] = partnership.Bonus{Present: true}
		}
	}
	// Components lag the drivers: the management practice catches up later.
	for _, key := range partnership.Components {
		if r.Float64() < 0.04 {
			continue
		}
		lv := int(math.Min(3, math.Max(1, math.Round(1+2*(d-0.15)+0.6*r.NormFloat64()))))
		as.Components[key] = partnership.Level{Level: partnership.Levels[lv-1]}
	}
	for _, key := range partnership.Outcomes {
		if r.Float64() < 0.85 {
			as.Outcomes[key] = partnership.Rating{Score: scoreAt(r, d, 0.9)}
		}
	}
	for _, key := range partnership.Preconditions {
		if r.Float64() < 0.15+0.7*d {
			as.Preconditions[key] = true
		}
	}
	switch {
	case d > 0.6:
		as.Portfolio = pickR(r, []string{"strategic", "strategic", "strategic", "bottleneck"})
	case d > 0.3:
		as.Portfolio = pickR(r, []string{"leverage", "bottleneck", "strategic", "leverage"})
	default:
		as.Portfolio = pickR(r, []string{"non_critical", "leverage", "non_critical"})
	}
	// Evidence for a few scores, in the account's language.
	note := func(m map[string]partnership.Rating, key string, texts [2][]string) {
		if v, ok := m[key]; ok {
			v.Note = pickR(r, texts[lang])
			m[key] = v
		}
	}
	dk := pickR(r, partnership.Drivers)
	note(as.Drivers.Customer, dk, driverNotes[dk])
	dk = pickR(r, partnership.Drivers)
	note(as.Drivers.Ours, dk, driverNotes[dk])
	fk := pickR(r, partnership.Facilitators)
	note(as.Facilitators, fk, facilitatorNotes[fk])
	ck := pickR(r, partnership.Components)
	if v, ok := as.Components[ck]; ok {
		v.Note = pickR(r, componentNotes[ck][lang])
		as.Components[ck] = v
	}
	if k == 0 {
		as.Notes = [2]string{"首次评估，基于与采购和技术负责人的访谈。", "First assessment, from interviews with the buyer and the technical lead."}[lang]
	} else {
		as.Notes = pickR(r, [2][]string{
			{"年度复评。", "季度业务回顾后复评。", "客户组织调整后重新评估。"},
			{"Yearly review.", "Reviewed after the quarterly business review.", "Reassessed after the customer's reorganisation."},
		}[lang])
	}
	return as
}

func pickR[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

// profile is the account's relationship record.
func (g *gen) profile(r *rand.Rand, a *acct, acc *account.Account, people []account.Contact, d float64) *relationship.Profile {
	lang := a.lang()
	rank := int(math.Min(4, math.Max(0, math.Round(d*4.4-0.2))))
	p := &relationship.Profile{AccountID: acc.ID, Departments: []relationship.Department{}, Influences: []relationship.Influence{}, History: []relationship.StageChange{}}
	p.ID = acc.ID
	stage := relationship.Stages[rank]
	switch {
	case a.troubled:
		p.Phase = "decline"
		if r.Float64() < 0.4 {
			stage = relationship.Uncoupling
		}
	case a.rising || rank <= 1:
		p.Phase = pickR(r, []string{"exploration", "formation"})
		if rank >= 2 {
			p.Phase = "formation"
		}
	default:
		p.Phase = "stability"
	}
	p.Organizational = relationship.Organizational[[]int{0, 1, 2, 2, 3}[rank]]
	levelAt := func(list []string, ranks []int) string {
		if r.Float64() < 0.1 {
			return "" // not known
		}
		x := rank + []int{-1, 0, 0, 1}[r.IntN(4)]
		x = min(max(x, 0), len(ranks)-1)
		return list[ranks[x]]
	}
	p.Indicators = relationship.Indicators{
		SupplierStatus:    levelAt(relationship.SupplierStatuses, []int{0, 1, 2, 3, 3}),
		InformationShared: levelAt(relationship.InformationLevels, []int{0, 1, 1, 2, 3}),
		JointPlanning:     levelAt(relationship.PlanningLevels, []int{0, 0, 1, 2, 3}),
		PricingBasis:      levelAt(relationship.PricingBases, []int{0, 0, 1, 2, 3}),
	}
	// Extensive relationship: the departments we meet, graded around the depth.
	seen := map[string]bool{}
	for _, c := range people {
		if c.Left || c.Department == "" || seen[c.Department] || len(p.Departments) >= 6 {
			continue
		}
		seen[c.Department] = true
		gr := int(math.Min(3, math.Max(0, math.Round(d*3+0.7*r.NormFloat64()))))
		p.Departments = append(p.Departments, relationship.Department{Name: c.Department, Grade: relationship.Grades[gr]})
	}
	// Influence lines: a few people who sway the economic buyer or their own boss's peers.
	var econ string
	var present []account.Contact
	for _, c := range people {
		if c.Left {
			continue
		}
		present = append(present, c)
		if c.BuyingRole == "economic" && econ == "" {
			econ = c.ID
		}
	}
	lines := map[[2]string]bool{}
	for range min(3, len(present)/3) {
		from := present[r.IntN(len(present))]
		to := econ
		if to == "" || to == from.ID || r.Float64() < 0.3 {
			to = present[r.IntN(len(present))].ID
		}
		if to == from.ID || to == from.ReportsTo || lines[[2]string{from.ID, to}] {
			continue
		}
		lines[[2]string{from.ID, to}] = true
		p.Influences = append(p.Influences, relationship.Influence{From: from.ID, To: to,
			Note: pickR(r, [2][]string{{"技术方案由他把关", "私交很好，常一起打球", "前同事，意见很受重视", "负责起草采购建议"},
				{"signs off the technical proposal", "old colleagues, listens to him", "drafts the sourcing recommendation", "trusted adviser on suppliers"}}[lang])})
	}
	// The stage history: the path up to the confirmed stage over the last years.
	if r.Float64() < 0.12 {
		return p // not confirmed yet: the tab shows the suggestion alone
	}
	top := rank
	steps := []string{}
	for s := max(0, top-1-r.IntN(2)); s <= top; s++ {
		steps = append(steps, relationship.Stages[s])
	}
	if stage == relationship.Uncoupling {
		steps = append(steps, relationship.Uncoupling)
	}
	phases := map[string]string{relationship.PreKAM: "exploration", relationship.Early: "formation", relationship.Mid: "formation",
		relationship.Partnership: "stability", relationship.Synergistic: "stability", relationship.Uncoupling: "decline"}
	// Dated backwards from the latest change, 3 to 13 months apart.
	backs := make([]int, len(steps))
	b := 5 + r.IntN(150)
	for k := len(steps) - 1; k >= 0; k-- {
		backs[k] = b
		b += 90 + r.IntN(300)
	}
	for k, s := range steps {
		ph := phases[s]
		if k == len(steps)-1 {
			ph = p.Phase
		}
		note := ""
		switch {
		case s == relationship.Uncoupling:
			note = pickR(r, uncouplingNotes[lang])
		case k == len(steps)-1 && r.Float64() < 0.7:
			note = pickR(r, stageNotes[lang])
		}
		p.History = append(p.History, relationship.StageChange{On: g.day(backs[k]), Stage: s, Phase: ph, Note: note})
	}
	p.Stage = stage
	created := g.at(backOf(g, p.History[0].On), 600)
	p.CreatedAt, p.UpdatedAt = created, g.at(backOf(g, p.History[len(p.History)-1].On), 640)
	return p
}

// backOf is how many days before today d lies.
func backOf(g *gen, d calendar.Date) int { return d.DaysUntil(g.today) }

var (
	driverNotes = map[string][2][]string{
		"asset_cost": {
			{"双方共用仓储可降低库存约 15%", "客户希望通过 VMI 减少资金占用", "我们的产线利用率还有提升空间"},
			{"shared warehousing could cut stock by about 15%", "the customer wants VMI to free up cash", "our line utilisation has room to grow"}},
		"customer_service": {
			{"客户要求交付周期从 6 周缩短到 4 周", "新品开发周期是客户最关心的", "需要驻厂技术支持"},
			{"the customer wants lead time cut from 6 to 4 weeks", "development cycle time is their top concern", "they ask for an on-site engineer"}},
		"marketing": {
			{"联合品牌进入华南市场", "客户借助我们的认证开拓出口市场", "双方可以联合参展"},
			{"co-branding to enter southern China", "our certification opens export markets for them", "joint trade-fair presence is on the table"}},
		"profit": {
			{"客户希望锁定三年价格", "我们需要稳定的基础订单量", "毛利压力大，客户更看重总成本"},
			{"the customer wants prices fixed for three years", "we need a stable base load", "margins are tight; they look at total cost"}},
	}
	facilitatorNotes = map[string][2][]string{
		"compatibility": {{"两家都是工程师文化", "决策风格差异较大"}, {"both are engineering-led", "decision styles differ a lot"}},
		"management":    {{"都推行精益管理", "客户更偏重短期指标"}, {"both run lean programmes", "they manage to short-term targets"}},
		"mutuality":     {{"双方愿意共享预测数据", "客户还不愿分享成本结构"}, {"both will share forecasts", "they will not share cost data yet"}},
		"symmetry":      {{"规模相当，都是行业前三", "客户规模是我们的五倍"}, {"similar size, both top three", "they are five times our size"}},
	}
	componentNotes = map[string][2][]string{
		"joint_planning":           {{"只有年度报价会", "已开始季度联合规划"}, {"only the yearly price round", "quarterly joint planning has started"}},
		"joint_operating_controls": {{"共享交付看板", "没有共同的绩效指标"}, {"shared delivery dashboard", "no joint KPIs yet"}},
		"communications":           {{"每周例会，微信群沟通", "沟通主要靠销售和采购"}, {"weekly call and a shared channel", "talk runs through sales and purchasing only"}},
		"risk_reward":              {{"降本收益五五分成", "风险主要由我们承担"}, {"cost savings split 50/50", "we carry most of the risk"}},
		"trust_commitment":         {{"高层互访频繁", "上次质量事故后信任下降"}, {"frequent top-level visits", "trust dipped after the last quality incident"}},
		"contract_style":           {{"三年框架协议", "单次订单"}, {"three-year framework agreement", "order by order"}},
		"scope":                    {{"覆盖两条产品线", "只供一个工厂"}, {"covers two product lines", "one plant only"}},
		"financial_investment":     {{"共同投资检测设备", "暂无专项投入"}, {"jointly funded test rig", "no dedicated investment"}},
	}
	uncouplingNotes = [2][]string{
		{"客户开始削减供应商数量", "新任采购总监重新招标", "质量事故后订单转向竞争对手"},
		{"the customer is cutting its supplier base", "a new purchasing director put the business out to tender", "orders moved to a competitor after a quality incident"},
	}
	stageNotes = [2][]string{
		{"年度评审后确认", "成为优选供应商", "签订三年框架协议", "客户更换采购负责人后重新评估", "开始联合规划"},
		{"confirmed at the annual review", "became a preferred supplier", "three-year framework agreement signed", "reassessed after a new head of purchasing", "joint planning started"},
	}
)
