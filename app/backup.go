package app

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/record"
	"keystone/storage"
)

// Automatic backups: one a day into a folder the user picks, keeping the
// last Keep. The setting and the log of the last runs live in the data, so
// they travel with it. A run happens when the app starts (or is unlocked),
// then once an hour it checks whether today's file exists; the date in the
// file name is what makes "at most one a day" hold across restarts.

const (
	kindBackupSettings = "backup-settings"
	kindBackupLog      = "backup-log"
	// DefaultKeep is how many automatic backups are kept unless set.
	DefaultKeep = 7
	maxKeep     = 365
	autoPrefix  = "keystone-auto-"
)

var (
	autoBackupKey = storage.GlobalKey(kindBackupSettings, "auto")
	backupLogKey  = storage.GlobalKey(kindBackupLog, "last")
	autoFileName  = regexp.MustCompile(`^keystone-auto-(\d{4}-\d{2}-\d{2})` + regexp.QuoteMeta(storage.BackupExt) + `$`)
)

// AutoBackupSettings is the automatic backup setting.
type AutoBackupSettings struct {
	record.Meta
	Enabled bool   `json:"enabled"`
	Folder  string `json:"folder"`
	Keep    int    `json:"keep"`
}

func defaultAutoBackup() AutoBackupSettings {
	return AutoBackupSettings{Meta: record.Meta{ID: "auto"}, Keep: DefaultKeep}
}

// BackupRun is one backup made.
type BackupRun struct {
	At        time.Time `json:"at"`
	Path      string    `json:"path"`
	Bytes     int64     `json:"bytes"`
	Records   int       `json:"records"`
	Encrypted bool      `json:"encrypted"`
	Auto      bool      `json:"auto"`
}

// BackupFailure is why the last automatic backup did not happen.
type BackupFailure struct {
	At      time.Time      `json:"at"`
	Rule    string         `json:"rule"`
	Params  map[string]any `json:"params,omitempty"`
	Message string         `json:"message"`
}

// BackupLog remembers the last backups.
type BackupLog struct {
	record.Meta
	Last      *BackupRun     `json:"last,omitempty"`
	LastAuto  *BackupRun     `json:"lastAuto,omitempty"`
	AutoError *BackupFailure `json:"autoError,omitempty"`
}

func loadAutoBackup(tx *storage.Tx) (AutoBackupSettings, error) {
	a := defaultAutoBackup()
	if err := tx.Get(autoBackupKey, kindBackupSettings, &a); err != nil && fault.CodeOf(err) != fault.NotFound {
		return a, err
	}
	return a, nil
}

func loadBackupLog(tx *storage.Tx) (BackupLog, error) {
	l := BackupLog{Meta: record.Meta{ID: "last"}}
	if err := tx.Get(backupLogKey, kindBackupLog, &l); err != nil && fault.CodeOf(err) != fault.NotFound {
		return l, err
	}
	return l, nil
}

func (s *DataService) autoSettings() (AutoBackupSettings, error) {
	var a AutoBackupSettings
	err := s.store.View(func(tx *storage.Tx) (err error) { a, err = loadAutoBackup(tx); return err })
	return a, err
}

func (s *DataService) updateLog(fn func(*BackupLog)) error {
	return s.store.Update(func(tx *storage.Tx) error {
		l, err := loadBackupLog(tx)
		if err != nil {
			return err
		}
		fn(&l)
		return tx.Put(backupLogKey, kindBackupLog, &l)
	})
}

