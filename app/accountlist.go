package app

import (
	"bytes"
	"strings"
	"sync"

	"keystone/core/account"
	"keystone/core/fault"
	"keystone/storage"
)

// rowCache keeps the account list's rows (account + summary) in memory and
// follows the store's change feed, so listing 2,000 accounts filters memory
// instead of decoding 4,000 records. It is only ever conservative: a change
// marks rows dirty and they are re-read on the next list; a bulk load drops
// everything.
type rowCache struct {
	store *storage.Store
	mu    sync.Mutex
	built bool
	rows  map[string]AccountRow
	dirty map[string]bool
}

var (
	accountKeyPrefix = storage.AccountKey("")
	summaryKeyPrefix = storage.GlobalPrefix(kindSummary)
)

func newRowCache(store *storage.Store) *rowCache {
	c := &rowCache{store: store, dirty: map[string]bool{}}
	store.Subscribe(c.onChange)
	return c
}

func (c *rowCache) onChange(ch storage.Change) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if ch.All {
		c.built = false
		return
	}
	for _, k := range ch.Keys {
		switch {
		case bytes.HasPrefix(k, accountKeyPrefix):
			c.dirty[string(k[len(accountKeyPrefix):])] = true
		case bytes.HasPrefix(k, summaryKeyPrefix):
			c.dirty[string(k[len(summaryKeyPrefix):])] = true
		}
	}
}

// snapshot calls fn with the current rows, refreshing what changed.
func (c *rowCache) snapshot(fn func(rows map[string]AccountRow)) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	var err error
	if !c.built {
		err = c.rebuild()
	} else if len(c.dirty) > 0 {
		err = c.refresh()
	}
	if err != nil {
		c.built = false
		return err
	}
	fn(c.rows)
	return nil
}

func (c *rowCache) rebuild() error {
	rows := map[string]AccountRow{}
	c.dirty = map[string]bool{}
	err := c.store.View(func(tx *storage.Tx) error {
		sums := map[string]summary{}
		if err := tx.Scan(summaryKeyPrefix, func(_, val []byte) error {
			var sm summary
			if err := storage.Decode(val, &sm); err != nil {
				return err
			}
			sums[sm.ID] = sm
			return nil
		}); err != nil {
			return err
		}
		return tx.ScanAccounts(func(_, val []byte) error {
			var a account.Account
			if err := storage.Decode(val, &a); err != nil {
				return err
			}
			rows[a.ID] = rowOf(a, sums[a.ID])
			return nil
		})
	})
	if err != nil {
		return err
	}
	c.rows, c.built = rows, true
	return nil
}

func (c *rowCache) refresh() error {
	err := c.store.View(func(tx *storage.Tx) error {
		for id := range c.dirty {
			var a account.Account
			err := tx.Get(storage.AccountKey(id), account.KindAccount, &a)
			if fault.CodeOf(err) == fault.NotFound {
				delete(c.rows, id) // a summary written before its account, or never an account
				continue
			}
			if err != nil {
				return err
			}
			sm, err := loadSummary(tx, id)
			if err != nil {
				return err
			}
			c.rows[id] = rowOf(a, sm)
		}
		return nil
	})
	if err != nil {
		return err
	}
	c.dirty = map[string]bool{}
	return nil
}

func rowOf(a account.Account, sm summary) AccountRow {
	return AccountRow{Account: a, LatestYear: sm.LatestYear, LatestRevenue: sm.LatestRevenue,
		ContactCount: sm.ContactCount, LastActivity: sm.LastActivity}
}

// searchText is what the list's search box matches, lower-cased.
func searchText(a account.Account) string {
	return strings.ToLower(a.Name + "\x00" + a.LegalName + "\x00" + a.Owner + "\x00" + strings.Join(a.Tags, "\x00"))
}
