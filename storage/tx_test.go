package storage

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/fault"
	"keystone/core/record"
)

var t0 = time.Date(2025, 3, 14, 9, 26, 53, 589793000, time.FixedZone("CST", 8*3600))

func requireFault(t *testing.T, err error, code fault.Code, rule string) *fault.Error {
	t.Helper()
	require.Error(t, err)
	var fe *fault.Error
	require.True(t, errors.As(err, &fe), "want *fault.Error, got %T: %v", err, err)
	assert.Equal(t, code, fe.Code, "code of %v", err)
	assert.Equal(t, rule, fe.Rule, "rule of %v", err)
	return fe
}

func TestKeys(t *testing.T) {
	tests := []struct {
		got  []byte
		want string
	}{
		{AccountKey("A1"), "acct/A1"},
		{AccountPrefix("A1"), "ws/A1/"},
		{ChildKey("A1", "contact", "C1"), "ws/A1/contact/C1"},
		{ChildPrefix("A1", "contact"), "ws/A1/contact/"},
		{GlobalKey("settings", "S1"), "g/settings/S1"},
		{GlobalPrefix("settings"), "g/settings/"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, string(tc.got))
	}
	assert.Equal(t, "C1", idFromKey(ChildKey("A1", "contact", "C1")))
	assert.Equal(t, "A1", idFromKey(AccountKey("A1")))
	// Builders return fresh slices, since Badger keeps keys until commit.
	a, b := AccountKey("A1"), AccountKey("A1")
	a[0] = 'X'
	assert.Equal(t, "acct/A1", string(b))
}

func TestRecordLifecycle(t *testing.T) {
	clock := &manualClock{t: t0}
	s := openT(t, t.TempDir(), Options{Clock: clock})
	acct := record.NewID()
	it := &item{Meta: record.Meta{ID: record.NewID()}, Name: "华为 Huawei"}
	key := ChildKey(acct, "item", it.ID)

	// Create.
	put(t, s, key, it)
	assert.Equal(t, int64(1), it.Rev)
	assert.Equal(t, t0.UTC(), it.CreatedAt)
	assert.Equal(t, t0.UTC(), it.UpdatedAt)
	assert.Equal(t, time.UTC, it.CreatedAt.Location())
	assert.Equal(t, it, get(t, s, key))

	// Update: rev advances, CreatedAt stays, UpdatedAt moves.
	t1 := t0.Add(time.Hour)
	clock.Set(t1)
	stale := *it
	it.Name = "华为技术 Huawei Technologies"
	put(t, s, key, it)
	assert.Equal(t, int64(2), it.Rev)
	assert.Equal(t, t0.UTC(), it.CreatedAt)
	assert.Equal(t, t1.UTC(), it.UpdatedAt)
	assert.Equal(t, it, get(t, s, key))

	// A stale write is refused and changes nothing, the caller's copy included.
	stale.Name = "overwrite"
	err := s.Update(func(tx *Tx) error { return tx.Put(key, "item", &stale) })
	fe := requireFault(t, err, fault.Conflict, "stale_rev")
	assert.Equal(t, map[string]any{"kind": "item", "id": it.ID, "have": int64(1), "current": int64(2)}, fe.Params)
	assert.Equal(t, int64(1), stale.Rev)
	assert.Equal(t, it, get(t, s, key))

	// Archive: a tombstone, still readable and listed.
	clock.Set(t1.Add(time.Minute))
	del := clock.Now().UTC()
	it.DeletedAt = &del
	put(t, s, key, it)
	assert.Equal(t, int64(3), it.Rev)
	got := get(t, s, key)
	require.NotNil(t, got.DeletedAt)
	assert.True(t, got.Deleted())
	assert.True(t, del.Equal(*got.DeletedAt))
	var listed []item
	require.NoError(t, s.View(func(tx *Tx) (err error) {
		listed, err = List[item](tx, ChildPrefix(acct, "item"))
		return err
	}))
	require.Len(t, listed, 1)
	assert.True(t, listed[0].Deleted())

	// Restore: clearing the tombstone is one more revision.
	it.DeletedAt = nil
	put(t, s, key, it)
	assert.Equal(t, int64(4), it.Rev)
	assert.False(t, get(t, s, key).Deleted())
}

