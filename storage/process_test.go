package storage

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/fault"
)

// child starts this test binary in a child mode on dir.
func child(t *testing.T, mode, dir string) (cmd *exec.Cmd, stdin io.WriteCloser, stdout *bufio.Scanner, stderr *bytes.Buffer) {
	t.Helper()
	cmd = exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+mode, childDirEnv+"="+dir)
	stderr = &bytes.Buffer{}
	cmd.Stderr = stderr
	stdin, err := cmd.StdinPipe()
	require.NoError(t, err)
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	})
	return cmd, stdin, bufio.NewScanner(out), stderr
}

func requireLocked(t *testing.T, dir string, err error) {
	t.Helper()
	fe := requireFault(t, err, fault.Locked, "locked")
	assert.Equal(t, "The data folder "+dir+" is already open in another Keystone window; close that one first.", fe.Message)
	assert.Equal(t, map[string]any{"dir": dir}, fe.Params)
	require.NotNil(t, fe.Err, "Badger's error stays wrapped")
	assert.Contains(t, fe.Err.Error(), lockedText)
}

func TestLockedInProcess(t *testing.T) {
	dir := t.TempDir()
	first, err := Open(dir, Options{})
	require.NoError(t, err)

	_, err = Open(dir, Options{})
	requireLocked(t, dir, err)

	require.NoError(t, first.Close())
	second := openT(t, dir, Options{})
	assert.Equal(t, CurrentSchema, second.SchemaVersion())
}

func TestLockedByAnotherProcess(t *testing.T) {
	dir := t.TempDir()
	cmd, stdin, stdout, stderr := child(t, "hold", dir)
	require.True(t, stdout.Scan(), "child did not get ready: %s", stderr)
	require.Equal(t, "ready", stdout.Text())

	_, err := Open(dir, Options{})
	requireLocked(t, dir, err)

	require.NoError(t, stdin.Close()) // the child closes the store and exits
	require.NoError(t, cmd.Wait(), "child: %s", stderr)
	s := openT(t, dir, Options{})
	assert.Equal(t, CurrentSchema, s.SchemaVersion())
}

// TestCrashKeepsAcknowledgedWrites kills a writer with SIGKILL mid-stream:
// every record whose Update returned must be there, whole, and each
// transaction's two writes must have landed together or not at all.
func TestCrashKeepsAcknowledgedWrites(t *testing.T) {
	const acks = 300
	dir := t.TempDir()
	cmd, _, stdout, stderr := child(t, "write", dir)

	acked := map[string]int{}
	for len(acked) < acks {
		require.True(t, stdout.Scan(), "child stopped after %d acknowledgements: %s", len(acked), stderr)
		id, n, ok := strings.Cut(stdout.Text(), " ")
		require.True(t, ok, "bad line %q", stdout.Text())
		acked[id], _ = strconv.Atoi(n)
	}
	require.NoError(t, cmd.Process.Kill())
	err := cmd.Wait()
	require.Error(t, err, "the child only stops when killed")
	assert.Contains(t, err.Error(), "killed")

	s := openT(t, dir, Options{})
	for id, n := range acked {
		got := get(t, s, ChildKey(crashAccount, "item", id))
		assert.Equal(t, id, got.ID)
		assert.Equal(t, itemName(n), got.Name)
		assert.Equal(t, "备注 note "+strconv.Itoa(n*7), got.Note)
		assert.Equal(t, int64(1), got.Rev)
		assert.False(t, got.CreatedAt.IsZero())
	}
	var p progress
	var stored int
	require.NoError(t, s.View(func(tx *Tx) (err error) {
		if err = tx.Get(GlobalKey("progress", "progress"), "progress", &p); err != nil {
			return err
		}
		stored, err = tx.Count(AccountPrefix(crashAccount))
		return err
	}))
	assert.GreaterOrEqual(t, stored, acks)
	assert.Equal(t, stored, p.Count, "records and their counter commit together")
	assert.Equal(t, int64(stored), p.Rev)
}
