package sample

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"keystone/core/account"
	"keystone/core/money"
	"keystone/core/plan"
)

// acctPlans locates an account's plans in p.Plans.
type acctPlans struct {
	last int // last year's, locked; -1 when planning started this year
	cur  int // this year's
}

// lastYearPlans is how many accounts also kept a plan last year: about
// two-thirds, the rest are planned for the first time.
func lastYearPlans(accounts int) int { return int(math.Round(2 * float64(accounts) / 3)) }

// incompletePlans is how many of this year's plans still have empty parts.
func incompletePlans(accounts int) int { return int(math.Round(float64(accounts) / 4)) }

// planCtx is what writing one account's plan needs.
type planCtx struct {
	i        int
	a        *acct
	acc      *account.Account
	lang     int
	scale    int
	people   []account.Contact // the account's contacts still there
	created  time.Time
	progress float64 // share of the plan year gone by, 1 for a past year
}

// buildPlans writes this year's plan for every account. Two-thirds (dealt
// from a shuffled deck, so the count is exact) also had one last year: it is
// locked and this year's is rolled forward from it, then brought up to date.
// A quarter of this year's plans are unfinished, so the completeness
// indicator has gaps to show.
func (g *gen) buildPlans() {
	n := len(g.accts)
	hadPlan, unfinished := g.deck(n, lastYearPlans(n)), g.deck(n, incompletePlans(n))
	g.plans = make([]acctPlans, n)
	g.p.Plans = make([]plan.Plan, 0, n+lastYearPlans(n))
	daysInYear := time.Date(g.year, 12, 31, 0, 0, 0, 0, time.UTC).YearDay()
	progress := float64(g.now.YearDay()) / float64(daysInYear)
	var people []account.Contact
	for i := range g.accts {
		a := &g.accts[i]
		acc := &g.p.Accounts[i]
		people = people[:0]
		for _, c := range g.p.Contacts[a.lo:a.hi] {
			if !c.Left {
				people = append(people, c)
			}
		}
		ctx := planCtx{i: i, a: a, acc: acc, lang: a.lang(), scale: money.Scale(acc.Currency), people: people}
		ap := acctPlans{last: -1}
		var cur plan.Plan
		if hadPlan[i] {
			// Last year's, written around the start of its year and locked
			// when it rolled forward into this one.
			ctx.created = g.moment(time.Date(g.year-2, 11, 20, 0, 0, 0, 0, time.UTC), time.Date(g.year-1, 1, 31, 0, 0, 0, 0, time.UTC))
			ctx.progress = 1
			old := g.newPlan(&ctx, g.year-1)
			rolled := g.moment(time.Date(g.year-1, 12, 1, 0, 0, 0, 0, time.UTC), time.Date(g.year, 1, 25, 0, 0, 0, 0, time.UTC))
			old.Locked = true
			old.UpdatedAt = rolled
			ap.last = len(g.p.Plans)
			g.p.Plans = append(g.p.Plans, old)

			ctx.created, ctx.progress = rolled, progress
			cur = plan.RollForward(old, func() string { return g.id(rolled) })
			cur.ID = g.id(rolled)
			cur.CreatedAt = rolled
			g.updatePlan(&ctx, &cur)
		} else {
			ctx.created = g.moment(time.Date(g.year-1, 12, 1, 0, 0, 0, 0, time.UTC), time.Date(g.year, 2, 28, 0, 0, 0, 0, time.UTC))
			ctx.progress = progress
			cur = g.newPlan(&ctx, g.year)
		}
		cur.UpdatedAt = g.moment(ctx.created, g.now)
		if unfinished[i] {
			g.leaveGaps(&cur)
		}
		ap.cur = len(g.p.Plans)
		g.p.Plans = append(g.p.Plans, cur)
		g.plans[i] = ap
	}
}

// deck is n cards, k of them true, shuffled.
func (g *gen) deck(n, k int) []bool {
	d := make([]bool, n)
	for i := range min(k, n) {
		d[i] = true
	}
	g.r.Shuffle(n, func(i, j int) { d[i], d[j] = d[j], d[i] })
	return d
}

// moment is a time between from and to, never after now.
func (g *gen) moment(from, to time.Time) time.Time {
	if !to.After(from) {
		return g.clamp(from)
	}
	return g.clamp(from.Add(time.Duration(g.r.Int64N(int64(to.Sub(from))))).Truncate(time.Minute))
}