func TestPutAndGetErrors(t *testing.T) {
	s := openT(t, t.TempDir(), Options{Clock: &manualClock{t: t0}})
	existing := &item{Meta: record.Meta{ID: record.NewID()}, Name: "existing"}
	put(t, s, GlobalKey("item", existing.ID), existing)
	other := record.NewID()

	tests := []struct {
		name string
		key  []byte
		rec  *item
		code fault.Code
		rule string
	}{
		{"no id", GlobalKey("item", "x"), &item{Name: "no id"}, fault.Internal, "missing_id"},
		{"update of a missing record", GlobalKey("item", other), &item{Meta: record.Meta{ID: other, Rev: 3}}, fault.NotFound, "not_found"},
		{"create over an existing record", GlobalKey("item", existing.ID), &item{Meta: record.Meta{ID: existing.ID}}, fault.Conflict, "stale_rev"},
		{"newer rev than stored", GlobalKey("item", existing.ID), &item{Meta: record.Meta{ID: existing.ID, Rev: 2}}, fault.Conflict, "stale_rev"},
		{"another record's key", GlobalKey("item", existing.ID), &item{Meta: record.Meta{ID: other, Rev: 1}}, fault.Internal, "key_taken"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := tc.rec.Meta
			err := s.Update(func(tx *Tx) error { return tx.Put(tc.key, "item", tc.rec) })
			requireFault(t, err, tc.code, tc.rule)
			assert.Equal(t, before, tc.rec.Meta, "a refused Put leaves the envelope alone")
		})
	}
	assert.Equal(t, existing, get(t, s, GlobalKey("item", existing.ID)))

	t.Run("get of a missing record", func(t *testing.T) {
		var dst item
		err := s.View(func(tx *Tx) error { return tx.Get(ChildKey("A", "contact", other), "contact", &dst) })
		fe := requireFault(t, err, fault.NotFound, "not_found")
		assert.Equal(t, map[string]any{"kind": "contact", "id": other}, fe.Params)
	})
	t.Run("nil record", func(t *testing.T) {
		err := s.Update(func(tx *Tx) error { return tx.Put(GlobalKey("item", other), "item", nil) })
		requireFault(t, err, fault.Internal, "no_record")
	})
	t.Run("put in a read-only transaction", func(t *testing.T) {
		rec := &item{Meta: record.Meta{ID: other}}
		err := s.View(func(tx *Tx) error { return tx.Put(GlobalKey("item", other), "item", rec) })
		require.Error(t, err)
		assert.Zero(t, rec.Rev)
	})
}

func TestUpdateRollsBackOnError(t *testing.T) {
	s := openT(t, t.TempDir(), Options{})
	a := &item{Meta: record.Meta{ID: record.NewID()}, Name: "a"}
	put(t, s, GlobalKey("item", a.ID), a)
	b := &item{Meta: record.Meta{ID: record.NewID()}, Name: "b"}
	aBefore := a.Meta

	boom := errors.New("boom")
	err := s.Update(func(tx *Tx) error {
		require.NoError(t, tx.Put(GlobalKey("item", a.ID), "item", a))
		require.NoError(t, tx.Put(GlobalKey("item", a.ID), "item", a)) // twice in one transaction
		require.NoError(t, tx.Put(GlobalKey("item", b.ID), "item", b))
		assert.Equal(t, int64(3), a.Rev, "a transaction reads its own writes")
		return boom
	})
	assert.Same(t, boom, err, "fn's error comes back as is")
	assert.Equal(t, aBefore, a.Meta)
	assert.Zero(t, b.Rev)
	assert.Equal(t, int64(1), get(t, s, GlobalKey("item", a.ID)).Rev)
	require.NoError(t, s.View(func(tx *Tx) error {
		ok, err := tx.Exists(GlobalKey("item", b.ID))
		assert.False(t, ok)
		return err
	}))
}

// TestUpdateRetriesBadgerConflict forces the race Badger detects at commit:
// the first attempt read rev 1, another writer committed rev 2 meanwhile, so
// the retry must see rev 2 and report a stale-rev conflict, never overwrite.
func TestUpdateRetriesBadgerConflict(t *testing.T) {
	s := openT(t, t.TempDir(), Options{})
	orig := &item{Meta: record.Meta{ID: record.NewID()}, Name: "v1"}
	key := GlobalKey("item", orig.ID)
	put(t, s, key, orig)

	mine, theirs := *orig, *orig
	mine.Name, theirs.Name = "mine", "theirs"
	read, written := make(chan struct{}), make(chan struct{})
	var once sync.Once
	attempts := 0
	errc := make(chan error, 1)
	go func() {
		errc <- s.Update(func(tx *Tx) error {
			attempts++
			if err := tx.Put(key, "item", &mine); err != nil {
				return err
			}
			once.Do(func() { close(read); <-written })
			return nil
		})
	}()
	<-read
	put(t, s, key, &theirs)
	close(written)

	fe := requireFault(t, <-errc, fault.Conflict, "stale_rev")
	assert.Equal(t, 2, attempts)
	assert.Equal(t, int64(1), fe.Params["have"])
	assert.Equal(t, int64(2), fe.Params["current"])
	assert.Equal(t, int64(1), mine.Rev, "the lost attempt's envelope is put back")
	got := get(t, s, key)
	assert.Equal(t, "theirs", got.Name)
	assert.Equal(t, int64(2), got.Rev)
}

