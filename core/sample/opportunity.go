package sample

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"keystone/core/account"
	"keystone/core/calendar"
	"keystone/core/money"
	"keystone/core/opportunity"
	"keystone/core/record"
)

// OpportunityTarget is how many opportunities a portfolio of a size holds
// (DESIGN.md: S 600, M 15,000, L 100,000).
func OpportunityTarget(size Size) int {
	switch size {
	case Small:
		return 600
	case Medium:
		return 15_000
	case Large:
		return 100_000
	}
	return 0
}

func opportunitiesFor(accounts int) int {
	switch accounts {
	case Target(Small).Accounts:
		return OpportunityTarget(Small)
	case Target(Medium).Accounts:
		return OpportunityTarget(Medium)
	case Target(Large).Accounts:
		return OpportunityTarget(Large)
	}
	return accounts * 50
}

// How the deals fall. Closes reach back about 33 months, so the trend has
// eleven quarters; a third of all deals is still open. Among the closed:
// about 32 % won, 47 % lost, 16 % no decision (a win rate near 40 % and a
// no-decision rate near 17 %), a few withdrawn and invalid.
const (
	oppCloseDays = 1000
	oppOpenShare = 0.33
)

var oppOutcomeWeights = []int{320, 470, 160, 35, 15} // won, lost, no decision, withdrawn, invalid

var oppOutcomes = []string{opportunity.Won, opportunity.Lost, opportunity.NoDecision, opportunity.Withdrawn, opportunity.Invalid}

// oppKey is a reason key with a weight.
type oppKey struct {
	key string
	w   int
}

// Reasons as the seller records them: losses blamed on price far above
// anything else, wins put down to relationship and quality.
var (
	oppLostReasons = []oppKey{{"price", 36}, {"product_fit", 13}, {"relationship", 10}, {"quality", 9}, {"time", 9},
		{"advisory", 8}, {"service", 7}, {"image", 4}}
	oppWonReasons = []oppKey{{"relationship", 22}, {"quality", 18}, {"advisory", 14}, {"product_fit", 14}, {"service", 10},
		{"price", 10}, {"time", 8}, {"image", 4}}
	oppNoDecisionReasons = []oppKey{{"no_urgency", 34}, {"no_budget", 30}, {"no_need", 20}, {"no_trust", 16}}
	oppWithdrawnReasons  = []oppKey{{"product_fit", 40}, {"price", 30}, {"time", 15}, {"service", 15}}
	// What buyers name in interviews: value (advisory, quality) and the
	// relationship far more than price.
	oppBuyerLost = []oppKey{{"advisory", 24}, {"relationship", 24}, {"quality", 18}, {"service", 12}, {"time", 8},
		{"price", 8}, {"product_fit", 6}}
	oppBuyerWon        = []oppKey{{"relationship", 30}, {"quality", 25}, {"advisory", 25}, {"service", 10}, {"price", 10}}
	oppBuyerNoDecision = []oppKey{{"no_trust", 30}, {"no_urgency", 25}, {"no_need", 20}, {"no_budget", 15}, {"relationship", 10}}
)

// Project kinds a deal's title is made of; %s is what the supplier sells.
var dealTitles = []bi{
	{"二期扩产项目 · %s", "Phase 2 expansion · %s"},
	{"新工厂配套 · %s", "New plant · %s"},
	{"年度框架协议续签（%s）", "Annual framework renewal (%s)"},
	{"产线改造升级 · %s", "Line upgrade · %s"},
	{"备件年度采购 · %s", "Annual spare parts · %s"},
	{"节能改造项目 · %s", "Energy-saving retrofit · %s"},
	{"国产化替代 · %s", "Local sourcing switch · %s"},
	{"试点项目 · %s", "Pilot project · %s"},
	{"海外工厂配套 · %s", "Overseas plant · %s"},
	{"服务合同续约 · %s", "Service contract renewal · %s"},
}

