package app

import (
	"sync"
	"sync/atomic"

	"keystone/core/calendar"
	"keystone/storage"
)

// generation counts the store's commits, so a view computed from many
// records can be kept until the next write instead of recomputed on every
// request (the dashboard reads the retention and program pages' figures).
type generation struct{ n atomic.Uint64 }

func newGeneration(store *storage.Store) *generation {
	g := &generation{}
	store.Subscribe(func(storage.Change) { g.n.Add(1) })
	return g
}

// memo holds one computed value until the store changes, the day turns or
// it is asked for with another key (e.g. another owner's actions).
type memo[T any] struct {
	mu  sync.Mutex
	gen *generation
	at  uint64
	day calendar.Date
	key string
	ok  bool
	val T
}

// get returns the remembered value, or computes it. A value computed while
// a write landed is still returned but not kept.
func (m *memo[T]) get(today calendar.Date, compute func() (T, error)) (T, error) {
	return m.getKey(today, "", compute)
}

func (m *memo[T]) getKey(today calendar.Date, key string, compute func() (T, error)) (T, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.gen.n.Load()
	if m.ok && m.at == now && m.day == today && m.key == key {
		return m.val, nil
	}
	v, err := compute()
	if err != nil {
		return v, err
	}
	if m.gen.n.Load() == now {
		m.val, m.at, m.day, m.key, m.ok = v, now, today, key, true
	}
	return v, nil
}