// figures is the account's figures for a year.
func (g *gen) figures(i, year int) *account.YearFigures {
	return &g.p.Figures[i*figureYears+year-(g.year-figureYears+1)]
}

// newPlan writes a complete plan for a year against the year before's figures.
func (g *gen) newPlan(ctx *planCtx, year int) plan.Plan {
	acc := ctx.acc
	p := plan.Plan{AccountID: acc.ID, Year: year, Currency: acc.Currency}
	p.ID = g.id(ctx.created)
	p.CreatedAt, p.UpdatedAt = ctx.created, ctx.created

	base := g.figures(ctx.i, year-1)
	rev := g.revenueGoal(ctx, base, g.id(ctx.created))
	p.Goals = append(p.Goals, rev)
	metrics := []string{plan.MetricMargin, plan.MetricCustom, plan.MetricCustom}
	if base.CategorySpend > 0 {
		metrics = append(metrics, plan.MetricShareOfWallet)
	}
	if base.CrossSellSales > 0 || g.chance(0.3) {
		metrics = append(metrics, plan.MetricCrossSell)
	}
	g.r.Shuffle(len(metrics), func(i, j int) { metrics[i], metrics[j] = metrics[j], metrics[i] })
	for _, m := range metrics[:min(len(metrics), 1+g.r.IntN(4))] {
		p.Goals = append(p.Goals, g.goal(ctx, m, base, rev.Target, p.Goals, g.id(ctx.created)))
	}
	sortGoals(p.Goals)

	p.StrategicFocus = g.focus(ctx)
	o := offer[ctx.a.industry][ctx.lang]
	p.Positioning = plan.Positioning{
		Statement:         fmt.Sprintf(pick(g, positioningStatements[ctx.lang]), acc.Name, o),
		TargetContactIDs:  g.targetContacts(ctx),
		TargetCompetitors: g.competitors(ctx, nil),
		ValueProposition:  fmt.Sprintf(pick(g, valuePropositions[ctx.lang]), o, 10+g.r.IntN(21), 3+g.r.IntN(8)),
	}
	p.ActionPlan = g.narrative(ctx.lang)
	for range 1 + g.r.IntN(4) {
		p.Resources = g.addResource(ctx, p.Resources)
	}
	g.budget(ctx, &p, rev.Target)
	if g.chance(0.6) {
		p.BudgetNotes = pick(g, budgetNotes[ctx.lang])
	}
	p.Value = plan.ValueQuadrants{
		Functional:          fmt.Sprintf(pick(g, functionalValue[ctx.lang]), 3+g.r.IntN(10), 10+g.r.IntN(50)),
		Psychological:       pick(g, psychologicalValue[ctx.lang]),
		CustomerCommitments: pick(g, customerCommitment[ctx.lang]),
		Tracking:            pick(g, trackingValue[ctx.lang]),
	}
	return p
}

// updatePlan brings a rolled-forward plan up to date: targets against last
// year's figures, a fresh action plan and budget, and the usual edits — a
// goal dropped or added, people who left replaced, a competitor more or less.
func (g *gen) updatePlan(ctx *planCtx, p *plan.Plan) {
	base := g.figures(ctx.i, p.Year-1)
	if len(p.Goals) > 2 && g.chance(0.3) {
		k := 1 + g.r.IntN(len(p.Goals)-1) // never the revenue goal
		p.Goals = slices.Delete(p.Goals, k, k+1)
	}
	var revTarget int64
	for k := range p.Goals {
		gl := &p.Goals[k]
		switch gl.Metric {
		case plan.MetricRevenue:
			*gl = g.revenueGoal(ctx, base, gl.ID)
			revTarget = gl.Target
		case plan.MetricCustom:
			if t := customTemplate(ctx, *gl); t != nil && g.chance(0.5) {
				gl.Target++
				gl.Title = fmt.Sprintf(t.title[ctx.lang], gl.Target)
			}
			gl.Actual = g.customActual(ctx, gl.Target)
		default:
			*gl = g.goal(ctx, gl.Metric, base, revTarget, p.Goals[:k], gl.ID)
		}
	}
	if len(p.Goals) < 5 && g.chance(0.3) {
		m := plan.MetricCustom
		if base.CategorySpend > 0 && !slices.ContainsFunc(p.Goals, func(x plan.Goal) bool { return x.Metric == plan.MetricShareOfWallet }) {
			m = plan.MetricShareOfWallet
		}
		p.Goals = append(p.Goals, g.goal(ctx, m, base, revTarget, p.Goals, g.id(ctx.created)))
		sortGoals(p.Goals)
	}

	if g.chance(0.5) {
		p.StrategicFocus = g.focus(ctx)
	}
	ids := p.Positioning.TargetContactIDs[:0]
	for _, id := range p.Positioning.TargetContactIDs {
		if slices.ContainsFunc(ctx.people, func(c account.Contact) bool { return c.ID == id }) {
			ids = append(ids, id)
		}
	}
	p.Positioning.TargetContactIDs = ids
	if len(ids) == 0 || g.chance(0.3) {
		p.Positioning.TargetContactIDs = g.targetContacts(ctx)
	}
	switch comp := p.Positioning.TargetCompetitors; {
	case len(comp) > 0 && g.chance(0.2):
		p.Positioning.TargetCompetitors = comp[:len(comp)-1]
	case len(comp) < 3 && g.chance(0.3):
		p.Positioning.TargetCompetitors = g.competitors(ctx, comp)
	}
	p.ActionPlan = g.narrative(ctx.lang)
	switch {
	case len(p.Resources) > 1 && g.chance(0.3):
		p.Resources = p.Resources[1:]
	case len(p.Resources) < 4 && g.chance(0.3):
		p.Resources = g.addResource(ctx, p.Resources)
	}
	g.budget(ctx, p, revTarget)
	if g.chance(0.4) {
		p.Value.Functional = fmt.Sprintf(pick(g, functionalValue[ctx.lang]), 3+g.r.IntN(10), 10+g.r.IntN(50))
	}
}

