package app

import (
	"cmp"
	"slices"

	"keystone/core/calendar"
	"keystone/core/money"
	"keystone/core/opportunity"
	"keystone/core/retention"
	"keystone/core/winloss"
)

// dashboardSources are the other areas' figures the home page shows. The
// retention and program pages' views are remembered until the next write:
// computing them takes longer than the whole dashboard may.
type dashboardSources struct {
	deals     *oppIndex
	retention *RetentionService
	programs  *ProgramService
	risk      memo[RetentionPortfolio]
	contracts memo[ProgramList]
	winLoss   memo[*DashboardWinLoss]
	due       memo[dueTile]
	tiers     memo[accountTierMap] // every account's tier, for the other areas' filters
}

// dueTile is the due-actions tile of one owner.
type dueTile struct {
	counts ActionCounts
	rows   []ActionRow
}

// connect gives the dashboard the other areas' views.
func (s *PortfolioService) connect(gen *generation, deals *oppIndex, ret *RetentionService, prog *ProgramService) {
	s.sources = &dashboardSources{deals: deals, retention: ret, programs: prog,
		risk: memo[RetentionPortfolio]{gen: gen}, contracts: memo[ProgramList]{gen: gen}, winLoss: memo[*DashboardWinLoss]{gen: gen},
		due: memo[dueTile]{gen: gen}, tiers: memo[accountTierMap]{gen: gen}}
}

// Tiles' lengths.
const (
	recentDeals    = 6
	riskiest       = 5
	renewalsShown  = 6
	renewalHorizon = 180 // days: the programs' own alert horizon
)

// DashboardView is the home page: the portfolio at a glance. Parts an area
// fills are nil (or empty) while that area has no data, so the page shows
// only tiles that say something.
type DashboardView struct {
	Today    calendar.Date `json:"today"`
	Year     int           `json:"year"` // this year: its figures are to date
	Currency string        `json:"currency"`
	Accounts int           `json:"accounts"`

	Performance Performance `json:"performance"`
	// ShareOfWallet is our revenue over the customers' category spend, in %,
	// over the accounts whose spend is known this year; nil when none is.
	ShareOfWallet *float64 `json:"shareOfWallet"`

	Matrix MatrixView `json:"matrix"`
	Pareto ParetoView `json:"pareto"`

	// Actions: counts and the first overdue and this week's actions of Owner ("" = everyone).
	Owner      string       `json:"owner"`
	Actions    ActionCounts `json:"actions"`
	DueActions []ActionRow  `json:"dueActions"`

	WinLoss  *DashboardWinLoss `json:"winLoss"`
	Risk     *DashboardRisk    `json:"risk"`
	Renewals []Renewal         `json:"renewals"`

	MissingRates []string `json:"missingRates"`
}

// Performance is this year to date against target, and last year's total,
// in the reporting currency.
type Performance struct {
	Revenue         int64 `json:"revenue"`
	RevenueTarget   int64 `json:"revenueTarget"`
	Margin          int64 `json:"margin"`
	MarginTarget    int64 `json:"marginTarget"`
	LastYearRevenue int64 `json:"lastYearRevenue"`
	LastYearMargin  int64 `json:"lastYearMargin"`
	// WithFigures counts the accounts with figures this year.
	WithFigures int `json:"withFigures"`
}

// DashboardWinLoss is the win-loss tile: the last twelve months.
type DashboardWinLoss struct {
	WinRate      float64     `json:"winRate"`      // %, won / (won + lost)
	ValueWinRate float64     `json:"valueWinRate"` // %, by value
	Decided      int         `json:"decided"`
	OpenPipeline int64       `json:"openPipeline"` // weighted, reporting currency
	Recent       []DealEvent `json:"recent"`       // the latest closes, newest first
}

// DealEvent is one recent win or loss.
type DealEvent struct {
	AccountID     string        `json:"accountId"`
	AccountName   string        `json:"accountName"`
	OpportunityID string        `json:"opportunityId"`
	Title         string        `json:"title"`
	Outcome       string        `json:"outcome"`
	Value         int64         `json:"value"` // reporting currency
	ClosedOn      calendar.Date `json:"closedOn"`
}

