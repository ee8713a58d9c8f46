package storage

import (
	"errors"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestChangeFeed(t *testing.T) {
	s := openT(t, t.TempDir(), Options{})
	var mu sync.Mutex
	var got []Change
	cancel := s.Subscribe(func(c Change) {
		mu.Lock()
		defer mu.Unlock()
		got = append(got, c)
	})

	a, b := newItem(1), newItem(2)
	require.NoError(t, s.Update(func(tx *Tx) error {
		if err := tx.Put(AccountKey(a.ID), "account", a); err != nil {
			return err
		}
		return tx.Put(ChildKey(a.ID, "contact", b.ID), "contact", b)
	}))
	// A failed transaction publishes nothing.
	boom := errors.New("boom")
	require.ErrorIs(t, s.Update(func(tx *Tx) error {
		if err := tx.Put(AccountKey(newItem(3).ID), "account", newItem(3)); err != nil {
			return err
		}
		return boom
	}), boom)
	// A stale write publishes nothing.
	stale := *a
	stale.Rev = 0
	require.Error(t, s.Update(func(tx *Tx) error { return tx.Put(AccountKey(a.ID), "account", &stale) }))
	require.NoError(t, s.Bulk(func(bk *Bulk) error { return bk.Put(AccountKey(newItem(4).ID), newItem(4)) }))

	mu.Lock()
	require.Len(t, got, 2)
	assert.Equal(t, []string{string(AccountKey(a.ID)), string(ChildKey(a.ID, "contact", b.ID))}, []string{string(got[0].Keys[0]), string(got[0].Keys[1])})
	assert.False(t, got[0].All)
	assert.True(t, got[1].All)
	mu.Unlock()

	cancel()
	require.NoError(t, s.Update(func(tx *Tx) error { return tx.Put(AccountKey(newItem(5).ID), "account", newItem(5)) }))
	mu.Lock()
	assert.Len(t, got, 2, "no calls after cancel")
	mu.Unlock()
}
