package app

import (
	"bytes"
	"context"
	"runtime"
	"testing"

	"keystone/core/review"
	"keystone/core/sample"
)

// BenchmarkAnnualEvaluation prints one final annual evaluation in Chinese
// (cover, contents, about ten pages with charts) from a size-M portfolio:
// the time and size of one PDF, the snapshot already frozen.
func BenchmarkAnnualEvaluation(b *testing.B) {
	a := benchApp(b, sample.Medium)
	ctx, err := a.Reviews.context(2026)
	if err != nil {
		b.Fatal(err)
	}
	r := review.Review{AccountID: ctx.matrix.Points[0].AccountID, Kind: review.Annual, Year: 2026, Status: review.Final, Narrative: zhNarrative}
	if r.Snapshot, err = a.Reviews.snapshot(ctx, r.AccountID, review.Annual, 2026, 0); err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := renderReview(r, "zh-CN", &buf); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KB/pdf")
}

// BenchmarkReviewSnapshot fills one review's snapshot from every area (size M).
func BenchmarkReviewSnapshot(b *testing.B) {
	a := benchApp(b, sample.Medium)
	ctx, err := a.Reviews.context(2026)
	if err != nil {
		b.Fatal(err)
	}
	id := ctx.matrix.Points[0].AccountID
	b.ReportAllocs()
	for b.Loop() {
		if _, err := a.Reviews.snapshot(ctx, id, review.Annual, 2026, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBatchExportM prints the annual evaluations of all 300 accounts of
// size M and the portfolio summary into a folder. The live heap is read
// after a collection at the 30th and the 300th document: flat memory means
// the two are about the same.
func BenchmarkBatchExportM(b *testing.B) {
	a := benchApp(b, sample.Medium)
	b.ReportAllocs()
	var early, late float64
	for b.Loop() {
		dir := b.TempDir()
		res, err := a.Reviews.Batch(context.Background(), BatchInput{Year: 2026, Lang: "zh", Folder: dir}, func(done, total int, _ string) {
			if done == 30 || done == total-1 {
				runtime.GC()
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				if done == 30 {
					early = float64(m.HeapAlloc) / (1 << 20)
				} else {
					late = float64(m.HeapAlloc) / (1 << 20)
				}
			}
		})
		if err != nil || len(res.Files) != 300 {
			b.Fatalf("%d files: %v", len(res.Files), err)
		}
	}
	b.ReportMetric(early, "heapMB@30")
	b.ReportMetric(late, "heapMB@300")
}