var dealLessons = []bi{
	{"太晚进入，需求已被竞争对手锁定。", "We came in late; a competitor had shaped the requirements."},
	{"没有接触到经济决策者，只和采购谈了价格。", "We never reached the economic buyer and only discussed price with purchasing."},
	{"技术方案扎实，但总成本论证不足。", "Solid technical proposal, but the total-cost case was weak."},
	{"提前安排了工厂参观，客户信心明显提升。", "The early plant visit clearly raised the customer's confidence."},
	{"关键人私约很有效，提前了解了决策标准。", "The one-to-one with the key person told us the decision criteria early."},
	{"交期承诺是决定因素，要与工厂提前确认。", "The delivery promise decided it; confirm with the plant before quoting."},
	{"客户预算被冻结，应更早确认预算与时间表。", "The budget was frozen; confirm budget and timing earlier."},
	{"教练的信息很准确，帮助我们调整了报价策略。", "Our coach's information was accurate and shaped our pricing."},
}

var dealQuotes = []bi{
	{"“价格差不多，但你们的工程师更懂我们的工艺。”", "“Prices were close, but your engineers understood our process better.”"},
	{"“我们更信任长期合作的供应商。”", "“We trust the supplier we have worked with for years.”"},
	{"“你们的方案很好，但没有人向管理层讲清楚价值。”", "“Your proposal was good, but nobody explained its value to management.”"},
	{"“交期是硬指标，对方承诺了六周。”", "“Lead time was a hard requirement; they committed to six weeks.”"},
	{"“今年没有预算，项目推迟到明年再看。”", "“There was no budget this year; we pushed the project to next year.”"},
	{"“售后响应速度是我们最看重的。”", "“After-sales response time mattered most to us.”"},
}

// dealSettings are the stages the sample deals move through.
var dealSettings = opportunity.Defaults()

var oppAnswerWeights = []int{62, 30, 8} // yes, maybe, no

// oppCtx is what writing one account's deals needs.
type oppCtx struct {
	i      int
	acc    *account.Account
	a      *acct
	lang   int
	people []account.Contact
	scale  float64 // minor units per yuan in the account's currency
	winAdj float64 // the account's lean toward wins (reference) or losses (troubled)
}

// buildOpportunities writes every account's deals: the size's total shared
// out by account size, a third still open at some stage, the rest closed
// with the outcome mix and reasons of real key-account books.
func (g *gen) buildOpportunities(r *rand.Rand) []Item {
	total := opportunitiesFor(len(g.accts))
	w := make([]float64, len(g.accts))
	for i := range g.accts {
		w[i] = math.Sqrt(g.accts[i].rev/revFloor) * (0.6 + 0.8*r.Float64())
	}
	counts := spread(total, 3, w)
	items := make([]Item, 0, total)
	for i := range g.accts {
		a := &g.accts[i]
		acc := &g.p.Accounts[i]
		ctx := oppCtx{i: i, acc: acc, a: a, lang: a.lang(), scale: perCNY[acc.Currency] * math.Pow10(money.Scale(acc.Currency))}
		for _, c := range g.p.Contacts[a.lo:a.hi] {
			if !c.Left {
				ctx.people = append(ctx.people, c)
			}
		}
		switch {
		case a.troubled:
			ctx.winAdj = -0.08
		case a.reference:
			ctx.winAdj = 0.08
		}
		for range counts[i] {
			o := g.newDeal(r, &ctx)
			items = append(items, Item{AccountID: acc.ID, Kind: opportunity.Kind, ID: o.ID, Value: o})
		}
	}
	return items
}

func oppPickKey(r *rand.Rand, list []oppKey, not ...string) string {
	total := 0
	for _, k := range list {
		total += k.w
	}
	for {
		n := r.IntN(total)
		for _, k := range list {
			if n < k.w {
				ok := true
				for _, x := range not {
					ok = ok && x != k.key
				}
				if ok {
					return k.key
				}
				break
			}
			n -= k.w
		}
	}
}

func oppPick(r *rand.Rand, w []int) int {
	total := 0
	for _, x := range w {
		total += x
	}
	n := r.IntN(total)
	for i, x := range w {
		if n < x {
			return i
		}
		n -= x
	}
	return len(w) - 1
}

// oppNiceYuan rounds an amount to three significant digits, as quotes are.
func oppNiceYuan(v float64) float64 {
	if v <= 0 {
		return 0
	}
	p := math.Pow10(int(math.Floor(math.Log10(v))) - 2)
	return math.Round(v/p) * p
}

