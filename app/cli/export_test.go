package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/app"
	"keystone/core/calendar"
	"keystone/core/review"
	"keystone/storage"
)

func TestExportCommands(t *testing.T) {
	data := t.TempDir()
	code, _, errs := run("demo", "--data", data, "--size", "s")
	require.Equal(t, 0, code, errs)

	// every account's annual evaluation and the summary, progress on stderr
	out := filepath.Join(t.TempDir(), "评审")
	code, stdout, errs := run("export", "annual", "--year", "2026", "--lang", "en", "--out", out, "--data", data)
	require.Equal(t, 0, code, errs)
	assert.Contains(t, errs, "[25/25] portfolio-summary-2026-en.pdf")
	files := strings.Fields(strings.TrimSpace(stdout))
	assert.Len(t, strings.Split(strings.TrimSpace(stdout), "\n"), 25)
	entries, err := os.ReadDir(out)
	require.NoError(t, err)
	assert.Len(t, entries, 25)
	assert.NotEmpty(t, files)

	// one review by id, in Chinese
	clock := calendar.Fixed{T: time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)}
	st, err := storage.Open(data, storage.Options{Clock: clock})
	require.NoError(t, err)
	a := app.New(st, clock)
	list, err := a.Accounts.List(app.AccountFilter{})
	require.NoError(t, err)
	r, err := a.Reviews.Create(app.NewReviewInput{AccountID: list.Rows[0].ID, Kind: review.Quarterly, Year: 2026, Quarter: 3})
	require.NoError(t, err)
	require.NoError(t, st.Close())
	file := filepath.Join(t.TempDir(), "q3.pdf")
	code, stdout, errs = run("export", "review", "--review", r.ID, "--out", file, "--data", data)
	require.Equal(t, 0, code, errs)
	assert.Contains(t, stdout, "q3.pdf")
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", file, "-").Output()
	require.NoError(t, err)
	assert.Contains(t, string(text), "季度业务评审")
	assert.Contains(t, string(text), list.Rows[0].Name)

	// failures: a clear sentence and a non-zero exit, nothing written
	bad := []struct {
		args []string
		says string
	}{
		{[]string{"export", "annual", "--year", "2026", "--tier", "nope", "--out", filepath.Join(t.TempDir(), "x"), "--data", data}, "no live account matches"},
		{[]string{"export", "annual", "--year", "2026", "--tier", "key", "--account", r.AccountID, "--out", t.TempDir(), "--data", data}, "either --account or --tier"},
		{[]string{"export", "annual", "--out", t.TempDir(), "--data", data}, "say the year and the folder"},
		{[]string{"export", "annual", "--year", "2026", "--lang", "fr", "--out", t.TempDir(), "--data", data}, `language "fr"`},
		{[]string{"export", "review", "--review", "01HZX0000000000000000000AA", "--out", filepath.Join(t.TempDir(), "r.pdf"), "--data", data}, "does not exist"},
		{[]string{"export", "review", "--out", "x.pdf", "--data", data}, "say which review"},
		{[]string{"export", "monthly", "--data", data}, `cannot export "monthly"`},
		{[]string{"export"}, "say what to export"},
	}
	for _, b := range bad {
		code, _, errs := run(b.args...)
		assert.Equal(t, 1, code, "%v", b.args)
		assert.Contains(t, errs, b.says, "%v", b.args)
	}
}
