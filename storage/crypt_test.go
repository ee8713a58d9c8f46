package storage

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/fault"
	"keystone/core/record"
)

func jsonEncode(w io.Writer, v any) error { return json.NewEncoder(w).Encode(v) }

// secretName is the known account name that must never be readable in an
// encrypted folder's files.
const secretName = "华东精密机械有限公司"

const pass1, pass2 = "青山绿水 long pass 1", "另一个口令 second pass 2"

// plaintextIn lists the files under dir whose bytes contain s.
func plaintextIn(t *testing.T, dir, s string) []string {
	t.Helper()
	var hits []string
	needle := []byte(s)
	require.NoError(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		require.NoError(t, err)
		if d.Type().IsRegular() {
			b, err := os.ReadFile(p)
			require.NoError(t, err)
			if bytes.Contains(b, needle) {
				hits = append(hits, filepath.Base(p))
			}
		}
		return nil
	}))
	return hits
}

// filesDigest hashes every file under dir (name and content), to prove a
// refused operation touched nothing.
func filesDigest(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	require.NoError(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		require.NoError(t, err)
		if d.Type().IsRegular() {
			b, err := os.ReadFile(p)
			require.NoError(t, err)
			rel, _ := filepath.Rel(dir, p)
			h.Write([]byte(rel))
			h.Write(b)
		}
		return nil
	}))
	return string(h.Sum(nil))
}

// writeNamed stores enough records with the secret name to force memtable
// flushes into encrypted tables, and returns one key to read back.
func writeNamed(t *testing.T, s *Store, n int) []byte {
	t.Helper()
	var key []byte
	for i := range n {
		it := &item{Meta: record.Meta{ID: record.NewID()}, Name: secretName, Note: strings.Repeat("备注 note ", 40) + itemName(i)}
		key = AccountKey(it.ID)
		put(t, s, key, it)
	}
	return key
}

func TestEncryptionOptionsNeedIndexCache(t *testing.T) {
	o := encryptedOptions("/x", bytes.Repeat([]byte{7}, 32))
	assert.Len(t, o.EncryptionKey, 32)
	// DESIGN.md: without an index cache the first flush of an encrypted
	// folder panics in a background goroutine and kills the process.
	assert.Positive(t, o.IndexCacheSize)
	assert.Empty(t, encryptedOptions("/x", nil).EncryptionKey)
}

func TestEncryptionFlushesAndReopens(t *testing.T) {
	// More than two 8 MB memtables' worth of writes in one batch forces
	// flushes into encrypted tables: the code path that panics without an
	// index cache. Reopening then reads them back.
	dir := t.TempDir()
	s := openT(t, dir, Options{})
	require.NoError(t, s.EnableEncryption(pass1))
	big := strings.Repeat("大客户 key account ", 200)
	var last []byte
	require.NoError(t, s.Bulk(func(b *Bulk) error {
		for i := range 12000 {
			it := &item{Meta: record.Meta{ID: record.NewID()}, Name: secretName, Note: big + itemName(i)}
			last = GlobalKey("bulk", it.ID)
			if err := b.Put(last, it); err != nil {
				return err
			}
		}
		return nil
	}))
	require.NoError(t, s.Close())
	var sst int
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".sst") {
			sst++
		}
	}
	assert.Positive(t, sst, "the writes were flushed into tables")
	assert.Empty(t, plaintextIn(t, dir, secretName))
	s2 := openT(t, dir, Options{Passphrase: pass1})
	assert.Equal(t, secretName, get(t, s2, last).Name)
}