func (g *gen) newDeal(r *rand.Rand, ctx *oppCtx) *opportunity.Opportunity {
	set := &dealSettings
	acc, a, lang := ctx.acc, ctx.a, ctx.lang
	// Deal sizes: a lognormal share of the account's yearly revenue.
	yuan := oppNiceYuan(a.rev * 0.06 * math.Exp(0.8*r.NormFloat64()))
	yuan = max(yuan, 20_000)
	o := &opportunity.Opportunity{
		AccountID: acc.ID,
		Value:     money.Money{Amount: int64(math.Round(yuan * ctx.scale)), Currency: acc.Currency},
		Owner:     acc.Owner,
		Screen:    opportunity.Screen{},
		History:   []opportunity.StageChange{},
	}
	if len(g.team) > 1 && r.Float64() < 0.12 {
		o.Owner = g.team[r.IntN(len(g.team))].name
	}
	t := dealTitles[r.IntN(len(dealTitles))]
	o.Title = fmt.Sprintf(t[lang], offer[a.industry][lang])
	// Competitors from the industry's list, in the account's language.
	pool := competitors[a.industry]
	for _, k := range r.Perm(len(pool))[:min(len(pool), 1+r.IntN(3))] {
		o.Competitors = append(o.Competitors, pool[k][lang])
	}
	for _, k := range r.Perm(len(ctx.people))[:min(len(ctx.people), 1+r.IntN(4))] {
		o.Influences = append(o.Influences, ctx.people[k].ID)
	}
	for _, q := range opportunity.Questions {
		if r.Float64() < 0.85 {
			o.Screen[q.Key] = []string{opportunity.Yes, opportunity.Maybe, opportunity.No}[oppPick(r, oppAnswerWeights)]
		}
	}

	var opened, last calendar.Date
	var furthest int
	if r.Float64() < oppOpenShare {
		// Open: early stages hold more deals; a quarter has not moved for long.
		furthest = oppPick(r, []int{20, 18, 15, 13, 11, 9, 8, 6})
		openedBack := 20 + r.IntN(380)
		lastBack := r.IntN(min(40, openedBack))
		if r.Float64() < 0.25 {
			lastBack = min(openedBack, 50+r.IntN(150))
		}
		opened, last = g.day(openedBack), g.day(lastBack)
		o.ExpectedClose = g.day(-(10 + r.IntN(240)))
		if r.Float64() < 0.08 {
			o.ExpectedClose = g.day(r.IntN(30) + 1) // overdue: still open after its date
			if o.ExpectedClose < opened {
				o.ExpectedClose = opened
			}
		}
	} else {
		out := oppOutcomes[oppPick(r, oppOutcomeWeights)]
		if ctx.winAdj != 0 && (out == opportunity.Won || out == opportunity.Lost) && r.Float64() < math.Abs(ctx.winAdj)*2 {
			out = opportunity.Lost
			if ctx.winAdj > 0 {
				out = opportunity.Won
			}
		}
		closedBack := r.IntN(oppCloseDays)
		var cycle int
		switch out {
		case opportunity.Won:
			cycle, furthest = 40+int(90*math.Exp(0.5*r.NormFloat64())), 6+r.IntN(2)
		case opportunity.Lost:
			cycle, furthest = 30+int(100*math.Exp(0.5*r.NormFloat64())), 1+oppPick(r, []int{10, 16, 18, 16, 14, 16, 10})
		case opportunity.NoDecision:
			cycle, furthest = 90+int(140*math.Exp(0.4*r.NormFloat64())), oppPick(r, []int{14, 22, 22, 16, 12, 8, 4, 2})
		default:
			cycle, furthest = 20+r.IntN(120), r.IntN(5)
		}
		opened, last = g.day(closedBack+cycle), g.day(closedBack)
		o.ExpectedClose = g.day(closedBack + r.IntN(60) - 30)
		if o.ExpectedClose < opened {
			o.ExpectedClose = opened
		}
		o.Close = g.closeDeal(r, ctx, o, out, last, closedBack)
	}
	o.OpenedOn = opened
	// Stage history: the stages up to the furthest, dated from the opening
	// to the last change; closed deals rarely skip a stage, open ones too.
	span := opened.DaysUntil(last)
	for k := 0; k <= furthest; k++ {
		if k > 0 && k < furthest && r.Float64() < 0.1 {
			continue
		}
		on := opened
		if furthest > 0 {
			on = opened.AddDays(span * k / furthest)
		}
		o.History = append(o.History, opportunity.StageChange{Stage: set.Stages[k].Key, On: on})
	}
	o.Stage = set.Stages[furthest].Key
	o.Probability = set.Stages[furthest].Probability
	if r.Float64() < 0.2 {
		o.Probability = min(100, max(0, o.Probability+10*(r.IntN(3)-1)))
	}
	if o.Close != nil && o.Close.Outcome == opportunity.Won {
		o.Probability = 100
	} else if o.Close != nil {
		o.Probability = 0
	}
	if r.Float64() < 0.25 {
		o.Notes = dealNote(r, lang)
	}
	created := g.clamp(opened.Time().Add(time.Duration(8*60+r.IntN(10*60)) * time.Minute))
	o.Meta = record.Meta{ID: g.id(created), CreatedAt: created, UpdatedAt: g.clamp(last.Time().Add(time.Duration(9*60+r.IntN(9*60)) * time.Minute))}
	if o.UpdatedAt.Before(created) {
		o.UpdatedAt = created
	}
	return o
}

