package app

import (
	"keystone/core/calendar"
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
	if v.Actions, v.DueActions, err = s.actions.due(owner, dueOnDashboard); err != nil {
		return v, err
	}
	v.MissingRates = run.conv.missingList()
	return v, nil
}
