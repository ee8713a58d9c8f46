package app

import (
	"bytes"
	"testing"

	"keystone/core/account"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/storage"
)

// FuzzImportFile runs the JSON, CSV and Excel importers on arbitrary bytes
// against a real store: an import either succeeds or fails with a fault a
// user can read, and a failed one changes nothing.
func FuzzImportFile(f *testing.F) {
	f.Add([]byte(salesforceAccounts))
	f.Add([]byte("客户名称,联系人,职位,电话\nSeed Co,张三,经理,138\n"))
	f.Add([]byte("Account Name,Opportunity Name,Stage,Amount,Close Date\nSeed Co,Deal,Closed Won,10,2026-01-01\n"))
	f.Add([]byte(`{"format":"keystone.export","formatVersion":1,"schemaVersion":2,"records":[],"counts":{}}`))
	f.Add(xlsxFile(f, [][]any{{"Company name", "Country/Region"}, {"Seed Co", "CN"}}))
	dir := f.TempDir()
	clock := calendar.Fixed{T: testNow}
	st, err := storage.Open(dir, storage.Options{Clock: clock})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { _ = st.Close() })
	a := New(st, clock)
	if _, err := a.Accounts.Create(account.Account{Name: "Seed Co", Country: "CN", Currency: "CNY"}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		before := dumpRecords(t, st)
		_, _, err := ImportFile(st, clock, bytes.NewReader(data), int64(len(data)), ImportOptions{}, false)
		if err == nil {
			return
		}
		fe := fault.As(err)
		if fe.Code != fault.Invalid || fe.Message == "" {
			t.Fatalf("not a clear error: %#v", err)
		}
		after := dumpRecords(t, st)
		if len(after) != len(before) {
			t.Fatalf("a failed import changed the store: %d -> %d records", len(before), len(after))
		}
		for k, v := range before {
			if after[k] != v {
				t.Fatalf("a failed import changed %s", k)
			}
		}
	})
}