func TestEncryptionLifecycle(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "数据 data")
	s, err := Open(dir, Options{Clock: &manualClock{t: t0}})
	require.NoError(t, err)
	key := writeNamed(t, s, 50)
	before := allKV(t, s)
	require.NotEmpty(t, plaintextIn(t, dir, secretName), "a plain folder shows the name (the scan works)")

	var all atomic.Int32
	s.Subscribe(func(c Change) {
		if c.All {
			all.Add(1)
		}
	})

	// Turn on: too short a passphrase is refused first.
	requireFault(t, s.EnableEncryption("short"), fault.Invalid, "passphrase_short")
	require.NoError(t, s.EnableEncryption(pass1))
	assert.EqualValues(t, 1, all.Load(), "caches are told everything changed")
	assert.True(t, s.Encrypted())
	assert.Equal(t, before, allKV(t, s), "the data survives the rewrite")
	requireFault(t, s.EnableEncryption(pass2), fault.Invalid, "already_encrypted")
	writeNamed(t, s, 20) // writes after encryption
	after := allKV(t, s)
	require.NoError(t, s.Close())

	assert.Empty(t, plaintextIn(t, dir, secretName), "no plaintext of the name in any file")
	assert.NoDirExists(t, dir+nextSuffix)
	assert.NoDirExists(t, dir+prevSuffix, "the plain copy is gone")
	assert.FileExists(t, filepath.Join(dir, KeyFileName))

	// Without a passphrase, and with a wrong one: one sentence, nothing touched.
	snapshot := filesDigest(t, dir)
	_, err = Open(dir, Options{})
	requireFault(t, err, fault.Invalid, RulePassphraseRequired)
	_, err = Open(dir, Options{Passphrase: pass2})
	fe := requireFault(t, err, fault.Invalid, RuleWrongPassphrase)
	assert.Equal(t, "That passphrase is not the right one; nothing was changed.", fe.Message)
	assert.Equal(t, snapshot, filesDigest(t, dir), "a refused open changes no byte")

	// Change the passphrase: only the key file changes.
	s, err = Open(dir, Options{Passphrase: pass1})
	require.NoError(t, err)
	requireFault(t, s.ChangePassphrase(pass2, "新口令 new pass 3"), fault.Invalid, RuleWrongPassphrase)
	require.NoError(t, s.ChangePassphrase(pass1, pass2))
	assert.Equal(t, after, allKV(t, s))
	require.NoError(t, s.Close())
	_, err = Open(dir, Options{Passphrase: pass1})
	requireFault(t, err, fault.Invalid, RuleWrongPassphrase)

	// Turn off, with the passphrase.
	s, err = Open(dir, Options{Passphrase: pass2})
	require.NoError(t, err)
	requireFault(t, s.DisableEncryption(pass1), fault.Invalid, RuleWrongPassphrase)
	assert.True(t, s.Encrypted())
	require.NoError(t, s.DisableEncryption(pass2))
	assert.False(t, s.Encrypted())
	assert.Equal(t, after, allKV(t, s))
	assert.Equal(t, secretName, get(t, s, key).Name)
	require.NoError(t, s.Close())
	assert.NoFileExists(t, filepath.Join(dir, KeyFileName))
	s = openT(t, dir, Options{})
	assert.Equal(t, after, allKV(t, s))
}

func TestKeyMismatchIsOneSentence(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, Options{})
	require.NoError(t, err)
	require.NoError(t, s.EnableEncryption(pass1))
	writeNamed(t, s, 5)
	require.NoError(t, s.Close())
	// Another folder's key file: its passphrase opens the file, but the data
	// key does not fit the data.
	other := t.TempDir()
	o, err := Open(other, Options{})
	require.NoError(t, err)
	require.NoError(t, o.EnableEncryption(pass1))
	require.NoError(t, o.Close())
	kf, err := os.ReadFile(filepath.Join(other, KeyFileName))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, KeyFileName), kf, 0o600))
	_, err = Open(dir, Options{Passphrase: pass1})
	fe := requireFault(t, err, fault.Invalid, RuleKeyMismatch)
	assert.Contains(t, fe.Message, "Encryption key mismatch")
}

func TestLockedStoreUnlocks(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, Options{})
	require.NoError(t, err)
	key := writeNamed(t, s, 3)
	require.NoError(t, s.EnableEncryption(pass1))
	require.NoError(t, s.Close())

	s, err = Open(dir, Options{StartLocked: true})
	require.NoError(t, err)
	defer s.Close()
	assert.True(t, s.Locked())
	assert.True(t, s.Encrypted())
	assert.Zero(t, s.SchemaVersion())
	err = s.View(func(*Tx) error { return nil })
	requireFault(t, err, fault.Locked, RuleStoreLocked)
	requireFault(t, s.Update(func(*Tx) error { return nil }), fault.Locked, RuleStoreLocked)
	var changes []Change
	s.Subscribe(func(c Change) { changes = append(changes, c) })

	requireFault(t, s.Unlock(pass2), fault.Invalid, RuleWrongPassphrase)
	assert.True(t, s.Locked())
	require.NoError(t, s.Unlock(pass1))
	assert.False(t, s.Locked())
	assert.Equal(t, []Change{{All: true}}, changes)
	assert.Equal(t, secretName, get(t, s, key).Name)
	assert.Equal(t, CurrentSchema, s.SchemaVersion())
	require.NoError(t, s.Unlock("anything"), "unlocking an open store is a no-op")
}