// revenueGoal aims 5–30 % above the base year's revenue: little above it
// for a troubled account, most for a rising one.
func (g *gen) revenueGoal(ctx *planCtx, base *account.YearFigures, id string) plan.Goal {
	growth := g.between(1.05, 1.22)
	switch {
	case ctx.a.troubled:
		growth = g.between(1.05, 1.1)
	case ctx.a.rising:
		growth = g.between(1.15, 1.3)
	}
	target := max(1, int64(roundSig(float64(base.Revenue)*growth)))
	pct := int(math.Round((float64(target)/float64(base.Revenue) - 1) * 100))
	title := fmt.Sprintf(revenueGoal[ctx.lang], amountText(ctx.lang, ctx.acc.Currency, ctx.scale, target), pct)
	gl := plan.Goal{ID: id, Title: title, Metric: plan.MetricRevenue, Target: target}
	if g.chance(0.2) {
		gl.Notes = pick(g, goalNotes[ctx.lang])
	}
	return gl
}

// goal writes a goal of a metric other than revenue; revTarget is the
// plan's revenue target, others are the goals already there (a second
// custom goal counts something else).
func (g *gen) goal(ctx *planCtx, metric string, base *account.YearFigures, revTarget int64, others []plan.Goal, id string) plan.Goal {
	gl := plan.Goal{ID: id, Metric: metric}
	cur := ctx.acc.Currency
	switch metric {
	case plan.MetricMargin:
		gm := float64(base.Margin) / float64(base.Revenue)
		if gm < 0.03 {
			gl.Target = max(1, int64(roundSig(float64(revTarget)*g.between(0.02, 0.05))))
			gl.Title = fmt.Sprintf(recoverGoal[ctx.lang], amountText(ctx.lang, cur, ctx.scale, gl.Target))
		} else {
			gl.Target = max(1, int64(roundSig(float64(revTarget)*gm*g.between(1, 1.06))))
			gl.Title = fmt.Sprintf(marginGoal[ctx.lang], amountText(ctx.lang, cur, ctx.scale, gl.Target))
		}
	case plan.MetricShareOfWallet:
		// Whole percent, a few points above where the base year ended.
		now := 0.0
		if base.CategorySpend > 0 {
			now = float64(base.Revenue) / float64(base.CategorySpend) * 100
		}
		pct := min(95, int(now)+2+g.r.IntN(11))
		gl.Target = int64(pct) * 100
		gl.Title = fmt.Sprintf(walletGoal[ctx.lang], strconv.Itoa(pct)+"%")
	case plan.MetricCrossSell:
		t := float64(revTarget) * g.between(0.01, 0.03)
		if base.CrossSellSales > 0 {
			t = float64(base.CrossSellSales) * g.between(1.2, 1.8)
		}
		gl.Target = max(1, int64(roundSig(t)))
		gl.Title = fmt.Sprintf(crossSellGoal[ctx.lang], amountText(ctx.lang, cur, ctx.scale, gl.Target))
	default:
		gl.Metric = plan.MetricCustom
		list := customGoals
		if ctx.a.industry == "logistics" {
			list = logisticsGoals
		}
		t := &list[g.r.IntN(len(list))]
		for try := 0; try < 8 && slices.ContainsFunc(others, func(o plan.Goal) bool { return customTemplate(ctx, o) == t }); try++ {
			t = &list[g.r.IntN(len(list))]
		}
		gl.Target = int64(t.lo + g.r.IntN(t.hi-t.lo+1))
		gl.Title = fmt.Sprintf(t.title[ctx.lang], gl.Target)
		gl.Unit = t.unit[ctx.lang]
		gl.Actual = g.customActual(ctx, gl.Target)
	}
	if g.chance(0.15) {
		gl.Notes = pick(g, goalNotes[ctx.lang])
	}
	return gl
}

