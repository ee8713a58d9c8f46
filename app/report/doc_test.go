package report

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const longZh = "华东精密制造集团是我们在长三角最重要的战略客户之一。本年度双方在联合研发、供应链协同和数字化采购方面取得了实质进展，" +
	"销售收入同比增长百分之十八，钱包份额由百分之三十二提升至百分之三十九。下一年度的重点是把合作从单一材料供应升级为联合研发伙伴关系（Type II），" +
	"并在苏州新工厂项目中争取成为独家供应商。主要风险是采购总监更换以及竞争对手在价格上的持续施压。"

// build lays out a document with every block, as a review would.
func build(t testing.TB, lang string, rows int) []byte {
	t.Helper()
	d, err := New(Options{Lang: lang, Title: "年度评审 Annual evaluation", HeaderLeft: "华东精密制造集团", HeaderCenter: "2026",
		HeaderRight: "机密 Confidential", Created: time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	d.Cover(Cover{Kicker: "ANNUAL EVALUATION · 年度评审", Title: "华东精密制造集团有限公司", Subtitle: "2026 年度",
		Lines: [][2]string{{"客户经理", "王磊"}, {"审批", "李总"}}, Mark: "机密 · CONFIDENTIAL"})
	d.Contents()
	d.Section(d.T("Performance", "业绩表现"))
	d.KPIs([]KPI{{"收入", "¥ 12,345,678", "目标完成 92%", Caution}, {"毛利", "¥ 3,456,789", "+8% 同比", Positive},
		{"钱包份额", "39%", "去年 32%", Positive}, {"赢单率", "41%", "12 胜 / 17 负", Neutral}})
	d.Paragraph(longZh)
	d.Bars(BarChart{Title: "收入与目标", Categories: []string{"2023", "2024", "2025", "2026"},
		Series: []Series{{"收入", []float64{8, 9.5, 11, 12.3}}, {"目标", []float64{9, 10, 12, 13.5}}}})
	d.Section(d.T("Opportunities", "商机"))
	tbl := Table{Columns: []Column{{"商机", 3, Left}, {"金额", 1.2, Right}, {"结果", 1, Center}, {"原因", 2.5, Left}}, Strong: map[int]bool{}}
	for i := range rows {
		tbl.Rows = append(tbl.Rows, []string{fmt.Sprintf("第 %d 号商机：苏州新工厂二期自动化产线改造项目", i+1), GroupThousands(int64(100000 * (i + 1))),
			"丢单", "价格（经济价值）高于竞争对手约百分之八，客户采购部更看重首年成本"})
	}
	tbl.Rows = append(tbl.Rows, []string{"合计", GroupThousands(int64(100000 * rows * (rows + 1) / 2)), "", ""})
	tbl.Strong[len(tbl.Rows)-1] = true
	d.Table(tbl)
	d.Section(d.T("Position", "组合位置"))
	d.Radar(RadarChart{Title: "驱动因素", Axes: []string{"资产/成本效率", "客户服务", "营销优势", "利润稳定"}, Max: 5,
		Series: []Series{{"我方", []float64{4, 3, 5, 3}}, {"客户", []float64{3, 4, 2, 4}}}})
	d.Quadrant(QuadrantChart{Title: "组合矩阵", XLabel: "相对实力", YLabel: "吸引力", Min: 1, Max: 10, Cut: 5.5,
		Quadrants: [4]string{"明星", "战略", "精简", "维持"},
		Points:    []Point{{2, 3, 0.1, "", false}, {7, 8, 0.5, "", false}, {8, 7, 1, "华东精密", true}}})
	d.Pareto(ParetoChart{Title: "丢单原因", Categories: []string{"价格", "关系", "交期", "质量"}, Values: []float64{50, 20, 10, 5}})
	d.Lines(LineChart{Title: "三年趋势", Categories: []string{"2024", "2025", "2026"}, Series: []Series{{"收入", []float64{9, 11, 12}}}})
	var buf bytes.Buffer
	require.NoError(t, d.Output(&buf))
	return buf.Bytes()
}

func pdftotext(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	require.NoError(t, os.WriteFile(path, pdf, 0o600))
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	require.NoError(t, err, "pdftotext (poppler-utils) reads the file")
	return string(out)
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func TestDocumentReadsBack(t *testing.T) {
	for _, lang := range []string{"zh-CN", "en"} {
		t.Run(lang, func(t *testing.T) {
			pdf := build(t, lang, 60)
			text := pdftotext(t, pdf)
			flat := squeeze(text)
			assert.Contains(t, flat, squeeze(longZh), "every character of the wrapped paragraph is there, in order")
			for i := 1; i <= 60; i++ {
				assert.Contains(t, flat, fmt.Sprintf("第%d号商机：苏州新工厂二期自动化产线改造项目", i))
			}
			assert.Contains(t, flat, "华东精密制造集团有限公司")
			pages := strings.Count(text, "\f")
			if lang == "zh-CN" {
				assert.Contains(t, flat, fmt.Sprintf("第1页，共%d页", pages)[len("第1页"):], "page X of Y with the real total")
				assert.Contains(t, flat, "目录")
				assert.Contains(t, flat, "1业绩表现")
			} else {
				assert.Contains(t, flat, fmt.Sprintf("Page3of%d", pages))
				assert.Contains(t, flat, "Contents")
			}
			// the long table runs over pages and repeats its header on each
			assert.GreaterOrEqual(t, strings.Count(flat, "金额结果原因"), 3, "60 two-line rows take three pages")
			assert.NotContains(t, text, "{nb}")
		})
	}
}

func TestFontsAreEmbedded(t *testing.T) {
	pdf := build(t, "zh-CN", 3)
	path := filepath.Join(t.TempDir(), "doc.pdf")
	require.NoError(t, os.WriteFile(path, pdf, 0o600))
	out, err := exec.Command("pdffonts", path).Output()
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")[2:]
	require.NotEmpty(t, lines)
	for _, l := range lines {
		assert.Contains(t, strings.ToLower(l), "notosanssc")
		f := strings.Fields(l)
		assert.Equal(t, "yes", f[len(f)-5], "embedded: %s", l)
	}
	// the 10 MB font is subset to the glyphs used (gofpdf does not tag the name as a subset)
	assert.Less(t, len(pdf), 400_000, "subsetting keeps a review small")
}

func TestSamePagesTwice(t *testing.T) {
	a, b := build(t, "zh-CN", 10), build(t, "zh-CN", 10)
	assert.Equal(t, a, b, "a frozen document prints the same bytes again")
}

func TestNiceScale(t *testing.T) {
	cases := []struct {
		lo, hi         float64
		wantLo, wantHi float64
		ticks          int
	}{
		{0, 12.3, 0, 12.5, 6},
		{0, 97, 0, 100, 6},
		{-3, 8, -5, 10, 7},
		{0, 0, 0, 1, 6},
	}
	for _, tc := range cases {
		lo, hi, ticks := niceScale(tc.lo, tc.hi, 5)
		assert.Equal(t, tc.wantLo, lo, "%v..%v", tc.lo, tc.hi)
		assert.Equal(t, tc.wantHi, hi, "%v..%v", tc.lo, tc.hi)
		assert.Len(t, ticks, tc.ticks, "%v", ticks)
	}
	assert.Equal(t, "1,234,567", GroupThousands(1234567))
	assert.Equal(t, "-1,000", GroupThousands(-1000))
	assert.Equal(t, "999", GroupThousands(999))
}

func BenchmarkTenPageReport(b *testing.B) {
	for b.Loop() {
		build(b, "zh-CN", 120)
	}
}
