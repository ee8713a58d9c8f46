package app

import (
	"os"
	"sort"
	"sync"
	"testing"

	"keystone/core/account"
	"keystone/core/calendar"
	"keystone/core/sample"
	"keystone/storage"
)

// The benchmarks share one store per size, generated once: loading L takes
// seconds and must not be timed.
var (
	benchMu     sync.Mutex
	benchStores = map[sample.Size]*App{}
	benchDirs   []string
)

func TestMain(m *testing.M) {
	code := m.Run()
	for _, a := range benchStores {
		_ = a.Store.Close()
	}
	for _, d := range benchDirs {
		_ = os.RemoveAll(d)
	}
	os.Exit(code)
}

func benchApp(b *testing.B, size sample.Size) *App {
	b.Helper()
	benchMu.Lock()
	defer benchMu.Unlock()
	if a, ok := benchStores[size]; ok {
		return a
	}
	dir, err := os.MkdirTemp("", "keystone-bench-")
	if err != nil {
		b.Fatal(err)
	}
	benchDirs = append(benchDirs, dir)
	clock := calendar.Fixed{T: testNow}
	st, err := storage.Open(dir, storage.Options{Clock: clock})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := LoadPortfolio(st, sample.Generate(size, 1, calendar.Today(clock))); err != nil {
		b.Fatal(err)
	}
	// Reopen, as a user would the next day: the timings then measure a
	// settled store, not one still compacting the bulk load in the background.
	if err := st.Close(); err != nil {
		b.Fatal(err)
	}
	if st, err = storage.Open(dir, storage.Options{Clock: clock}); err != nil {
		b.Fatal(err)
	}
	a := New(st, clock)
	benchStores[size] = a
	return a
}

var sizes = []sample.Size{"s", "m", "l"}

func BenchmarkListAccounts(b *testing.B) {
	for _, size := range sizes {
		b.Run(string(size), func(b *testing.B) {
			a := benchApp(b, size)
			b.ResetTimer()
			for b.Loop() {
				l, err := a.Accounts.List(AccountFilter{})
				if err != nil || len(l.Rows) == 0 {
					b.Fatal(err)
				}
			}
		})
	}
}

// medianAccount picks an account with a typical number of activities.
func medianAccount(b *testing.B, a *App) string {
	l, err := a.Accounts.List(AccountFilter{})
	if err != nil {
		b.Fatal(err)
	}
	rows := l.Rows
	sort.Slice(rows, func(i, j int) bool { return rows[i].ContactCount < rows[j].ContactCount })
	return rows[len(rows)/2].ID
}

func BenchmarkWorkspace(b *testing.B) {
	for _, size := range sizes {
		b.Run(string(size), func(b *testing.B) {
			a := benchApp(b, size)
			id := medianAccount(b, a)
			b.ResetTimer()
			for b.Loop() {
				if _, err := a.Accounts.Workspace(id); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSaveActivity is one durable save (SyncWrites) with validation and
// the summary refresh, at the size given.
func BenchmarkSaveActivity(b *testing.B) {
	for _, size := range sizes {
		b.Run(string(size), func(b *testing.B) {
			a := benchApp(b, size)
			id := medianAccount(b, a)
			b.ResetTimer()
			for b.Loop() {
				_, err := a.Accounts.SaveActivity(account.Activity{AccountID: id, Date: "2026-11-20", Type: "call", Subject: "电话回访"})
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkOpenStore(b *testing.B) {
	a := benchApp(b, "l")
	dir := a.Store.Dir()
	if err := a.Store.Close(); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		st, err := storage.Open(dir, storage.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		_ = st.Close()
		b.StartTimer()
	}
	b.StopTimer()
	st, err := storage.Open(dir, storage.Options{Clock: calendar.Fixed{T: testNow}})
	if err != nil {
		b.Fatal(err)
	}
	benchStores["l"] = New(st, calendar.Fixed{T: testNow})
}

// BenchmarkListAccountsCold is the first list after a start: the rows are
// read from the store, not from memory.
func BenchmarkListAccountsCold(b *testing.B) {
	a := benchApp(b, "l")
	for b.Loop() {
		fresh := &AccountService{store: a.Store, clock: a.Accounts.clock, rows: newRowCache(a.Store)}
		if _, err := fresh.List(AccountFilter{}); err != nil {
			b.Fatal(err)
		}
	}
}

// busiestOwner is the owner with the most open actions.
func busiestOwner(b *testing.B, a *App) string {
	best, most := "", -1
	owners, err := a.Actions.Owners()
	if err != nil {
		b.Fatal(err)
	}
	for _, o := range owners {
		c, err := a.Actions.Counts(o)
		if err != nil {
			b.Fatal(err)
		}
		if c.Open > most {
			best, most = o, c.Open
		}
	}
	return best
}

// BenchmarkMyActions is one owner's board (L: 52,000 open actions in all).
func BenchmarkMyActions(b *testing.B) {
	for _, size := range sizes {
		b.Run(string(size), func(b *testing.B) {
			a := benchApp(b, size)
			owner := busiestOwner(b, a)
			b.ResetTimer()
			for b.Loop() {
				board, err := a.Actions.Mine(ActionQuery{Owner: owner})
				if err != nil || board.Counts.Open == 0 {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkMyActionsCold is the first board after a start: the index is
// read from the store.
func BenchmarkMyActionsCold(b *testing.B) {
	a := benchApp(b, "l")
	owner := busiestOwner(b, a)
	for b.Loop() {
		fresh := &ActionService{store: a.Store, clock: a.Actions.clock, index: newActionIndex(a.Store), rows: a.Accounts.rows}
		if _, err := fresh.Mine(ActionQuery{Owner: owner}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPlanView(b *testing.B) {
	a := benchApp(b, "l")
	id := medianAccount(b, a)
	for b.Loop() {
		if _, err := a.Plans.Get(id, 0); err != nil {
			b.Fatal(err)
		}
	}
}
