package app

import (
	"keystone/core/calendar"
	"keystone/core/portfolio"
	"keystone/core/winloss"
	"keystone/storage"
)

// accountTierMap is every live account's tier: the one set by hand, else
// the one its quadrant suggests (absent when neither). The pipeline's and
// the win-loss analysis's tier filters read it.
type accountTierMap map[string]string

// accountTiers is remembered until the next write: placing 2,000 accounts
// costs more than a filtered pipeline page may.
func (s *PortfolioService) accountTiers() (accountTierMap, error) {
	compute := func() (accountTierMap, error) {
		run, err := s.read(PortfolioFilter{})
		if err != nil {
			return nil, err
		}
		out := make(accountTierMap, len(run.rows))
		for _, r := range run.rows {
			if p := run.point(r); p.Tier != "" {
				out[r.ID] = p.Tier
			}
		}
		return out, nil
	}
	if s.sources == nil {
		return compute()
	}
	return s.sources.tiers.get(calendar.Today(s.clock), compute)
}

// tierSource gives the areas that filter by tier the accounts' tiers and the
// firm's list of them.
type tierSource func() (accountTierMap, error)

// withTiers sets each account's tier, for a tier filter.
func withTiers(accounts map[string]winloss.Account, tiers tierSource) error {
	if tiers == nil {
		return nil
	}
	of, err := tiers()
	if err != nil {
		return err
	}
	for id, a := range accounts {
		a.Tier = of[id]
		accounts[id] = a
	}
	return nil
}

// tierList is the firm's tiers, best first, for the filters' choices.
func tierList(tx *storage.Tx) ([]portfolio.Tier, error) {
	m, err := portfolioModel.current(tx)
	if err != nil {
		return nil, err
	}
	return m.Value.Tiers, nil
}
