package storage

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/fault"
	"keystone/core/record"
)

func TestBulkLoad(t *testing.T) {
	const accounts, children = 50, 1000 // 50k child records
	s := openT(t, t.TempDir(), Options{Clock: &manualClock{t: t0}})
	past := t0.Add(-48 * time.Hour).UTC()
	var acctIDs, firstChild []string
	require.NoError(t, s.Bulk(func(b *Bulk) error {
		for a := range accounts {
			acct := record.NewID()
			acctIDs = append(acctIDs, acct)
			// Generated history is kept: the account says when it was created.
			if err := b.Put(AccountKey(acct), &item{Meta: record.Meta{ID: acct, CreatedAt: past}, Name: itemName(a)}); err != nil {
				return err
			}
			for c := range children {
				it := newItem(c)
				if c == 0 {
					firstChild = append(firstChild, it.ID)
				}
				if err := b.Put(ChildKey(acct, "activity", it.ID), it); err != nil {
					return err
				}
			}
		}
		return nil
	}))

	require.NoError(t, s.View(func(tx *Tx) error {
		n, err := tx.Count([]byte(accountRoot))
		require.NoError(t, err)
		assert.Equal(t, accounts, n)
		n, err = tx.Count([]byte(workspaceRoot))
		require.NoError(t, err)
		assert.Equal(t, accounts*children, n)
		n, err = tx.Count(AccountPrefix(acctIDs[17]))
		require.NoError(t, err)
		assert.Equal(t, children, n)
		accts := 0
		require.NoError(t, tx.ScanAccounts(func(_, _ []byte) error { accts++; return nil }))
		assert.Equal(t, accounts, accts)
		return nil
	}))

	acct := get(t, s, AccountKey(acctIDs[3]))
	assert.Equal(t, int64(1), acct.Rev)
	assert.Equal(t, past, acct.CreatedAt)
	assert.Equal(t, past, acct.UpdatedAt, "never edited: updated when created")
	key := ChildKey(acctIDs[3], "activity", firstChild[3])
	child := get(t, s, key)
	assert.Equal(t, int64(1), child.Rev)
	assert.Equal(t, t0.UTC(), child.CreatedAt)
	assert.Equal(t, itemName(0), child.Name)

	// Bulk-loaded records take part in normal revisions.
	child.Name = "edited"
	put(t, s, key, child)
	assert.Equal(t, int64(2), child.Rev)
}

func TestBulkErrors(t *testing.T) {
	s := openT(t, t.TempDir(), Options{})
	err := s.Bulk(func(b *Bulk) error { return b.Put(GlobalKey("item", "x"), &item{}) })
	requireFault(t, err, fault.Internal, "missing_id")

	boom := errors.New("boom")
	err = s.Bulk(func(b *Bulk) error {
		require.NoError(t, b.Put(GlobalKey("item", "A"), &item{Meta: record.Meta{ID: "A"}}))
		return boom
	})
	assert.Same(t, boom, err)
	require.NoError(t, s.View(func(tx *Tx) error {
		ok, err := tx.Exists(GlobalKey("item", "A"))
		assert.False(t, ok, "an unflushed batch is dropped")
		return err
	}))

	require.NoError(t, s.Close())
	assert.Error(t, s.Bulk(func(*Bulk) error { return nil }))
	assert.Error(t, s.View(func(*Tx) error { return nil }))
}