// SaveAutoBackup stores the automatic backup setting; an enabled one needs
// an existing folder outside the data folder. A backup runs at once when
// today's is missing.
func (s *DataService) SaveAutoBackup(a AutoBackupSettings) (AutoBackupSettings, error) {
	a.Folder = strings.TrimSpace(a.Folder)
	var c fault.Checker
	if a.Keep < 1 || a.Keep > maxKeep {
		c.Add("keep", "out_of_range", map[string]any{"min": 1, "max": maxKeep, "value": a.Keep}, "keep between 1 and %d backups", maxKeep)
	}
	if a.Enabled && a.Folder == "" {
		c.Add("folder", "required", nil, "choose the folder for automatic backups")
	}
	if a.Folder != "" {
		switch st, err := os.Stat(a.Folder); {
		case !filepath.IsAbs(a.Folder):
			c.Add("folder", "path_not_absolute", map[string]any{"path": a.Folder}, "give the folder's full path")
		case err != nil || !st.IsDir():
			c.Add("folder", "no_folder", map[string]any{"dir": a.Folder}, "the folder %s does not exist", a.Folder)
		case insideDir(a.Folder, s.store.Dir()):
			c.Add("folder", "backup_inside_data", nil, "backups cannot go inside the data folder")
		}
	}
	if err := c.Err(); err != nil {
		return AutoBackupSettings{}, err
	}
	a.ID = "auto"
	err := s.store.Update(func(tx *storage.Tx) error {
		cur, err := loadAutoBackup(tx)
		if err != nil {
			return err
		}
		if a.Rev != cur.Rev {
			return fault.Conflictf(kindBackupSettings, "auto", a.Rev, cur.Rev)
		}
		return tx.Put(autoBackupKey, kindBackupSettings, &a)
	})
	if err != nil {
		return AutoBackupSettings{}, err
	}
	s.auto.kick()
	return a, nil
}

func insideDir(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// autoBackup runs the daily backups in the background.
type autoBackup struct {
	s     *DataService
	kicks chan struct{}
	mu    sync.Mutex // one run at a time
}

func newAutoBackup(s *DataService) *autoBackup {
	a := &autoBackup{s: s, kicks: make(chan struct{}, 1)}
	// A restore or an unlock may bring another setting: look again.
	s.store.Subscribe(func(c storage.Change) {
		if c.All {
			a.kick()
		}
	})
	return a
}

func (a *autoBackup) kick() {
	select {
	case a.kicks <- struct{}{}:
	default:
	}
}

// autoCheckEvery is how often a running app looks whether today's backup
// is due.
const autoCheckEvery = time.Hour

// StartAutoBackup runs d's due backup now and then checks hourly until stop
// is called; stop waits for a run under way. (A function, not a method, so
// it is not bound to the UI.)
func StartAutoBackup(d *DataService) (stop func()) {
	s := d
	done := make(chan struct{})
	finished := make(chan struct{})
	s.auto.kick()
	go func() {
		defer close(finished)
		t := time.NewTicker(autoCheckEvery)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-s.auto.kicks:
			case <-t.C:
			}
			_, _ = s.runAutoBackup()
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() { close(done); <-finished })
	}
}

// runAutoBackup makes today's automatic backup if it is due: enabled, the
// folder unlocked, and no file for today yet. It returns the file written
// ("" when none was due). A failure is recorded for the Data page.
func (s *DataService) runAutoBackup() (string, error) {
	s.auto.mu.Lock()
	defer s.auto.mu.Unlock()
	if s.store.Locked() {
		return "", nil
	}
	set, err := s.autoSettings()
	if err != nil || !set.Enabled || set.Folder == "" {
		return "", err
	}
	today := calendar.Today(s.clock)
	path := filepath.Join(set.Folder, autoPrefix+string(today)+storage.BackupExt)
	if _, err := os.Stat(path); err == nil {
		return "", nil
	}
	if _, err := s.backupTo(path, true); err != nil {
		fe := fault.As(err)
		logErr := s.updateLog(func(l *BackupLog) {
			l.AutoError = &BackupFailure{At: s.clock.Now().UTC(), Rule: fe.Rule, Params: fe.Params, Message: fe.Message}
		})
		if logErr != nil {
			return "", fmt.Errorf("%w (and recording it failed: %v)", err, logErr)
		}
		return "", err
	}
	if err := pruneAutoBackups(set.Folder, set.Keep); err != nil {
		return path, err
	}
	return path, nil
}

// pruneAutoBackups keeps the newest keep automatic backups in folder; it
// touches only files named like the ones it writes.
func pruneAutoBackups(folder string, keep int) error {
	entries, err := os.ReadDir(folder)
	if err != nil {
		return fmt.Errorf("listing %s: %w", folder, err)
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() && autoFileName.MatchString(e.Name()) {
			names = append(names, e.Name())
		}
	}
	sort.Sort(sort.Reverse(sort.StringSlice(names))) // dates sort as text
	for _, n := range names[min(keep, len(names)):] {
		if err := os.Remove(filepath.Join(folder, n)); err != nil {
			return fmt.Errorf("removing the old backup %s: %w", n, err)
		}
	}
	return nil
}