func TestEncryptedBackupRoundTrip(t *testing.T) {
	dir := t.TempDir()
	s := openT(t, dir, Options{})
	writeNamed(t, s, 30)
	require.NoError(t, s.EnableEncryption(pass1))
	want := allKV(t, s)
	file := filepath.Join(t.TempDir(), "enc"+BackupExt)
	m, _, err := s.BackupFile(file, BackupOptions{})
	require.NoError(t, err)
	assert.True(t, m.Encrypted)
	assert.Equal(t, 30, m.Counts["account"])
	assert.Empty(t, plaintextIn(t, filepath.Dir(file), secretName), "the backup file shows no plaintext")

	target := filepath.Join(t.TempDir(), "r")
	_, err = RestoreFile(file, target, RestoreOptions{})
	requireFault(t, err, fault.Invalid, RulePassphraseRequired)
	_, err = RestoreFile(file, target, RestoreOptions{Passphrase: pass2})
	requireFault(t, err, fault.Invalid, RuleWrongPassphrase)
	assert.NoDirExists(t, target)
	_, err = RestoreFile(file, target, RestoreOptions{Passphrase: pass1})
	require.NoError(t, err)
	assert.Empty(t, plaintextIn(t, target, secretName), "the restored folder is encrypted too")
	_, err = Open(target, Options{})
	requireFault(t, err, fault.Invalid, RulePassphraseRequired)
	r := openT(t, target, Options{Passphrase: pass1})
	assert.Equal(t, want, allKV(t, r))

	// A changed byte in the sealed payload is refused.
	good, err := os.ReadFile(file)
	require.NoError(t, err)
	off, n := payloadOffset(t, file)
	good[off+n/3] ^= 1
	bad := filepath.Join(t.TempDir(), "bad"+BackupExt)
	require.NoError(t, os.WriteFile(bad, good, 0o600))
	_, err = RestoreFile(bad, filepath.Join(t.TempDir(), "x"), RestoreOptions{Passphrase: pass1})
	requireFault(t, err, fault.Invalid, "backup_damaged")
}

func TestRestoreInPlace(t *testing.T) {
	src := openT(t, t.TempDir(), Options{})
	fillSmall(t, src, 10)
	want := allKV(t, src)
	file := filepath.Join(t.TempDir(), "b"+BackupExt)
	_, _, err := src.BackupFile(file, BackupOptions{})
	require.NoError(t, err)

	dir := t.TempDir()
	s := openT(t, dir, Options{})
	writeNamed(t, s, 4)
	var all int
	s.Subscribe(func(c Change) {
		if c.All {
			all++
		}
	})
	// A damaged backup changes nothing.
	b, _ := os.ReadFile(file)
	bad := filepath.Join(t.TempDir(), "bad"+BackupExt)
	require.NoError(t, os.WriteFile(bad, b[:len(b)-40], 0o600))
	mine := allKV(t, s)
	_, err = s.RestoreInPlace(bad, "")
	requireFault(t, err, fault.Invalid, "backup_damaged")
	assert.Equal(t, mine, allKV(t, s))
	assert.Zero(t, all)

	_, err = s.RestoreInPlace(file, "")
	require.NoError(t, err)
	assert.Equal(t, 1, all)
	assert.Equal(t, want, allKV(t, s), "the store now holds the backup's data")
	put(t, s, GlobalKey("after", record.NewID()), newItem(1)) // and keeps working
	assert.NoDirExists(t, dir+nextSuffix)
	assert.NoDirExists(t, dir+prevSuffix)
}

func TestInterruptedRewriteRecovers(t *testing.T) {
	// Build the three states a crash can leave, then open.
	mk := func(t *testing.T, dir string, name string) {
		s, err := Open(dir, Options{})
		require.NoError(t, err)
		put(t, s, GlobalKey("who", "1"), &item{Meta: record.Meta{ID: "1"}, Name: name})
		require.NoError(t, s.Close())
	}
	read := func(t *testing.T, dir string) string {
		s := openT(t, dir, Options{})
		return get(t, s, GlobalKey("who", "1")).Name
	}
	t.Run("new folder unfinished: dropped", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "d")
		mk(t, dir, "旧 old")
		mk(t, dir+nextSuffix, "新 new")
		assert.Equal(t, "旧 old", read(t, dir))
		assert.NoDirExists(t, dir+nextSuffix)
	})
	t.Run("old set aside, new complete: swap finished", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "d")
		mk(t, dir+prevSuffix, "旧 old")
		mk(t, dir+nextSuffix, "新 new")
		require.NoError(t, os.WriteFile(filepath.Join(dir+nextSuffix, completeMarker), nil, 0o600))
		assert.Equal(t, "新 new", read(t, dir))
		assert.NoDirExists(t, dir+prevSuffix)
		assert.NoFileExists(t, filepath.Join(dir, completeMarker))
	})
	t.Run("old set aside, new incomplete: old put back", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "d")
		mk(t, dir+prevSuffix, "旧 old")
		mk(t, dir+nextSuffix, "新 new")
		assert.Equal(t, "旧 old", read(t, dir))
		assert.NoDirExists(t, dir+nextSuffix)
	})
	t.Run("swapped, old not yet removed: old removed", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "d")
		mk(t, dir, "新 new")
		mk(t, dir+prevSuffix, "旧 old")
		assert.Equal(t, "新 new", read(t, dir))
		assert.NoDirExists(t, dir+prevSuffix)
	})
}

func TestStats(t *testing.T) {
	s := openT(t, t.TempDir(), Options{})
	fillSmall(t, s, 4)
	st, err := s.Stats()
	require.NoError(t, err)
	assert.Equal(t, Counts{"account": 4, "contact": 12, "action": 4, "meta": 1}, st.Counts)
	assert.Positive(t, st.Bytes)
	assert.False(t, st.Encrypted)
	assert.False(t, st.Locked)
}
