package storage

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/dgraph-io/badger/v4"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/fault"
	"keystone/core/record"
)

// allKV reads every key and value of the store.
func allKV(t testing.TB, s *Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	require.NoError(t, s.View(func(tx *Tx) error {
		return tx.Scan(nil, func(k, v []byte) error { out[string(k)] = string(v); return nil })
	}))
	return out
}

// fillSmall writes accounts, children and globals, then updates and
// archives some, so the backup carries several versions of a key.
func fillSmall(t testing.TB, s *Store, n int) {
	t.Helper()
	for i := range n {
		acct := &item{Meta: record.Meta{ID: record.NewID()}, Name: itemName(i) + " 华东精密机械有限公司"}
		put(t, s, AccountKey(acct.ID), acct)
		for j := range 3 {
			put(t, s, ChildKey(acct.ID, "contact", record.NewID()), newItem(i*10+j))
		}
		put(t, s, GlobalKey("action", record.NewID()), newItem(i))
		if i%3 == 0 {
			acct.Note = "改过 edited"
			put(t, s, AccountKey(acct.ID), acct)
		}
	}
}

func TestKindOf(t *testing.T) {
	tests := map[string]string{
		"acct/01A":                 "account",
		"ws/01A/contact/01C":       "contact",
		"ws/01A/plan/2026":         "plan",
		"ws/01A/winloss/x/y":       "winloss",
		"g/action/01X":             "action",
		"g/settings-portfolio/3":   "settings-portfolio",
		"meta/schema":              "meta",
		"ws/":                      "other",
		"g/":                       "other",
		"strange":                  "strange",
		"ws/01A/客户/01C":            "客户",
		"g/summary/01A":            "summary",
		"ws/01A/relationship/01R":  "relationship",
		"ws/01A/opportunity/01O/x": "opportunity",
	}
	for key, want := range tests {
		assert.Equal(t, want, KindOf([]byte(key)), key)
	}
}

func TestBackupRestoreRoundTrip(t *testing.T) {
	src := openT(t, t.TempDir(), Options{Clock: &manualClock{t: t0}})
	fillSmall(t, src, 40)
	want := allKV(t, src)

	file := filepath.Join(t.TempDir(), "备份 backup"+BackupExt)
	m, size, err := src.BackupFile(file, BackupOptions{AppVersion: "9.9.9"})
	require.NoError(t, err)
	assert.Positive(t, size)
	assert.Equal(t, "9.9.9", m.AppVersion)
	assert.Equal(t, CurrentSchema, m.SchemaVersion)
	assert.Equal(t, Counts{"account": 40, "contact": 120, "action": 40, "meta": 1}, m.Counts)
	assert.Equal(t, 201, m.Records)
	assert.Len(t, m.SHA256, 64)
	assert.False(t, m.Encrypted)

	read, err := ReadBackupManifest(file)
	require.NoError(t, err)
	assert.Equal(t, m.SHA256, read.SHA256)

	target := filepath.Join(t.TempDir(), "恢复 restored")
	got, err := RestoreFile(file, target, RestoreOptions{})
	require.NoError(t, err)
	assert.Equal(t, m.Counts, got.Counts)
	dst := openT(t, target, Options{})
	assert.Equal(t, want, allKV(t, dst), "every key and value equal after restore")
	assert.Equal(t, CurrentSchema, dst.SchemaVersion())
	entries, err := os.ReadDir(filepath.Dir(target))
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no work folder left beside the restored one")
}

func TestRestoreRefusesNonEmptyTarget(t *testing.T) {
	src := openT(t, t.TempDir(), Options{})
	fillSmall(t, src, 2)
	file := filepath.Join(t.TempDir(), "b"+BackupExt)
	_, _, err := src.BackupFile(file, BackupOptions{})
	require.NoError(t, err)
	target := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(target, "keep.txt"), []byte("mine"), 0o600))
	_, err = RestoreFile(file, target, RestoreOptions{})
	requireFault(t, err, fault.Invalid, "restore_target_not_empty")
	b, err := os.ReadFile(filepath.Join(target, "keep.txt"))
	require.NoError(t, err)
	assert.Equal(t, "mine", string(b))

	// an existing empty folder is fine
	empty := t.TempDir()
	_, err = RestoreFile(file, empty, RestoreOptions{})
	require.NoError(t, err)
}

func TestBackupIntoDataFolderRefused(t *testing.T) {
	dir := t.TempDir()
	s := openT(t, dir, Options{})
	_, _, err := s.BackupFile(filepath.Join(dir, "x"+BackupExt), BackupOptions{})
	requireFault(t, err, fault.Invalid, "backup_inside_data")
	_, _, err = s.BackupFile(filepath.Join(dir, "no", "such", "x"+BackupExt), BackupOptions{})
	requireFault(t, err, fault.Invalid, "no_folder")
}

// payloadOffset finds where the data entry's bytes start in the file.
func payloadOffset(t *testing.T, file string) (int64, int64) {
	t.Helper()
	zr, err := zip.OpenReader(file)
	require.NoError(t, err)
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == payloadEntry {
			off, err := f.DataOffset()
			require.NoError(t, err)
			return off, int64(f.CompressedSize64)
		}
	}
	t.Fatal("no payload")
	return 0, 0
}

