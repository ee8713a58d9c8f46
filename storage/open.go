package storage

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"keystone/core/calendar"
	"keystone/core/fault"
)

// Options configure Open.
type Options struct {
	Clock      calendar.Clock // timestamps; nil means calendar.System{}
	Migrations []Migration    // nil means DefaultMigrations()
	// Passphrase unlocks an encrypted folder (one with a key file).
	Passphrase string
	// StartLocked opens an encrypted folder without a Passphrase as a
	// locked store: every transaction answers "locked" until Unlock. Without
	// it such a folder is refused.
	StartLocked bool
}

// Store is one data folder. The database handle changes only under the
// gate (unlock, restore in place, encryption on or off), so services keep
// one *Store for the life of the program.
type Store struct {
	db         *badger.DB // nil while locked
	dir        string
	clock      calendar.Clock
	version    int
	migrations []Migration
	key        *folderKey // nil: the folder is not encrypted

	gate gate
	feed feed

	closed   bool
	closeErr error
}

// Desktop tuning (DESIGN.md "Badger facts"): Badger's defaults reserve a 2 GB
// value log and use ~860 MB on a bulk load; these keep a large portfolio
// around 50 MB on disk and under 300 MB at peak.
const (
	memTableSize            = 8 << 20 // smallest that opens with the default value threshold
	numMemtables            = 2
	numLevelZeroTables      = 2
	numLevelZeroTablesStall = 8
	blockCacheSize          = 8 << 20
	indexCacheSize          = 4 << 20 // must be > 0 or encryption at rest panics on first flush
	valueLogFileSize        = 16 << 20
	numCompactors           = 2 // Badger refuses fewer than two
)

// encryptedOptions adds Badger's encryption at rest with key (16, 24 or 32
// bytes); a nil key leaves the folder plain. It relies on IndexCacheSize > 0
// (badgerOptions), or the first flush panics in a background goroutine.
func encryptedOptions(dir string, key []byte) badger.Options {
	o := badgerOptions(dir)
	if key != nil {
		o = o.WithEncryptionKey(key)
	}
	return o
}

func badgerOptions(dir string) badger.Options {
	return badger.DefaultOptions(dir).
		WithMemTableSize(memTableSize).
		WithNumMemtables(numMemtables).
		WithNumLevelZeroTables(numLevelZeroTables).
		WithNumLevelZeroTablesStall(numLevelZeroTablesStall).
		WithBlockCacheSize(blockCacheSize).
		WithIndexCacheSize(indexCacheSize).
		WithValueLogFileSize(valueLogFileSize).
		WithNumCompactors(numCompactors).
		WithMetricsEnabled(false).
		WithLogger(warnLogger{}).
		// A record the user saved must survive a power cut (~0.2 ms a commit).
		WithSyncWrites(true)
}

// Open opens (creating if needed) the data folder dir, refuses a folder that
// another Keystone holds or that a newer Keystone wrote, and brings an older
// folder up to date by running the pending migrations. An encrypted folder
// needs opts.Passphrase, or opts.StartLocked for a store that waits for
// Unlock. A folder rewrite that was cut short (encryption on or off, a
// restore in place) is finished or rolled back first.
func Open(dir string, opts Options) (*Store, error) {
	if strings.TrimSpace(dir) == "" {
		return nil, fault.New(fault.Invalid, "required", "no data folder was given")
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	migrations := opts.Migrations
	if migrations == nil {
		migrations = DefaultMigrations()
	}
	if err := checkMigrations(migrations); err != nil {
		return nil, err
	}
	clock := opts.Clock
	if clock == nil {
		clock = calendar.System{}
	}
	if err := recoverRewrite(dir); err != nil {
		return nil, err
	}
	s := &Store{dir: dir, clock: clock, migrations: migrations}
	kf, err := readKeyFile(dir)
	if err != nil {
		return nil, err
	}
	if kf != nil && opts.Passphrase == "" {
		if opts.StartLocked {
			return s, nil
		}
		return nil, passphraseRequiredError(dir)
	}
	var key *folderKey
	if kf != nil {
		if key, err = kf.unlock(opts.Passphrase); err != nil {
			return nil, err
		}
	}
	db, version, err := openDB(dir, key, migrations, clock)
	if err != nil {
		return nil, err
	}
	s.db, s.version, s.key = db, version, key
	return s, nil
}

// openDB opens the Badger folder with key (nil: plain) and runs the pending
// migrations on it, through a private Store so nobody sees the folder
// before it is up to date.
func openDB(dir string, key *folderKey, migrations []Migration, clock calendar.Clock) (*badger.DB, int, error) {
	var raw []byte
	if key != nil {
		raw = key.data
	}
	if found, ok, err := probeSchema(dir, raw); err != nil {
		return nil, 0, err
	} else if ok && found > latest(migrations) {
		return nil, 0, newerSchemaError(dir, found, latest(migrations))
	}
	db, err := openBadger(dir, encryptedOptions(dir, raw)) // storage/raw.go
	if err != nil {
		return nil, 0, openError(dir, err)
	}
	s := &Store{db: db, dir: dir, clock: clock}
	err = s.migrate(migrations)
	if err == nil {
		err = s.finishStaged() // an import cut short (storage/raw.go)
	}
	if err != nil {
		if cerr := db.Close(); cerr != nil {
			err = errors.Join(err, fmt.Errorf("storage: close after failed open: %w", cerr))
		}
		return nil, 0, err
	}
	return db, s.version, nil
}

// openError turns Badger's refusals into one sentence each.
func openError(dir string, err error) error {
	switch {
	case isLocked(err):
		return lockedError(dir, err)
	case errors.Is(err, badger.ErrEncryptionKeyMismatch) || strings.Contains(err.Error(), badger.ErrEncryptionKeyMismatch.Error()):
		return keyMismatchError(dir, err)
	}
	return fault.Wrap(fault.Internal, "open_failed", err, "The data folder %s could not be opened", dir)
}

// lockedText is how Badger says another handle holds the folder; its error is
// a plain wrapped string, so the text is all there is to match.
const lockedText = "Cannot acquire directory lock"

func isLocked(err error) bool { return strings.Contains(err.Error(), lockedText) }

// lockedError is the one sentence the user sees; Badger's error stays wrapped
// for the log.
func lockedError(dir string, err error) error {
	return &fault.Error{
		Code:    fault.Locked,
		Rule:    "locked",
		Params:  map[string]any{"dir": dir},
		Message: fmt.Sprintf("The data folder %s is already open in another Keystone window; close that one first.", dir),
		Err:     err,
	}
}

// Close flushes and releases the folder, after the transactions under way
// finish; calling it again is harmless.
func (s *Store) Close() error {
	done := s.exclusive()
	defer done()
	if s.closed {
		return s.closeErr
	}
	s.closed = true
	if s.db != nil {
		if err := s.db.Close(); err != nil {
			s.closeErr = fmt.Errorf("storage: close %s: %w", s.dir, err)
		}
	}
	return s.closeErr
}

// Dir is the absolute path of the data folder.
func (s *Store) Dir() string { return s.dir }

// SchemaVersion is the folder's schema version after the migrations ran
// (0 while locked).
func (s *Store) SchemaVersion() int {
	s.gate.mu.Lock()
	defer s.gate.mu.Unlock()
	return s.version
}

// errClosed keeps use-after-close an error rather than a Badger panic.
var errClosed = errors.New("storage: the store is closed")
