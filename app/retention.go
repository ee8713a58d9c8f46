package app

import (
	"sort"
	"strings"
	"time"

	"keystone/core/account"
	"keystone/core/action"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/money"
	"keystone/core/portfolio"
	"keystone/core/record"
	"keystone/core/retention"
	"keystone/core/settings"
	"keystone/core/switching"
	"keystone/storage"
)

// RetentionService keeps the attraction × barrier position, decline warnings and retention cases.
type RetentionService struct {
	store   *storage.Store
	clock   calendar.Clock
	actions *ActionService
	index   *retentionIndex
}

func newRetentionService(store *storage.Store, clock calendar.Clock, actions *ActionService) *RetentionService {
	actions.registerSource(action.AreaRetention, checkRetentionSource)
	return &RetentionService{store: store, clock: clock, actions: actions, index: newRetentionIndex(store, clock)}
}

// checkRetentionSource is the retention area's sourceCheck: the case exists in the account.
func checkRetentionSource(tx *storage.Tx, a action.Action) error {
	var c retention.Case
	err := tx.Get(storage.ChildKey(a.AccountID, retention.KindCase, a.Source.RecordID), retention.KindCase, &c)
	if fault.CodeOf(err) == fault.NotFound || (err == nil && c.Deleted()) {
		return missingSource(retention.KindCase, a.Source.RecordID)
	}
	return err
}

// Settings returns the current switching-cost and retention model settings.
func (s *RetentionService) Settings() (settings.Model[retention.Settings], error) {
	return retentionModel.get(s.store)
}

// SaveSettings stores a new version; base is the version that was edited.
func (s *RetentionService) SaveSettings(value retention.Settings, base int) (settings.Model[retention.Settings], error) {
	return retentionModel.update(s.store, value, base)
}

// RestoreDefaults stores the shipped defaults as a new version.
func (s *RetentionService) RestoreDefaults(base int) (settings.Model[retention.Settings], error) {
	return retentionModel.restore(s.store, base)
}

// PositionPoint is the account on the attraction × barrier chart at a date:
// after each assessment or survey once both exist.
type PositionPoint struct {
	Date       calendar.Date `json:"date"`
	Attraction float64       `json:"attraction"`
	Barrier    float64       `json:"barrier"`
	Quadrant   string        `json:"quadrant"`
}

// Position is an account's latest attraction and barrier; either is nil
// until the account has a survey or an assessment. The quadrant uses the
// current cut-offs: it is today's reading of the latest results.
type Position struct {
	Attraction *float64        `json:"attraction"`
	Barrier    *float64        `json:"barrier"`
	Quadrant   string          `json:"quadrant"` // "" until both are known
	SurveyedOn calendar.Date   `json:"surveyedOn"`
	AssessedOn calendar.Date   `json:"assessedOn"`
	Trail      []PositionPoint `json:"trail"` // oldest first
}

// CaseRow is a retention case with its actions.
type CaseRow struct {
	retention.Case
	Actions []ActionRow `json:"actions"`
}

// RetentionView is the retention side of an account.
type RetentionView struct {
	Today         calendar.Date                      `json:"today"`
	Position      Position                           `json:"position"`
	Risk          retention.Risk                     `json:"risk"`
	Renewal       retention.Renewal                  `json:"renewal"`
	Cases         []CaseRow                          `json:"cases"`
	SuggestedTier string                             `json:"suggestedTier"` // the account's ABC tier by revenue
	Settings      settings.Model[retention.Settings] `json:"settings"`
}

// position computes the latest position and its trail from an account's
// assessments and surveys (any order).
func position(as []AssessmentRow, ss []SurveyRow, set switching.Settings) Position {
	type event struct {
		date calendar.Date
		id   string
		a    *float64
		b    *float64
	}
	var evs []event
	for i := range as {
		v := as[i].Indices.Barrier
		evs = append(evs, event{date: as[i].Date, id: as[i].ID, b: &v})
	}
	for i := range ss {
		v := ss[i].Result.Attraction
		evs = append(evs, event{date: ss[i].Date, id: ss[i].ID, a: &v})
	}
	sort.SliceStable(evs, func(i, j int) bool {
		if evs[i].date != evs[j].date {
			return evs[i].date < evs[j].date
		}
		return evs[i].id < evs[j].id
	})
	p := Position{Trail: []PositionPoint{}}
	for _, e := range evs {
		if e.a != nil {
			p.Attraction, p.SurveyedOn = e.a, e.date
		}
		if e.b != nil {
			p.Barrier, p.AssessedOn = e.b, e.date
		}
		if p.Attraction == nil || p.Barrier == nil {
			continue
		}
		pt := PositionPoint{Date: e.date, Attraction: *p.Attraction, Barrier: *p.Barrier, Quadrant: switching.Quadrant(*p.Attraction, *p.Barrier, set)}
		if n := len(p.Trail); n > 0 && p.Trail[n-1].Date == pt.Date {
			p.Trail[n-1] = pt // one point per day: the day's last reading
		} else {
			p.Trail = append(p.Trail, pt)
		}
	}
	if p.Attraction != nil && p.Barrier != nil {
		p.Quadrant = switching.Quadrant(*p.Attraction, *p.Barrier, set)
	}
	return p
}