// DashboardRisk is the accounts-at-risk tile.
type DashboardRisk struct {
	AtRisk int           `json:"atRisk"` // accounts at a high or medium risk level
	High   int           `json:"high"`
	Top    []AccountRisk `json:"top"` // the riskiest first
}

// AccountRisk is one account's decline-risk score (0–100) and level.
type AccountRisk struct {
	AccountID   string `json:"accountId"`
	AccountName string `json:"accountName"`
	Score       int    `json:"score"`
	Level       string `json:"level"`
}

// Renewal is a contract renewal coming up.
type Renewal struct {
	AccountID   string        `json:"accountId"`
	AccountName string        `json:"accountName"`
	What        string        `json:"what"` // "program" (a global contract) or another area's kind
	RecordID    string        `json:"recordId"`
	Title       string        `json:"title"`
	Date        calendar.Date `json:"date"`
	DaysLeft    int           `json:"daysLeft"`
}

// dueOnDashboard is how many due actions the tile lists.
const dueOnDashboard = 8

// Dashboard gathers the home page for owner's actions ("" = everyone).
func (s *PortfolioService) Dashboard(owner string) (DashboardView, error) {
	today := calendar.Today(s.clock)
	v := DashboardView{Today: today, Year: today.Year(), Owner: owner, DueActions: []ActionRow{}, Renewals: []Renewal{}}
	run, err := s.read(PortfolioFilter{})
	if err != nil {
		return v, err
	}
	v.Currency, v.Accounts = run.currency, len(run.rows)
	var spend, revWithSpend int64
	for _, r := range run.rows {
		fa := run.facts[r.ID]
		if y, ok := fa.figures[v.Year]; ok {
			v.Performance.WithFigures++
			add := func(dst *int64, amount int64) {
				if c, ok := run.conv.convert(amount, y.Currency, v.Year); ok {
					*dst += c
				}
			}
			add(&v.Performance.Revenue, y.Revenue)
			add(&v.Performance.RevenueTarget, y.RevenueTarget)
			add(&v.Performance.Margin, y.Margin)
			add(&v.Performance.MarginTarget, y.MarginTarget)
			if y.CategorySpend > 0 {
				add(&spend, y.CategorySpend)
				add(&revWithSpend, y.Revenue)
			}
		}
		if y, ok := fa.figures[v.Year-1]; ok {
			if c, ok := run.conv.convert(y.Revenue, y.Currency, v.Year-1); ok {
				v.Performance.LastYearRevenue += c
			}
			if c, ok := run.conv.convert(y.Margin, y.Currency, v.Year-1); ok {
				v.Performance.LastYearMargin += c
			}
		}
	}
	if spend > 0 {
		sow := float64(revWithSpend) / float64(spend) * 100
		v.ShareOfWallet = &sow
	}
	// the matrix and the curve are of last year (the run's), the latest complete one
	v.Matrix, v.Pareto = run.matrix(PortfolioFilter{}), run.pareto(PortfolioFilter{}, "revenue")
	due := func() (dueTile, error) {
		counts, rows, err := s.actions.due(owner, dueOnDashboard)
		return dueTile{counts, rows}, err
	}
	var tile dueTile
	if s.sources != nil {
		tile, err = s.sources.due.getKey(today, owner, due)
	} else {
		tile, err = due()
	}
	if err != nil {
		return v, err
	}
	v.Actions, v.DueActions = tile.counts, tile.rows
	if s.sources != nil {
		names := make(map[string]string, len(run.rows))
		for _, r := range run.rows {
			names[r.ID] = r.Name
		}
		if err := s.sources.fill(&v, names, run.conv.rates, today); err != nil {
			return v, err
		}
	}
	v.MissingRates = run.conv.missingList()
	return v, nil
}

