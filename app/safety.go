package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"keystone/core/fault"
	"keystone/storage"
)

// SafetyInfo is what the Data page shows about the folder's safety. While
// the folder is locked only DataDir, Bytes, Encrypted and Locked are known.
type SafetyInfo struct {
	Version       string         `json:"version"`
	SchemaVersion int            `json:"schemaVersion"`
	DataDir       string         `json:"dataDir"`
	Bytes         int64          `json:"bytes"`
	Counts        map[string]int `json:"counts"`
	Records       int            `json:"records"`
	Encrypted     bool           `json:"encrypted"`
	Locked        bool           `json:"locked"`
	// Last is the newest backup made from this folder, by hand or automatically.
	Last *BackupRun `json:"last,omitempty"`
	// Auto is the automatic backup setting; LastAuto and AutoError its last
	// result (an error stays until an automatic backup succeeds).
	Auto      AutoBackupSettings `json:"auto"`
	LastAuto  *BackupRun         `json:"lastAuto,omitempty"`
	AutoError *BackupFailure     `json:"autoError,omitempty"`
	// SuggestedName is a file name for a backup made now.
	SuggestedName string `json:"suggestedName"`
	MinPassphrase int    `json:"minPassphrase"`
}

// BackupSummary describes a backup file before it is restored.
type BackupSummary struct {
	Path          string         `json:"path"`
	Bytes         int64          `json:"bytes"`
	CreatedAt     time.Time      `json:"createdAt"`
	AppVersion    string         `json:"appVersion"`
	SchemaVersion int            `json:"schemaVersion"`
	Counts        map[string]int `json:"counts"`
	Records       int            `json:"records"`
	Encrypted     bool           `json:"encrypted"`
}

// RestoreResult says what a restore did; SafetyCopy is the backup of the
// data as it was just before, kept in case the restore was a mistake.
type RestoreResult struct {
	BackupSummary
	SafetyCopy string `json:"safetyCopy"`
}

// Safety describes the folder for the Data page; it answers while locked.
func (s *DataService) Safety() (SafetyInfo, error) {
	st, err := s.store.Stats()
	info := SafetyInfo{Version: Version, SchemaVersion: st.Schema, DataDir: st.Dir, Bytes: st.Bytes, Counts: st.Counts,
		Records: st.Counts.Total(), Encrypted: st.Encrypted, Locked: st.Locked,
		SuggestedName: backupName(s.clock.Now()), MinPassphrase: storage.MinPassphrase, Auto: defaultAutoBackup()}
	if err != nil || st.Locked {
		return info, err
	}
	err = s.store.View(func(tx *storage.Tx) error {
		auto, err := loadAutoBackup(tx)
		if err != nil {
			return err
		}
		log, err := loadBackupLog(tx)
		if err != nil {
			return err
		}
		info.Auto, info.Last, info.LastAuto, info.AutoError = auto, log.Last, log.LastAuto, log.AutoError
		return nil
	})
	return info, err
}

// Unlock opens the encrypted folder with its passphrase; a wrong one is
// refused with one sentence and the folder stays locked.
func (s *DataService) Unlock(passphrase string) error {
	if err := s.store.Unlock(passphrase); err != nil {
		return err
	}
	s.auto.kick()
	return nil
}

// backupName is a backup file's name for a moment: keystone-2026-11-23-0930.ksbackup.
func backupName(t time.Time) string {
	return "keystone-" + t.Format("2006-01-02-1504") + storage.BackupExt
}

// BackupNow writes a backup of the whole folder to path (the extension is
// added when missing). An existing file is replaced only with overwrite
// (the native dialog has asked); a typed path never replaces one.
func (s *DataService) BackupNow(path string, overwrite bool) (BackupRun, error) {
	path = strings.TrimSpace(path)
	if path == "" {
		return BackupRun{}, &fault.Error{Code: fault.Invalid, Rule: "required", Field: "path", Message: "say where to save the backup"}
	}
	if !strings.EqualFold(filepath.Ext(path), storage.BackupExt) {
		path += storage.BackupExt
	}
	if !filepath.IsAbs(path) {
		return BackupRun{}, &fault.Error{Code: fault.Invalid, Rule: "path_not_absolute", Field: "path", Params: map[string]any{"path": path},
			Message: fmt.Sprintf("Give the full path of the backup file (%s is relative).", path)}
	}
	if _, err := os.Stat(path); err == nil && !overwrite {
		return BackupRun{}, &fault.Error{Code: fault.Invalid, Rule: "file_exists", Field: "path", Params: map[string]any{"path": path},
			Message: fmt.Sprintf("%s already exists; choose another name.", path)}
	}
	run, err := s.backupTo(path, false)
	if err != nil {
		return BackupRun{}, err
	}
	return run, nil
}

