package app

import (
	"slices"
	"sort"

	"keystone/core/account"
	"keystone/core/action"
	"keystone/core/calendar"
	"keystone/core/money"
	"keystone/core/opportunity"
	"keystone/core/review"
	"keystone/core/settings"
	"keystone/core/winloss"
)

// portfolioContext is what every snapshot of one year reads of the whole
// portfolio: the matrix, the win-loss input and the rates. A batch reads it
// once, not once per account.
type portfolioContext struct {
	year   int
	matrix MatrixView
	rank   map[string]int
	wl     winloss.Input
	rates  settings.Currency
}

func (s *ReviewService) context(year int) (*portfolioContext, error) {
	c := &portfolioContext{year: year, rank: map[string]int{}}
	var err error
	if c.rates, err = s.settings.Currency(); err != nil {
		return nil, err
	}
	if c.matrix, err = s.portfolio.Matrix(PortfolioFilter{Year: year}); err != nil {
		return nil, err
	}
	byRevenue := slices.Clone(c.matrix.Points)
	sort.SliceStable(byRevenue, func(i, j int) bool { return byRevenue[i].Revenue > byRevenue[j].Revenue })
	for i, p := range byRevenue {
		if p.RevenueKnown && p.Revenue > 0 {
			c.rank[p.AccountID] = i + 1
		}
	}
	if c.wl, err = s.winloss.input(); err != nil {
		return nil, err
	}
	return c, nil
}

// snapshot fills a review's data sections from every area, for the period.
// Areas without data for the account give no section.
func (s *ReviewService) snapshot(ctx *portfolioContext, accountID, kind string, year, quarter int) (review.Snapshot, error) {
	today := calendar.Today(s.clock)
	snap := review.Snapshot{TakenOn: today}
	ws, err := s.accounts.Workspace(accountID)
	if err != nil {
		return snap, err
	}
	a := ws.Account
	snap.Account = review.AccountInfo{Name: a.Name, LegalName: a.LegalName, Owner: a.Owner, Industry: a.Industry,
		Segment: a.Segment, Country: a.Country, Currency: a.Currency}
	from, to := review.PeriodOf(kind, year, quarter)

	snap.Performance = performanceOf(ws.Figures, year, ctx.rates.Rates)
	if err := s.fillSwitching(&snap, accountID, to); err != nil {
		return snap, err
	}
	snap.Portfolio = portfolioOf(ctx, accountID)
	if err := s.fillRelationship(&snap, accountID, len(ws.Contacts)); err != nil {
		return snap, err
	}
	if err := s.fillPartnership(&snap, accountID, to); err != nil {
		return snap, err
	}
	if err := s.fillDeals(&snap, ctx, accountID, from, to); err != nil {
		return snap, err
	}
	if err := s.fillProgram(&snap, accountID, year); err != nil {
		return snap, err
	}
	rv, err := s.retention.Get(accountID)
	if err != nil {
		return snap, err
	}
	if len(rv.Risk.Warnings) > 0 {
		r := &review.Risk{Score: rv.Risk.Score, Level: rv.Risk.Level}
		for _, w := range rv.Risk.Warnings {
			r.Warnings = append(r.Warnings, review.Warning{Key: w.Key, Weight: w.Weight, Params: w.Params, Message: w.Message})
		}
		snap.Risk = r
	}
	return snap, s.fillActions(&snap, accountID, today, from, to)
}

// performanceOf keeps up to three years ending with the review's year.
func performanceOf(figs []account.YearFigures, year int, rates money.Rates) *review.Performance {
	shares := map[int]account.YearShare{}
	for _, sh := range account.SharesOfWallet(figs) {
		shares[sh.Year] = sh
	}
	p := &review.Performance{ReportingCur: rates.Reporting}
	for _, f := range figs {
		if f.Year < year-2 || f.Year > year {
			continue
		}
		row := review.YearRow{Year: f.Year, Currency: f.Currency, Revenue: f.Revenue, RevenueTarget: f.RevenueTarget,
			Margin: f.Margin, MarginTarget: f.MarginTarget, CategorySpend: f.CategorySpend, CrossSell: f.CrossSellSales}
		if sh, ok := shares[f.Year]; ok {
			row.Share, row.ShareKnown = sh.Percent, sh.Known
		}
		p.Years = append(p.Years, row)
		if f.Year == year {
			m, ok := rates.Convert(money.Money{Amount: f.Revenue, Currency: f.Currency}, year)
			p.Reporting, p.ReportingKnown = m.Amount, ok
		}
	}
	if len(p.Years) == 0 {
		return nil
	}
	sort.Slice(p.Years, func(i, j int) bool { return p.Years[i].Year < p.Years[j].Year })
	return p
}

