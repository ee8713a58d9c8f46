package app

import (
	"keystone/core/fault"
	"keystone/core/record"
	"keystone/storage"
)

// Some account children exist at most once per account (a tier, the value
// inputs, the relationship profile, the renewal date): they are keyed by the
// account's own id, so one Get finds them.

// getSingleton reads the account's record of kind into dst; found is false,
// and dst untouched, when none was ever saved.
func getSingleton(tx *storage.Tx, accountID, kind string, dst record.Record) (found bool, err error) {
	err = tx.Get(storage.ChildKey(accountID, kind, accountID), kind, dst)
	if fault.CodeOf(err) == fault.NotFound {
		return false, nil
	}
	return err == nil, err
}

// putSingleton saves the account's record of kind at its rev (0 the first time).
func putSingleton(tx *storage.Tx, accountID, kind string, rec record.Record) error {
	rec.RecordMeta().ID = accountID
	return tx.Put(storage.ChildKey(accountID, kind, accountID), kind, rec)
}
