package app

import (
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"keystone/storage"
)

// peakHeap samples the Go heap while a benchmark runs, since a backup's
// memory is the question, not its allocations per op. Stop returns MB.
func peakHeap() (stop func() float64) {
	var peak atomic.Uint64
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		var m runtime.MemStats
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&m)
			if m.HeapInuse > peak.Load() {
				peak.Store(m.HeapInuse)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() float64 {
		close(done)
		<-finished
		return float64(peak.Load()) / (1 << 20)
	}
}

// BenchmarkBackupRestore times a backup of the whole folder to a file, and
// a restore of that file into a new folder (checksum and counts verified),
// at each size; it reports the file size, the records and the heap's peak.
func BenchmarkBackupRestore(b *testing.B) {
	for _, size := range sizes {
		b.Run("backup-"+string(size), func(b *testing.B) {
			a := benchApp(b, size)
			dir := b.TempDir()
			var m storage.Manifest
			var n int64
			runtime.GC()
			stop := peakHeap()
			b.ResetTimer()
			i := 0
			for b.Loop() {
				var err error
				m, n, err = a.Store.BackupFile(filepath.Join(dir, "b"+string(rune('a'+i%26))+storage.BackupExt), storage.BackupOptions{AppVersion: Version})
				if err != nil {
					b.Fatal(err)
				}
				i++
			}
			b.StopTimer()
			b.ReportMetric(stop(), "peak-heap-MB")
			b.ReportMetric(float64(n)/(1<<20), "file-MB")
			b.ReportMetric(float64(m.Records), "records")
		})
		b.Run("restore-"+string(size), func(b *testing.B) {
			a := benchApp(b, size)
			file := filepath.Join(b.TempDir(), "r"+storage.BackupExt)
			m, _, err := a.Store.BackupFile(file, storage.BackupOptions{AppVersion: Version})
			if err != nil {
				b.Fatal(err)
			}
			root := b.TempDir()
			runtime.GC()
			stop := peakHeap()
			b.ResetTimer()
			i := 0
			for b.Loop() {
				target := filepath.Join(root, string(rune('a'+i%26))+"-restored")
				if _, err := storage.RestoreFile(file, target, storage.RestoreOptions{}); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				_ = os.RemoveAll(target)
				b.StartTimer()
				i++
			}
			b.StopTimer()
			b.ReportMetric(stop(), "peak-heap-MB")
			b.ReportMetric(float64(m.Records), "records")
		})
	}
}

// BenchmarkEnableEncryption times turning encryption on for a whole folder:
// the rewrite beside it, the record-by-record check and the swap.
func BenchmarkEnableEncryption(b *testing.B) {
	for _, size := range sizes {
		b.Run(string(size), func(b *testing.B) {
			a := benchApp(b, size)
			file := filepath.Join(b.TempDir(), "e"+storage.BackupExt)
			if _, _, err := a.Store.BackupFile(file, storage.BackupOptions{}); err != nil {
				b.Fatal(err)
			}
			root := b.TempDir()
			i := 0
			for b.Loop() {
				b.StopTimer()
				dir := filepath.Join(root, string(rune('a'+i%26)))
				if _, err := storage.RestoreFile(file, dir, storage.RestoreOptions{}); err != nil {
					b.Fatal(err)
				}
				st, err := storage.Open(dir, storage.Options{})
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if err := st.EnableEncryption("基石 benchmark passphrase"); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				if err := st.Close(); err != nil {
					b.Fatal(err)
				}
				_ = os.RemoveAll(dir)
				b.StartTimer()
				i++
			}
		})
	}
}
