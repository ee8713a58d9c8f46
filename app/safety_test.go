package app

import (
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/account"
	"keystone/core/action"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/sample"
	"keystone/storage"
)

// everything reads every key and value of a store.
func everything(t testing.TB, st *storage.Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	require.NoError(t, st.View(func(tx *storage.Tx) error {
		return tx.Scan(nil, func(k, v []byte) error { out[string(k)] = string(v); return nil })
	}))
	return out
}

func openStore(t testing.TB, dir string, opts storage.Options) *storage.Store {
	t.Helper()
	st, err := storage.Open(dir, opts)
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// TestRestoreRoundTripSizeM backs up a generated M portfolio (every area)
// and restores it into a new folder: every key and value is equal, and the
// manifest counts each record kind.
func TestRestoreRoundTripSizeM(t *testing.T) {
	if testing.Short() {
		t.Skip("size M")
	}
	clock := calendar.Fixed{T: testNow}
	src := openStore(t, t.TempDir(), storage.Options{Clock: clock})
	sum, err := LoadPortfolio(src, sample.Generate(sample.Size("m"), 3, calendar.Today(clock)))
	require.NoError(t, err)
	want := everything(t, src)

	a := New(src, clock)
	file := filepath.Join(t.TempDir(), "m"+storage.BackupExt)
	run, err := a.Data.BackupNow(file, false)
	require.NoError(t, err)
	assert.Equal(t, len(want), run.Records)
	m, err := storage.ReadBackupManifest(file)
	require.NoError(t, err)
	assert.Equal(t, Version, m.AppVersion)
	assert.Equal(t, sum.Accounts, m.Counts["account"])
	assert.Equal(t, sum.Contacts, m.Counts[account.KindContact])
	assert.Equal(t, sum.Activities, m.Counts[account.KindActivity])
	assert.Equal(t, sum.Actions+sum.Items[action.Kind], m.Counts[action.Kind])
	for kind, n := range sum.Items {
		if kind != action.Kind {
			assert.Equal(t, n, m.Counts[kind], kind)
		}
	}
	byKind := storage.Counts{}
	for k := range want {
		byKind[storage.KindOf([]byte(k))]++
	}
	assert.Equal(t, byKind, m.Counts, "the manifest counts every kind in the folder")

	target := filepath.Join(t.TempDir(), "恢复")
	_, err = storage.RestoreFile(file, target, storage.RestoreOptions{})
	require.NoError(t, err)
	dst := openStore(t, target, storage.Options{Clock: clock})
	got := everything(t, dst)
	require.Equal(t, len(want), len(got))
	for k, v := range want {
		if got[k] != v {
			t.Fatalf("%s differs after restore", k)
		}
	}
}

func TestBackupNowAndRestoreInPlace(t *testing.T) {
	a := newTestApp(t)
	mustCreate(t, a, account.Account{Name: "北方重工集团", Industry: "industrial", Country: "CN", Owner: "李娜"})
	dir := t.TempDir()
	file := filepath.Join(dir, "手动备份")
	run, err := a.Data.BackupNow(file, false)
	require.NoError(t, err)
	assert.Equal(t, file+storage.BackupExt, run.Path, "the extension is added")
	_, err = a.Data.BackupNow(file, false)
	assertFault(t, err, fault.Invalid, "path", "file_exists")
	_, err = a.Data.BackupNow("relative/x", false)
	assertFault(t, err, fault.Invalid, "path", "path_not_absolute")

	info, err := a.Data.Safety()
	require.NoError(t, err)
	require.NotNil(t, info.Last)
	assert.Equal(t, run.Path, info.Last.Path)
	assert.Positive(t, info.Bytes)
	assert.Equal(t, 1, info.Counts["account"])
	assert.False(t, info.Encrypted)

	// Work on, then restore: the account made after the backup is gone,
	// the list (a cache) shows it at once, and a safety copy was kept.
	mustCreate(t, a, account.Account{Name: "南方电网物资公司", Industry: "energy", Country: "CN", Owner: "李娜"})
	list, err := a.Accounts.List(AccountFilter{})
	require.NoError(t, err)
	require.Len(t, list.Rows, 2)
	sumy, err := a.Data.InspectBackup(run.Path)
	require.NoError(t, err)
	assert.Equal(t, 1, sumy.Counts["account"])
	res, err := a.Data.RestoreBackup(run.Path, "")
	require.NoError(t, err)
	assert.FileExists(t, res.SafetyCopy)
	list, err = a.Accounts.List(AccountFilter{})
	require.NoError(t, err)
	require.Len(t, list.Rows, 1)
	assert.Equal(t, "北方重工集团", list.Rows[0].Name)
	m, err := storage.ReadBackupManifest(res.SafetyCopy)
	require.NoError(t, err)
	assert.Equal(t, 2, m.Counts["account"], "the safety copy holds the data as it was")
}

func TestLockedStartThenUnlock(t *testing.T) {
	dir := t.TempDir()
	clock := calendar.Fixed{T: testNow}
	st, err := storage.Open(dir, storage.Options{Clock: clock})
	require.NoError(t, err)
	a := New(st, clock)
	mustCreate(t, a, account.Account{Name: "华东精密机械有限公司", Industry: "industrial", Country: "CN", Owner: "王磊"})
	_, err = a.Accounts.List(AccountFilter{}) // fills the cache
	require.NoError(t, err)
	assertFault(t, a.Data.EnableEncryption("短"), fault.Invalid, "passphrase", "passphrase_short")
	require.NoError(t, a.Data.EnableEncryption("正确的口令 right one"))
	list, err := a.Accounts.List(AccountFilter{})
	require.NoError(t, err, "services keep working after the rewrite")
	require.Len(t, list.Rows, 1)
	require.NoError(t, st.Close())

	st = openStore(t, dir, storage.Options{Clock: clock, StartLocked: true})
	a = New(st, clock)
	wait := a.Warm()
	wait()
	info, err := a.Data.Safety()
	require.NoError(t, err)
	assert.True(t, info.Locked)
	assert.True(t, info.Encrypted)
	assert.Equal(t, st.Dir(), info.DataDir)
	_, err = a.Accounts.List(AccountFilter{})
	assertFault(t, err, fault.Locked, "", storage.RuleStoreLocked)

	assertFault(t, a.Data.Unlock("错误 wrong one"), fault.Invalid, "passphrase", storage.RuleWrongPassphrase)
	require.NoError(t, a.Data.Unlock("正确的口令 right one"))
	list, err = a.Accounts.List(AccountFilter{})
	require.NoError(t, err)
	require.Len(t, list.Rows, 1)
	assert.Equal(t, "华东精密机械有限公司", list.Rows[0].Name)
	info, err = a.Data.Safety()
	require.NoError(t, err)
	assert.False(t, info.Locked)
	assert.True(t, info.Encrypted)
}

// stepClock is a clock the test moves.
type stepClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *stepClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *stepClock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func autoFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

func TestAutomaticBackups(t *testing.T) {
	clock := &stepClock{t: testNow}
	st := openStore(t, t.TempDir(), storage.Options{Clock: clock})
	a := New(st, clock)
	mustCreate(t, a, account.Account{Name: "西部矿业", Industry: "energy", Country: "CN", Owner: "赵强"})

	_, err := a.Data.SaveAutoBackup(AutoBackupSettings{Enabled: true, Keep: 3})
	assertFault(t, err, fault.Invalid, "folder", "required")
	_, err = a.Data.SaveAutoBackup(AutoBackupSettings{Enabled: true, Folder: st.Dir(), Keep: 3})
	assertFault(t, err, fault.Invalid, "folder", "backup_inside_data")
	_, err = a.Data.SaveAutoBackup(AutoBackupSettings{Enabled: true, Folder: "/no/such/folder", Keep: 0})
	require.Error(t, err)
	assert.Len(t, fault.As(err).Issues, 2, "keep and folder")

	folder := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(folder, "mine.txt"), []byte("keep me"), 0o600))
	set, err := a.Data.SaveAutoBackup(AutoBackupSettings{Enabled: true, Folder: folder, Keep: 3})
	require.NoError(t, err)
	assert.EqualValues(t, 1, set.Rev)

	// Started: today's backup is made once, however often it is asked.
	stop := StartAutoBackup(a.Data)
	require.Eventually(t, func() bool { return len(autoFiles(t, folder)) == 2 }, 10*time.Second, 20*time.Millisecond)
	stop()
	path, err := a.Data.runAutoBackup()
	require.NoError(t, err)
	assert.Empty(t, path, "never two in one day")
	assert.Equal(t, []string{"keystone-auto-2026-11-23.ksbackup", "mine.txt"}, autoFiles(t, folder))

	// Five days on: only the last three stay; the user's own file is kept.
	for range 5 {
		clock.add(24 * time.Hour)
		path, err := a.Data.runAutoBackup()
		require.NoError(t, err)
		assert.NotEmpty(t, path)
	}
	assert.Equal(t, []string{"keystone-auto-2026-11-26.ksbackup", "keystone-auto-2026-11-27.ksbackup", "keystone-auto-2026-11-28.ksbackup", "mine.txt"}, autoFiles(t, folder))
	info, err := a.Data.Safety()
	require.NoError(t, err)
	require.NotNil(t, info.LastAuto)
	assert.Equal(t, filepath.Join(folder, "keystone-auto-2026-11-28.ksbackup"), info.LastAuto.Path)
	assert.Nil(t, info.AutoError)

	// The folder disappears (an unplugged drive): the failure is recorded and shown.
	require.NoError(t, os.RemoveAll(folder))
	clock.add(24 * time.Hour)
	_, err = a.Data.runAutoBackup()
	require.Error(t, err)
	info, err = a.Data.Safety()
	require.NoError(t, err)
	require.NotNil(t, info.AutoError)
	assert.Equal(t, "no_folder", info.AutoError.Rule)
	assert.Contains(t, info.AutoError.Message, folder)

	// It comes back: the next run succeeds and clears the failure.
	require.NoError(t, os.MkdirAll(folder, 0o700))
	_, err = a.Data.runAutoBackup()
	require.NoError(t, err)
	info, err = a.Data.Safety()
	require.NoError(t, err)
	assert.Nil(t, info.AutoError)
}
