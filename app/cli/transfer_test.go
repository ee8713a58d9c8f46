package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/app"
	"keystone/core/calendar"
	"keystone/storage"
)

func accountCount(t *testing.T, dir string) int {
	t.Helper()
	st, err := storage.Open(dir, storage.Options{})
	require.NoError(t, err)
	defer st.Close()
	n := 0
	require.NoError(t, st.View(func(tx *storage.Tx) error {
		return tx.ScanAccounts(func(_, _ []byte) error { n++; return nil })
	}))
	return n
}

func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(t.TempDir(), "客户.csv")
	require.NoError(t, os.WriteFile(file, []byte("客户名称,国家,行业\n华东化工,中国,化工\n坏客户,亚特兰蒂斯,零售\n"), 0o600))

	// A problem: the preview and the problem on stderr, exit 1, nothing written.
	code, _, errs := run("import", file, "--data", dir, "--dry-run")
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "客户名称"+strings.Repeat(" ", 20)+" -> name", "padded to 28 columns, a Chinese character taking two")
	assert.Contains(t, errs, "create 1, update 0, unchanged 0, rows with problems 1")
	assert.Contains(t, errs, `row 3, 国家: "亚特兰蒂斯" is not a country Keystone knows`)
	code, _, errs = run("import", file, "--data", dir)
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "nothing was imported")
	assert.Zero(t, accountCount(t, dir))

	// Good rows only, then a clean file with --dry-run writes nothing.
	code, out, errs := run("import", "--data", dir, "--skip-bad-rows", file)
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "1 records written")
	assert.Equal(t, 1, accountCount(t, dir))
	good := filepath.Join(t.TempDir(), "good.csv")
	require.NoError(t, os.WriteFile(good, []byte("Account Name,Billing Country\nAcme,US\n"), 0o600))
	code, _, errs = run("import", good, "--data", dir, "--dry-run")
	assert.Equal(t, 0, code, errs)
	assert.Contains(t, errs, "the file is good; nothing was written")
	assert.Equal(t, 1, accountCount(t, dir))

	// A Keystone export goes into an empty folder only.
	st, err := storage.Open(dir, storage.Options{})
	require.NoError(t, err)
	export := filepath.Join(t.TempDir(), "all.json")
	f, err := os.Create(export)
	require.NoError(t, err)
	_, err = app.WriteExport(st, calendar.System{}, f)
	require.NoError(t, err)
	require.NoError(t, f.Close())
	require.NoError(t, st.Close())
	code, _, errs = run("import", export, "--data", dir)
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "loads only into an empty data folder")
	fresh := t.TempDir()
	code, out, errs = run("import", export, "--data", fresh)
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "records written")
	assert.Equal(t, 1, accountCount(t, fresh))

	// No file, a missing file, junk.
	code, _, errs = run("import", "--data", dir)
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "name the file to import")
	code, _, errs = run("import", filepath.Join(dir, "nope.csv"), "--data", dir)
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "cannot read")
	junk := filepath.Join(t.TempDir(), "junk.bin")
	require.NoError(t, os.WriteFile(junk, []byte{0, 1, 2, 3, 0, 0, 7}, 0o600))
	code, _, errs = run("import", junk, "--data", dir)
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "neither a Keystone export, an Excel workbook nor a CSV text file")
}

func TestPadColumns(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"Name", "Name      "},
		{"客户名称", "客户名称  "},
		{"国家", "国家      "},
		{"Billing 国家", "Billing 国家"},
		{"太长的表头名称", "太长的表头名称"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, padColumns(tt.in, 10), tt.in)
	}
}
