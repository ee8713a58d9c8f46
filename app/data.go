package app

import (
	"fmt"

	"keystone/core/account"
	"keystone/core/action"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/plan"
	"keystone/core/record"
	"keystone/core/sample"
	"keystone/storage"
)

// DataService tells about the data folder, loads the sample portfolio, and
// keeps the folder safe: backup and restore, automatic backups, encryption
// at rest and the unlock at start (safety.go, backup.go).
type DataService struct {
	store *storage.Store
	clock calendar.Clock
	auto  *autoBackup
}

func newDataService(store *storage.Store, clock calendar.Clock) *DataService {
	s := &DataService{store: store, clock: clock}
	s.auto = newAutoBackup(s)
	return s
}

// DataInfo describes the open data folder.
type DataInfo struct {
	Version       string `json:"version"`
	SchemaVersion int    `json:"schemaVersion"`
	DataDir       string `json:"dataDir"`
	Accounts      int    `json:"accounts"`
	Empty         bool   `json:"empty"`
}

// SampleSummary counts what a sample load wrote.
type SampleSummary struct {
	Accounts   int `json:"accounts"`
	Contacts   int `json:"contacts"`
	Activities int `json:"activities"`
	Figures    int `json:"figures"`
	Plans      int `json:"plans"`
	Actions    int `json:"actions"`
	// Items counts the other areas' records by kind.
	Items map[string]int `json:"items"`
}

// Info describes the data folder.
func (s *DataService) Info() (DataInfo, error) {
	info := DataInfo{Version: Version, SchemaVersion: s.store.SchemaVersion(), DataDir: s.store.Dir()}
	err := s.store.View(func(tx *storage.Tx) error {
		n, err := countAccounts(tx)
		info.Accounts = n
		return err
	})
	info.Empty = info.Accounts == 0
	return info, err
}

// countAccounts counts every account, archived ones too.
func countAccounts(tx *storage.Tx) (int, error) {
	n := 0
	err := tx.ScanAccounts(func(_, _ []byte) error { n++; return nil })
	return n, err
}

// LoadSample writes the S sample portfolio into an empty data folder.
func (s *DataService) LoadSample() (SampleSummary, error) {
	return LoadPortfolio(s.store, sample.Generate(sample.Size("s"), 1, calendar.Today(s.clock)))
}

// LoadPortfolio writes a generated portfolio into an empty store with the
// derived summaries; it refuses a store that already has accounts, so a
// sample never mixes with real data.
func LoadPortfolio(store *storage.Store, p sample.Portfolio) (SampleSummary, error) {
	var existing int
	if err := store.View(func(tx *storage.Tx) error {
		var err error
		existing, err = countAccounts(tx)
		return err
	}); err != nil {
		return SampleSummary{}, err
	}
	if existing > 0 {
		return SampleSummary{}, &fault.Error{Code: fault.Invalid, Rule: "not_empty", Params: map[string]any{"accounts": existing},
			Message: fmt.Sprintf("the data folder already holds %d accounts; the sample portfolio loads only into an empty one", existing)}
	}
	sums := map[string]*summary{}
	sumOf := func(id string) *summary {
		if sums[id] == nil {
			sums[id] = &summary{Meta: record.Meta{ID: id}}
		}
		return sums[id]
	}
	groups := map[string]*group{}
	g := func(id string) *group {
		if groups[id] == nil {
			groups[id] = &group{}
		}
		return groups[id]
	}
	for _, f := range p.Figures {
		g(f.AccountID).figs = append(g(f.AccountID).figs, f)
	}
	for _, c := range p.Contacts {
		g(c.AccountID).contacts = append(g(c.AccountID).contacts, c)
	}
	for _, a := range p.Activities {
		g(a.AccountID).acts = append(g(a.AccountID).acts, a)
	}
	items := map[string]int{}
	err := store.Bulk(func(b *storage.Bulk) error {
		for i := range p.Accounts {
			a := &p.Accounts[i]
			if err := b.Put(storage.AccountKey(a.ID), a); err != nil {
				return err
			}
			if a.ParentID != "" {
				sumOf(a.ParentID).Children = append(sumOf(a.ParentID).Children, a.ID)
			}
			gr := g(a.ID)
			summarize(sumOf(a.ID), gr.figs, gr.contacts, gr.acts)
		}
		for i := range p.Figures {
			f := &p.Figures[i]
			if err := b.Put(storage.ChildKey(f.AccountID, account.KindFigures, f.ID), f); err != nil {
				return err
			}
		}
		for i := range p.Contacts {
			c := &p.Contacts[i]
			if err := b.Put(storage.ChildKey(c.AccountID, account.KindContact, c.ID), c); err != nil {
				return err
			}
		}
		for i := range p.Activities {
			a := &p.Activities[i]
			if err := b.Put(storage.ChildKey(a.AccountID, account.KindActivity, a.ID), a); err != nil {
				return err
			}
		}
		for i := range p.Plans {
			pl := &p.Plans[i]
			if err := b.Put(storage.ChildKey(pl.AccountID, plan.Kind, pl.ID), pl); err != nil {
				return err
			}
		}
		for i := range p.Actions {
			a := &p.Actions[i]
			if err := b.Put(storage.GlobalKey(action.Kind, a.ID), a); err != nil {
				return err
			}
		}
		for _, it := range p.Items {
			key := storage.ChildKey(it.AccountID, it.Kind, it.ID)
			if it.Global {
				key = storage.GlobalKey(it.Kind, it.ID)
			}
			if err := b.Put(key, it.Value); err != nil {
				return err
			}
			items[it.Kind]++
		}
		for id, sm := range sums {
			if err := b.Put(storage.GlobalKey(kindSummary, id), sm); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return SampleSummary{}, fmt.Errorf("loading the portfolio: %w", err)
	}
	return SampleSummary{Accounts: len(p.Accounts), Contacts: len(p.Contacts), Activities: len(p.Activities), Figures: len(p.Figures),
		Plans: len(p.Plans), Actions: len(p.Actions), Items: items}, nil
}

type group struct {
	figs     []account.YearFigures
	contacts []account.Contact
	acts     []account.Activity
}