func portfolioOf(ctx *portfolioContext, accountID string) *review.Portfolio {
	m := ctx.matrix
	var p *review.Portfolio
	var maxRev int64
	for _, pt := range m.Points {
		maxRev = max(maxRev, pt.Revenue)
	}
	size := func(r int64) float64 {
		if maxRev <= 0 {
			return 0
		}
		return float64(r) / float64(maxRev)
	}
	var others []review.Dot
	for _, pt := range m.Points {
		if pt.AccountID == accountID {
			p = &review.Portfolio{Tier: pt.Tier, TierAssigned: pt.TierAssigned, Scored: pt.Scored, ScoredOn: pt.ScoredOn,
				Attractiveness: pt.Attractiveness, Strength: pt.Strength, Quadrant: pt.Quadrant, Cut: m.Cut, Size: size(pt.Revenue),
				Accounts: len(m.Points), Rank: ctx.rank[accountID]}
			for _, t := range m.Tiers {
				if t.Key == pt.Tier {
					p.TierEn, p.TierZh = t.En, t.Zh
				}
			}
			continue
		}
		if pt.Scored {
			others = append(others, review.Dot{X: pt.Strength, Y: pt.Attractiveness, Size: size(pt.Revenue)})
		}
	}
	if p == nil || (!p.Scored && p.Tier == "") {
		return nil // neither scored nor tiered: nothing to say
	}
	p.Others = others
	return p
}

func (s *ReviewService) fillSwitching(snap *review.Snapshot, accountID string, to calendar.Date) error {
	v, err := s.switching.Get(accountID)
	if err != nil {
		return err
	}
	// newest first: the first one on or before the period's end
	for _, sv := range v.Surveys {
		if sv.Date > to {
			continue
		}
		sat := &review.Satisfaction{SurveyedOn: sv.Date, Weighted: sv.Result.Weighted, Attraction: sv.Result.Attraction, Surveys: len(v.Surveys)}
		for _, g := range sv.Result.Gaps {
			sat.Gaps = append(sat.Gaps, review.DimensionGap{Key: g.Key, Expectation: g.Expectation, Perception: g.Perception, Gap: g.Gap, Weight: g.Weight})
		}
		snap.Satisfaction = sat
		break
	}
	sw := &review.Switching{}
	for _, as := range v.Assessments {
		if as.Date > to {
			continue
		}
		sw.Assessed, sw.AssessedOn = true, as.Date
		sw.Barrier, sw.Procedural, sw.Financial, sw.Relational = as.Indices.Barrier, as.Indices.Procedural, as.Indices.Financial, as.Indices.Relational
		break
	}
	if len(v.Plans) > 0 {
		pl := v.Plans[0]
		sw.PlanName = pl.Title
		for _, lp := range pl.Progress {
			sw.Levers = append(sw.Levers, review.LeverRow{Key: lp.Key, Strength: lp.Strength, Target: lp.Target,
				Actions: lp.Actions, Done: lp.Done, Overdue: lp.Overdue, Percent: lp.Percent})
		}
	}
	if sw.Assessed || len(sw.Levers) > 0 {
		snap.Switching = sw
	}
	return nil
}

func (s *ReviewService) fillRelationship(snap *review.Snapshot, accountID string, contacts int) error {
	v, err := s.relationships.Get(accountID)
	if err != nil {
		return err
	}
	if v.Profile.ID == "" && contacts == 0 {
		return nil
	}
	d := v.Dimensions
	snap.Relationship = &review.Relationship{Phase: v.Profile.Phase, Stage: v.Profile.Stage, Suggested: v.Suggestion.Stage,
		Organizational: d.Organizational, Extensive: d.Extensive, Levels: d.Levels, Supportive: d.Supportive,
		DecisionMakers: d.DecisionMakers, Contacts: contacts}
	return nil
}

