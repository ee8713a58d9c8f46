package app

import (
	"cmp"
	"slices"
	"strings"

	"keystone/core/account"
	"keystone/core/calendar"
	"keystone/core/money"
	"keystone/core/portfolio"
	"keystone/core/settings"
	"keystone/storage"
)

// portfolioModel is the portfolio area's versioned settings: scorecard
// criteria and weights, the matrix cut, tiers, ABC limits, pyramid bands and
// lifetime-value defaults.
var portfolioModel = modelSettings[portfolio.Settings]{
	area:     "portfolio",
	defaults: portfolio.DefaultSettings,
	validate: func(s *portfolio.Settings) error { return s.Validate() },
}

// PortfolioService chooses and tiers key accounts: scorecards and the
// portfolio matrix, tiers, Pareto/ABC, the value pyramid and lifetime value.
type PortfolioService struct {
	store   *storage.Store
	clock   calendar.Clock
	rows    *rowCache
	actions *ActionService
	index   *portfolioIndex
	sources *dashboardSources // the other areas the dashboard shows; nil in isolation
}

func newPortfolioService(store *storage.Store, clock calendar.Clock, rows *rowCache, actions *ActionService) *PortfolioService {
	return &PortfolioService{store: store, clock: clock, rows: rows, actions: actions, index: newPortfolioIndex(store)}
}

// Settings returns the current portfolio model settings.
func (s *PortfolioService) Settings() (settings.Model[portfolio.Settings], error) {
	return portfolioModel.get(s.store)
}

// SaveSettings stores edited settings as a new version; base is the version edited.
func (s *PortfolioService) SaveSettings(v portfolio.Settings, base int) (settings.Model[portfolio.Settings], error) {
	return portfolioModel.update(s.store, v, base)
}

// RestoreDefaults stores the shipped defaults as a new version.
func (s *PortfolioService) RestoreDefaults(base int) (settings.Model[portfolio.Settings], error) {
	return portfolioModel.restore(s.store, base)
}

// ScorecardView is a scorecard with its position and the criteria of the
// settings version it was made with, so an old one reads as it was.
type ScorecardView struct {
	Scorecard      portfolio.Scorecard   `json:"scorecard"`
	Position       portfolio.Position    `json:"position"`
	Attractiveness []portfolio.Criterion `json:"attractiveness"`
	Strength       []portfolio.Criterion `json:"strength"`
	Cut            float64               `json:"cut"`
}

// Score saves a scorecard: new (empty id) under the current settings, or an
// update of one at its rev under the settings it was made with.
func (s *PortfolioService) Score(in portfolio.Scorecard) (ScorecardView, error) {
	in.Normalize()
	var view ScorecardView
	err := s.store.Update(func(tx *storage.Tx) error {
		if _, err := liveAccount(tx, in.AccountID); err != nil {
			return err
		}
		var model settings.Model[portfolio.Settings]
		var err error
		if in.ID == "" {
			model, err = portfolioModel.pin(tx)
		} else {
			var old portfolio.Scorecard
			if err = tx.Get(storage.ChildKey(in.AccountID, portfolio.KindScorecard, in.ID), portfolio.KindScorecard, &old); err != nil {
				return err
			}
			model, err = portfolioModel.at(tx, old.SettingsVersion)
		}
		if err != nil {
			return err
		}
		if in.ScoredOn == "" {
			in.ScoredOn = calendar.Today(s.clock)
		}
		if err := in.Validate(model.Value); err != nil {
			return err
		}
		in.SettingsVersion = model.Version
		if err := putChild(tx, in.AccountID, portfolio.KindScorecard, &in); err != nil {
			return err
		}
		view = scorecardView(in, model.Value)
		return nil
	})
	return view, err
}

func scorecardView(sc portfolio.Scorecard, set portfolio.Settings) ScorecardView {
	return ScorecardView{Scorecard: sc, Position: portfolio.Place(sc, set),
		Attractiveness: set.Attractiveness, Strength: set.Strength, Cut: set.Cut}
}

// Scorecards lists an account's live scorecards, newest first.
func (s *PortfolioService) Scorecards(accountID string) ([]ScorecardView, error) {
	out := []ScorecardView{}
	err := s.store.View(func(tx *storage.Tx) error {
		var a account.Account
		if err := getAccount(tx, accountID, &a); err != nil {
			return err
		}
		cards, err := storage.List[portfolio.Scorecard](tx, storage.ChildPrefix(accountID, portfolio.KindScorecard))
		if err != nil {
			return err
		}
		versions := map[int]portfolio.Settings{}
		for _, sc := range live(cards) {
			set, ok := versions[sc.SettingsVersion]
			if !ok {
				m, err := portfolioModel.at(tx, sc.SettingsVersion)
				if err != nil {
					return err
				}
				set, versions[sc.SettingsVersion] = m.Value, m.Value
			}
			out = append(out, scorecardView(sc, set))
		}
		return nil
	})
	slices.SortFunc(out, func(a, b ScorecardView) int {
		return cmp.Or(strings.Compare(string(b.Scorecard.ScoredOn), string(a.Scorecard.ScoredOn)),
			strings.Compare(b.Scorecard.ID, a.Scorecard.ID))
	})
	return out, err
}

