package storage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"keystone/core/fault"
	"keystone/core/record"
)

// Tx is one transaction: read-only inside View, read-write inside Update.
type Tx struct {
	txn   *badger.Txn
	store *Store
	// saved holds each Put record's envelope as it was before the Put, so a
	// transaction that does not commit leaves the caller's records untouched
	// (and a retried one re-checks the caller's original revision).
	saved []savedMeta
	// written lists the keys Put, published on the change feed after commit.
	written [][]byte
}

type savedMeta struct {
	meta *record.Meta
	old  record.Meta
}

// updateAttempts bounds the retries of a transaction that lost a race in
// Badger's conflict detection; the retry then sees the winner's revision and
// fails with a clean stale-rev conflict instead.
const updateAttempts = 5

// View runs fn in a read-only transaction. fn's error is returned as is.
func (s *Store) View(fn func(tx *Tx) error) error {
	release, err := s.enter()
	if err != nil {
		return err
	}
	defer release()
	txn := s.db.NewTransaction(false)
	defer txn.Discard()
	return fn(&Tx{txn: txn, store: s})
}

// Update runs fn in a read-write transaction and commits it; this is the one
// place records are written. fn may run more than once: when Badger reports
// that a concurrent transaction changed what fn read, fn runs again on fresh
// data (its Puts then usually fail with a stale-rev conflict). fn's own error
// is returned as is and nothing is written.
func (s *Store) Update(fn func(tx *Tx) error) error {
	release, err := s.enter()
	if err != nil {
		return err
	}
	defer release()
	for range updateAttempts {
		err = s.tryUpdate(fn)
		if !errors.Is(err, badger.ErrConflict) {
			return err
		}
	}
	return fault.Wrap(fault.Conflict, "busy", err,
		"the data kept changing while saving (%d attempts); try again", updateAttempts)
}

func (s *Store) tryUpdate(fn func(tx *Tx) error) error {
	txn := s.db.NewTransaction(true)
	defer txn.Discard()
	tx := &Tx{txn: txn, store: s}
	if err := fn(tx); err != nil {
		tx.rollback()
		return err
	}
	if err := txn.Commit(); err != nil {
		tx.rollback()
		if errors.Is(err, badger.ErrConflict) {
			return err
		}
		return fmt.Errorf("storage: commit: %w", err)
	}
	if len(tx.written) > 0 {
		s.publish(Change{Keys: tx.written})
	}
	return nil
}

// rollback restores the envelopes Put changed, newest first, so a record
// put twice ends with its original envelope.
func (tx *Tx) rollback() {
	for i := len(tx.saved) - 1; i >= 0; i-- {
		*tx.saved[i].meta = tx.saved[i].old
	}
	tx.saved = nil
	tx.written = nil
}

// Get decodes the record at key into dst. An absent key is
// fault.NotFoundf(kind, id); a tombstoned record is returned like any other.
func (tx *Tx) Get(key []byte, kind string, dst record.Record) error {
	item, err := tx.txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return fault.NotFoundf(kind, idFromKey(key))
	}
	if err != nil {
		return fmt.Errorf("storage: read %s: %w", key, err)
	}
	return item.Value(func(val []byte) error {
		if err := Decode(val, dst); err != nil {
			return fmt.Errorf("storage: %s %s: %w", kind, idFromKey(key), err)
		}
		return nil
	})
}

// Exists reports whether key holds a record (tombstoned or not).
func (tx *Tx) Exists(key []byte) (bool, error) {
	_, err := tx.txn.Get(key)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, badger.ErrKeyNotFound):
		return false, nil
	default:
		return false, fmt.Errorf("storage: read %s: %w", key, err)
	}
}

