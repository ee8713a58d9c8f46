package storage

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"github.com/dgraph-io/badger/v4"

	"keystone/core/calendar"
	"keystone/core/fault"
)

// Options configure Open.
type Options struct {
	Clock      calendar.Clock // timestamps; nil means calendar.System{}
	Migrations []Migration    // nil means DefaultMigrations()
}

// Store is one open data folder.
type Store struct {
	db      *badger.DB
	dir     string
	clock   calendar.Clock
	version int

	feed feed

	closeOnce sync.Once
	closeErr  error
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
// folder up to date by running the pending migrations.
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

	if found, ok, err := probeSchema(dir); err != nil {
		return nil, err
	} else if ok && found > latest(migrations) {
		return nil, newerSchemaError(dir, found, latest(migrations))
	}
	db, err := badger.Open(badgerOptions(dir))
	if err != nil {
		if isLocked(err) {
			return nil, lockedError(dir, err)
		}
		return nil, fault.Wrap(fault.Internal, "open_failed", err, "The data folder %s could not be opened", dir)
	}
	s := &Store{db: db, dir: dir, clock: clock}
	if err := s.migrate(migrations); err != nil {
		if cerr := db.Close(); cerr != nil {
			err = errors.Join(err, fmt.Errorf("storage: close after failed open: %w", cerr))
		}
		return nil, err
	}
	return s, nil
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

// Close flushes and releases the folder; calling it again is harmless.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		if err := s.db.Close(); err != nil {
			s.closeErr = fmt.Errorf("storage: close %s: %w", s.dir, err)
		}
	})
	return s.closeErr
}

// Dir is the absolute path of the data folder.
func (s *Store) Dir() string { return s.dir }

// SchemaVersion is the folder's schema version after the migrations ran.
func (s *Store) SchemaVersion() int { return s.version }

// errClosed keeps use-after-close an error rather than a Badger panic.
var errClosed = errors.New("storage: the store is closed")