func TestConcurrentUpdatesOneWinner(t *testing.T) {
	s := openT(t, t.TempDir(), Options{})
	const writers, rounds = 8, 10
	for round := range rounds {
		orig := &item{Meta: record.Meta{ID: record.NewID()}, Name: "start"}
		key := GlobalKey("item", orig.ID)
		put(t, s, key, orig)

		recs := make([]*item, writers)
		errs := make([]error, writers)
		start := make(chan struct{})
		var wg sync.WaitGroup
		for i := range writers {
			rec := *orig
			rec.Name = itemName(i)
			recs[i] = &rec
			wg.Go(func() {
				<-start
				errs[i] = s.Update(func(tx *Tx) error { return tx.Put(key, "item", recs[i]) })
			})
		}
		close(start)
		wg.Wait()

		winner := -1
		for i, err := range errs {
			if err == nil {
				require.Equal(t, -1, winner, "round %d: two writers won", round)
				winner = i
				assert.Equal(t, int64(2), recs[i].Rev)
				continue
			}
			requireFault(t, err, fault.Conflict, "stale_rev")
			assert.Equal(t, int64(1), recs[i].Rev)
		}
		require.NotEqual(t, -1, winner, "round %d: nobody won", round)
		got := get(t, s, key)
		assert.Equal(t, itemName(winner), got.Name)
		assert.Equal(t, int64(2), got.Rev)
	}
}

func TestScanCountList(t *testing.T) {
	s := openT(t, t.TempDir(), Options{})
	acct := record.NewID()
	var contacts []*item
	require.NoError(t, s.Update(func(tx *Tx) error {
		for i := range 5 {
			c := newItem(i)
			contacts = append(contacts, c)
			if err := tx.Put(ChildKey(acct, "contact", c.ID), "contact", c); err != nil {
				return err
			}
		}
		for i := range 3 {
			o := newItem(100 + i)
			if err := tx.Put(ChildKey(acct, "opportunity", o.ID), "opportunity", o); err != nil {
				return err
			}
		}
		// A neighbour whose ID extends this one must not leak into its scans.
		n := newItem(999)
		return tx.Put(ChildKey(acct+"X", "contact", n.ID), "contact", n)
	}))

	require.NoError(t, s.View(func(tx *Tx) error {
		var keys []string
		require.NoError(t, tx.Scan(ChildPrefix(acct, "contact"), func(key, val []byte) error {
			keys = append(keys, string(key))
			var it item
			require.NoError(t, Decode(val, &it))
			assert.Equal(t, idFromKey(key), it.ID)
			return nil
		}))
		require.Len(t, keys, 5)
		for i, c := range contacts { // ULIDs made in order sort in order
			assert.Equal(t, string(ChildKey(acct, "contact", c.ID)), keys[i])
		}

		for _, tc := range []struct {
			prefix []byte
			want   int
		}{
			{AccountPrefix(acct), 8},
			{ChildPrefix(acct, "contact"), 5},
			{ChildPrefix(acct, "opportunity"), 3},
			{ChildPrefix(acct, "plan"), 0},
			{[]byte("acct/"), 0},
			{[]byte("ws/"), 9},
		} {
			n, err := tx.Count(tc.prefix)
			require.NoError(t, err)
			assert.Equal(t, tc.want, n, "count %s", tc.prefix)
		}

		got, err := List[item](tx, ChildPrefix(acct, "contact"))
		require.NoError(t, err)
		require.Len(t, got, 5)
		assert.Equal(t, *contacts[2], got[2])
		ptrs, err := List[*item](tx, ChildPrefix(acct, "opportunity"))
		require.NoError(t, err)
		assert.Len(t, ptrs, 3)
		none, err := List[item](tx, ChildPrefix(acct, "plan"))
		require.NoError(t, err)
		assert.NotNil(t, none)
		assert.Empty(t, none)

		stop := errors.New("stop")
		calls := 0
		err = tx.Scan(AccountPrefix(acct), func(_, _ []byte) error { calls++; return stop })
		assert.Same(t, stop, err, "fn's error ends the scan and comes back as is")
		assert.Equal(t, 1, calls)
		return nil
	}))
}