// backupTo writes the backup and records it as the last one.
func (s *DataService) backupTo(path string, auto bool) (BackupRun, error) {
	m, size, err := s.store.BackupFile(path, storage.BackupOptions{AppVersion: Version})
	if err != nil {
		return BackupRun{}, err
	}
	run := BackupRun{At: s.clock.Now().UTC(), Path: path, Bytes: size, Records: m.Records, Encrypted: m.Encrypted, Auto: auto}
	err = s.updateLog(func(l *BackupLog) {
		l.Last = &run
		if auto {
			l.LastAuto, l.AutoError = &run, nil
		}
	})
	return run, err
}

// InspectBackup reads a backup's manifest, so the user sees what a restore
// would bring before confirming it.
func (s *DataService) InspectBackup(path string) (BackupSummary, error) {
	path = strings.TrimSpace(path)
	m, err := storage.ReadBackupManifest(path)
	if err != nil {
		return BackupSummary{}, err
	}
	sum := BackupSummary{Path: path, CreatedAt: m.CreatedAt, AppVersion: m.AppVersion, SchemaVersion: m.SchemaVersion,
		Counts: m.Counts, Records: m.Records, Encrypted: m.Encrypted}
	if st, err := os.Stat(path); err == nil {
		sum.Bytes = st.Size()
	}
	return sum, nil
}

// RestoreBackup replaces the data with the backup at path. The backup is
// first loaded beside the data and checked against its manifest (checksum,
// then the records of each kind); only then is the folder swapped, under the
// store, so every service keeps working and every cache starts afresh. The
// data as it was is saved first as a backup of its own (SafetyCopy). An
// encrypted backup needs the passphrase it was made with, and the folder
// takes that passphrase.
func (s *DataService) RestoreBackup(path, passphrase string) (RestoreResult, error) {
	sum, err := s.InspectBackup(path)
	if err != nil {
		return RestoreResult{}, err
	}
	if sum.Encrypted && passphrase == "" {
		return RestoreResult{}, &fault.Error{Code: fault.Invalid, Rule: storage.RulePassphraseRequired, Field: "passphrase",
			Message: "The backup is encrypted: enter the passphrase the data had when it was made."}
	}
	safety, err := s.safetyCopyPath()
	if err != nil {
		return RestoreResult{}, err
	}
	if _, _, err := s.store.BackupFile(safety, storage.BackupOptions{AppVersion: Version}); err != nil {
		return RestoreResult{}, fmt.Errorf("saving the current data before the restore: %w", err)
	}
	if _, err := s.store.RestoreInPlace(path, passphrase); err != nil {
		_ = os.Remove(safety) // nothing was replaced: the copy is not needed
		return RestoreResult{}, err
	}
	return RestoreResult{BackupSummary: sum, SafetyCopy: safety}, nil
}

// safetyCopyPath is where the data is saved before a restore: the automatic
// backup folder when one is set, else beside the data folder.
func (s *DataService) safetyCopyPath() (string, error) {
	dir := filepath.Dir(s.store.Dir())
	if auto, err := s.autoSettings(); err == nil && auto.Folder != "" {
		if st, err := os.Stat(auto.Folder); err == nil && st.IsDir() {
			dir = auto.Folder
		}
	}
	name := "keystone-before-restore-" + s.clock.Now().Format("2006-01-02-150405") + storage.BackupExt
	p := filepath.Join(dir, name)
	if _, err := os.Stat(p); err == nil {
		return "", fault.New(fault.Conflict, "busy", "a restore is already under way; try again in a moment")
	} else if !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("checking %s: %w", p, err)
	}
	return p, nil
}

// EnableEncryption encrypts the folder with passphrase: the data is
// rewritten into a new folder beside it, checked and swapped in.
func (s *DataService) EnableEncryption(passphrase string) error {
	return s.store.EnableEncryption(passphrase)
}

// ChangePassphrase re-wraps the folder's key; the data is not rewritten.
func (s *DataService) ChangePassphrase(current, passphrase string) error {
	return s.store.ChangePassphrase(current, passphrase)
}

// DisableEncryption rewrites the folder without encryption, after checking
// the passphrase.
func (s *DataService) DisableEncryption(passphrase string) error {
	return s.store.DisableEncryption(passphrase)
}

// LockState is what the UI needs before anything else: whether to show the
// unlock screen.
type LockState struct {
	Locked    bool   `json:"locked"`
	Encrypted bool   `json:"encrypted"`
	DataDir   string `json:"dataDir"`
}

// LockStatus tells whether the folder waits for its passphrase; it answers while
// locked and reads nothing.
func (s *DataService) LockStatus() LockState {
	return LockState{Locked: s.store.Locked(), Encrypted: s.store.Encrypted(), DataDir: s.store.Dir()}
}
