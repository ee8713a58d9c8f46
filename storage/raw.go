package storage

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"keystone/core/record"
)

// Raw access for moving whole data sets in and out (the JSON export and the
// imports). Badger caps one transaction at about a megabyte here, far below
// a large import, so a large change set is made atomic another way:
//
//  1. every new value is written under "tmp/stage/<run>/<key>", which no
//     reader looks at (a crash here leaves only garbage, removed at the next
//     open);
//  2. one small transaction sets "meta/staged" to <run>: the commit point;
//  3. the staged values are copied over their real keys, the marker is
//     removed, then the staged copies.
//
// Open finishes step 3 for a run whose marker it finds, so after a crash the
// change is either wholly absent (before 2) or wholly present (after 2).
const (
	stageRoot = "tmp/stage/"
	stagedKey = "meta/staged"
)

// RecordRoots are the prefixes under which every record lives: accounts,
// their workspaces and the records of no account. A scan of these is a scan
// of all user data, whatever areas later versions add.
func RecordRoots() [][]byte {
	return [][]byte{[]byte(accountRoot), []byte(workspaceRoot), []byte(globalRoot)}
}

// Stager takes the values of one staged change set.
type Stager struct {
	wb     *badger.WriteBatch
	prefix []byte
	n      int
}

// Put stages val (a full stored record, envelope included) for key; an
// empty val removes the key when the set is applied.
func (st *Stager) Put(key, val []byte) error {
	k := make([]byte, 0, len(st.prefix)+len(key))
	k = append(append(k, st.prefix...), key...)
	if err := st.wb.Set(k, bytes.Clone(val)); err != nil {
		return fmt.Errorf("storage: stage %s: %w", key, err)
	}
	st.n++
	return nil
}

// Delete stages the removal of key.
func (st *Stager) Delete(key []byte) error { return st.Put(key, nil) }

// Count is how many values were staged so far.
func (st *Stager) Count() int { return st.n }

// ApplyStaged runs fn to stage a change set and, if fn succeeds, commits the
// whole set at once (see above) and publishes Change{All: true} so every
// cache rebuilds. If fn fails nothing changes and fn's error is returned.
// progress (may be nil) hears "apply" with the count when the commit point
// is passed.
func (s *Store) ApplyStaged(fn func(st *Stager) error, progress func(phase string, n int)) error {
	release, err := s.enter()
	if err != nil {
		return err
	}
	err = s.applyStaged(fn, progress)
	release()
	s.publish(Change{All: true})
	return err
}

func (s *Store) applyStaged(fn func(st *Stager) error, progress func(phase string, n int)) error {
	run := record.NewID()
	prefix := []byte(stageRoot + run + "/")
	wb := s.db.NewWriteBatch()
	st := &Stager{wb: wb, prefix: prefix}
	err := fn(st)
	if err == nil {
		err = wb.Flush()
	} else {
		wb.Cancel()
	}
	if err != nil {
		return errors.Join(err, s.dropPrefix(prefix))
	}
	if err := s.db.Update(func(txn *badger.Txn) error { return txn.Set([]byte(stagedKey), []byte(run)) }); err != nil {
		return errors.Join(fmt.Errorf("storage: commit staged change: %w", err), s.dropPrefix(prefix))
	}
	if progress != nil {
		progress("apply", st.n)
	}
	return s.finishStaged()
}

// finishStaged completes a committed staged run and removes abandoned ones.
// Open calls it, so a crash in the middle is finished before anyone reads.
func (s *Store) finishStaged() error {
	var run string
	err := s.db.View(func(txn *badger.Txn) error {
		item, err := txn.Get([]byte(stagedKey))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		v, err := item.ValueCopy(nil)
		run = string(v)
		return err
	})
	if err != nil {
		return fmt.Errorf("storage: read staged marker: %w", err)
	}
	if run != "" {
		if err := s.copyStaged([]byte(stageRoot + run + "/")); err != nil {
			return err
		}
		if err := s.db.Update(func(txn *badger.Txn) error { return txn.Delete([]byte(stagedKey)) }); err != nil {
			return fmt.Errorf("storage: clear staged marker: %w", err)
		}
	}
	return s.dropPrefix([]byte(stageRoot))
}

// copyStaged writes every staged value over its real key and removes the
// staged copy. A copy cut short is simply run again: what it had applied is
// applied, the rest is still staged.
func (s *Store) copyStaged(prefix []byte) error {
	return s.batchOver(prefix, "apply staged change", func(wb *badger.WriteBatch, item *badger.Item) error {
		val, err := item.ValueCopy(nil)
		if err != nil {
			return err
		}
		key := bytes.Clone(item.Key()[len(prefix):])
		if len(val) == 0 {
			err = wb.Delete(key)
		} else {
			err = wb.Set(key, val)
		}
		if err != nil {
			return err
		}
		return wb.Delete(item.KeyCopy(nil)) // the staged copy goes in the same pass
	})
}

// dropPrefix deletes every key under prefix.
func (s *Store) dropPrefix(prefix []byte) error {
	return s.batchOver(prefix, "remove staged values", func(wb *badger.WriteBatch, item *badger.Item) error {
		return wb.Delete(item.KeyCopy(nil))
	})
}

// batchOver walks every key under prefix in one read transaction, lets each
// add its writes to one write batch, and flushes the batch.
func (s *Store) batchOver(prefix []byte, what string, each func(wb *badger.WriteBatch, item *badger.Item) error) error {
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	err := s.db.View(func(txn *badger.Txn) error {
		opts := badger.DefaultIteratorOptions
		opts.PrefetchValues = false
		opts.Prefix = prefix
		it := txn.NewIterator(opts)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if err := each(wb, it.Item()); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		err = wb.Flush()
	}
	if err != nil {
		return fmt.Errorf("storage: %s: %w", what, err)
	}
	return nil
}

// RawGet returns a copy of the value at key, or nil when absent.
func (tx *Tx) RawGet(key []byte) ([]byte, error) {
	item, err := tx.txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("storage: read %s: %w", key, err)
	}
	return item.ValueCopy(nil)
}

// emptyLogText is how Badger refuses a log file of zero bytes: a crash
// between creating a memtable's or the value log's next file and sizing it
// (a tiny window, but a kill -9 during a large import finds it) leaves one,
// and Badger then cannot open the folder at all.
const emptyLogText = "Create a new file"

// openBadger opens the folder; when Badger trips over such a log it removes
// the value-log files that were never started (empty, or with no header: a
// started file's header holds a random IV, so it is never all zeros) and
// tries again. An empty memtable file needs no removal: the failed open has
// sized it and written its header, so the next open reads it as an empty
// memtable. Neither kind of file holds a record.
func openBadger(dir string, o badger.Options) (*badger.DB, error) {
	db, err := badger.Open(o)
	for range 4 {
		if err == nil || !strings.Contains(err.Error(), emptyLogText) {
			return db, err
		}
		if ents, rerr := os.ReadDir(dir); rerr == nil {
			for _, e := range ents {
				if path := filepath.Join(dir, e.Name()); strings.HasSuffix(e.Name(), ".vlog") && unstarted(path) {
					_ = os.Remove(path)
				}
			}
		}
		db, err = badger.Open(o)
	}
	return db, err
}

// logHeader is the size of a Badger log file's header (key id and IV).
const logHeader = 20

func unstarted(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, logHeader)
	n, err := io.ReadFull(f, head)
	if n == 0 {
		return true
	}
	if err != nil {
		return false
	}
	return !slices.ContainsFunc(head, func(b byte) bool { return b != 0 })
}