func TestScanAccountsSkipsChildren(t *testing.T) {
	s := openT(t, t.TempDir(), Options{})
	// IDs chosen to probe the seek: "B-x" sorts between "B" and "B/", "B0"
	// right after B's subtree, and "C" has children but no account record.
	accounts := []string{"A", "B", "B-x", "B0", "D"}
	require.NoError(t, s.Update(func(tx *Tx) error {
		for _, id := range append(accounts, "C") {
			for _, kind := range []string{"contact", "opportunity"} {
				for i := range 4 {
					c := &item{Meta: record.Meta{ID: record.NewID()}, Name: itemName(i)}
					if err := tx.Put(ChildKey(id, kind, c.ID), kind, c); err != nil {
						return err
					}
				}
			}
			if id == "C" {
				continue
			}
			if err := tx.Put(AccountKey(id), "account", &item{Meta: record.Meta{ID: id}, Name: "客户 " + id}); err != nil {
				return err
			}
		}
		return tx.Put(GlobalKey("item", "G"), "item", &item{Meta: record.Meta{ID: "G"}})
	}))

	var ids, names []string
	require.NoError(t, s.View(func(tx *Tx) error {
		return tx.ScanAccounts(func(key, val []byte) error {
			var a item
			if err := Decode(val, &a); err != nil {
				return err
			}
			ids = append(ids, string(key))
			names = append(names, a.Name)
			return nil
		})
	}))
	want := make([]string, len(accounts))
	for i, id := range accounts {
		want[i] = string(AccountKey(id))
	}
	assert.Equal(t, want, ids)
	assert.Equal(t, []string{"客户 A", "客户 B", "客户 B-x", "客户 B0", "客户 D"}, names)
}

func TestReopenKeepsData(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "新建文件夹", "data") // created on first open
	s, err := Open(dir, Options{Clock: &manualClock{t: t0}})
	require.NoError(t, err)
	assert.Equal(t, dir, s.Dir())
	assert.Equal(t, CurrentSchema, s.SchemaVersion())
	recs := make([]*item, 20)
	for i := range recs {
		recs[i] = newItem(i)
		put(t, s, ChildKey("A", "item", recs[i].ID), recs[i])
	}
	recs[3].Name = "改过 edited"
	put(t, s, ChildKey("A", "item", recs[3].ID), recs[3])
	require.NoError(t, s.Close())
	require.NoError(t, s.Close(), "closing twice is harmless")
	require.Error(t, s.Update(func(*Tx) error { return nil }), "a closed store refuses work")

	s = openT(t, dir, Options{})
	assert.Equal(t, CurrentSchema, s.SchemaVersion())
	assert.Equal(t, int64(2), get(t, s, ChildKey("A", "item", recs[3].ID)).Rev)
	for _, r := range recs {
		assert.Equal(t, r, get(t, s, ChildKey("A", "item", r.ID)))
	}
	assert.Equal(t, int64(2), recs[3].Rev)
}

// TestDesktopOptions pins the tuning DESIGN.md measured; a kill -9 test
// cannot tell synced from unsynced writes, so SyncWrites is checked here.
func TestDesktopOptions(t *testing.T) {
	o := badgerOptions("/x")
	assert.True(t, o.SyncWrites)
	assert.Equal(t, int64(8<<20), o.MemTableSize)
	assert.Equal(t, 2, o.NumMemtables)
	assert.Equal(t, 2, o.NumLevelZeroTables)
	assert.Equal(t, 8, o.NumLevelZeroTablesStall)
	assert.Equal(t, int64(8<<20), o.BlockCacheSize)
	assert.Equal(t, int64(4<<20), o.IndexCacheSize)
	assert.Equal(t, int64(16<<20), o.ValueLogFileSize)
	assert.Equal(t, 2, o.NumCompactors)
	assert.False(t, o.MetricsEnabled)
	assert.IsType(t, warnLogger{}, o.Logger)
}

func TestWarnLoggerDropsChatter(t *testing.T) {
	var buf bytes.Buffer
	badgerLog.SetOutput(&buf)
	t.Cleanup(func() { badgerLog.SetOutput(os.Stderr) })
	l := warnLogger{}
	l.Debugf("debug %d", 1)
	l.Infof("info %d", 2)
	assert.Empty(t, buf.String())
	l.Warningf("warn %d", 3)
	l.Errorf("error %d", 4)
	assert.Contains(t, buf.String(), "WARNING: warn 3")
	assert.Contains(t, buf.String(), "ERROR: error 4")
}
