package storage

import (
	"fmt"
	"sync"

	"keystone/core/fault"
)

// gate lets transactions share the open database while an exclusive step
// (unlock, a restore in place, encryption on or off, close) waits for them
// to finish and holds new ones back until it is done. Transactions are let in
// whenever no exclusive step runs, even while one waits: a change-feed
// callback that reads inside a commit would otherwise deadlock against a
// waiting writer, as it would with sync.RWMutex.
type gate struct {
	mu        sync.Mutex
	cond      *sync.Cond
	readers   int
	exclusive bool
}

func (g *gate) wait() {
	if g.cond == nil {
		g.cond = sync.NewCond(&g.mu)
	}
	g.cond.Wait()
}

func (g *gate) broadcast() {
	if g.cond != nil {
		g.cond.Broadcast()
	}
}

// enter admits one transaction, or says why none can run: the store is
// locked (encrypted and not yet unlocked) or closed.
func (s *Store) enter() (release func(), err error) {
	g := &s.gate
	g.mu.Lock()
	defer g.mu.Unlock()
	for g.exclusive {
		g.wait()
	}
	switch {
	case s.closed:
		return nil, errClosed
	case s.db == nil:
		return nil, lockedStoreError(s.dir)
	}
	g.readers++
	return s.leave, nil
}

func (s *Store) leave() {
	g := &s.gate
	g.mu.Lock()
	defer g.mu.Unlock()
	g.readers--
	if g.readers == 0 {
		g.broadcast()
	}
}

// exclusive waits until no transaction runs and keeps new ones out until
// done is called. The caller may then change s.db and the fields beside it.
func (s *Store) exclusive() (done func()) {
	g := &s.gate
	g.mu.Lock()
	for g.exclusive || g.readers > 0 {
		g.wait()
	}
	g.exclusive = true
	g.mu.Unlock()
	return func() {
		g.mu.Lock()
		g.exclusive = false
		g.broadcast()
		g.mu.Unlock()
	}
}

// Locked reports whether the folder is encrypted and waits for its
// passphrase.
func (s *Store) Locked() bool {
	s.gate.mu.Lock()
	defer s.gate.mu.Unlock()
	return s.db == nil && !s.closed
}

// Encrypted reports whether the folder is encrypted at rest.
func (s *Store) Encrypted() bool {
	s.gate.mu.Lock()
	defer s.gate.mu.Unlock()
	if s.db == nil {
		return true // only an encrypted folder starts locked
	}
	return s.key != nil
}

// Unlock opens a locked store with the passphrase. A wrong passphrase is
// refused with one sentence and nothing changes; the store stays locked.
// Subscribers then get Change{All: true}, so every cache starts afresh.
// Unlocking an open store is a no-op.
func (s *Store) Unlock(passphrase string) error {
	if !s.Locked() {
		return nil
	}
	kf, err := readKeyFile(s.dir)
	if err != nil {
		return err
	}
	if kf == nil {
		return fault.New(fault.Internal, "no_key_file", "the data folder %s has no key file any more", s.dir)
	}
	key, err := kf.unlock(passphrase)
	if err != nil {
		return err
	}
	db, version, err := openDB(s.dir, key, s.migrations, s.clock)
	if err != nil {
		return err
	}
	done := s.exclusive()
	if s.db != nil || s.closed { // unlocked or closed meanwhile
		done()
		if cerr := db.Close(); cerr != nil {
			return fmt.Errorf("storage: close second handle: %w", cerr)
		}
		return nil
	}
	s.db, s.version, s.key = db, version, key
	done()
	s.publish(Change{All: true})
	return nil
}

// Rules of the errors about encryption, for the UI's sentences.
const (
	RuleStoreLocked        = "store_locked"
	RulePassphraseRequired = "passphrase_required"
	RuleWrongPassphrase    = "wrong_passphrase"
	RuleKeyMismatch        = "key_mismatch"
)

func lockedStoreError(dir string) error {
	return &fault.Error{Code: fault.Locked, Rule: RuleStoreLocked, Params: map[string]any{"dir": dir},
		Message: "The data is encrypted and still locked: enter the passphrase first."}
}

func passphraseRequiredError(dir string) error {
	return &fault.Error{Code: fault.Invalid, Rule: RulePassphraseRequired, Field: "passphrase", Params: map[string]any{"dir": dir},
		Message: fmt.Sprintf("The data folder %s is encrypted: its passphrase is needed to open it.", dir)}
}

func wrongPassphraseError() error {
	return &fault.Error{Code: fault.Invalid, Rule: RuleWrongPassphrase, Field: "passphrase",
		Message: "That passphrase is not the right one; nothing was changed."}
}

func keyMismatchError(dir string, err error) error {
	return &fault.Error{Code: fault.Invalid, Rule: RuleKeyMismatch, Params: map[string]any{"dir": dir},
		Message: fmt.Sprintf("The data in %s does not match its encryption key (Encryption key mismatch); nothing was changed.", dir), Err: err}
}
