package report

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCoverage(t *testing.T) {
	for _, r := range "基石华东精密，。（）《》Keystone 0123456789%€¥–—“”…·" {
		assert.True(t, HasGlyph(r), "the font draws %q", r)
	}
	for _, r := range []rune{0x1F600, 0x1F389, 0x20000, 0x0007, 0xE000} {
		assert.False(t, HasGlyph(r), "the font lacks %U", r)
	}
}

func TestVisible(t *testing.T) {
	cases := []struct{ in, want string }{
		{"华东精密 Keystone", "华东精密 Keystone"},
		{"满意度 +1.2 🎉", "满意度 +1.2 [U+1F389]"},
		{"a\tb\r\nc", "a b \nc"},
		{"生僻字𠀀", "生僻字[U+20000]"},
		{"bell\a", "bell[U+0007]"},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, visible(tc.in))
	}
}

// TestMissingGlyphsReadBack prints text the font cannot draw and reads the
// PDF back: each such character is there as its code point, the rest as is.
func TestMissingGlyphsReadBack(t *testing.T) {
	d, err := New(Options{Lang: "zh-CN", Created: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	d.AddPage()
	d.Paragraph("庆祝签约 🎉🚀，客户满意度 👍 提升；生僻字 𠀀 也要保留。")
	d.Table(Table{Columns: []Column{{"名称 😀", 1, Left}}, Rows: [][]string{{"单元格 ✅ 完成"}}})
	var buf bytes.Buffer
	require.NoError(t, d.Output(&buf))
	text := squeeze(pdftotext(t, buf.Bytes()))
	assert.Contains(t, text, "庆祝签约[U+1F389][U+1F680]，客户满意度[U+1F44D]提升；生僻字[U+20000]也要保留。")
	assert.Contains(t, text, "名称[U+1F600]")
	assert.Contains(t, text, "单元格"+squeeze(visible("✅"))+"完成")
}

// FuzzRender feeds arbitrary text to every block: nothing panics, and a
// valid PDF comes out.
func FuzzRender(f *testing.F) {
	for _, s := range []string{"华东精密，制造（集团）有限公司。", "🎉 emoji \x00 nul", "《》（）！？\n\n\t", strings.Repeat("长", 3000), "a\u200db\ufe0f", "\uffff\U0010ffff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || len(s) > 20000 {
			return
		}
		d, err := New(Options{Lang: "en", Title: s, HeaderLeft: s, Created: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
		require.NoError(t, err)
		d.Cover(Cover{Kicker: s, Title: s, Subtitle: s, Lines: [][2]string{{s, s}}, Mark: s})
		d.Contents()
		d.Section(s)
		d.KPIs([]KPI{{Label: s, Value: s, Detail: s}})
		d.Lead(s)
		d.Paragraph(s)
		d.Bullets([]string{s, s})
		d.Table(Table{Columns: []Column{{s, 1, Left}, {s, 1, Right}}, Rows: [][]string{{s, s}}})
		d.Panels([]Box{{Title: s, Text: s}, {Title: s, Text: s}})
		d.Progress([]Bar{{Label: s, Value: 50, Detail: s}})
		d.Facts([][2]string{{s, s}})
		d.Bars(BarChart{Title: s, Categories: []string{s}, Series: []Series{{Name: s, Values: []float64{1}}, {Name: s, Values: []float64{2}}}})
		d.Radar(RadarChart{Title: s, Axes: []string{s, s, s}, Max: 5, Series: []Series{{Name: s, Values: []float64{1, 2, 3}}}})
		d.Quadrant(QuadrantChart{Title: s, XLabel: s, YLabel: s, Min: 1, Max: 10, Cut: 5.5, Quadrants: [4]string{s, s, s, s},
			Points: []Point{{X: 3, Y: 4, Label: s, Highlight: true}}})
		d.SignOff([]Signature{{Role: s, Name: s, Date: s}}, s)
		var buf bytes.Buffer
		require.NoError(t, d.Output(&buf))
		assert.True(t, bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")))
	})
}
