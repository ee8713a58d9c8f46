package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"keystone/core/fault"
)

// Migration brings a data folder from Version-1 (or earlier) to Version.
// Up runs in one transaction together with recording Version, so a failing
// migration leaves both data and version as they were. Batch is for data
// migrations too big for one transaction (Badger caps one at ~1 MB here): it
// runs first, may commit in several transactions, and must be idempotent, so
// a run cut short is simply run again at the next start.
type Migration struct {
	Version int
	Name    string
	Batch   func(s *Store) error // nil: none
	Up      func(tx *Tx) error   // nil is a no-op (a version bump only)
}

// CurrentSchema is the schema version this build writes: the last version in
// DefaultMigrations.
const CurrentSchema = 2

// DefaultMigrations is Keystone's migration list, oldest first. Append only:
// a released migration never changes, or folders already past it would
// differ from new ones.
func DefaultMigrations() []Migration {
	return []Migration{
		{Version: 1, Name: "initial layout"},
		{Version: 2, Name: "activity follow-ups become shared actions", Batch: followUpsToActions},
	}
}

// checkMigrations refuses a list that is not strictly ascending from 1, which
// would make "run the pending ones in order" ambiguous.
func checkMigrations(ms []Migration) error {
	prev := 0
	for _, m := range ms {
		if m.Version <= prev {
			return fault.New(fault.Internal, "bad_migrations",
				"migration %q has version %d, which does not follow version %d", m.Name, m.Version, prev)
		}
		prev = m.Version
	}
	return nil
}

// latest is the newest version a migration list knows.
func latest(ms []Migration) int {
	if len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].Version
}

func newerSchemaError(dir string, found, supported int) error {
	return &fault.Error{
		Code:   fault.NewerSchema,
		Rule:   "newer_schema",
		Params: map[string]any{"found": found, "supported": supported},
		Message: fmt.Sprintf("The data folder %s was written by a newer Keystone (schema version %d; this one knows up to %d); update Keystone to open it.",
			dir, found, supported),
	}
}

// migrate reads the folder's version, refuses one from a newer Keystone
// before writing anything, then runs each pending migration in its own
// transaction. A fresh folder (version 0) runs them all: with no records
// they only record versions, and any seeding they do reaches new folders too.
func (s *Store) migrate(ms []Migration) error {
	found, err := readSchema(s.db)
	if err != nil {
		return err
	}
	if supported := latest(ms); found > supported {
		return newerSchemaError(s.dir, found, supported)
	}
	s.version = found
	for _, m := range ms {
		if m.Version <= found {
			continue
		}
		var err error
		if m.Batch != nil {
			err = m.Batch(s)
		}
		if err == nil {
			err = s.Update(func(tx *Tx) error {
				if m.Up != nil {
					if err := m.Up(tx); err != nil {
						return err
					}
				}
				return tx.txn.Set([]byte(schemaKey), strconv.AppendInt(nil, int64(m.Version), 10))
			})
		}
		if err != nil {
			return fault.Wrap(fault.Internal, "migration_failed", err,
				"Updating the data folder %s to schema version %d (%s) failed; it stays at version %d",
				s.dir, m.Version, m.Name, s.version)
		}
		s.version = m.Version
	}
	return nil
}

// readSchema returns the stored version; 0 when none is stored.
func readSchema(db *badger.DB) (int, error) {
	var v int
	err := db.View(func(txn *badger.Txn) error {
		item, err := txn.Get([]byte(schemaKey))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("storage: read schema version: %w", err)
		}
		return item.Value(func(val []byte) error {
			n, err := strconv.Atoi(string(val))
			if err != nil || n < 0 {
				return fault.Wrap(fault.Internal, "bad_schema", err,
					"the data folder's schema version %q is damaged", val)
			}
			v = n
			return nil
		})
	})
	return v, err
}

// probeSchema reads the stored version through a read-only handle, so a
// folder from a newer Keystone is refused without a single byte changing: a
// read-write open always starts a new value-log file, and after a crash it
// replays and flushes the newer Keystone's log in this version's format.
// ok is false when no probe was possible (a new folder, a platform without
// read-only mode, a log that needs repair); the read-write open then checks.
func probeSchema(dir string, key []byte) (version int, ok bool, err error) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		return 0, false, nil
	}
	if _, err := os.Stat(filepath.Join(dir, badger.ManifestFilename)); err != nil {
		return 0, false, nil
	}
	db, err := badger.Open(encryptedOptions(dir, key).WithReadOnly(true))
	if err != nil {
		if isLocked(err) {
			return 0, false, lockedError(dir, err)
		}
		if strings.Contains(err.Error(), badger.ErrEncryptionKeyMismatch.Error()) {
			return 0, false, keyMismatchError(dir, err)
		}
		return 0, false, nil
	}
	version, err = readSchema(db)
	if cerr := db.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("storage: close read-only probe: %w", cerr)
	}
	return version, err == nil, err
}
