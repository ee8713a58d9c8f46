package app

import (
	"bytes"
	"sync"

	"keystone/core/action"
	"keystone/core/fault"
	"keystone/storage"
)

// actionIndex keeps every action in memory, by owner and by account, and
// follows the store's change feed like the account rows do: "My actions"
// for one owner then reads a few thousand entries from memory instead of
// decoding 50,000 records. Changes only mark entries dirty; they are re-read
// on the next query; a bulk load drops the index.
type actionIndex struct {
	store     *storage.Store
	mu        sync.Mutex
	built     bool
	byID      map[string]*action.Action
	byOwner   map[string]map[string]bool
	byAccount map[string]map[string]bool
	dirty     map[string]bool
}

var actionKeyPrefix = storage.GlobalPrefix(action.Kind)

func newActionIndex(store *storage.Store) *actionIndex {
	x := &actionIndex{store: store, dirty: map[string]bool{}}
	store.Subscribe(x.onChange)
	return x
}

func (x *actionIndex) onChange(ch storage.Change) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if ch.All {
		x.built = false
		return
	}
	for _, k := range ch.Keys {
		if bytes.HasPrefix(k, actionKeyPrefix) {
			x.dirty[string(k[len(actionKeyPrefix):])] = true
		}
	}
}

// view calls fn with the index brought up to date; fn must not keep the maps.
func (x *actionIndex) view(fn func(x *actionIndex)) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	var err error
	if !x.built {
		err = x.rebuild()
	} else if len(x.dirty) > 0 {
		err = x.refresh()
	}
	if err != nil {
		x.built = false
		return err
	}
	fn(x)
	return nil
}

func (x *actionIndex) rebuild() error {
	x.byID = map[string]*action.Action{}
	x.byOwner = map[string]map[string]bool{}
	x.byAccount = map[string]map[string]bool{}
	x.dirty = map[string]bool{}
	err := x.store.View(func(tx *storage.Tx) error {
		return tx.Scan(actionKeyPrefix, func(_, val []byte) error {
			var a action.Action
			if err := storage.Decode(val, &a); err != nil {
				return err
			}
			x.add(a)
			return nil
		})
	})
	if err == nil {
		x.built = true
	}
	return err
}

func (x *actionIndex) refresh() error {
	err := x.store.View(func(tx *storage.Tx) error {
		for id := range x.dirty {
			x.remove(id)
			var a action.Action
			err := tx.Get(storage.GlobalKey(action.Kind, id), action.Kind, &a)
			if fault.CodeOf(err) == fault.NotFound {
				continue
			}
			if err != nil {
				return err
			}
			x.add(a)
		}
		return nil
	})
	if err == nil {
		x.dirty = map[string]bool{}
	}
	return err
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