// accountData is what the warnings and the position read of one account.
type accountData struct {
	figures     []account.YearFigures
	contacts    []account.Contact
	activities  []account.Activity
	assessments []AssessmentRow
	surveys     []SurveyRow
	renewal     retention.Renewal
	competitors []string
	cases       []retention.Case
}

func loadAccountData(tx *storage.Tx, accountID string) (accountData, error) {
	var d accountData
	figs, contacts, acts, err := loadChildren(tx, accountID)
	if err != nil {
		return d, err
	}
	d.figures, d.contacts, d.activities = live(figs), live(contacts), live(acts)
	err = d.loadRetention(tx, accountID)
	return d, err
}

// loadRetention reads what both loaders share: switching-cost assessments
// and surveys, the renewal, the plans' competitors and the cases.
func (d *accountData) loadRetention(tx *storage.Tx, accountID string) error {
	var err error
	if d.assessments, d.surveys, err = loadSwitching(tx, accountID); err != nil {
		return err
	}
	d.renewal = retention.Renewal{Meta: record.Meta{ID: accountID}, AccountID: accountID}
	if _, err := getSingleton(tx, accountID, retention.KindRenewal, &d.renewal); err != nil {
		return err
	}
	plans, err := livePlans(tx, accountID)
	if err != nil {
		return err
	}
	for _, p := range plans {
		d.competitors = append(d.competitors, p.Positioning.TargetCompetitors...)
	}
	d.cases, err = liveChildren[retention.Case](tx, accountID, retention.KindCase)
	return err
}

// accountActions are an account's live actions, any area, open or done,
// from the index: the renewal warning reads both.
func (s *RetentionService) accountActions(accountID string) ([]action.Action, error) {
	var out []action.Action
	err := s.actions.index.view(func(x *actionIndex) {
		for _, a := range x.selection("", accountID, func(a *action.Action) bool { return !a.Deleted() }) {
			out = append(out, *a)
		}
	})
	return out, err
}

func (d accountData) risk(today calendar.Date, acts []action.Action, set retention.Settings) retention.Risk {
	return retention.Assess(retention.Input{Today: today, Figures: d.figures, Contacts: d.contacts, Activities: d.activities,
		Actions: acts, Renewal: d.renewal.Date, Competitors: d.competitors}, set)
}

// Get returns an account's position, warnings, renewal and cases.
func (s *RetentionService) Get(accountID string) (RetentionView, error) {
	v := RetentionView{Today: calendar.Today(s.clock), Cases: []CaseRow{}}
	var d accountData
	err := s.store.View(func(tx *storage.Tx) error {
		var a account.Account
		if err := getAccount(tx, accountID, &a); err != nil {
			return err
		}
		var err error
		if v.Settings, err = retentionModel.current(tx); err != nil {
			return err
		}
		d, err = loadAccountData(tx, accountID)
		return err
	})
	if err != nil {
		return v, err
	}
	acts, err := s.accountActions(accountID)
	if err != nil {
		return v, err
	}
	set := v.Settings.Value
	v.Position = position(d.assessments, d.surveys, set.Switching)
	v.Risk = d.risk(v.Today, acts, set)
	v.Renewal = d.renewal
	sort.Slice(d.cases, func(i, j int) bool { return newer(d.cases[i].Opened, d.cases[i].ID, d.cases[j].Opened, d.cases[j].ID) })
	for _, c := range d.cases {
		rows, err := s.actions.forSource(accountID, action.AreaRetention, c.ID)
		if err != nil {
			return v, err
		}
		v.Cases = append(v.Cases, CaseRow{Case: c, Actions: rows})
	}
	if v.SuggestedTier, err = s.tierOf(accountID); err != nil {
		return v, err
	}
	return v, nil
}

