package storage

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"keystone/core/calendar"
	"keystone/core/record"
)

// Child processes are this test binary re-executed with childEnv set; they
// hold the folder's lock or write until killed, which an in-process test
// cannot imitate.
const (
	childEnv    = "KEYSTONE_STORAGE_CHILD"
	childDirEnv = "KEYSTONE_STORAGE_CHILD_DIR"
)

func TestMain(m *testing.M) {
	switch os.Getenv(childEnv) {
	case "":
	case "hold":
		os.Exit(childHold(os.Getenv(childDirEnv)))
	case "write":
		os.Exit(childWrite(os.Getenv(childDirEnv)))
	default:
		fmt.Fprintln(os.Stderr, "unknown child mode", os.Getenv(childEnv))
		os.Exit(2)
	}
	code := m.Run()
	cleanupFixtures()
	os.Exit(code)
}

// childHold opens the folder, says "ready", and keeps it open until stdin closes.
func childHold(dir string) int {
	s, err := Open(dir, Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, "open:", err)
		return 3
	}
	fmt.Println("ready")
	_, _ = io.Copy(io.Discard, os.Stdin)
	if err := s.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "close:", err)
		return 3
	}
	return 0
}

// crashAccount holds the crash test's records; progress counts them in the
// same transaction, so after a crash both must agree.
const crashAccount = "01CRASH0000000000000000000"

type progress struct {
	record.Meta
	Count int `json:"count"`
}

// childWrite saves one record per transaction and prints "<id> <n>" after
// each Update returns, until it is killed.
func childWrite(dir string) int {
	s, err := Open(dir, Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, "open:", err)
		return 3
	}
	out := bufio.NewWriter(os.Stdout)
	p := &progress{Meta: record.Meta{ID: "progress"}}
	for n := 1; ; n++ {
		it := newItem(n)
		err := s.Update(func(tx *Tx) error {
			if err := tx.Put(ChildKey(crashAccount, "item", it.ID), "item", it); err != nil {
				return err
			}
			p.Count = n
			return tx.Put(GlobalKey("progress", p.ID), "progress", p)
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, "update:", err)
			return 3
		}
		fmt.Fprintf(out, "%s %d\n", it.ID, n)
		if err := out.Flush(); err != nil {
			return 3
		}
	}
}

// item is the record kind the tests store.
type item struct {
	record.Meta
	Name string `json:"name"`
	Note string `json:"note,omitempty"`
}

// newItem is a record whose content follows from n, so a reader can tell it
// is intact.
func newItem(n int) *item {
	return &item{Meta: record.Meta{ID: record.NewID()}, Name: itemName(n), Note: "备注 note " + strconv.Itoa(n*7)}
}

func itemName(n int) string { return "客户记录 item " + strconv.Itoa(n) }

// manualClock is a settable clock.
type manualClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *manualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *manualClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

var _ calendar.Clock = (*manualClock)(nil)

// openT opens dir and closes it when the test ends.
func openT(t testing.TB, dir string, opts Options) *Store {
	t.Helper()
	s, err := Open(dir, opts)
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, s.Close()) })
	return s
}

func put(t testing.TB, s *Store, key []byte, rec record.Record) {
	t.Helper()
	require.NoError(t, s.Update(func(tx *Tx) error { return tx.Put(key, "item", rec) }))
}

func get(t testing.TB, s *Store, key []byte) *item {
	t.Helper()
	var got item
	require.NoError(t, s.View(func(tx *Tx) error { return tx.Get(key, "item", &got) }))
	return &got
}
