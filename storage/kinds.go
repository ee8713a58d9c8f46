package storage

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"

	"github.com/dgraph-io/badger/v4"
)

// KindOf names the record kind a key holds, from the key layout alone
// (keys.go), so an area added later is counted without being listed:
// "acct/<id>" is an account, "ws/<account>/<kind>/<id>" and
// "g/<kind>/<id>" are <kind>, anything else is its first segment ("meta").
func KindOf(key []byte) string {
	switch {
	case bytes.HasPrefix(key, []byte(accountRoot)):
		return "account"
	case bytes.HasPrefix(key, []byte(workspaceRoot)):
		return segment(key[len(workspaceRoot):], 1)
	case bytes.HasPrefix(key, []byte(globalRoot)):
		return segment(key[len(globalRoot):], 0)
	}
	return segment(key, 0)
}

// segment returns the i-th '/'-separated part of key.
func segment(key []byte, i int) string {
	for ; i > 0; i-- {
		j := bytes.IndexByte(key, '/')
		if j < 0 {
			return "other"
		}
		key = key[j+1:]
	}
	if j := bytes.IndexByte(key, '/'); j >= 0 {
		key = key[:j]
	}
	if len(key) == 0 {
		return "other"
	}
	return string(key)
}

// Counts is how many records of each kind a folder or backup holds.
type Counts map[string]int

func (c Counts) add(key []byte) { c[KindOf(key)]++ }

// Total is the number of records of every kind.
func (c Counts) Total() int {
	n := 0
	for _, v := range c {
		n += v
	}
	return n
}

// diff says how two counts differ, "" when they agree.
func (c Counts) diff(other Counts) string {
	for k, v := range c {
		if other[k] != v {
			return fmt.Sprintf("%s: %d expected, %d found", k, v, other[k])
		}
	}
	for k, v := range other {
		if _, ok := c[k]; !ok && v != 0 {
			return fmt.Sprintf("%s: none expected, %d found", k, v)
		}
	}
	return ""
}

// scanDB counts the live keys of db by kind and hashes every key and value
// in key order: two folders with equal digests hold the same data.
func scanDB(db *badger.DB) (Counts, [32]byte, error) {
	counts := Counts{}
	var sum [32]byte
	h := sha256.New()
	err := db.View(func(txn *badger.Txn) error {
		opts := badger.DefaultIteratorOptions
		opts.PrefetchValues = false
		it := txn.NewIterator(opts)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			item := it.Item()
			counts.add(item.Key())
			writeField(h, item.Key())
			if err := item.Value(func(v []byte) error { writeField(h, v); return nil }); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, sum, fmt.Errorf("storage: read every record: %w", err)
	}
	copy(sum[:], h.Sum(nil))
	return counts, sum, nil
}

func writeField(h hash.Hash, b []byte) {
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(len(b)))
	h.Write(n[:])
	h.Write(b)
}

// Stats describes the open folder for the Data page.
type Stats struct {
	Dir       string `json:"dir"`
	Bytes     int64  `json:"bytes"`
	Counts    Counts `json:"counts"`
	Encrypted bool   `json:"encrypted"`
	Locked    bool   `json:"locked"`
	Schema    int    `json:"schema"`
}
