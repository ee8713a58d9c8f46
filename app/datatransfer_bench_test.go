package app

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"keystone/core/calendar"
	"keystone/core/sample"
	"keystone/storage"
)

// importPeakHeap runs fn and returns the peak of the Go heap in use and of
// the live heap (as the last collection found it: what the import holds,
// without the garbage not yet collected), sampled every 20 ms.
func importPeakHeap(fn func()) (inuse, live uint64) {
	runtime.GC()
	var peakInuse, peakLive atomic.Uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		for {
			runtime.ReadMemStats(&ms)
			metrics.Read(sample)
			if ms.HeapInuse > peakInuse.Load() {
				peakInuse.Store(ms.HeapInuse)
			}
			if v := sample[0].Value.Uint64(); v > peakLive.Load() {
				peakLive.Store(v)
			}
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	fn()
	close(stop)
	wg.Wait()
	return peakInuse.Load(), peakLive.Load()
}

// benchImportStore is a fresh folder with the S sample's accounts; the
// caller closes it.
func benchImportStore(b *testing.B) (*storage.Store, []string) {
	b.Helper()
	dir, err := os.MkdirTemp("", "keystone-bench-import-")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = os.RemoveAll(dir) })
	clock := calendar.Fixed{T: testNow}
	st, err := storage.Open(dir, storage.Options{Clock: clock})
	if err != nil {
		b.Fatal(err)
	}
	p := sample.Generate(sample.Size("s"), 1, calendar.Today(clock))
	p = sample.Portfolio{Accounts: p.Accounts} // the accounts only: the file brings the deals
	if _, err := LoadPortfolio(st, p); err != nil {
		b.Fatal(err)
	}
	var names []string
	for _, a := range p.Accounts {
		names = append(names, a.Name)
	}
	return st, names
}

func opportunityXLSX(b *testing.B, names []string, n int) []byte {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	_ = sw.SetRow("A1", []any{"Account Name", "Opportunity Name", "Stage", "Amount", "Close Date", "Probability (%)"})
	for i := range n {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, []any{names[i%len(names)], fmt.Sprintf("商机 %d", i), "Qualification", 1000.5 + float64(i), fmt.Sprintf("2027-%02d-15", i%12+1), i % 100}); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkImportOpportunities imports deals into a folder holding the S
// accounts, from CSV and from Excel: all rows checked, staged and committed
// at once, account and deal indexes rebuilt. It reports rows/s and the
// peak Go heap; the two CSV sizes show whether memory grows with the file.
func BenchmarkImportOpportunities(b *testing.B) {
	for _, tc := range []struct {
		format string
		rows   int
	}{{"csv", 25_000}, {"csv", 100_000}, {"xlsx", 100_000}} {
		b.Run(fmt.Sprintf("%s-%d", tc.format, tc.rows), func(b *testing.B) {
			first, names := benchImportStore(b)
			_ = first.Close()
			var data []byte
			if tc.format == "csv" {
				data = opportunityCSV(names, tc.rows)
			} else {
				data = opportunityXLSX(b, names, tc.rows)
			}
			var peak, live uint64
			var total time.Duration
			b.ResetTimer()
			for range b.N {
				b.StopTimer()
				st, _ := benchImportStore(b)
				b.StartTimer()
				start := time.Now()
				var err error
				h, l := importPeakHeap(func() {
					_, _, err = ImportFile(st, calendar.Fixed{T: testNow}, bytes.NewReader(data), int64(len(data)), ImportOptions{}, false)
				})
				total += time.Since(start)
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				if err := st.Close(); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				peak, live = max(peak, h), max(live, l)
			}
			b.ReportMetric(float64(tc.rows)*float64(b.N)/total.Seconds(), "rows/s")
			b.ReportMetric(float64(len(data))/(1<<20), "file-MB")
			b.ReportMetric(float64(peak)/(1<<20), "peak-inuse-MB")
			b.ReportMetric(float64(live)/(1<<20), "peak-live-MB")
		})
	}
}
