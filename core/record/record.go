// Package record holds the envelope every stored record carries: a ULID, a
// revision for optimistic concurrency, timestamps and a tombstone, so that a
// later sync can merge devices.
package record

import (
	"crypto/rand"
	"sync"
	"time"

	"github.com/oklog/ulid/v2"
)

// Meta is embedded in every record.
type Meta struct {
	ID        string     `json:"id"`
	Rev       int64      `json:"rev"`
	CreatedAt time.Time  `json:"createdAt"`
	UpdatedAt time.Time  `json:"updatedAt"`
	DeletedAt *time.Time `json:"deletedAt,omitempty"`
}

// RecordMeta gives storage access to the envelope.
func (m *Meta) RecordMeta() *Meta { return m }

// Deleted reports whether the record is tombstoned (archived).
func (m *Meta) Deleted() bool { return m.DeletedAt != nil }

// Record is anything with an envelope.
type Record interface {
	RecordMeta() *Meta
}

var (
	entropyMu sync.Mutex
	entropy   = ulid.Monotonic(rand.Reader, 0)
)

// NewID returns a new ULID; IDs made in one process sort by creation.
func NewID() string {
	entropyMu.Lock()
	defer entropyMu.Unlock()
	return ulid.MustNew(ulid.Timestamp(time.Now()), entropy).String()
}

// NewIDAt returns a ULID for a given time with the given entropy source
// (deterministic generators pass a seeded one).
func NewIDAt(t time.Time, src *ulid.MonotonicEntropy) string {
	return ulid.MustNew(ulid.Timestamp(t), src).String()
}

// ValidID reports whether s is a well-formed ULID.
func ValidID(s string) bool {
	_, err := ulid.ParseStrict(s)
	return err == nil
}
