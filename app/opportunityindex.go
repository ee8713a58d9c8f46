package app

import (
	"cmp"
	"slices"
	"strings"

	"keystone/core/fault"
	"keystone/core/opportunity"
	"keystone/core/winloss"
	"keystone/storage"
)

// oppIndex keeps a compact copy (winloss.Deal) of every live opportunity in
// memory, kept current by the change feed (feedCache): the win-loss figures
// and the pipeline at size L read 100,000 deals from memory instead of
// decoding 100,000 records on every click. The store stays the truth: the
// index is rebuilt from it on first use after a start (so it cannot survive
// a crash in a wrong state) and re-reads every opportunity a commit touched.
type oppIndex struct {
	feedCache
	byID  map[string]*winloss.Deal
	names map[string]string // interned strings shared between deals
	// snap is built from byID after a change; callers may keep it after the
	// lock is released: neither it nor the deals it points to are ever
	// changed, only replaced.
	snap *oppSnapshot
}

// oppSnapshot is the index as lists, with the facets the pages offer.
type oppSnapshot struct {
	all    []*winloss.Deal // open deals, then closed ones, each by account and id
	open   []*winloss.Deal
	closed []*winloss.Deal
	// owners of closed deals, and competitor names by how often they appear
	owners      []string
	competitors []string
	accounts    []string // ids of accounts with closed deals
	// the open deals grouped by account, and their owners: the pipeline
	// looks each account up once, not once per deal
	openByAccount []accountDeals
	openOwners    []string
}

// accountDeals is one account's open deals.
type accountDeals struct {
	accountID string
	deals     []*winloss.Deal
}

// newOppIndex makes the one index the OpportunityService and the
// WinLossService share. The feed marks "<account>/<kind>/<id>" of every
// changed account child dirty; refresh skips kinds other than opportunities.
func newOppIndex(store *storage.Store) *oppIndex {
	x := &oppIndex{}
	x.init(store, x.rebuildIndex, x.refreshKey, storage.WorkspacesPrefix())
	return x
}

// snapshot returns the live deals with the index up to date.
func (x *oppIndex) snapshot() (*oppSnapshot, error) {
	var out *oppSnapshot
	err := x.use(func() {
		if x.snap == nil {
			x.snap = x.build()
		}
		out = x.snap
	})
	return out, err
}

// deals returns every live deal (sorted by id) with the index up to date.
func (x *oppIndex) deals() ([]*winloss.Deal, error) {
	s, err := x.snapshot()
	if err != nil {
		return nil, err
	}
	return s.all, nil
}

func (x *oppIndex) build() *oppSnapshot {
	// The snapshot's deals are copied side by side in one array, in the
	// order the pages walk them: open deals (the pipeline), then closed ones
	// (the figures), each account by account, so a page judges an account
	// once for all its deals. Deals scattered over the heap cost a cache
	// miss each; the array halved the analysis at size L.
	arena := make([]winloss.Deal, 0, len(x.byID))
	for _, d := range x.byID {
		arena = append(arena, *d)
	}
	slices.SortFunc(arena, func(a, b winloss.Deal) int {
		if ao, bo := a.IsOpen(), b.IsOpen(); ao != bo {
			if ao {
				return -1
			}
			return 1
		}
		return cmp.Or(strings.Compare(a.AccountID, b.AccountID), strings.Compare(a.ID, b.ID))
	})
	packLists(arena)
	s := &oppSnapshot{all: make([]*winloss.Deal, len(arena))}
	for i := range arena {
		s.all[i] = &arena[i]
	}
	owners, accounts, openOwners := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, d := range s.all {
		if d.IsOpen() {
			s.open = append(s.open, d)
			openOwners[d.Owner] = true
			if n := len(s.openByAccount); n == 0 || s.openByAccount[n-1].accountID != d.AccountID {
				s.openByAccount = append(s.openByAccount, accountDeals{accountID: d.AccountID})
			}
			g := &s.openByAccount[len(s.openByAccount)-1]
			g.deals = append(g.deals, d)
			continue
		}
		s.closed = append(s.closed, d)
		owners[d.Owner] = true
		accounts[d.AccountID] = true
	}
	s.owners, s.accounts, s.openOwners = keys(owners), keys(accounts), keys(openOwners)
	s.competitors = competitorNames(s.all, 500)
	return s
}

// packLists moves the deals' short lists (stages, competitors, reasons,
// drivers) into one array in the deals' order: each list lived in its own
// small allocation, and reading them cost a cache miss per list per deal.
func packLists(deals []winloss.Deal) {
	n := 0
	for i := range deals {
		d := &deals[i]
		n += len(d.Stages) + len(d.Competitors) + len(d.Secondary) + len(d.Drivers)
	}
	all := make([]string, 0, n)
	pack := func(in []string) []string {
		if len(in) == 0 {
			return in
		}
		at := len(all)
		all = append(all, in...)
		return all[at:len(all):len(all)]
	}
	for i := range deals {
		d := &deals[i]
		d.Stages, d.Competitors, d.Secondary, d.Drivers = pack(d.Stages), pack(d.Competitors), pack(d.Secondary), pack(d.Drivers)
	}
}

func (x *oppIndex) intern(s string) string {
	if v, ok := x.names[s]; ok {
		return v
	}
	x.names[s] = s
	return s
}

// rebuildIndex reads every account's opportunities, one prefix per account.
func (x *oppIndex) rebuildIndex(tx *storage.Tx) error {
	x.byID = map[string]*winloss.Deal{}
	x.names = map[string]string{}
	x.snap = nil
	var ids []string
	if err := tx.ScanAccounts(func(key, _ []byte) error {
		k := string(key)
		ids = append(ids, k[strings.LastIndexByte(k, '/')+1:])
		return nil
	}); err != nil {
		return err
	}
	for _, id := range ids {
		err := tx.Scan(storage.ChildPrefix(id, opportunity.Kind), func(_, val []byte) error {
			var o opportunity.Opportunity
			if err := storage.Decode(val, &o); err != nil {
				return err
			}
			x.add(&o)
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// refreshKey re-reads one changed account child if it is an opportunity.
func (x *oppIndex) refreshKey(tx *storage.Tx, rest string) error {
	accountID, kindID, ok := strings.Cut(rest, "/")
	if !ok {
		return nil
	}
	kind, id, ok := strings.Cut(kindID, "/")
	if !ok || kind != opportunity.Kind {
		return nil
	}
	x.snap = nil
	delete(x.byID, id)
	var o opportunity.Opportunity
	err := tx.Get(storage.ChildKey(accountID, opportunity.Kind, id), opportunity.Kind, &o)
	if fault.CodeOf(err) == fault.NotFound {
		return nil
	}
	if err != nil {
		return err
	}
	x.add(&o)
	return nil
}

// add indexes a live opportunity; archived ones are left out.
func (x *oppIndex) add(o *opportunity.Opportunity) {
	if o.Deleted() {
		return
	}
	x.byID[o.ID] = winloss.DealOf(o, x.intern)
}
