package storage

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/dgraph-io/badger/v4"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/account"
	"keystone/core/record"
)

// TestOpenAfterCrashLeftEmptyLogs: a crash right after Badger created its
// next memtable or value-log file leaves it empty; the folder must still open
// with every record.
func TestOpenAfterCrashLeftEmptyLogs(t *testing.T) {
	for _, name := range []string{"00009.mem", "000002.vlog"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			s, err := Open(dir, Options{})
			require.NoError(t, err)
			a := &account.Account{Meta: record.Meta{ID: record.NewID()}, Name: "华东化工", Currency: "CNY"}
			require.NoError(t, s.Update(func(tx *Tx) error { return tx.Put(AccountKey(a.ID), account.KindAccount, a) }))
			require.NoError(t, s.Close())
			require.NoError(t, os.WriteFile(filepath.Join(dir, name), nil, 0o644))

			s, err = Open(dir, Options{})
			require.NoError(t, err)
			defer s.Close()
			var got account.Account
			require.NoError(t, s.View(func(tx *Tx) error { return tx.Get(AccountKey(a.ID), account.KindAccount, &got) }))
			assert.Equal(t, "华东化工", got.Name)
		})
	}
}

// TestApplyStaged: a staged set lands whole, a failed one leaves nothing,
// and a run cut after its commit point is finished by the next open.
func TestApplyStaged(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, Options{})
	require.NoError(t, err)
	var changes []Change
	s.Subscribe(func(c Change) { changes = append(changes, c) })
	require.NoError(t, s.ApplyStaged(func(st *Stager) error {
		for i := range 3000 {
			if err := st.Put(GlobalKey("thing", record.NewID()), (fmt.Appendf(nil, `{"id":"x","rev":1,"n":%d}`, i))); err != nil {
				return err
			}
		}
		return nil
	}, nil))
	count := func() int {
		var n int
		require.NoError(t, s.View(func(tx *Tx) (err error) { n, err = tx.Count(GlobalPrefix("thing")); return err }))
		return n
	}
	assert.Equal(t, 3000, count())
	assert.True(t, changes[len(changes)-1].All)

	boom := assert.AnError
	err = s.ApplyStaged(func(st *Stager) error {
		for range 3000 {
			if err := st.Put(GlobalKey("thing", record.NewID()), []byte(`{}`)); err != nil {
				return err
			}
		}
		return boom
	}, nil)
	assert.ErrorIs(t, err, boom)
	assert.Equal(t, 3000, count())

	// Deletes are staged too.
	var first []byte
	require.NoError(t, s.View(func(tx *Tx) error {
		return tx.Scan(GlobalPrefix("thing"), func(k, _ []byte) error {
			if first == nil {
				first = append([]byte(nil), k...)
			}
			return nil
		})
	}))
	require.NoError(t, s.ApplyStaged(func(st *Stager) error { return st.Delete(first) }, nil))
	assert.Equal(t, 2999, count())

	// A run whose marker was set but not applied is applied at the next open.
	key := GlobalKey("thing", record.NewID())
	require.NoError(t, s.db.Update(func(txn *badger.Txn) error {
		if err := txn.Set([]byte(stageRoot+"RUN/"+string(key)), []byte(`{"id":"y","rev":1}`)); err != nil {
			return err
		}
		if err := txn.Set([]byte(stageRoot+"OLD/"+string(GlobalKey("thing", "zzz"))), []byte(`{}`)); err != nil {
			return err
		}
		return txn.Set([]byte(stagedKey), []byte("RUN"))
	}))
	require.NoError(t, s.Close())
	s, err = Open(dir, Options{})
	require.NoError(t, err)
	defer s.Close()
	assert.Equal(t, 3000, count(), "the committed run landed, the abandoned one did not")
	var left int
	require.NoError(t, s.View(func(tx *Tx) (err error) { left, err = tx.Count([]byte("tmp/")); return err }))
	assert.Zero(t, left)
}