// tierOf is the account's ABC class (Pareto, DOMAIN.md §2) by its latest
// revenue in the reporting currency, with the portfolio settings' class
// limits, so it reads the same as the portfolio's Pareto page; accounts whose
// currency has no rate count as without revenue.
func (s *RetentionService) tierOf(accountID string) (string, error) {
	var rates settings.Currency
	var limits portfolio.Settings
	if err := s.store.View(func(tx *storage.Tx) error {
		var err error
		if rates, err = loadCurrency(tx); err != nil {
			return err
		}
		m, err := portfolioModel.current(tx)
		limits = m.Value
		return err
	}); err != nil {
		return "", err
	}
	var revenue []portfolio.Valued
	err := s.actions.rows.snapshot(func(rows map[string]AccountRow) {
		revenue = make([]portfolio.Valued, 0, len(rows))
		for id, r := range rows {
			if r.Deleted() {
				continue
			}
			v := portfolio.Valued{AccountID: id}
			if m, ok := rates.Convert(money.Money{Amount: r.LatestRevenue, Currency: r.Currency}, r.LatestYear); ok {
				v.Value = m.Amount
			}
			revenue = append(revenue, v)
		}
	})
	if err != nil {
		return "", err
	}
	ranked, _ := portfolio.ABC(revenue, limits.ClassA, limits.ClassB)
	for _, r := range ranked {
		if r.AccountID == accountID {
			return r.Class, nil
		}
	}
	return "", nil
}

// SaveCase creates (empty id) or updates a retention case.
func (s *RetentionService) SaveCase(in retention.Case) (retention.Case, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return retention.Case{}, err
	}
	err := s.store.Update(func(tx *storage.Tx) error {
		if _, err := liveAccount(tx, in.AccountID); err != nil {
			return err
		}
		return putChild(tx, in.AccountID, retention.KindCase, &in)
	})
	if err != nil {
		return retention.Case{}, err
	}
	return in, nil
}

// ArchiveCase removes a case (a tombstone); its actions stay in the lists.
func (s *RetentionService) ArchiveCase(accountID, id string, rev int64) error {
	return s.store.Update(func(tx *storage.Tx) error {
		if _, err := liveAccount(tx, accountID); err != nil {
			return err
		}
		_, err := archiveChild[retention.Case](tx, s.clock.Now().UTC(), accountID, retention.KindCase, id, rev)
		return err
	})
}

// SaveRenewal sets (or clears, with an empty date) the account's contract
// renewal date; rev is the stored record's (0 the first time).
func (s *RetentionService) SaveRenewal(in retention.Renewal) (retention.Renewal, error) {
	if err := in.Validate(); err != nil {
		return retention.Renewal{}, err
	}
	err := s.store.Update(func(tx *storage.Tx) error {
		if _, err := liveAccount(tx, in.AccountID); err != nil {
			return err
		}
		return putSingleton(tx, in.AccountID, retention.KindRenewal, &in)
	})
	if err != nil {
		return retention.Renewal{}, err
	}
	return in, nil
}

// PortfolioPoint is one key account on the portfolio's attraction × barrier chart.
type PortfolioPoint struct {
	AccountID   string   `json:"accountId"`
	Name        string   `json:"name"`
	Owner       string   `json:"owner"`
	Attraction  *float64 `json:"attraction"`
	Barrier     *float64 `json:"barrier"`
	Quadrant    string   `json:"quadrant"`
	Revenue     int64    `json:"revenue"`     // the latest complete year's, in the reporting currency's minor units
	RevenueYear int      `json:"revenueYear"` // 0 without figures
	// RevenueKnown is false when the account's currency has no rate: the
	// bubble then has no size rather than a wrong one.
	RevenueKnown bool     `json:"revenueKnown"`
	Currency     string   `json:"currency"` // the account's own
	Risk         int      `json:"risk"`
	Level        string   `json:"level"`
	Warnings     []string `json:"warnings"`
	OpenCases    int      `json:"openCases"`
}

// RetentionPortfolio is every key account's position and risk, and the
// portfolio's retention and churn per year.
type RetentionPortfolio struct {
	Today        calendar.Date        `json:"today"`
	Reporting    string               `json:"reporting"`
	Points       []PortfolioPoint     `json:"points"`
	Quadrants    map[string]int       `json:"quadrants"` // accounts per quadrant; "" = not yet placed
	Levels       map[string]int       `json:"levels"`
	Rates        []retention.YearRate `json:"rates"`
	MissingRates []string             `json:"missingRates"` // currencies without an exchange rate
	Settings     retention.Settings   `json:"settings"`
}

