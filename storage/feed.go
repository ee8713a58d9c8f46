package storage

import "sync"

// Change is what one committed write changed: the keys of an Update, or
// All for a bulk load (anything may have changed). It is the change feed a
// cache, and later sync, listens to.
type Change struct {
	Keys [][]byte
	All  bool
}

type feed struct {
	mu   sync.RWMutex
	next int
	subs map[int]func(Change)
}

// Subscribe calls fn after every commit, synchronously, before Update or
// Bulk returns; fn must be quick and must not write. cancel stops it.
func (s *Store) Subscribe(fn func(Change)) (cancel func()) {
	s.feed.mu.Lock()
	defer s.feed.mu.Unlock()
	if s.feed.subs == nil {
		s.feed.subs = map[int]func(Change){}
	}
	id := s.feed.next
	s.feed.next++
	s.feed.subs[id] = fn
	return func() {
		s.feed.mu.Lock()
		defer s.feed.mu.Unlock()
		delete(s.feed.subs, id)
	}
}

func (s *Store) publish(c Change) {
	s.feed.mu.RLock()
	defer s.feed.mu.RUnlock()
	for _, fn := range s.feed.subs {
		fn(c)
	}
}
