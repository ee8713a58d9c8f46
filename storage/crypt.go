package storage

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/dgraph-io/badger/v4"

	"keystone/core/fault"
)

// Turning encryption on or off, and restoring in place, rewrite the whole
// folder. The new folder is built beside the data (<dir>.next), checked,
// marked complete, and only then swapped in by two renames (<dir> becomes
// <dir>.prev, <dir>.next becomes <dir>); the old folder is removed last. Open
// finishes or undoes a swap that was cut short (recoverRewrite), so an
// interruption at any point leaves the old data or the new, never neither.
const (
	nextSuffix     = ".next"
	prevSuffix     = ".prev"
	completeMarker = ".keystone-complete"
)

// EnableEncryption encrypts an open plain folder at rest with a new random
// key wrapped by passphrase. Backups made from now on are encrypted too.
func (s *Store) EnableEncryption(passphrase string) error {
	key, err := newFolderKey(passphrase, s.clock.Now())
	if err != nil {
		return err
	}
	done := s.exclusive()
	err = s.checkOpen()
	if err == nil && s.key != nil {
		err = fault.New(fault.Invalid, "already_encrypted", "The data is already encrypted; change the passphrase instead.")
	}
	if err == nil {
		err = s.replace(func(next string) (*folderKey, error) { return key, copyInto(s.db, next, key) })
	}
	done()
	if err != nil {
		return err
	}
	s.publish(Change{All: true})
	return nil
}

// DisableEncryption rewrites an encrypted folder as a plain one, after
// checking the passphrase.
func (s *Store) DisableEncryption(passphrase string) error {
	if err := s.checkPassphraseNow(passphrase); err != nil {
		return err
	}
	done := s.exclusive()
	err := s.checkOpen()
	if err == nil && s.key == nil {
		err = fault.New(fault.Invalid, "not_encrypted", "The data is not encrypted.")
	}
	if err == nil {
		err = s.replace(func(next string) (*folderKey, error) { return nil, copyInto(s.db, next, nil) })
	}
	done()
	if err != nil {
		return err
	}
	s.publish(Change{All: true})
	return nil
}

// ChangePassphrase wraps the folder's data key with a new passphrase. Only
// the key file changes (atomically); the data stays as it is.
func (s *Store) ChangePassphrase(old, passphrase string) error {
	if err := checkPassphrase(passphrase); err != nil {
		return err
	}
	done := s.exclusive()
	defer done()
	if err := s.checkOpen(); err != nil {
		return err
	}
	if s.key == nil {
		return fault.New(fault.Invalid, "not_encrypted", "The data is not encrypted; turn encryption on instead.")
	}
	kf, err := readKeyFile(s.dir)
	if err != nil {
		return err
	}
	if kf == nil {
		return fault.New(fault.Internal, "no_key_file", "the data folder %s has lost its key file", s.dir)
	}
	key, err := kf.unlock(old)
	if err != nil {
		return err
	}
	nkf, err := wrapKey(key.data, passphrase, s.clock.Now())
	if err != nil {
		return err
	}
	if err := writeKeyFile(s.dir, nkf); err != nil {
		return err
	}
	s.key = &folderKey{data: key.data, file: nkf}
	return nil
}

// checkPassphraseNow tells whether passphrase opens the folder's key file
// (wrong_passphrase otherwise); a plain folder accepts any.
func (s *Store) checkPassphraseNow(passphrase string) error {
	kf, err := readKeyFile(s.dir)
	if err != nil || kf == nil {
		return err
	}
	_, err = kf.unlock(passphrase)
	return err
}

// RestoreInPlace replaces the open folder's data with the backup at path,
// after the backup has been loaded beside the data and verified against its
// manifest. The folder takes the backup's encryption: an encrypted backup
// needs the passphrase it was made with. Subscribers then get
// Change{All: true}.
func (s *Store) RestoreInPlace(path, passphrase string) (Manifest, error) {
	b, err := openBackup(path)
	if err != nil {
		return Manifest{}, err
	}
	defer b.Close()
	if b.manifest.Encrypted {
		if _, err := b.manifest.KeyFile.unlock(passphrase); err != nil {
			return b.manifest, err
		}
	}
	done := s.exclusive()
	err = s.checkOpen()
	if err == nil {
		err = s.replace(func(next string) (*folderKey, error) { return b.restoreInto(next, passphrase) })
	}
	done()
	if err != nil {
		return b.manifest, err
	}
	s.publish(Change{All: true})
	return b.manifest, nil
}

func (s *Store) checkOpen() error {
	switch {
	case s.closed:
		return errClosed
	case s.db == nil:
		return lockedStoreError(s.dir)
	}
	return nil
}