// Portfolio returns every live account's position, revenue and risk.
func (s *RetentionService) Portfolio() (RetentionPortfolio, error) {
	out := RetentionPortfolio{Today: calendar.Today(s.clock), Points: []PortfolioPoint{}, Quadrants: map[string]int{},
		Levels: map[string]int{}, MissingRates: []string{}}
	var rates settings.Currency
	version := 0
	if err := s.store.View(func(tx *storage.Tx) error {
		set, err := retentionModel.current(tx)
		if err != nil {
			return err
		}
		version = set.Version
		rates, err = loadCurrency(tx)
		return err
	}); err != nil {
		return out, err
	}
	out.Reporting = rates.Reporting
	missing := map[string]bool{}
	var histories []retention.History
	first := out.Today.Year()
	var actErr error
	err := s.index.view(version, out.Today, func(digests map[string]*accountDigest, set retention.Settings) {
		out.Settings = set
		// The renewal warning asks only whether some action covers the
		// renewal, and only for renewals inside the window: the first such
		// action of those few accounts stands for all their actions.
		covering := map[string][]action.Action{}
		horizon := out.Today.AddDays(set.RenewalDays)
		actErr = s.actions.index.view(func(x *actionIndex) {
			for id, dg := range digests {
				r := dg.data.renewal.Date
				if r == "" || r < out.Today || r > horizon {
					continue
				}
				for aid := range x.byAccount[id] {
					if a := x.byID[aid]; a != nil && retention.CoversRenewal(*a, r, set) {
						covering[id] = []action.Action{*a}
						break
					}
				}
			}
		})
		histories = make([]retention.History, 0, len(digests))
		for _, dg := range digests {
			a, d := dg.account, dg.data
			pos := position(d.assessments, d.surveys, set.Switching)
			r := d.risk(out.Today, covering[a.ID], set)
			pt := PortfolioPoint{AccountID: a.ID, Name: a.Name, Owner: a.Owner, Attraction: pos.Attraction, Barrier: pos.Barrier,
				Quadrant: pos.Quadrant, Currency: a.Currency, Risk: r.Score, Level: r.Level, Warnings: make([]string, 0, len(r.Warnings))}
			for _, w := range r.Warnings {
				pt.Warnings = append(pt.Warnings, w.Key)
			}
			if f := bubbleFigures(d.figures, out.Today.Year()); f != nil {
				pt.RevenueYear = f.Year
				if m, ok := rates.Convert(money.Money{Amount: f.Revenue, Currency: f.Currency}, f.Year); ok {
					pt.Revenue, pt.RevenueKnown = m.Amount, true
				} else {
					missing[f.Currency] = true
				}
			}
			for _, c := range d.cases {
				if c.Outcome == retention.Open {
					pt.OpenCases++
				}
			}
			for _, f := range d.figures {
				first = min(first, f.Year)
			}
			out.Quadrants[pt.Quadrant]++
			out.Levels[pt.Level]++
			out.Points = append(out.Points, pt)
			histories = append(histories, retention.History{Figures: d.figures, Cases: d.cases})
		}
	})
	if err == nil {
		err = actErr
	}
	if err != nil {
		return out, err
	}
	out.MissingRates = keys(missing)
	sort.Slice(out.Points, func(i, j int) bool {
		if out.Points[i].Risk != out.Points[j].Risk {
			return out.Points[i].Risk > out.Points[j].Risk
		}
		if out.Points[i].Name != out.Points[j].Name {
			return out.Points[i].Name < out.Points[j].Name
		}
		return out.Points[i].AccountID < out.Points[j].AccountID
	})
	out.Rates = retention.Rates(histories, first+1, out.Today.Year())
	return out, nil
}

// bubbleFigures is the year a bubble's size comes from: the latest complete
// year, else the current one.
func bubbleFigures(figs []account.YearFigures, current int) *account.YearFigures {
	var complete, any *account.YearFigures
	for i := range figs {
		f := &figs[i]
		if any == nil || f.Year > any.Year {
			any = f
		}
		if f.Year < current && (complete == nil || f.Year > complete.Year) {
			complete = f
		}
	}
	if complete != nil {
		return complete
	}
	return any
}

// retentionIndex keeps, per live account, what the portfolio's positions and
// warnings read: figures, contacts who left, only the activities that can
// make a warning fire, assessments, surveys, renewal, the plans' competitors
// and the cases. Decoding every activity of a large portfolio took seconds
// (200,000 at size L); the change feed keeps the digests current instead.
// The digests depend on the settings version and today (the activity
// windows), so a change of either rebuilds them.
type retentionIndex struct {
	feedCache
	clock   calendar.Clock
	version int
	set     retention.Settings
	today   calendar.Date
	byAcc   map[string]*accountDigest
	fresh   map[string]bool // accounts refreshed in this round: many keys of one account change together
}

