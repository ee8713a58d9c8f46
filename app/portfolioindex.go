package app

import (
	"cmp"
	"strings"

	"keystone/core/account"
	"keystone/core/portfolio"
	"keystone/storage"
)

// acctFacts is what the portfolio views need of one account's children.
type acctFacts struct {
	figures map[int]account.YearFigures // live figures by year
	card    *portfolio.Scorecard        // the latest live scorecard
	cards   int                         // live scorecards
	tier    *portfolio.Assignment       // the live tier assignment
	inputs  *portfolio.Inputs
}

// portfolioIndex keeps every account's figures, latest scorecard, tier and
// value inputs in memory, current through the change feed, so the matrix,
// Pareto and dashboard over 2,000 accounts read memory, not 8,000 scans.
type portfolioIndex struct {
	feedCache
	facts map[string]*acctFacts
}

// portfolioKinds are the account children the index follows.
var portfolioKinds = map[string]bool{
	account.KindFigures: true, portfolio.KindScorecard: true, portfolio.KindTier: true, portfolio.KindInputs: true,
}

func newPortfolioIndex(store *storage.Store) *portfolioIndex {
	x := &portfolioIndex{}
	// A changed child key "ws/<account>/<kind>/<id>" marks "<account>/<kind>/<id>" dirty.
	x.init(store, x.rebuild, x.refresh, storage.WorkspacesPrefix())
	return x
}

func (x *portfolioIndex) view(fn func(facts map[string]*acctFacts)) error {
	return x.use(func() { fn(x.facts) })
}

func (x *portfolioIndex) rebuild(tx *storage.Tx) error {
	x.facts = map[string]*acctFacts{}
	var ids []string
	if err := tx.ScanAccounts(func(key, _ []byte) error {
		ids = append(ids, string(key[len(storage.AccountKey("")):]))
		return nil
	}); err != nil {
		return err
	}
	for _, id := range ids {
		for kind := range portfolioKinds {
			if err := x.load(tx, id, kind); err != nil {
				return err
			}
		}
	}
	return nil
}

func (x *portfolioIndex) refresh(tx *storage.Tx, dirty string) error {
	acc, rest, ok := strings.Cut(dirty, "/")
	if !ok {
		return nil
	}
	kind, _, _ := strings.Cut(rest, "/")
	if !portfolioKinds[kind] {
		return nil
	}
	return x.load(tx, acc, kind)
}

func (x *portfolioIndex) entry(id string) *acctFacts {
	f := x.facts[id]
	if f == nil {
		f = &acctFacts{figures: map[int]account.YearFigures{}}
		x.facts[id] = f
	}
	return f
}

// load re-reads one kind of one account's children.
func (x *portfolioIndex) load(tx *storage.Tx, id, kind string) error {
	f := x.entry(id)
	switch kind {
	case account.KindFigures:
		figs, err := storage.List[account.YearFigures](tx, storage.ChildPrefix(id, kind))
		if err != nil {
			return err
		}
		f.figures = map[int]account.YearFigures{}
		for _, y := range live(figs) {
			f.figures[y.Year] = y
		}
	case portfolio.KindScorecard:
		cards, err := storage.List[portfolio.Scorecard](tx, storage.ChildPrefix(id, kind))
		if err != nil {
			return err
		}
		f.card, f.cards = nil, 0
		for _, sc := range live(cards) {
			f.cards++
			if f.card == nil || cmp.Or(strings.Compare(string(sc.ScoredOn), string(f.card.ScoredOn)), strings.Compare(sc.ID, f.card.ID)) > 0 {
				c := sc
				f.card = &c
			}
		}
	case portfolio.KindTier:
		var t portfolio.Assignment
		found, err := getSingleton(tx, id, kind, &t)
		if err != nil {
			return err
		}
		f.tier = nil
		if found && !t.Deleted() {
			f.tier = &t
		}
	case portfolio.KindInputs:
		var in portfolio.Inputs
		found, err := getSingleton(tx, id, kind, &in)
		if err != nil {
			return err
		}
		f.inputs = nil
		if found {
			f.inputs = &in
		}
	}
	return nil
}