// customTemplate finds the template a custom goal was written from.
func customTemplate(ctx *planCtx, gl plan.Goal) *customGoal {
	if gl.Metric != plan.MetricCustom {
		return nil
	}
	for _, list := range [][]customGoal{customGoals, logisticsGoals} {
		for k := range list {
			if t := &list[k]; t.unit[ctx.lang] == gl.Unit && fmt.Sprintf(t.title[ctx.lang], gl.Target) == gl.Title {
				return t
			}
		}
	}
	return nil
}

// customActual is how far a custom goal got: in step with the year so far,
// give or take, and the final count for a past year.
func (g *gen) customActual(ctx *planCtx, target int64) int64 {
	return int64(float64(target) * ctx.progress * g.between(0.4, 1.3))
}

// sortGoals lists goals in the order of plan.Metrics, revenue first.
func sortGoals(goals []plan.Goal) {
	slices.SortStableFunc(goals, func(x, y plan.Goal) int {
		return slices.Index(plan.Metrics, x.Metric) - slices.Index(plan.Metrics, y.Metric)
	})
}

// focus states the year's strategic focus from the account's situation.
func (g *gen) focus(ctx *planCtx) string {
	a, lang := ctx.a, ctx.lang
	list := focusGeneral[lang]
	switch {
	case a.troubled:
		list = focusTroubled[lang]
	case a.lossMaking:
		list = focusLoss[lang]
	case a.rising:
		list = focusRising[lang]
	case a.global && a.parent >= 0 && g.chance(0.6):
		list = focusGlobal[lang]
	}
	s := pick(g, list)
	if g.chance(0.4) {
		if more := pick(g, focusGeneral[lang]); more != s {
			s += [2]string{"", " "}[lang] + more
		}
	}
	return s
}

// targetContacts picks one to three people the plan means to win over,
// mostly the economic buyer, the coach and others with influence.
func (g *gen) targetContacts(ctx *planCtx) []string {
	people := ctx.people
	w := make([]int, len(people))
	for k, c := range people {
		switch {
		case c.BuyingRole == "economic":
			w[k] = 8
		case c.BuyingRole == "coach":
			w[k] = 5
		case c.Influence == "high":
			w[k] = 3
		case c.Influence == "medium":
			w[k] = 1
		}
	}
	want := 1 + g.r.IntN(3)
	var ids []string
	for try := 0; len(ids) < want && try < 12; try++ {
		k := g.weighted(w)
		if w[k] > 0 && !slices.Contains(ids, people[k].ID) {
			ids = append(ids, people[k].ID)
		}
	}
	if len(ids) == 0 {
		ids = append(ids, people[0].ID) // the top person, who never leaves
	}
	return ids
}