// replace builds the new folder with fill (which returns the key it is
// encrypted with), then swaps it in and opens it. The caller holds the gate
// exclusively. On failure before the swap the old folder stays open as it
// was; a failure to open the new one puts the old one back.
func (s *Store) replace(fill func(next string) (*folderKey, error)) error {
	next, prev := s.dir+nextSuffix, s.dir+prevSuffix
	if err := os.RemoveAll(next); err != nil {
		return fmt.Errorf("storage: clear %s: %w", next, err)
	}
	if err := os.MkdirAll(next, 0o700); err != nil {
		return fmt.Errorf("storage: create %s: %w", next, err)
	}
	key, err := fill(next)
	if err == nil {
		err = writeFileAtomic(filepath.Join(next, completeMarker), []byte("complete\n"))
	}
	if err != nil {
		_ = os.RemoveAll(next)
		return err
	}
	if err := s.db.Close(); err != nil {
		_ = os.RemoveAll(next)
		return s.reopenAfter(fmt.Errorf("storage: close before swap: %w", err))
	}
	s.db = nil
	if err := os.RemoveAll(prev); err != nil {
		_ = os.RemoveAll(next)
		return s.reopenAfter(fmt.Errorf("storage: clear %s: %w", prev, err))
	}
	if err := os.Rename(s.dir, prev); err != nil {
		_ = os.RemoveAll(next)
		return s.reopenAfter(fmt.Errorf("storage: set the old data aside: %w", err))
	}
	if err := os.Rename(next, s.dir); err != nil {
		_ = os.Rename(prev, s.dir)
		_ = os.RemoveAll(next)
		return s.reopenAfter(fmt.Errorf("storage: move the new data in: %w", err))
	}
	_ = syncDir(filepath.Dir(s.dir))
	db, version, err := openDB(s.dir, key, s.migrations, s.clock)
	if err != nil {
		_ = os.Rename(s.dir, next)
		_ = os.RemoveAll(next)
		_ = os.Rename(prev, s.dir)
		return s.reopenAfter(err)
	}
	_ = os.Remove(filepath.Join(s.dir, completeMarker))
	_ = os.RemoveAll(prev)
	s.db, s.version, s.key = db, version, key
	return nil
}

// reopenAfter reopens the old folder after a failed swap, so the program
// keeps working on the data it had, and returns cause.
func (s *Store) reopenAfter(cause error) error {
	db, version, err := openDB(s.dir, s.key, s.migrations, s.clock)
	if err != nil {
		return errors.Join(cause, fmt.Errorf("storage: reopen the old data: %w", err))
	}
	s.db, s.version = db, version
	return cause
}

// copyInto copies every record of src into the empty folder next, which
// gets key (nil: plain), and checks that both hold the same records.
func copyInto(src *badger.DB, next string, key *folderKey) error {
	var raw []byte
	if key != nil {
		raw = key.data
		if err := writeKeyFile(next, key.file); err != nil {
			return err
		}
	}
	dst, err := badger.Open(loadOptions(next, raw))
	if err != nil {
		return fmt.Errorf("storage: open the new folder: %w", err)
	}
	pr, pw := io.Pipe()
	sent := make(chan error, 1)
	go func() {
		err := writeStream(src, pw, Counts{})
		pw.CloseWithError(err)
		sent <- err
	}()
	loadErr := dst.Load(pr, loadPending)
	pr.CloseWithError(errors.New("load stopped"))
	sendErr := <-sent
	if err := errors.Join(loadErr, sendErr); err != nil {
		_ = dst.Close()
		return fmt.Errorf("storage: copy the data: %w", err)
	}
	wantCounts, want, err := scanDB(src)
	if err == nil {
		var gotCounts Counts
		var got [32]byte
		gotCounts, got, err = scanDB(dst)
		if err == nil && (got != want || wantCounts.diff(gotCounts) != "") {
			err = fault.New(fault.Internal, "copy_mismatch", "the rewritten data differs from the original (%s); nothing was changed", wantCounts.diff(gotCounts))
		}
	}
	if cerr := dst.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("storage: close the new folder: %w", cerr)
	}
	return err
}

// recoverRewrite finishes or undoes a folder swap that was cut short:
//   - <dir> missing, <dir>.next complete: the swap was half done; finish it.
//   - <dir> missing, <dir>.prev present: put the old folder back.
//   - <dir> present: any <dir>.next is unfinished work and <dir>.prev is the
//     replaced data; both go, and a leftover completion marker too.
func recoverRewrite(dir string) error {
	next, prev := dir+nextSuffix, dir+prevSuffix
	if !exists(dir) {
		switch {
		case exists(filepath.Join(next, completeMarker)):
			if err := os.Rename(next, dir); err != nil {
				return fmt.Errorf("storage: finish the interrupted rewrite of %s: %w", dir, err)
			}
		case exists(prev):
			if err := os.Rename(prev, dir); err != nil {
				return fmt.Errorf("storage: undo the interrupted rewrite of %s: %w", dir, err)
			}
		}
	}
	if exists(dir) {
		for _, p := range []string{next, prev} {
			if exists(p) {
				if err := os.RemoveAll(p); err != nil {
					return fmt.Errorf("storage: clear %s: %w", p, err)
				}
			}
		}
		if err := os.Remove(filepath.Join(dir, completeMarker)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("storage: clear the completion marker: %w", err)
		}
	}
	return nil
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// Stats describes the folder: its size on disk, its records by kind and
// whether it is encrypted. A locked store has no counts yet.
func (s *Store) Stats() (Stats, error) {
	st := Stats{Dir: s.dir, Encrypted: s.Encrypted(), Locked: s.Locked(), Schema: s.SchemaVersion(), Counts: Counts{}}
	size, err := dirSize(s.dir)
	if err != nil {
		return st, err
	}
	st.Bytes = size
	if st.Locked {
		return st, nil
	}
	err = s.View(func(tx *Tx) error {
		it := tx.txn.NewIterator(iterOptions(nil))
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			st.Counts.add(it.Item().Key())
		}
		return nil
	})
	return st, err
}

// dirSize adds up the sizes of the files under dir.
func dirSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				n += diskUsage(info)
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("storage: size of %s: %w", dir, err)
	}
	return n, nil
}