func (s *ReviewService) fillPartnership(snap *review.Snapshot, accountID string, to calendar.Date) error {
	hist, err := s.partnership.History(accountID)
	if err != nil {
		return err
	}
	id := ""
	for _, h := range hist { // oldest first: keep the last within the period
		if h.AssessedOn <= to {
			id = h.ID
		}
	}
	if id == "" {
		return nil
	}
	v, err := s.partnership.Get(accountID, id)
	if err != nil {
		return err
	}
	p := &review.Partnership{AssessedOn: v.Assessment.AssessedOn, Type: v.Result.Type, D: v.Result.D, F: v.Result.F,
		ScaleMax: v.Settings.ScaleMax, Ours: map[string]int{}, Customer: map[string]int{}}
	for k, r := range v.Assessment.Drivers.Ours {
		p.Ours[k] = r.Score
	}
	for k, r := range v.Assessment.Drivers.Customer {
		p.Customer[k] = r.Score
	}
	for _, g := range v.Result.Gaps {
		p.Gaps = append(p.Gaps, review.Gap{Component: g.Component, Today: g.Today, Required: g.Required})
	}
	snap.Partnership = p
	return nil
}

func (s *ReviewService) fillDeals(snap *review.Snapshot, ctx *portfolioContext, accountID string, from, to calendar.Date) error {
	f := winloss.Filter{AccountID: accountID, From: from, To: to}
	an := winloss.Analyze(ctx.wl, f)
	labels := map[string]opportunity.Label{}
	if ctx.wl.Settings != nil {
		for _, r := range ctx.wl.Settings.Reasons {
			labels[r.Key] = r.Label
		}
	}
	d := &review.Deals{Currency: ctx.rates.Reporting, Won: an.Counts.Won, Lost: an.Counts.Lost, NoDecision: an.Counts.NoDecision,
		WinRate: an.WinRate.Percent, RateKnown: an.WinRate.Defined, WonValue: an.WonValue, LostValue: an.LostValue}
	for _, r := range an.Reasons {
		if r.Deals == 0 {
			continue
		}
		l := labels[r.Reason]
		d.Reasons = append(d.Reasons, review.Reason{Key: r.Reason, En: orKey(l.En, r.Reason), Zh: orKey(l.Zh, r.Reason), Deals: r.Deals, Value: r.Value, Share: r.Share})
	}
	for _, deal := range winloss.Select(ctx.wl, f, winloss.Selection{}) {
		l := labels[deal.Primary]
		d.List = append(d.List, review.Deal{Title: deal.Title, Outcome: deal.Outcome, ClosedOn: deal.ClosedOn, Currency: deal.Value.Currency,
			Value: deal.Value.Amount, ReasonEn: l.En, ReasonZh: l.Zh, Winner: deal.Winner})
	}
	snap2, err := s.winloss.index.snapshot()
	if err != nil {
		return err
	}
	conv := winloss.NewConverter(ctx.wl.Rates)
	for _, o := range snap2.open {
		if o.AccountID != accountID {
			continue
		}
		d.Open++
		if v, ok := conv.Convert(o.Value, ctx.year); ok {
			d.OpenValue += v
		}
	}
	if d.Won+d.Lost+d.NoDecision+d.Open == 0 {
		return nil
	}
	snap.Deals = d
	return nil
}

func orKey(label, key string) string {
	if label == "" {
		return key
	}
	return label
}

func (s *ReviewService) fillProgram(snap *review.Snapshot, accountID string, year int) error {
	id, err := s.programs.ForAccount(accountID)
	if err != nil || id == "" {
		return err
	}
	v, err := s.programs.Get(id, year)
	if err != nil {
		return err
	}
	p := &review.Program{Manager: v.Program.Manager, Status: v.Program.Status, Health: v.Health.Level, Countries: v.Rollups.Total.Countries,
		Currency: v.Program.Currency, Target: v.Rollups.Total.Figures.TargetYear, Actual: v.Rollups.Total.Figures.ActualToDate, Findings: []string{}}
	for _, f := range v.Health.Findings {
		p.Findings = append(p.Findings, f.Reason)
		p.Rules = append(p.Rules, review.Finding{Rule: f.Rule, Level: f.Level, Params: f.Params, Message: f.Reason})
	}
	if v.Renewal != nil {
		p.Renewal = v.Renewal.Level
	}
	snap.Program = p
	return nil
}

func (s *ReviewService) fillActions(snap *review.Snapshot, accountID string, today, from, to calendar.Date) error {
	rows, err := s.actions.ForAccount(accountID)
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		return nil
	}
	a := &review.Actions{}
	for _, r := range rows {
		switch {
		case r.IsOpen():
			a.Open++
			if r.Due != "" && r.Due < today {
				a.Overdue++
			}
			if len(a.Next) < 12 {
				a.Next = append(a.Next, review.Todo{Title: r.Title, Owner: r.Owner, Due: r.Due, Area: r.Source.Area})
			}
		case r.Status == action.Done && r.CompletedOn >= from && r.CompletedOn <= to:
			a.Done++
		}
	}
	snap.Actions = a
	return nil
}