// fill adds the win-loss, risk and renewal tiles when those areas have data.
func (src *dashboardSources) fill(v *DashboardView, names map[string]string, rates money.Rates, today calendar.Date) error {
	wl, err := src.winLoss.get(today, func() (*DashboardWinLoss, error) {
		snap, err := src.deals.snapshot()
		if err != nil {
			return nil, err
		}
		return winLossTile(snap, names, rates, today), nil
	})
	if err != nil {
		return err
	}
	v.WinLoss = wl

	risk, err := src.risk.get(today, src.retention.Portfolio)
	if err != nil {
		return err
	}
	tile := &DashboardRisk{Top: []AccountRisk{}}
	for _, p := range risk.Points { // riskiest first
		if p.Level != retention.High && p.Level != retention.Medium {
			continue
		}
		tile.AtRisk++
		if p.Level == retention.High {
			tile.High++
		}
		if len(tile.Top) < riskiest {
			tile.Top = append(tile.Top, AccountRisk{AccountID: p.AccountID, AccountName: p.Name, Score: p.Risk, Level: p.Level})
		}
	}
	if len(risk.Points) > 0 {
		v.Risk = tile
	}

	progs, err := src.contracts.get(today, func() (ProgramList, error) { return src.programs.List(ProgramQuery{}) })
	if err != nil {
		return err
	}
	for _, p := range progs.Rows {
		if p.NextRenewal == "" || p.NextRenewal < today || today.DaysUntil(p.NextRenewal) > renewalHorizon {
			continue
		}
		v.Renewals = append(v.Renewals, Renewal{AccountID: p.AccountID, AccountName: p.AccountName, What: "program",
			RecordID: p.ID, Date: p.NextRenewal, DaysLeft: today.DaysUntil(p.NextRenewal)})
	}
	slices.SortFunc(v.Renewals, func(a, b Renewal) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.RecordID, b.RecordID))
	})
	v.Renewals = v.Renewals[:min(len(v.Renewals), renewalsShown)]
	return nil
}

// winLossTile is the last twelve months' win rate, the open pipeline's
// weighted value and the latest closes; nil when there are no deals at all.
func winLossTile(snap *oppSnapshot, names map[string]string, rates money.Rates, today calendar.Date) *DashboardWinLoss {
	if len(snap.all) == 0 {
		return nil
	}
	conv := winloss.NewConverter(rates)
	from := today.AddDays(-365)
	t := &DashboardWinLoss{Recent: []DealEvent{}}
	var won, lost, wonV, lostV int64
	var recent []*winloss.Deal
	for _, d := range snap.closed {
		if d.ClosedOn < from || d.ClosedOn > today || (d.Outcome != opportunity.Won && d.Outcome != opportunity.Lost) {
			continue
		}
		if _, live := names[d.AccountID]; !live {
			continue
		}
		value, _ := conv.Convert(d.Value, opportunity.YearOf(d.ClosedOn))
		if d.Outcome == opportunity.Won {
			won, wonV = won+1, wonV+value
		} else {
			lost, lostV = lost+1, lostV+value
		}
		recent = newestFirst(recent, d, recentDeals)
	}
	t.Decided = int(won + lost)
	if t.Decided > 0 {
		t.WinRate = float64(won) / float64(won+lost) * 100
	}
	if wonV+lostV > 0 {
		t.ValueWinRate = float64(wonV) / float64(wonV+lostV) * 100
	}
	for _, d := range snap.open {
		if _, live := names[d.AccountID]; !live {
			continue
		}
		year := today.Year()
		if d.ExpectedClose != "" {
			year = opportunity.YearOf(d.ExpectedClose)
		}
		if value, ok := conv.Convert(d.Value, year); ok {
			t.OpenPipeline += opportunity.Weighted(value, d.Probability)
		}
	}
	for _, d := range recent {
		value, _ := conv.Convert(d.Value, opportunity.YearOf(d.ClosedOn))
		t.Recent = append(t.Recent, DealEvent{AccountID: d.AccountID, AccountName: names[d.AccountID], OpportunityID: d.ID,
			Title: d.Title, Outcome: d.Outcome, Value: value, ClosedOn: d.ClosedOn})
	}
	return t
}

// newestFirst keeps the k latest closes in order as deals stream past: a
// year's closes at size L are tens of thousands, the tile shows six.
func newestFirst(list []*winloss.Deal, d *winloss.Deal, k int) []*winloss.Deal {
	later := func(a, b *winloss.Deal) bool {
		return cmp.Or(cmp.Compare(a.ClosedOn, b.ClosedOn), cmp.Compare(a.ID, b.ID)) > 0
	}
	if len(list) == k && !later(d, list[k-1]) {
		return list
	}
	i := slices.IndexFunc(list, func(x *winloss.Deal) bool { return later(d, x) })
	if i < 0 {
		i = len(list)
	}
	list = slices.Insert(list, i, d)
	return list[:min(len(list), k)]
}
