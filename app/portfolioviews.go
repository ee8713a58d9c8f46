package app

import (
	"cmp"
	"slices"

	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/portfolio"
	"keystone/storage"
)

// PortfolioFilter narrows the portfolio views; zero values mean all. Year 0
// is last year, the latest complete one.
type PortfolioFilter struct {
	Year    int    `json:"year"`
	Owner   string `json:"owner"`
	Segment string `json:"segment"`
	Tier    string `json:"tier"`
}

// MatrixPoint is one account on the portfolio matrix.
type MatrixPoint struct {
	AccountID string `json:"accountId"`
	Name      string `json:"name"`
	Owner     string `json:"owner"`
	Segment   string `json:"segment"`
	Country   string `json:"country"`
	// Tier is the assigned tier, else the one the quadrant suggests ("" when unscored).
	Tier           string        `json:"tier"`
	TierAssigned   bool          `json:"tierAssigned"`
	Scored         bool          `json:"scored"`
	ScoredOn       calendar.Date `json:"scoredOn"`
	Attractiveness float64       `json:"attractiveness"`
	Strength       float64       `json:"strength"`
	Quadrant       string        `json:"quadrant"`
	Revenue        int64         `json:"revenue"` // the year's revenue in the reporting currency
	RevenueKnown   bool          `json:"revenueKnown"`
	// Vulnerability (0–10) comes from the switching-cost barrier and the
	// decline risk; nil until the account has either. Defence is its class
	// on the attractiveness × vulnerability view ("" when unscored or nil).
	Vulnerability *float64 `json:"vulnerability"`
	Defence       string   `json:"defence"`
}

// MatrixView is the portfolio matrix with what an executive reads beside it.
type MatrixView struct {
	Year           int              `json:"year"`
	Currency       string           `json:"currency"`
	Cut            float64          `json:"cut"`
	Points         []MatrixPoint    `json:"points"`
	Unscored       int              `json:"unscored"`
	KeyAccounts    int              `json:"keyAccounts"`
	MaxKeyAccounts int              `json:"maxKeyAccounts"`
	TooMany        bool             `json:"tooMany"`
	ByQuadrant     map[string]int   `json:"byQuadrant"`
	ByTier         map[string]int   `json:"byTier"`
	Tiers          []portfolio.Tier `json:"tiers"`
	MissingRates   []string         `json:"missingRates"`
	// ByDefence counts the scored accounts with a vulnerability per defence
	// class; VulnerableFrom is where vulnerability counts as high.
	ByDefence      map[string]int `json:"byDefence"`
	VulnerableFrom float64        `json:"vulnerableFrom"`
}

// portfolioRun is one read of everything a portfolio view needs.
type portfolioRun struct {
	year     int
	current  portfolio.Settings
	versions map[int]portfolio.Settings
	conv     *converter
	currency string
	rows     []AccountRow
	facts    map[string]acctFacts
}