// competitors adds up to three named competitors to have: none in a
// quarter of plans, where nobody else is in sight.
func (g *gen) competitors(ctx *planCtx, have []string) []string {
	list := competitors[ctx.a.industry]
	want := len(have) + 1
	if have == nil {
		want = [...]int{0, 1, 1, 2, 2, 3}[g.r.IntN(6)]
	}
	out := append([]string{}, have...)
	for try := 0; len(out) < want && try < 10; try++ {
		if c := pick(g, list)[ctx.lang]; !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// narrative is the action plan in a few quarterly steps.
func (g *gen) narrative(lang int) string {
	var b strings.Builder
	for q := range planSteps {
		if q > 0 && b.Len() > 0 && !g.chance(0.8) {
			continue
		}
		if b.Len() > 0 {
			b.WriteString([2]string{"；", "; "}[lang])
		}
		b.WriteString("Q" + strconv.Itoa(q+1) + [2]string{"：", ": "}[lang])
		b.WriteString(pick(g, planSteps[q][lang]))
	}
	b.WriteString([2]string{"。", "."}[lang])
	return b.String()
}

// addResource adds a commitment, ours or the customer's, not yet listed.
func (g *gen) addResource(ctx *planCtx, have []plan.Resource) []plan.Resource {
	for range 6 {
		r := plan.Resource{Party: "ours"}
		if g.chance(0.4) {
			r.Party = "customer"
			r.Description = pick(g, resourceTheirs[ctx.lang])
			r.Owner = pick(g, ctx.people).Name
		} else {
			r.Description = pick(g, resourceOurs[ctx.lang])
			switch x := g.r.Float64(); {
			case x < 0.5:
				r.Owner = ctx.acc.Owner
			case x < 0.75:
				r.Owner = g.colleague(ctx.acc.Owner)
			default:
				r.Owner = ourTeams[ctx.lang]
			}
		}
		if !slices.ContainsFunc(have, func(x plan.Resource) bool { return x.Description == r.Description }) {
			return append(have, r)
		}
	}
	return have
}

// budget sets the account budget (about 0.4–1.5 % of the revenue target)
// and the revenue forecast, cautious on troubled accounts.
func (g *gen) budget(ctx *planCtx, p *plan.Plan, revTarget int64) {
	p.Budget = int64(roundSig(float64(revTarget) * g.between(0.004, 0.015)))
	f := g.between(0.92, 1.05)
	if ctx.a.troubled {
		f = g.between(0.85, 1)
	}
	p.Forecast = int64(roundSig(float64(revTarget) * f))
}

// The parts an unfinished plan may still lack; goals and tasks are always
// there, since the plan's actions hang off its goals.
var gapParts = []string{plan.PartStrategicFocus, plan.PartPositioning, plan.PartResources, plan.PartBudget,
	plan.PartFunctional, plan.PartPsychological, plan.PartCustomerCommitments, plan.PartTracking}

// leaveGaps empties one to four parts of a plan.
func (g *gen) leaveGaps(p *plan.Plan) {
	for _, k := range g.r.Perm(len(gapParts))[:1+g.r.IntN(4)] {
		switch gapParts[k] {
		case plan.PartStrategicFocus:
			p.StrategicFocus = ""
		case plan.PartPositioning:
			p.Positioning.Statement, p.Positioning.ValueProposition = "", ""
		case plan.PartResources:
			p.Resources = []plan.Resource{}
		case plan.PartBudget:
			p.Budget, p.Forecast, p.BudgetNotes = 0, 0, ""
		case plan.PartFunctional:
			p.Value.Functional = ""
		case plan.PartPsychological:
			p.Value.Psychological = ""
		case plan.PartCustomerCommitments:
			p.Value.CustomerCommitments = ""
		case plan.PartTracking:
			p.Value.Tracking = ""
		}
	}
}

// colleague is another manager of the owner's team (Chinese or
// international desk), for the tasks and resources someone else takes on.
func (g *gen) colleague(own string) string {
	intl := false
	for _, o := range g.team {
		if o.name == own {
			intl = o.intl
		}
	}
	for range 8 {
		if o := pick(g, g.team); o.name != own && o.intl == intl {
			return o.name
		}
	}
	return own
}

// amountText writes an amount the way a plan would: 1280万元, 1.25亿元 or
// USD 1.85M.
func amountText(lang int, cur string, scale int, minor int64) string {
	v := float64(minor) / math.Pow10(scale)
	if lang == 0 {
		name := zhCurrency[cur]
		if name == "" {
			name = " " + cur
		}
		switch {
		case v >= 1e8:
			return trimNum(v/1e8, 2) + "亿" + name
		case v >= 1e4:
			return trimNum(v/1e4, 1) + "万" + name
		}
		return trimNum(v, 0) + name
	}
	switch {
	case v >= 1e9:
		return cur + " " + trimNum(v/1e9, 2) + "bn"
	case v >= 1e6:
		return cur + " " + trimNum(v/1e6, 2) + "M"
	case v >= 1e3:
		return cur + " " + trimNum(v/1e3, 1) + "K"
	}
	return cur + " " + trimNum(v, 0)
}

func trimNum(x float64, decimals int) string {
	p := math.Pow10(decimals)
	return strconv.FormatFloat(math.Round(x*p)/p, 'f', -1, 64)
}