func dealNote(r *rand.Rand, lang int) string {
	notes := []bi{
		{"客户要求下月提交技术澄清。", "Customer asked for a technical clarification next month."},
		{"采购部门正在比较三家报价。", "Purchasing is comparing three quotes."},
		{"预算已批，等待总经理签字。", "Budget approved; waiting for the general manager's signature."},
		{"需要应用工程师到现场测试。", "Needs an application engineer on site for a trial."},
	}
	return notes[r.IntN(len(notes))][lang]
}

func (g *gen) closeDeal(r *rand.Rand, ctx *oppCtx, o *opportunity.Opportunity, out string, on calendar.Date, back int) *opportunity.Close {
	c := &opportunity.Close{Outcome: out, On: on, SecondaryReasons: []string{}}
	var buyer []oppKey
	switch out {
	case opportunity.Won:
		c.PrimaryReason, buyer = oppPickKey(r, oppWonReasons), oppBuyerWon
	case opportunity.Lost:
		c.PrimaryReason, buyer = oppPickKey(r, oppLostReasons), oppBuyerLost
		if len(o.Competitors) > 0 && r.Float64() < 0.85 {
			c.Winner = o.Competitors[r.IntN(len(o.Competitors))]
		}
	case opportunity.NoDecision:
		c.PrimaryReason, buyer = oppPickKey(r, oppNoDecisionReasons), oppBuyerNoDecision
	case opportunity.Withdrawn:
		c.PrimaryReason = oppPickKey(r, oppWithdrawnReasons)
	default:
		c.PrimaryReason = "product_fit"
	}
	if out == opportunity.Won || out == opportunity.Lost {
		for range r.IntN(3) {
			k := oppPickKey(r, oppLostReasons, append([]string{c.PrimaryReason}, c.SecondaryReasons...)...)
			c.SecondaryReasons = append(c.SecondaryReasons, k)
		}
	}
	if out != opportunity.Invalid && r.Float64() < 0.6 {
		c.Lessons = dealLessons[r.IntN(len(dealLessons))][ctx.lang]
	}
	// Win-loss interviews on about a quarter of the decided deals, a few
	// weeks after the close.
	if buyer != nil && len(ctx.people) > 0 && r.Float64() < 0.25 {
		after := 7 + r.IntN(35)
		if after < back {
			p := ctx.people[r.IntN(len(ctx.people))]
			iv := &opportunity.Interview{Who: p.Name, Role: p.Title, On: g.day(back - after), Quotes: dealQuotes[r.IntN(len(dealQuotes))][ctx.lang]}
			for range 1 + r.IntN(3) {
				iv.Drivers = append(iv.Drivers, oppPickKey(r, buyer, iv.Drivers...))
			}
			c.Interview = iv
		}
	}
	return c
}
