package storage

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"keystone/core/fault"
)

// The child that turns encryption on until it is killed; it is this test
// binary re-executed, dispatched before TestMain runs.
const encryptChildEnv = "KEYSTONE_STORAGE_ENCRYPT_CHILD"

func init() {
	if dir := os.Getenv(encryptChildEnv); dir != "" {
		s, err := Open(dir, Options{})
		if err != nil {
			fmt.Fprintln(os.Stderr, "open:", err)
			os.Exit(3)
		}
		if err := s.EnableEncryption(pass1); err != nil {
			fmt.Fprintln(os.Stderr, "encrypt:", err)
			os.Exit(3)
		}
		_ = s.Close()
		os.Exit(0)
	}
}

// openEither opens dir as it is after a crash: plain, or encrypted with pass1.
func openEither(t *testing.T, dir string) *Store {
	t.Helper()
	s, err := Open(dir, Options{})
	var fe *fault.Error
	if errors.As(err, &fe) && fe.Rule == RulePassphraseRequired {
		s, err = Open(dir, Options{Passphrase: pass1})
	}
	require.NoError(t, err)
	return s
}

// TestKilledEncryptionLosesNothing kills a process turning encryption on at
// random moments: every time, the folder opens afterwards (plain or
// encrypted) with every record as it was.
func TestKilledEncryptionLosesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes")
	}
	dir := t.TempDir() + "/data"
	s, err := Open(dir, Options{})
	require.NoError(t, err)
	writeNamed(t, s, 1500)
	want := allKV(t, s)
	require.NoError(t, s.Close())

	child := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), encryptChildEnv+"="+dir)
		require.NoError(t, cmd.Start())
		return cmd
	}
	// One run to the end tells how long a whole rewrite takes here; the
	// kills then land anywhere in it, the swap included.
	start := time.Now()
	require.NoError(t, child().Wait())
	whole := time.Since(start)
	s = openEither(t, dir)
	require.True(t, s.Encrypted())
	require.Equal(t, want, allKV(t, s))
	require.NoError(t, s.DisableEncryption(pass1))
	require.NoError(t, s.Close())

	for round := range 10 {
		cmd := child()
		time.Sleep(time.Duration(rand.Int64N(int64(whole))))
		_ = cmd.Process.Kill()
		_ = cmd.Wait()

		s := openEither(t, dir)
		got := allKV(t, s)
		encrypted := s.Encrypted()
		require.NoError(t, s.Close())
		require.Equal(t, len(want), len(got), "round %d", round)
		require.Equal(t, want, got, "round %d", round)
		require.NoDirExists(t, dir+nextSuffix)
		require.NoDirExists(t, dir+prevSuffix)
		if encrypted {
			// back to plain for the next round
			s, err := Open(dir, Options{Passphrase: pass1})
			require.NoError(t, err)
			require.NoError(t, s.DisableEncryption(pass1))
			require.NoError(t, s.Close())
		}
		t.Logf("round %d (whole rewrite %s): killed %s", round, whole.Round(time.Millisecond), map[bool]string{true: "after the swap", false: "before the swap"}[encrypted])
	}
}
