package cli

import (
	"archive/zip"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/storage"
)

func TestBackupAndRestoreCommands(t *testing.T) {
	dir := t.TempDir()
	code, _, errs := run("demo", "--data", dir, "--size", "s")
	require.Equal(t, 0, code, errs)
	file := filepath.Join(t.TempDir(), "备份.ksbackup")

	code, _, errs = run("backup", "--data", dir)
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "--out FILE")

	code, out, errs := run("backup", "--out", file, "--data", dir)
	require.Equal(t, 0, code, errs)
	assert.Regexp(t, `^backed up \d+ records \(activity 1500, opportunity 600, .*account 24|^backed up \d+ records \(activity 1500, opportunity 600,`, out)
	assert.Contains(t, out, file)

	target := filepath.Join(t.TempDir(), "restored")
	code, out, errs = run("restore", "--in", file, "--data", target)
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "checksum and counts match")
	st, err := storage.Open(target, storage.Options{})
	require.NoError(t, err)
	n := 0
	require.NoError(t, st.View(func(tx *storage.Tx) error {
		return tx.ScanAccounts(func(_, _ []byte) error { n++; return nil })
	}))
	require.NoError(t, st.Close())
	assert.Equal(t, 24, n)

	// Not empty: refused, exit 1, one sentence.
	code, _, errs = run("restore", "--in", file, "--data", target)
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "is not empty")

	code, _, errs = run("restore", "--in", file)
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "--data DIR")

	// Cut short: refused with the sentence, nothing created.
	b, err := os.ReadFile(file)
	require.NoError(t, err)
	cut := filepath.Join(t.TempDir(), "cut.ksbackup")
	require.NoError(t, os.WriteFile(cut, b[:len(b)*2/3], 0o600))
	fresh := filepath.Join(t.TempDir(), "fresh")
	code, _, errs = run("restore", "--in", cut, "--data", fresh)
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "is damaged or incomplete")
	assert.Contains(t, errs, "nothing was restored")
	assert.NoDirExists(t, fresh)

	// A byte changed inside the data: refused too.
	zr, err := zip.OpenReader(file)
	require.NoError(t, err)
	off, err := zr.File[0].DataOffset()
	require.NoError(t, err)
	require.NoError(t, zr.Close())
	b[off+100] ^= 0xff
	bad := filepath.Join(t.TempDir(), "bad.ksbackup")
	require.NoError(t, os.WriteFile(bad, b, 0o600))
	code, _, errs = run("restore", "--in", bad, "--data", fresh)
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "is damaged or incomplete")
	assert.NoDirExists(t, fresh)
}

func TestEncryptedFolderCommands(t *testing.T) {
	dir := t.TempDir()
	code, _, errs := run("demo", "--data", dir, "--size", "s")
	require.Equal(t, 0, code, errs)
	st, err := storage.Open(dir, storage.Options{})
	require.NoError(t, err)
	require.NoError(t, st.EnableEncryption("客户第一 customer first"))
	require.NoError(t, st.Close())
	file := filepath.Join(t.TempDir(), "enc.ksbackup")

	t.Setenv(PassphraseEnv, "")
	code, _, errs = run("backup", "--out", file, "--data", dir)
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "set KEYSTONE_PASSPHRASE or run this in a terminal")

	t.Setenv(PassphraseEnv, "wrong passphrase")
	code, _, errs = run("backup", "--out", file, "--data", dir)
	assert.Equal(t, 1, code)
	assert.Equal(t, "keystone: That passphrase is not the right one; nothing was changed.\n", errs)
	assert.NoFileExists(t, file)

	t.Setenv(PassphraseEnv, "客户第一 customer first")
	code, out, errs := run("backup", "--out", file, "--data", dir)
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, ", encrypted)")

	target := filepath.Join(t.TempDir(), "r")
	t.Setenv(PassphraseEnv, "wrong passphrase")
	code, _, errs = run("restore", "--in", file, "--data", target)
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "not the right one")
	assert.NoDirExists(t, target)
	t.Setenv(PassphraseEnv, "客户第一 customer first")
	code, _, errs = run("restore", "--in", file, "--data", target)
	require.Equal(t, 0, code, errs)
	assert.True(t, storage.IsEncrypted(target))
}