type accountDigest struct {
	account account.Account
	data    accountData
}

func newRetentionIndex(store *storage.Store, clock calendar.Clock) *retentionIndex {
	x := &retentionIndex{clock: clock, fresh: map[string]bool{}}
	x.init(store, x.rebuildAll, x.refreshKey, storage.AccountKey(""), storage.WorkspacesPrefix())
	return x
}

// view brings the digests up to date for the settings version and today, and
// calls fn with them; fn must not keep the map.
func (x *retentionIndex) view(version int, today calendar.Date, fn func(map[string]*accountDigest, retention.Settings)) error {
	x.mu.Lock()
	if x.version != version || x.today != today {
		x.built = false
	}
	x.mu.Unlock()
	return x.use(func() {
		x.fresh = map[string]bool{}
		fn(x.byAcc, x.set)
	})
}

func (x *retentionIndex) rebuildAll(tx *storage.Tx) error {
	set, err := retentionModel.current(tx)
	if err != nil {
		return err
	}
	x.version, x.set, x.today = set.Version, set.Value, calendar.Today(x.clock)
	x.byAcc = map[string]*accountDigest{}
	x.fresh = map[string]bool{}
	var ids []string
	if err := tx.ScanAccounts(func(key, _ []byte) error {
		ids = append(ids, string(key[len(storage.AccountKey("")):]))
		return nil
	}); err != nil {
		return err
	}
	for _, id := range ids {
		if err := x.refreshAccount(tx, id); err != nil {
			return err
		}
	}
	return nil
}

// refreshKey is called with what follows "acct/" or "ws/" in a changed key:
// the account id, alone or before "/<kind>/<id>".
func (x *retentionIndex) refreshKey(tx *storage.Tx, rest string) error {
	id, _, _ := strings.Cut(rest, "/")
	if x.fresh[id] {
		return nil
	}
	x.fresh[id] = true
	return x.refreshAccount(tx, id)
}

func (x *retentionIndex) refreshAccount(tx *storage.Tx, id string) error {
	var a account.Account
	err := getAccount(tx, id, &a)
	if fault.CodeOf(err) == fault.NotFound || (err == nil && a.Deleted()) {
		delete(x.byAcc, id)
		return nil
	}
	if err != nil {
		return err
	}
	d, err := loadDigestData(tx, id, x.today, x.set)
	if err != nil {
		return err
	}
	x.byAcc[id] = &accountDigest{account: a, data: d}
	return nil
}

// slimActivity is the part of an activity the warnings read: decoding only
// these fields is what makes a rebuild affordable.
type slimActivity struct {
	DeletedAt *time.Time    `json:"deletedAt"`
	Date      calendar.Date `json:"date"`
	Type      string        `json:"type"`
	Subject   string        `json:"subject"`
	Notes     string        `json:"notes"`
}

// loadDigestData is loadAccountData keeping only what the warnings can use.
func loadDigestData(tx *storage.Tx, accountID string, today calendar.Date, set retention.Settings) (accountData, error) {
	var d accountData
	figs, err := storage.List[account.YearFigures](tx, storage.ChildPrefix(accountID, account.KindFigures))
	if err != nil {
		return d, err
	}
	d.figures = live(figs)
	contacts, err := storage.List[account.Contact](tx, storage.ChildPrefix(accountID, account.KindContact))
	if err != nil {
		return d, err
	}
	for _, c := range contacts {
		if c.Left && !c.Deleted() {
			d.contacts = append(d.contacts, c)
		}
	}
	if err := d.loadRetention(tx, accountID); err != nil {
		return d, err
	}
	err = tx.Scan(storage.ChildPrefix(accountID, account.KindActivity), func(_, val []byte) error {
		var s slimActivity
		if err := storage.Decode(val, &s); err != nil {
			return err
		}
		a := account.Activity{Date: s.Date, Type: s.Type, Subject: s.Subject, Notes: s.Notes}
		if s.DeletedAt == nil && retention.Relevant(a, today, d.competitors, set) {
			d.activities = append(d.activities, a)
		}
		return nil
	})
	return d, err
}

// warm builds the portfolio digests ahead of the first Portfolio call, which
// takes seconds at size L; App.Warm may call it.
func (s *RetentionService) warm() error {
	version := 0
	if err := s.store.View(func(tx *storage.Tx) error {
		set, err := retentionModel.current(tx)
		version = set.Version
		return err
	}); err != nil {
		return err
	}
	return s.index.view(version, calendar.Today(s.clock), func(map[string]*accountDigest, retention.Settings) {})
}