// Put writes rec at key, checking and advancing its envelope:
//   - absent, Rev 0: created with Rev 1 and CreatedAt = UpdatedAt = now;
//   - absent, Rev > 0: fault.NotFoundf (it was expected to exist);
//   - present, Rev differs from the stored one: fault.Conflictf, nothing written;
//   - present, same Rev: Rev+1, stored CreatedAt kept, UpdatedAt = now.
//
// rec's envelope is updated in place so the caller can return what was saved;
// if the transaction does not commit, it is put back. Archiving is setting
// DeletedAt and putting; there are no hard deletes.
func (tx *Tx) Put(key []byte, kind string, rec record.Record) error {
	meta, err := envelope(kind, rec)
	if err != nil {
		return err
	}
	item, err := tx.txn.Get(key)
	var next record.Meta
	switch {
	case errors.Is(err, badger.ErrKeyNotFound):
		if meta.Rev != 0 {
			return fault.NotFoundf(kind, meta.ID)
		}
		now := tx.store.clock.Now().UTC()
		next = *meta
		next.Rev, next.CreatedAt, next.UpdatedAt = 1, now, now
	case err != nil:
		return fmt.Errorf("storage: read %s: %w", key, err)
	default:
		var stored record.Meta
		if err := item.Value(func(val []byte) error { return Decode(val, &stored) }); err != nil {
			return fmt.Errorf("storage: %s %s: %w", kind, meta.ID, err)
		}
		if stored.ID != meta.ID {
			return fault.New(fault.Internal, "key_taken",
				"cannot save %s %s: its key already holds %s", kind, meta.ID, stored.ID)
		}
		if meta.Rev != stored.Rev {
			return fault.Conflictf(kind, meta.ID, meta.Rev, stored.Rev)
		}
		next = *meta
		next.Rev, next.CreatedAt, next.UpdatedAt = stored.Rev+1, stored.CreatedAt, tx.store.clock.Now().UTC()
	}

	tx.saved = append(tx.saved, savedMeta{meta: meta, old: *meta})
	*meta = next
	val, err := json.Marshal(rec)
	k := bytes.Clone(key)
	if err == nil {
		err = tx.txn.Set(k, val)
	}
	if err != nil {
		*meta = tx.saved[len(tx.saved)-1].old
		tx.saved = tx.saved[:len(tx.saved)-1]
		if errors.Is(err, badger.ErrTxnTooBig) {
			return fault.Wrap(fault.Internal, "too_big", err, "too many changes for one save")
		}
		return fmt.Errorf("storage: write %s %s: %w", kind, meta.ID, err)
	}
	tx.written = append(tx.written, k)
	return nil
}

// envelope returns rec's envelope, refusing a record without an ID: IDs are
// assigned by the caller (record.NewID) so they can go into keys first.
func envelope(kind string, rec record.Record) (*record.Meta, error) {
	if rec == nil {
		return nil, fault.New(fault.Internal, "no_record", "cannot save %s: no record given", kind)
	}
	meta := rec.RecordMeta()
	if meta == nil {
		return nil, fault.New(fault.Internal, "no_record", "cannot save %s: the record has no envelope", kind)
	}
	if meta.ID == "" {
		return nil, fault.New(fault.Internal, "missing_id", "cannot save %s: the record has no id", kind)
	}
	return meta, nil
}

// Scan calls fn for every key under prefix, in key order. val is only valid
// inside fn; copy it to keep it.
func (tx *Tx) Scan(prefix []byte, fn func(key, val []byte) error) error {
	it := tx.txn.NewIterator(iterOptions(prefix))
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		if err := visit(it.Item(), fn); err != nil {
			return err
		}
	}
	return nil
}

// ScanAccounts calls fn for each account record ("acct/<id>") in key order;
// the children live elsewhere, so this is one contiguous scan.
func (tx *Tx) ScanAccounts(fn func(key, val []byte) error) error {
	return tx.Scan([]byte(accountRoot), fn)
}

// Count counts the keys under prefix without reading values.
func (tx *Tx) Count(prefix []byte) (int, error) {
	it := tx.txn.NewIterator(iterOptions(prefix))
	defer it.Close()
	n := 0
	for it.Rewind(); it.Valid(); it.Next() {
		n++
	}
	return n, nil
}

// iterOptions reads values lazily (Count never reads them): values are small
// and stored inline in the LSM tree, so Item.Value hands them over without a
// copy, where prefetching would copy each one.
func iterOptions(prefix []byte) badger.IteratorOptions {
	opts := badger.DefaultIteratorOptions
	opts.PrefetchValues = false
	opts.Prefix = prefix
	return opts
}

func visit(item *badger.Item, fn func(key, val []byte) error) error {
	key := item.Key()
	var fnErr error
	err := item.Value(func(val []byte) error {
		fnErr = fn(key, val)
		return nil
	})
	if err != nil {
		return fmt.Errorf("storage: read %s: %w", key, err)
	}
	return fnErr
}

// Decode JSON-decodes a stored value.
func Decode(val []byte, dst any) error {
	if err := json.Unmarshal(val, dst); err != nil {
		return fmt.Errorf("storage: decode stored record: %w", err)
	}
	return nil
}

// List decodes every value under prefix, tombstoned ones included (callers
// filter). It returns an empty, non-nil slice when there are none.
func List[T any](tx *Tx, prefix []byte) ([]T, error) {
	out := make([]T, 0)
	err := tx.Scan(prefix, func(key, val []byte) error {
		var v T
		if err := Decode(val, &v); err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
		out = append(out, v)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