// ArchiveScorecard tombstones one scorecard read at rev.
func (s *PortfolioService) ArchiveScorecard(accountID, id string, rev int64) error {
	return s.store.Update(func(tx *storage.Tx) error {
		_, err := archiveChild[portfolio.Scorecard](tx, s.clock.Now(), accountID, portfolio.KindScorecard, id, rev)
		return err
	})
}

// SetTier puts an account in a tier (one assignment per account, saved at
// its rev; a first one has rev 0).
func (s *PortfolioService) SetTier(in portfolio.Assignment) (portfolio.Assignment, error) {
	err := s.store.Update(func(tx *storage.Tx) error {
		if _, err := liveAccount(tx, in.AccountID); err != nil {
			return err
		}
		model, err := portfolioModel.current(tx)
		if err != nil {
			return err
		}
		if in.SetOn == "" {
			in.SetOn = calendar.Today(s.clock)
		}
		if err := in.Validate(model.Value); err != nil {
			return err
		}
		in.DeletedAt = nil // a cleared tier is set again at its rev
		return putSingleton(tx, in.AccountID, portfolio.KindTier, &in)
	})
	return in, err
}

// Tier returns an account's stored tier assignment so the UI can change or
// clear it at its rev: an empty one (rev 0) when there never was one, and a
// cleared one with DeletedAt set (its rev is what the next SetTier needs).
func (s *PortfolioService) Tier(accountID string) (portfolio.Assignment, error) {
	out := portfolio.Assignment{AccountID: accountID}
	err := s.store.View(func(tx *storage.Tx) error {
		var a account.Account
		if err := getAccount(tx, accountID, &a); err != nil {
			return err
		}
		_, err := getSingleton(tx, accountID, portfolio.KindTier, &out)
		return err
	})
	return out, err
}

// ClearTier drops the assignment read at rev: the account's tier is again
// the one its quadrant suggests.
func (s *PortfolioService) ClearTier(accountID string, rev int64) error {
	return s.store.Update(func(tx *storage.Tx) error {
		_, err := archiveChild[portfolio.Assignment](tx, s.clock.Now(), accountID, portfolio.KindTier, accountID, rev)
		return err
	})
}

// SaveInputs stores an account's lifetime-value inputs at their rev.
func (s *PortfolioService) SaveInputs(in portfolio.Inputs) (portfolio.Inputs, error) {
	err := s.store.Update(func(tx *storage.Tx) error {
		if _, err := liveAccount(tx, in.AccountID); err != nil {
			return err
		}
		model, err := portfolioModel.current(tx)
		if err != nil {
			return err
		}
		if err := in.Validate(model.Value); err != nil {
			return err
		}
		in.DeletedAt = nil
		return putSingleton(tx, in.AccountID, portfolio.KindInputs, &in)
	})
	return in, err
}

// Inputs returns an account's lifetime-value inputs (empty when none saved).
func (s *PortfolioService) Inputs(accountID string) (portfolio.Inputs, error) {
	in := portfolio.Inputs{AccountID: accountID}
	err := s.store.View(func(tx *storage.Tx) error {
		var a account.Account
		if err := getAccount(tx, accountID, &a); err != nil {
			return err
		}
		_, err := getSingleton(tx, accountID, portfolio.KindInputs, &in)
		return err
	})
	return in, err
}

// money helpers shared by the portfolio views

// converter converts yearly amounts to the reporting currency and remembers
// which currencies had no rate, so a view can say what it left out.
type converter struct {
	rates   money.Rates
	missing map[string]bool
}

func newConverter(c settings.Currency) *converter {
	return &converter{rates: c.Rates, missing: map[string]bool{}}
}

func (c *converter) convert(amount int64, currency string, year int) (int64, bool) {
	m, ok := c.rates.Convert(money.Money{Amount: amount, Currency: currency}, year)
	if !ok {
		c.missing[currency] = true
		return 0, false
	}
	return m.Amount, true
}

func (c *converter) missingList() []string {
	out := make([]string, 0, len(c.missing))
	for k := range c.missing {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
