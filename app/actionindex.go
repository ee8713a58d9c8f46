package app

import (
	"keystone/core/action"
	"keystone/core/fault"
	"keystone/storage"
)

// actionIndex keeps every live action in memory, by owner and by account,
// kept current by the change feed (feedCache): "My actions" for one owner then
// reads a few thousand entries from memory instead of decoding 50,000 records.
type actionIndex struct {
	feedCache
	byID      map[string]*action.Action
	byOwner   map[string]map[string]bool
	byAccount map[string]map[string]bool
}

func newActionIndex(store *storage.Store) *actionIndex {
	x := &actionIndex{}
	x.init(store, x.rebuildIndex, x.refreshAction, storage.GlobalPrefix(action.Kind))
	return x
}

// view calls fn with the index brought up to date; fn must not keep the maps.
func (x *actionIndex) view(fn func(x *actionIndex)) error {
	return x.use(func() { fn(x) })
}

func (x *actionIndex) rebuildIndex(tx *storage.Tx) error {
	x.byID = map[string]*action.Action{}
	x.byOwner = map[string]map[string]bool{}
	x.byAccount = map[string]map[string]bool{}
	return tx.Scan(storage.GlobalPrefix(action.Kind), func(_, val []byte) error {
		var a action.Action
		if err := storage.Decode(val, &a); err != nil {
			return err
		}
		x.add(a)
		return nil
	})
}

func (x *actionIndex) refreshAction(tx *storage.Tx, id string) error {
	x.remove(id)
	var a action.Action
	err := tx.Get(storage.GlobalKey(action.Kind, id), action.Kind, &a)
	if fault.CodeOf(err) == fault.NotFound {
		return nil
	}
	if err != nil {
		return err
	}
	x.add(a)
	return nil
}

// add indexes a live action; archived ones are left out altogether.
func (x *actionIndex) add(a action.Action) {
	if a.Deleted() {
		return
	}
	x.byID[a.ID] = &a
	put := func(m map[string]map[string]bool, k string) {
		if m[k] == nil {
			m[k] = map[string]bool{}
		}
		m[k][a.ID] = true
	}
	put(x.byOwner, a.Owner)
	put(x.byAccount, a.AccountID)
}

func (x *actionIndex) remove(id string) {
	a, ok := x.byID[id]
	if !ok {
		return
	}
	delete(x.byID, id)
	delete(x.byOwner[a.Owner], id)
	delete(x.byAccount[a.AccountID], id)
}

// selection lists the live actions of an owner and/or an account ("" = any)
// that keep accepts (nil keeps all), walking the smaller of the two sets.
// The pointers are the index's own: use them only inside view.
func (x *actionIndex) selection(owner, accountID string, keep func(*action.Action) bool) []*action.Action {
	var out []*action.Action
	each := func(a *action.Action) {
		if (owner == "" || a.Owner == owner) && (accountID == "" || a.AccountID == accountID) && (keep == nil || keep(a)) {
			out = append(out, a)
		}
	}
	var ids map[string]bool
	switch {
	case owner != "" && accountID != "":
		ids = x.byOwner[owner]
		if len(x.byAccount[accountID]) < len(ids) {
			ids = x.byAccount[accountID]
		}
	case owner != "":
		ids = x.byOwner[owner]
	case accountID != "":
		ids = x.byAccount[accountID]
	default:
		for _, a := range x.byID {
			each(a)
		}
	}
	for id := range ids {
		each(x.byID[id])
	}
	return out
}
