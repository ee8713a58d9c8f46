package app

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Sheet is one table to export: a name, the header row and text or number
// cells (numbers stay numbers, so a spreadsheet can add them up).
type Sheet struct {
	Name    string   `json:"name"`
	Headers []string `json:"headers"`
	Rows    [][]any  `json:"rows"`
}

// writeWorkbook streams the sheets into one .xlsx, returned base64-encoded
// for the UI to save: a bold, frozen header row, columns sized to their text
// (a Chinese character counts two), sheet names made valid and unique.
func writeWorkbook(sheets []Sheet) (string, error) {
	f := excelize.NewFile()
	defer f.Close()
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8EEF6"}}})
	if err != nil {
		return "", fmt.Errorf("workbook: %w", err)
	}
	used := map[string]bool{}
	for i, sh := range sheets {
		name := sheetName(sh.Name, i, used)
		if i == 0 {
			err = f.SetSheetName("Sheet1", name)
		} else {
			_, err = f.NewSheet(name)
		}
		if err != nil {
			return "", fmt.Errorf("workbook: sheet %q: %w", name, err)
		}
		sw, err := f.NewStreamWriter(name)
		if err != nil {
			return "", fmt.Errorf("workbook: %w", err)
		}
		cells := make([]any, len(sh.Headers))
		widths := make([]int, len(sh.Headers))
		for j, h := range sh.Headers {
			cells[j] = excelize.Cell{Value: h, StyleID: head}
			widths[j] = textWidth(h)
		}
		for _, r := range sh.Rows {
			for j, v := range r {
				if j < len(widths) && v != nil {
					widths[j] = max(widths[j], textWidth(fmt.Sprint(v)))
				}
			}
		}
		// column widths and panes must precede the first row in a stream
		for j, w := range widths {
			if err := sw.SetColWidth(j+1, j+1, float64(min(max(w+2, 8), 60))); err != nil {
				return "", fmt.Errorf("workbook: %w", err)
			}
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return "", fmt.Errorf("workbook: %w", err)
		}
		if err := sw.SetRow("A1", cells); err != nil {
			return "", fmt.Errorf("workbook: %w", err)
		}
		for r, row := range sh.Rows {
			at, _ := excelize.CoordinatesToCellName(1, r+2)
			if err := sw.SetRow(at, row); err != nil {
				return "", fmt.Errorf("workbook: %w", err)
			}
		}
		if err := sw.Flush(); err != nil {
			return "", fmt.Errorf("workbook: %w", err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return "", fmt.Errorf("workbook: %w", err)
	}
	return base64.StdEncoding.EncodeToString(buf.Bytes()), nil
}

// textWidth counts a CJK character as two columns, as spreadsheets show them.
func textWidth(s string) int {
	w := 0
	for _, r := range s {
		if r >= 0x2E80 {
			w += 2
		} else {
			w++
		}
	}
	return w
}

// sheetName makes a valid, unique sheet name: at most 31 characters, none
// of : \ / ? * [ ].
func sheetName(name string, i int, used map[string]bool) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '-'
		}
		return r
	}, strings.TrimSpace(name))
	if name == "" {
		name = fmt.Sprintf("Sheet%d", i+1)
	}
	for utf8.RuneCountInString(name) > 31 {
		r := []rune(name)
		name = string(r[:31])
	}
	base := name
	for n := 2; used[strings.ToLower(name)]; n++ {
		suffix := fmt.Sprintf(" (%d)", n)
		r := []rune(base)
		name = string(r[:min(len(r), 31-len(suffix))]) + suffix
	}
	used[strings.ToLower(name)] = true
	return name
}