func TestTamperedAndTruncatedBackupsRefused(t *testing.T) {
	src := openT(t, t.TempDir(), Options{})
	fillSmall(t, src, 30)
	dir := t.TempDir()
	file := filepath.Join(dir, "good"+BackupExt)
	_, _, err := src.BackupFile(file, BackupOptions{})
	require.NoError(t, err)
	good, err := os.ReadFile(file)
	require.NoError(t, err)
	off, n := payloadOffset(t, file)

	flip := func(at int64) []byte {
		b := bytes.Clone(good)
		b[at] ^= 0x5a
		return b
	}
	cases := []struct {
		name string
		data []byte
		rule string
	}{
		{"payload byte changed at start", flip(off + 3), "backup_damaged"},
		{"payload byte changed in the middle", flip(off + n/2), "backup_damaged"},
		{"payload byte changed at end", flip(off + n - 2), "backup_damaged"},
		{"cut in the middle", good[:len(good)/2], "backup_damaged"},
		{"cut before the end", good[:len(good)-30], "backup_damaged"},
		{"empty file", nil, "backup_damaged"},
		{"not a backup", []byte("客户名称,联系人\n华为,张三\n"), "backup_damaged"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			bad := filepath.Join(t.TempDir(), "bad"+BackupExt)
			require.NoError(t, os.WriteFile(bad, tc.data, 0o600))
			target := filepath.Join(t.TempDir(), "target")
			_, err := RestoreFile(bad, target, RestoreOptions{})
			fe := requireFault(t, err, fault.Invalid, tc.rule)
			assert.Contains(t, fe.Message, "nothing was restored")
			assert.NoDirExists(t, target, "nothing is left behind")
			entries, _ := os.ReadDir(filepath.Dir(target))
			assert.Empty(t, entries, "no work folder left")
		})
	}

	// A zip that is not ours.
	other := filepath.Join(t.TempDir(), "other.zip")
	f, err := os.Create(other)
	require.NoError(t, err)
	zw := zip.NewWriter(f)
	w, _ := zw.Create("readme.txt")
	_, _ = w.Write([]byte("hello"))
	require.NoError(t, zw.Close())
	require.NoError(t, f.Close())
	_, err = RestoreFile(other, filepath.Join(t.TempDir(), "t"), RestoreOptions{})
	requireFault(t, err, fault.Invalid, "not_backup")

	_, err = RestoreFile(filepath.Join(dir, "missing"+BackupExt), filepath.Join(t.TempDir(), "t"), RestoreOptions{})
	requireFault(t, err, fault.NotFound, "backup_missing")
}

// A manifest whose counts disagree with the data is caught after the load,
// even though the payload's checksum is right.
func TestRestoreChecksCountsAfterLoad(t *testing.T) {
	src := openT(t, t.TempDir(), Options{})
	fillSmall(t, src, 5)
	var buf bytes.Buffer
	m, err := src.Backup(&buf, BackupOptions{})
	require.NoError(t, err)

	// Rewrite the archive with the same payload and a manifest claiming one
	// more contact.
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	require.NoError(t, err)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if f.Name == manifestEntry {
			continue
		}
		require.NoError(t, zw.Copy(f))
	}
	m.Counts["contact"]++
	w, err := zw.Create(manifestEntry)
	require.NoError(t, err)
	require.NoError(t, jsonEncode(w, m))
	require.NoError(t, zw.Close())
	file := filepath.Join(t.TempDir(), "lying"+BackupExt)
	require.NoError(t, os.WriteFile(file, out.Bytes(), 0o600))

	target := filepath.Join(t.TempDir(), "t")
	_, err = RestoreFile(file, target, RestoreOptions{})
	fe := requireFault(t, err, fault.Invalid, "backup_damaged")
	assert.Contains(t, fe.Message, "contact: 16 expected, 15 found")
	assert.NoDirExists(t, target)
}

// A key removed with Badger's own delete (not a tombstoned record) is
// neither counted nor restored; older versions of a record are not either.
func TestBackupHoldsLatestLiveValues(t *testing.T) {
	s := openT(t, t.TempDir(), Options{})
	fillSmall(t, s, 6)
	gone := GlobalKey("gone", "x")
	put(t, s, gone, newItem(1))
	require.NoError(t, s.db.Update(func(txn *badger.Txn) error { return txn.Delete(gone) }))
	var buf bytes.Buffer
	m, err := s.Backup(&buf, BackupOptions{})
	require.NoError(t, err)
	want, _, err := scanDB(s.db)
	require.NoError(t, err)
	assert.Equal(t, want, m.Counts)
	assert.Zero(t, m.Counts["gone"])

	file := filepath.Join(t.TempDir(), "b"+BackupExt)
	require.NoError(t, os.WriteFile(file, buf.Bytes(), 0o600))
	target := filepath.Join(t.TempDir(), "r")
	_, err = RestoreFile(file, target, RestoreOptions{})
	require.NoError(t, err)
	r := openT(t, target, Options{})
	assert.Equal(t, allKV(t, s), allKV(t, r))
}
