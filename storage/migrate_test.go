package storage

import (
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/fault"
	"keystone/core/record"
)

// recorder builds migrations that log their runs and leave a marker record,
// so a test can see order, count and atomicity.
type recorder struct{ ran []int }

func (r *recorder) migration(v int, fail error) Migration {
	return Migration{Version: v, Name: "step " + strconv.Itoa(v), Up: func(tx *Tx) error {
		r.ran = append(r.ran, v)
		id := "M" + strconv.Itoa(v)
		if err := tx.Put(GlobalKey("marker", id), "marker", &item{Meta: record.Meta{ID: id}}); err != nil {
			return err
		}
		return fail
	}}
}

func (r *recorder) list(versions ...int) []Migration {
	ms := make([]Migration, len(versions))
	for i, v := range versions {
		ms[i] = r.migration(v, nil)
	}
	return ms
}

func markers(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	require.NoError(t, s.View(func(tx *Tx) (err error) {
		n, err = tx.Count(GlobalPrefix("marker"))
		return err
	}))
	return n
}

func TestDefaultMigrations(t *testing.T) {
	ms := DefaultMigrations()
	require.NoError(t, checkMigrations(ms))
	assert.Equal(t, CurrentSchema, ms[len(ms)-1].Version)
	assert.Equal(t, "initial layout", ms[0].Name)

	s := openT(t, t.TempDir(), Options{})
	assert.Equal(t, CurrentSchema, s.SchemaVersion())
	v, err := readSchema(s.db)
	require.NoError(t, err)
	assert.Equal(t, CurrentSchema, v, "a fresh folder records the current version")
}

func TestMigrationsRunInOrderOnce(t *testing.T) {
	dir := t.TempDir()
	r := &recorder{}
	s, err := Open(dir, Options{Migrations: r.list(1, 2, 5)})
	require.NoError(t, err)
	assert.Equal(t, []int{1, 2, 5}, r.ran)
	assert.Equal(t, 5, s.SchemaVersion())
	assert.Equal(t, 3, markers(t, s))
	require.NoError(t, s.Close())

	r.ran = nil
	s, err = Open(dir, Options{Migrations: r.list(1, 2, 5)})
	require.NoError(t, err)
	assert.Empty(t, r.ran, "applied migrations do not run again")
	require.NoError(t, s.Close())

	s = openT(t, dir, Options{Migrations: r.list(1, 2, 5, 6, 7)})
	assert.Equal(t, []int{6, 7}, r.ran, "only the pending ones, in order")
	assert.Equal(t, 7, s.SchemaVersion())
	assert.Equal(t, 5, markers(t, s))
}

func TestFailingMigrationKeepsVersion(t *testing.T) {
	dir := t.TempDir()
	r := &recorder{}
	s, err := Open(dir, Options{Migrations: r.list(1)})
	require.NoError(t, err)
	require.NoError(t, s.Close())

	boom := errors.New("boom")
	ms := append(r.list(1, 2), r.migration(3, boom), r.migration(4, nil))
	r.ran = nil
	_, err = Open(dir, Options{Migrations: ms})
	fe := requireFault(t, err, fault.Internal, "migration_failed")
	assert.ErrorIs(t, err, boom)
	assert.Contains(t, fe.Message, "schema version 3 (step 3)")
	assert.Equal(t, []int{2, 3}, r.ran, "nothing runs after the failure")

	// Version 2 committed before 3 failed; 3's marker was rolled back with it.
	r.ran = nil
	s = openT(t, dir, Options{Migrations: r.list(1, 2)})
	assert.Empty(t, r.ran)
	assert.Equal(t, 2, s.SchemaVersion())
	assert.Equal(t, 2, markers(t, s))
}

func TestBadMigrationListRefused(t *testing.T) {
	r := &recorder{}
	for _, versions := range [][]int{{0}, {1, 1}, {2, 1}, {-1, 1}} {
		_, err := Open(t.TempDir(), Options{Migrations: r.list(versions...)})
		requireFault(t, err, fault.Internal, "bad_migrations")
	}
	assert.Empty(t, r.ran)
}

// snapshot is every file in dir with its content hash.
func snapshot(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	files := map[string][32]byte{}
	require.NoError(t, filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		files[rel] = sha256.Sum256(b)
		return nil
	}))
	return files
}

func TestNewerSchemaRefused(t *testing.T) {
	dir := t.TempDir()
	r := &recorder{}
	s, err := Open(dir, Options{Migrations: r.list(1, 2, 3)})
	require.NoError(t, err)
	keep := newItem(1)
	put(t, s, AccountKey(keep.ID), keep)
	require.NoError(t, s.Close())
	before := snapshot(t, dir)

	r.ran = nil
	_, err = Open(dir, Options{Migrations: r.list(1, 2)})
	fe := requireFault(t, err, fault.NewerSchema, "newer_schema")
	assert.Equal(t, map[string]any{"found": 3, "supported": 2}, fe.Params)
	assert.Contains(t, fe.Message, "newer Keystone")
	assert.Contains(t, fe.Message, "update Keystone")
	assert.Empty(t, r.ran)
	assert.Equal(t, before, snapshot(t, dir), "the folder is left exactly as it was")

	s = openT(t, dir, Options{Migrations: r.list(1, 2, 3)})
	assert.Equal(t, 3, s.SchemaVersion())
	assert.Equal(t, keep, get(t, s, AccountKey(keep.ID)))

	// The read-write handle checks again (where no read-only probe could run,
	// e.g. after a crash), also before writing.
	err = s.migrate(r.list(1))
	fe = requireFault(t, err, fault.NewerSchema, "newer_schema")
	assert.Equal(t, map[string]any{"found": 3, "supported": 1}, fe.Params)
	assert.Empty(t, r.ran)
	v, err := readSchema(s.db)
	require.NoError(t, err)
	assert.Equal(t, 3, v)
}
