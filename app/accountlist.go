package app

import (
	"strings"

	"keystone/core/account"
	"keystone/core/fault"
	"keystone/storage"
)

// rowCache keeps the account list's rows (account + summary) in memory, kept
// current by the change feed (feedCache), so listing 2,000 accounts filters
// memory instead of decoding 4,000 records.
type rowCache struct {
	feedCache
	rows map[string]AccountRow
}

func newRowCache(store *storage.Store) *rowCache {
	c := &rowCache{}
	c.init(store, c.rebuildRows, c.refreshRow, storage.AccountKey(""), storage.GlobalPrefix(kindSummary))
	return c
}

// snapshot calls fn with the current rows.
func (c *rowCache) snapshot(fn func(rows map[string]AccountRow)) error {
	return c.use(func() { fn(c.rows) })
}

func (c *rowCache) rebuildRows(tx *storage.Tx) error {
	rows := map[string]AccountRow{}
	sums := map[string]summary{}
	if err := tx.Scan(storage.GlobalPrefix(kindSummary), func(_, val []byte) error {
		var sm summary
		if err := storage.Decode(val, &sm); err != nil {
			return err
		}
		sums[sm.ID] = sm
		return nil
	}); err != nil {
		return err
	}
	if err := tx.ScanAccounts(func(_, val []byte) error {
		var a account.Account
		if err := storage.Decode(val, &a); err != nil {
			return err
		}
		rows[a.ID] = rowOf(a, sums[a.ID])
		return nil
	}); err != nil {
		return err
	}
	c.rows = rows
	return nil
}

func (c *rowCache) refreshRow(tx *storage.Tx, id string) error {
	var a account.Account
	err := tx.Get(storage.AccountKey(id), account.KindAccount, &a)
	if fault.CodeOf(err) == fault.NotFound {
		delete(c.rows, id) // a summary written before its account, or never an account
		return nil
	}
	if err != nil {
		return err
	}
	sm, err := loadSummary(tx, id)
	if err != nil {
		return err
	}
	c.rows[id] = rowOf(a, sm)
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
