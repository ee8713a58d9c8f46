package app

import (
	"encoding/base64"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/fault"
)

// pickPath stands in for the person at the native dialog: it answers with a
// fixed choice.
type pickPath struct {
	path string
	err  error
	got  string
}

func (p *pickPath) AskSavePath(name string) (string, error) { p.got = name; return p.path, p.err }

func TestFileSave(t *testing.T) {
	dir := t.TempDir()
	content := []byte("客户名称,赢单率\n华东精密,42%\n")
	b64 := base64.StdEncoding.EncodeToString(content)

	var s FileService
	assert.False(t, s.CanAsk(), "browser mode has no dialog")
	_, err := s.Save("x.csv", b64)
	assert.Equal(t, "no_dialog", fault.As(err).Rule)

	cases := []struct {
		name    string
		pick    pickPath
		data    string
		want    string // file content expected at pick.path, "" for none
		wantErr string // fault rule, or "wrapped" for a dialog error
	}{
		{"saves where the user chose", pickPath{path: filepath.Join(dir, "win-loss.csv")}, b64, string(content), ""},
		{"a cancel writes nothing", pickPath{path: ""}, b64, "", ""},
		{"bad data is refused before asking", pickPath{path: filepath.Join(dir, "bad.csv")}, "%%%", "", "bad_data"},
		{"a dialog failure is reported", pickPath{err: errors.New("no display")}, b64, "", "wrapped"},
		{"a folder that does not exist fails cleanly", pickPath{path: filepath.Join(dir, "missing", "x.csv")}, b64, "", "write_failed"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.pick
			s.SetSaver(&p)
			assert.True(t, s.CanAsk())
			got, err := s.Save("../../win-loss.csv", tc.data)
			switch tc.wantErr {
			case "":
				require.NoError(t, err)
			case "wrapped":
				require.Error(t, err)
				assert.Contains(t, err.Error(), "no display")
				return
			default:
				assert.Equal(t, tc.wantErr, fault.As(err).Rule)
				return
			}
			assert.Equal(t, "win-loss.csv", p.got, "the dialog is offered the bare name")
			if tc.want == "" {
				assert.Equal(t, "", got.Path)
				return
			}
			assert.Equal(t, p.path, got.Path)
			b, err := os.ReadFile(got.Path)
			require.NoError(t, err)
			assert.Equal(t, tc.want, string(b))
			left, _ := filepath.Glob(filepath.Join(dir, ".*"))
			assert.Empty(t, left, "no temporary file is left behind")
		})
	}
}
