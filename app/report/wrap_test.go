package report

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

// mono measures every character as 1 wide (CJK as 2, as in print).
func mono(s string) float64 {
	w := 0.0
	for _, r := range s {
		if breaksAnywhere(r) {
			w += 2
		} else {
			w++
		}
	}
	return w
}

func TestWrap(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"fits", "华东精密", 8, []string{"华东精密"}},
		{"CJK breaks anywhere", "华东精密制造集团", 8, []string{"华东精密", "制造集团"}},
		{"no character is dropped at a break", "一二三四五六七", 4, []string{"一二", "三四", "五六", "七"}},
		{"comma never starts a line", "一二三，四五", 6, []string{"一二", "三，四", "五"}},
		{"full stop never starts a line", "一二三。", 6, []string{"一二", "三。"}},
		{"closing bracket and quote stay behind", "甲乙丙）丁", 6, []string{"甲乙", "丙）丁"}},
		{"opening bracket never ends a line", "甲乙（丙丁）", 6, []string{"甲乙", "（丙", "丁）"}},
		{"book title marks", "阅读《大客户管理》一书", 10, []string{"阅读《大客", "户管理》一", "书"}},
		{"an opening mark moves down with its character", "阅读的《管理》", 6, []string{"阅读的", "《管", "理》"}},
		{"Latin words break at spaces", "key account review", 11, []string{"key account", "review"}},
		{"a long word breaks by character", "supercalifragilistic", 8, []string{"supercal", "ifragili", "stic"}},
		{"mixed scripts", "Q3 回顾 with 华东", 8, []string{"Q3 回顾", "with 华", "东"}},
		{"explicit newlines kept", "第一行\n\n第三行", 20, []string{"第一行", "", "第三行"}},
		{"spaces at a break are dropped", "alpha beta", 5, []string{"alpha", "beta"}},
		{"a number stays whole with its percent sign", "增长12%", 6, []string{"增长", "12%"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := wrap(tc.text, tc.width, mono)
			assert.Equal(t, tc.want, got)
			for _, l := range got {
				assert.LessOrEqual(t, mono(l), tc.width+2, "line %q", l)
				if l != "" {
					first, _ := utf8.DecodeRuneInString(l)
					assert.NotContains(t, noLineStart, string(first), "line %q starts with closing punctuation", l)
					last, _ := utf8.DecodeLastRuneInString(l)
					assert.NotContains(t, noLineEnd, string(last), "line %q ends with opening punctuation", l)
				}
			}
			joined := strings.Join(got, "")
			assert.Equal(t, strings.ReplaceAll(strings.ReplaceAll(tc.text, " ", ""), "\n", ""), strings.ReplaceAll(joined, " ", ""),
				"every character survives")
		})
	}
}

func FuzzWrap(f *testing.F) {
	for _, s := range []string{"华东精密，制造（集团）有限公司。", "alpha beta gamma", "《》（）！？", "a\nb"} {
		f.Add(s, 6.0)
	}
	f.Fuzz(func(t *testing.T, s string, width float64) {
		if width < 2 || width > 200 || !utf8.ValidString(s) {
			return
		}
		got := wrap(s, width, mono)
		keep := func(x string) string {
			return strings.Map(func(r rune) rune {
				if unicode.IsSpace(r) { // a blank line may come back empty
					return -1
				}
				return r
			}, x)
		}
		assert.Equal(t, keep(s), keep(strings.Join(got, "")), "no character is lost or added")
	})
}
