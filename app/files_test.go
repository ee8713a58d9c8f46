package app

import (
	"encoding/base64"
	"errors"
	"os"
	"path/filepath"
	"strings"
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
func (p *pickPath) AskOpenPath(patterns []string) (string, error) {
	p.got = strings.Join(patterns, ";")
	return p.path, p.err
}
func (p *pickPath) AskFolder() (string, error) { return p.path, p.err }

func TestFileChoosers(t *testing.T) {
	t.Run("browser mode has no dialog", func(t *testing.T) {
		fs := &FileService{}
		for _, choose := range []func() (string, error){
			func() (string, error) { return fs.ChooseSave("a.pdf") },
			func() (string, error) { return fs.ChooseOpen([]string{"*.csv"}) },
			fs.ChooseFolder,
		} {
			_, err := choose()
			require.Error(t, err)
			assert.Equal(t, "no_dialog", fault.As(err).Rule)
		}
	})
	t.Run("the desktop answers with the chosen path", func(t *testing.T) {
		p := &pickPath{path: "/home/u/客户.csv"}
		fs := &FileService{}
		fs.SetSaver(p)
		got, err := fs.ChooseOpen([]string{"*.csv", "*.xlsx"})
		require.NoError(t, err)
		assert.Equal(t, "/home/u/客户.csv", got)
		assert.Equal(t, "*.csv;*.xlsx", p.got)
		got, err = fs.ChooseSave("../../evil/年度评估.pdf")
		require.NoError(t, err)
		assert.Equal(t, "/home/u/客户.csv", got)
		assert.Equal(t, "年度评估.pdf", p.got, "only the base name is offered")
		got, err = fs.ChooseFolder()
		require.NoError(t, err)
		assert.Equal(t, "/home/u/客户.csv", got)
	})
}

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