// read gathers live accounts passing f (tier is applied later, once known)
// with copies of their facts, the settings and the rates, in one pass.
func (s *PortfolioService) read(f PortfolioFilter) (*portfolioRun, error) {
	run := &portfolioRun{year: f.Year, versions: map[int]portfolio.Settings{}, facts: map[string]acctFacts{}}
	if run.year == 0 {
		run.year = calendar.Today(s.clock).Year() - 1
	}
	err := s.store.View(func(tx *storage.Tx) error {
		cur, err := portfolioModel.current(tx)
		if err != nil {
			return err
		}
		run.current = cur.Value
		c, err := loadCurrency(tx)
		if err != nil {
			return err
		}
		run.conv, run.currency = newConverter(c), c.Reporting
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := s.rows.snapshot(func(rows map[string]AccountRow) {
		for _, r := range rows {
			if r.Deleted() || (f.Owner != "" && r.Owner != f.Owner) || (f.Segment != "" && r.Segment != f.Segment) {
				continue
			}
			run.rows = append(run.rows, r)
		}
	}); err != nil {
		return nil, err
	}
	slices.SortFunc(run.rows, func(a, b AccountRow) int { return cmp.Compare(a.ID, b.ID) })
	if err := s.index.view(func(facts map[string]*acctFacts) {
		for _, r := range run.rows {
			if fa := facts[r.ID]; fa != nil {
				run.facts[r.ID] = *fa
			}
		}
	}); err != nil {
		return nil, err
	}
	// the settings versions the latest scorecards were made with
	return run, s.store.View(func(tx *storage.Tx) error {
		for _, fa := range run.facts {
			if fa.card == nil {
				continue
			}
			if _, ok := run.versions[fa.card.SettingsVersion]; ok {
				continue
			}
			m, err := portfolioModel.at(tx, fa.card.SettingsVersion)
			if err != nil {
				return err
			}
			run.versions[fa.card.SettingsVersion] = m.Value
		}
		return nil
	})
}

// point places one account.
func (run *portfolioRun) point(r AccountRow) MatrixPoint {
	p := MatrixPoint{AccountID: r.ID, Name: r.Name, Owner: r.Owner, Segment: r.Segment, Country: r.Country}
	fa := run.facts[r.ID]
	if fa.card != nil {
		pos := portfolio.Place(*fa.card, run.versions[fa.card.SettingsVersion])
		p.Scored, p.ScoredOn = true, fa.card.ScoredOn
		p.Attractiveness, p.Strength, p.Quadrant = pos.Attractiveness, pos.Strength, pos.Quadrant
		p.Tier = run.current.QuadrantTier[pos.Quadrant]
	}
	if fa.tier != nil {
		p.Tier, p.TierAssigned = fa.tier.Tier, true
	}
	if y, ok := fa.figures[run.year]; ok {
		p.Revenue, p.RevenueKnown = run.conv.convert(y.Revenue, y.Currency, run.year)
	}
	return p
}

// points places every account passing the tier filter.
func (run *portfolioRun) points(tier string) []MatrixPoint {
	out := make([]MatrixPoint, 0, len(run.rows))
	for _, r := range run.rows {
		p := run.point(r)
		if tier != "" && p.Tier != tier {
			continue
		}
		out = append(out, p)
	}
	return out
}

// Matrix places every account on the attractiveness × strength matrix.
func (s *PortfolioService) Matrix(f PortfolioFilter) (MatrixView, error) {
	run, err := s.read(f)
	if err != nil {
		return MatrixView{}, err
	}
	v := run.matrix(f)
	return v, s.placeVulnerability(&v)
}

// placeVulnerability gives each point its vulnerability from the retention
// area's barrier index and decline risk (remembered until the next write),
// and its class on the attractiveness × vulnerability view.
func (s *PortfolioService) placeVulnerability(v *MatrixView) error {
	v.ByDefence, v.VulnerableFrom = map[string]int{}, portfolio.VulnerableFrom
	if s.sources == nil {
		return nil
	}
	risk, err := s.sources.risk.get(calendar.Today(s.clock), s.sources.retention.Portfolio)
	if err != nil {
		return err
	}
	by := make(map[string]*PortfolioPoint, len(risk.Points))
	for i := range risk.Points {
		by[risk.Points[i].AccountID] = &risk.Points[i]
	}
	for i := range v.Points {
		p, rp := &v.Points[i], by[v.Points[i].AccountID]
		if rp == nil {
			continue
		}
		barrier := 0.0
		if rp.Barrier != nil {
			barrier = *rp.Barrier
		}
		// the decline risk reads the account's figures and activities; an
		// account with neither has no risk to speak of yet
		riskKnown := rp.RevenueYear != 0 || len(rp.Warnings) > 0
		x, ok := portfolio.Vulnerability(barrier, rp.Barrier != nil, float64(rp.Risk), riskKnown)
		if !ok {
			continue
		}
		p.Vulnerability = &x
		if p.Scored {
			p.Defence = portfolio.DefenceClass(p.Attractiveness, x, v.Cut)
			v.ByDefence[p.Defence]++
		}
	}
	return nil
}

func (run *portfolioRun) matrix(f PortfolioFilter) MatrixView {
	v := MatrixView{Year: run.year, Currency: run.currency, Cut: run.current.Cut, Points: run.points(f.Tier),
		MaxKeyAccounts: run.current.MaxKeyAccounts, Tiers: run.current.Tiers,
		ByQuadrant: map[string]int{}, ByTier: map[string]int{}}
	tiers := map[string]string{}
	for _, p := range v.Points {
		if !p.Scored {
			v.Unscored++
		} else {
			v.ByQuadrant[p.Quadrant]++
		}
		if p.Tier != "" {
			v.ByTier[p.Tier]++
			tiers[p.AccountID] = p.Tier
		}
	}
	v.KeyAccounts, v.TooMany = portfolio.KeyAccountCount(run.current, tiers)
	v.MissingRates = run.conv.missingList()
	return v
}

// ParetoRow is one account on the concentration curve.
type ParetoRow struct {
	portfolio.Ranked
	Name string `json:"name"`
	Tier string `json:"tier"`
}

// ParetoView is the ABC analysis by revenue or margin.
type ParetoView struct {
	Year         int                      `json:"year"`
	Metric       string                   `json:"metric"`
	Currency     string                   `json:"currency"`
	Total        int64                    `json:"total"`
	Rows         []ParetoRow              `json:"rows"`
	Classes      []portfolio.ClassSummary `json:"classes"`
	LimitA       float64                  `json:"limitA"`
	LimitB       float64                  `json:"limitB"`
	NoFigures    int                      `json:"noFigures"` // accounts without figures for the year
	MissingRates []string                 `json:"missingRates"`
}

// Pareto ranks accounts by the year's revenue or margin ("revenue" or
// "margin") and classes them A/B/C.
func (s *PortfolioService) Pareto(f PortfolioFilter, metric string) (ParetoView, error) {
	if metric != "margin" {
		metric = "revenue"
	}
	run, err := s.read(f)
	if err != nil {
		return ParetoView{}, err
	}
	return run.pareto(f, metric), nil
}

func (run *portfolioRun) pareto(f PortfolioFilter, metric string) ParetoView {
	v := ParetoView{Year: run.year, Metric: metric, Currency: run.currency, Rows: []ParetoRow{},
		LimitA: run.current.ClassA, LimitB: run.current.ClassB}
	names, tiers := map[string]string{}, map[string]string{}
	var in []portfolio.Valued
	for _, p := range run.points(f.Tier) {
		y, ok := run.facts[p.AccountID].figures[run.year]
		if !ok {
			v.NoFigures++
			continue
		}
		amount := y.Revenue
		if metric == "margin" {
			amount = y.Margin
		}
		conv, ok := run.conv.convert(amount, y.Currency, run.year)
		if !ok {
			continue
		}
		names[p.AccountID], tiers[p.AccountID] = p.Name, p.Tier
		in = append(in, portfolio.Valued{AccountID: p.AccountID, Value: conv})
		if conv > 0 {
			v.Total += conv
		}
	}
	ranked, classes := portfolio.ABC(in, run.current.ClassA, run.current.ClassB)
	for _, r := range ranked {
		v.Rows = append(v.Rows, ParetoRow{Ranked: r, Name: names[r.AccountID], Tier: tiers[r.AccountID]})
	}
	v.Classes = classes
	v.MissingRates = run.conv.missingList()
	return v
}

// PyramidLevel is a pyramid band with its names.
type PyramidLevel struct {
	portfolio.Level
	En  string `json:"en"`
	Zh  string `json:"zh"`
	Min int64  `json:"min"`
}

// PyramidView is the customer value pyramid for a year.
type PyramidView struct {
	Year     int            `json:"year"`
	Currency string         `json:"currency"`
	Levels   []PyramidLevel `json:"levels"`
	// NoCost counts accounts without a cost to serve: their profit is their
	// whole margin, which flatters the bottom of the pyramid.
	NoCost       int      `json:"noCost"`
	NoFigures    int      `json:"noFigures"`
	MissingRates []string `json:"missingRates"`
}

// Pyramid sums the year's revenue, margin, cost to serve and profit per band.
func (s *PortfolioService) Pyramid(f PortfolioFilter) (PyramidView, error) {
	run, err := s.read(f)
	if err != nil {
		return PyramidView{}, err
	}
	v := PyramidView{Year: run.year, Currency: run.currency}
	var served []portfolio.Served
	for _, p := range run.points(f.Tier) {
		fa := run.facts[p.AccountID]
		y, ok := fa.figures[run.year]
		if !ok {
			v.NoFigures++
			continue
		}
		rev, ok1 := run.conv.convert(y.Revenue, y.Currency, run.year)
		mar, ok2 := run.conv.convert(y.Margin, y.Currency, run.year)
		if !ok1 || !ok2 {
			continue
		}
		sv := portfolio.Served{AccountID: p.AccountID, Revenue: rev, Margin: mar}
		if fa.inputs != nil && fa.inputs.CostToServe > 0 {
			sv.CostToServe = fa.inputs.CostToServe
		} else {
			v.NoCost++
		}
		served = append(served, sv)
	}
	for i, l := range portfolio.Pyramid(run.current.Bands, served) {
		b := run.current.Bands[i]
		v.Levels = append(v.Levels, PyramidLevel{Level: l, En: b.En, Zh: b.Zh, Min: b.Min})
	}
	v.MissingRates = run.conv.missingList()
	return v, nil
}

// ValueRow is one account's lifetime value and perceived value.
type ValueRow struct {
	AccountID   string   `json:"accountId"`
	Name        string   `json:"name"`
	Tier        string   `json:"tier"`
	Margin      int64    `json:"margin"` // the year's margin, reporting currency
	Retention   float64  `json:"retention"`
	Discount    float64  `json:"discount"`
	Acquisition int64    `json:"acquisition"`
	OwnInputs   bool     `json:"ownInputs"`
	CLV         int64    `json:"clv"`       // m·r/(1+i−r) − AC
	CLVFinite   int64    `json:"clvFinite"` // five years at today's margin
	Perceived   *float64 `json:"perceived"` // 1–10; nil when unknown
	Class       string   `json:"class"`     // "" without a perceived value
	Problem     string   `json:"problem"`   // why CLV could not be computed (e.g. negative margin)
}

// ValuesView is the CLV list and the CPV × CLV classes.
type ValuesView struct {
	Year         int              `json:"year"`
	Currency     string           `json:"currency"`
	Rows         []ValueRow       `json:"rows"`
	CPVCut       float64          `json:"cpvCut"`
	CLVCut       int64            `json:"clvCut"`
	CLVCutMedian bool             `json:"clvCutMedian"` // the cut is the portfolio's median
	ByClass      map[string]int   `json:"byClass"`
	Horizon      int              `json:"horizon"`
	Defaults     [2]float64       `json:"defaults"` // retention, discount
	Tiers        []portfolio.Tier `json:"tiers"`
	MissingRates []string         `json:"missingRates"`
}

// clvHorizon is the finite formula's number of years (t = 0..4).
const clvHorizon = 5

// Values computes each account's CLV from the year's margin and its inputs,
// and its CPV × CLV class where its perceived value is known.
func (s *PortfolioService) Values(f PortfolioFilter) (ValuesView, error) {
	run, err := s.read(f)
	if err != nil {
		return ValuesView{}, err
	}
	set := run.current
	v := ValuesView{Year: run.year, Currency: run.currency, Rows: []ValueRow{}, CPVCut: set.CPVCut, ByClass: map[string]int{},
		Horizon: clvHorizon, Defaults: [2]float64{set.Retention, set.Discount}, Tiers: set.Tiers}
	var clvs []float64
	for _, p := range run.points(f.Tier) {
		fa := run.facts[p.AccountID]
		y, ok := fa.figures[run.year]
		if !ok {
			continue
		}
		m, ok := run.conv.convert(y.Margin, y.Currency, run.year)
		if !ok {
			continue
		}
		in := portfolio.Inputs{}
		if fa.inputs != nil {
			in = *fa.inputs
		}
		r, i := in.Rates(set)
		row := ValueRow{AccountID: p.AccountID, Name: p.Name, Tier: p.Tier, Margin: m, Retention: r, Discount: i,
			Acquisition: in.Acquisition, OwnInputs: fa.inputs != nil, Perceived: in.PerceivedValue}
		clv, err := portfolio.CLV(float64(m), r, i, float64(in.Acquisition))
		if err != nil {
			row.Problem = faultRule(err)
		} else {
			margins := make([]float64, clvHorizon)
			for k := range margins {
				margins[k] = float64(m)
			}
			fin, _ := portfolio.CLVFinite(margins, r, i, float64(in.Acquisition))
			row.CLV, row.CLVFinite = int64(clv+0.5), int64(fin+0.5)
			clvs = append(clvs, clv)
		}
		v.Rows = append(v.Rows, row)
	}
	v.CLVCut, v.CLVCutMedian = set.CLVCut, set.CLVCut == 0
	if v.CLVCutMedian {
		v.CLVCut = int64(portfolio.Median(clvs) + 0.5)
	}
	for k := range v.Rows {
		row := &v.Rows[k]
		if row.Perceived == nil || row.Problem != "" {
			continue
		}
		row.Class = portfolio.ValueClass(*row.Perceived, set.CPVCut, float64(row.CLV), float64(v.CLVCut))
		v.ByClass[row.Class]++
	}
	slices.SortFunc(v.Rows, func(a, b ValueRow) int {
		return cmp.Or(cmp.Compare(b.CLV, a.CLV), cmp.Compare(a.AccountID, b.AccountID))
	})
	v.MissingRates = run.conv.missingList()
	return v, nil
}

// faultRule is the rule of a validation error, for a row that shows why a
// figure is missing.
func faultRule(err error) string {
	return fault.As(err).Rule
}
