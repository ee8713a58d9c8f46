package app

import (
	"bytes"
	"sync"

	"keystone/storage"
)

// feedCache is the bookkeeping shared by the in-memory views of the store
// (the account rows, the action index): it follows the store's change feed,
// marks the ids of changed keys dirty, drops everything on a bulk load, and
// brings the view up to date under one lock before each use. It is only ever
// conservative: a change seen twice just re-reads a record once more.
type feedCache struct {
	store    *storage.Store
	prefixes [][]byte // a changed key under one of these marks the id after it dirty
	rebuild  func(tx *storage.Tx) error
	refresh  func(tx *storage.Tx, id string) error

	mu    sync.Mutex
	built bool
	dirty map[string]bool
}

// init sets the cache up and subscribes it to the store's change feed.
func (c *feedCache) init(store *storage.Store, rebuild func(*storage.Tx) error, refresh func(*storage.Tx, string) error, prefixes ...[]byte) {
	c.store, c.rebuild, c.refresh, c.prefixes = store, rebuild, refresh, prefixes
	c.dirty = map[string]bool{}
	store.Subscribe(c.onChange)
}

func (c *feedCache) onChange(ch storage.Change) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if ch.All {
		c.built = false
		return
	}
	for _, k := range ch.Keys {
		for _, p := range c.prefixes {
			if bytes.HasPrefix(k, p) {
				c.dirty[string(k[len(p):])] = true
				break
			}
		}
	}
}

// use brings the view up to date and calls fn while holding the lock; fn must
// not keep references into the view.
func (c *feedCache) use(fn func()) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.built || len(c.dirty) > 0 {
		err := c.store.View(func(tx *storage.Tx) error {
			if !c.built {
				return c.rebuild(tx)
			}
			for id := range c.dirty {
				if err := c.refresh(tx, id); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			c.built = false
			return err
		}
		c.built = true
		c.dirty = map[string]bool{}
	}
	fn()
	return nil
}
