package cli

import (
	"bufio"
	"bytes"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/app"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/storage"
)

func run(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Run(args, Env{Stdout: &out, Stderr: &errb, Clock: calendar.Fixed{T: time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)}})
	return code, out.String(), errb.String()
}

func TestVersionAndUsage(t *testing.T) {
	code, out, _ := run("version")
	assert.Equal(t, 0, code)
	assert.Regexp(t, `^keystone \S+ \(data schema \d+\)\n$`, out)

	code, _, errs := run("frobnicate")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, `unknown command "frobnicate"`)
}

func TestDemoWritesOnceAndLockIsOneSentence(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := run("demo", "--data", dir, "--size", "s", "--seed", "7")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "wrote 24 accounts, 200 contacts, 1500 activities")

	code, _, errs = run("demo", "--data", dir)
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "already holds 24 accounts")

	code, _, errs = run("demo", "--data", dir, "--size", "xl")
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "xl")

	st, err := storage.Open(dir, storage.Options{})
	require.NoError(t, err)
	defer st.Close()
	code, _, errs = run("demo", "--data", dir)
	assert.Equal(t, 3, code)
	assert.Equal(t, 1, strings.Count(strings.TrimSpace(errs), "\n")+1, "one line: %q", errs)
	assert.Contains(t, errs, "already open in another Keystone window")
	assert.NotContains(t, errs, "Cannot acquire", "Badger's internals stay out of the sentence")
}

func TestServeRefusesNonLoopback(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:7420", "192.168.1.10:80", "example.com:80", "nonsense"} {
		code, _, errs := run("serve", "--data", t.TempDir(), "--addr", addr)
		assert.Equal(t, 1, code, addr)
		assert.Contains(t, errs, "--addr", addr)
	}
}

func TestServePrintsURLAndStopsOnSignal(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("signals")
	}
	pr, pw := io.Pipe()
	var errb bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- Run([]string{"serve", "--data", t.TempDir(), "--addr", "127.0.0.1:0"}, Env{Stdout: pw, Stderr: &errb, Assets: fstest.MapFS{"index.html": {Data: []byte("<title>Keystone</title>")}}})
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	require.NoError(t, err)
	assert.Regexp(t, `^http://127\.0\.0\.1:\d+/\?token=[0-9a-f]{48}\n$`, line)

	res, err := http.Get(strings.TrimSpace(line))
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusOK, res.StatusCode)

	require.NoError(t, syscall.Kill(syscall.Getpid(), syscall.SIGTERM))
	select {
	case code := <-done:
		assert.Equal(t, 0, code, errb.String())
		assert.Contains(t, errb.String(), "Keystone stopped.")
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop on SIGTERM")
	}
}

func TestDefaultDataDir(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("Linux layout")
	}
	tests := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"KEYSTONE_DATA": "/srv/ks", "XDG_DATA_HOME": "/x"}, "/srv/ks"},
		{map[string]string{"KEYSTONE_DATA": "", "XDG_DATA_HOME": "/x"}, "/x/keystone"},
		{map[string]string{"KEYSTONE_DATA": "", "XDG_DATA_HOME": "", "HOME": "/home/li"}, filepath.Join("/home/li", ".local", "share", "keystone")},
	}
	for _, tt := range tests {
		for k, v := range tt.env {
			t.Setenv(k, v)
		}
		got, err := DefaultDataDir()
		require.NoError(t, err)
		assert.Equal(t, tt.want, got)
	}
}

// Started from a menu, the desktop app has no terminal: every reason it cannot
// open its data reaches the problem window, with the sentence on stderr too.
func TestDesktopShowsEveryStartProblemInAWindow(t *testing.T) {
	locked := t.TempDir()
	st, err := storage.Open(locked, storage.Options{})
	require.NoError(t, err)
	defer st.Close()
	damaged := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(damaged, storage.KeyFileName), []byte("{not json"), 0o600))

	cases := []struct {
		name, dir, want string
		code            fault.Code
	}{
		{"open elsewhere", locked, "already open in another Keystone window", fault.Locked},
		{"damaged key file", damaged, "key file", fault.Invalid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var shown []string
			var errb bytes.Buffer
			env := Env{Stdout: io.Discard, Stderr: &errb, Desktop: func(*app.App, fs.FS, []byte) error {
				t.Fatal("no main window without data")
				return nil
			}, Problem: func(code fault.Code, message, dir string) error {
				assert.Equal(t, c.code, code)
				assert.Equal(t, c.dir, dir)
				shown = append(shown, message)
				return nil
			}}
			exit := Run([]string{"--data", c.dir}, env)
			assert.NotEqual(t, 0, exit)
			require.Len(t, shown, 1, "one window")
			assert.Contains(t, shown[0], c.want)
			assert.Contains(t, errb.String(), shown[0], "the same sentence on stderr")
		})
	}
}
