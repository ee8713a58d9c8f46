package storage

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"keystone/core/record"
)

// Bulk loads many new records in large batches, without the per-record read,
// revision check and sync of Update. It is for filling a fresh folder (the
// sample portfolio); it is not all-or-nothing.
type Bulk struct {
	wb *badger.WriteBatch
	s  *Store
}

// Bulk runs fn with a batch writer and flushes it. If fn fails, what was not
// yet flushed is dropped and fn's error returned; earlier batches may already
// be stored.
func (s *Store) Bulk(fn func(b *Bulk) error) error {
	release, err := s.enter()
	if err != nil {
		return err
	}
	defer release()
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	if err := fn(&Bulk{wb: wb, s: s}); err != nil {
		return err
	}
	if err := wb.Flush(); err != nil {
		return fmt.Errorf("storage: bulk load: %w", err)
	}
	s.publish(Change{All: true})
	return nil
}

// Put queues rec at key as a new record: Rev 0 becomes 1, a zero CreatedAt
// becomes now and a zero UpdatedAt becomes CreatedAt (never edited), so
// generated records may carry their own history. The key is not checked for
// an existing record.
func (b *Bulk) Put(key []byte, rec record.Record) error {
	meta, err := envelope("record", rec)
	if err != nil {
		return err
	}
	if meta.Rev == 0 {
		meta.Rev = 1
	}
	if meta.CreatedAt.IsZero() {
		meta.CreatedAt = b.s.clock.Now().UTC()
	}
	if meta.UpdatedAt.IsZero() {
		meta.UpdatedAt = meta.CreatedAt
	}
	val, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("storage: bulk encode %s: %w", meta.ID, err)
	}
	if err := b.wb.Set(bytes.Clone(key), val); err != nil {
		return fmt.Errorf("storage: bulk write %s: %w", meta.ID, err)
	}
	return nil
}
