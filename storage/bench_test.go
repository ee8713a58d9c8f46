package storage

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"keystone/core/record"
)

// The portfolio fixture is the L size's shape (2,000 accounts, 150 children
// each, ~300k records), built once per run and only when a benchmark needs it.
const (
	fixtureAccounts = 2000
	fixtureChildren = 150
)

var (
	fixtureOnce  sync.Once
	fixtureDir   string
	fixtureErr   error
	fixtureFirst string // an account in the middle of the key space
)

func cleanupFixtures() {
	if fixtureDir != "" {
		_ = os.RemoveAll(fixtureDir)
	}
}

func portfolio(b *testing.B) string {
	b.Helper()
	fixtureOnce.Do(func() {
		fixtureDir, fixtureErr = os.MkdirTemp("", "keystone-storage-bench-")
		if fixtureErr != nil {
			return
		}
		var s *Store
		s, fixtureErr = Open(fixtureDir, Options{})
		if fixtureErr != nil {
			return
		}
		note := strings.Repeat("跟进采购决策 follow up on the buying decision. ", 4)
		fixtureErr = s.Bulk(func(bk *Bulk) error {
			for a := range fixtureAccounts {
				acct := record.NewID()
				if a == fixtureAccounts/2 {
					fixtureFirst = acct
				}
				if err := bk.Put(AccountKey(acct), &item{Meta: record.Meta{ID: acct}, Name: fmt.Sprintf("客户 Account %d", a), Note: note}); err != nil {
					return err
				}
				for c := range fixtureChildren {
					kind := "activity"
					switch {
					case c < 10:
						kind = "contact"
					case c < 60:
						kind = "opportunity"
					}
					id := record.NewID()
					if err := bk.Put(ChildKey(acct, kind, id), &item{Meta: record.Meta{ID: id}, Name: itemName(c), Note: note}); err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err := s.Close(); fixtureErr == nil {
			fixtureErr = err
		}
	})
	require.NoError(b, fixtureErr)
	return fixtureDir
}

// BenchmarkPutDurable is one synced transaction creating one record: the
// latency of a user's save.
func BenchmarkPutDurable(b *testing.B) {
	s := openT(b, b.TempDir(), Options{})
	acct := record.NewID()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		it := newItem(i)
		if err := s.Update(func(tx *Tx) error { return tx.Put(ChildKey(acct, "item", it.ID), "item", it) }); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenPortfolio opens (and closes) a folder of ~300k records: the
// start-up cost of a large portfolio.
func BenchmarkOpenPortfolio(b *testing.B) {
	dir := portfolio(b)
	for b.Loop() {
		s, err := Open(dir, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScanAccounts lists 2,000 accounts that have 300k children between them.
func BenchmarkScanAccounts(b *testing.B) {
	s := openT(b, portfolio(b), Options{})
	for b.Loop() {
		n := 0
		err := s.View(func(tx *Tx) error {
			return tx.ScanAccounts(func(_, val []byte) error {
				var a item
				n++
				return Decode(val, &a)
			})
		})
		if err != nil || n != fixtureAccounts {
			b.Fatalf("scanned %d accounts: %v", n, err)
		}
	}
}

// BenchmarkWorkspaceScan loads one account's workspace (150 children) with one
// prefix scan, decoding every record.
func BenchmarkWorkspaceScan(b *testing.B) {
	s := openT(b, portfolio(b), Options{})
	for b.Loop() {
		var got []item
		err := s.View(func(tx *Tx) (err error) {
			got, err = List[item](tx, AccountPrefix(fixtureFirst))
			return err
		})
		if err != nil || len(got) != fixtureChildren {
			b.Fatalf("loaded %d children: %v", len(got), err)
		}
	}
}
