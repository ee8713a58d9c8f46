package transfer

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
)

// WriteCSV writes a table as CSV. A text cell that starts with = + - @ (or
// a tab or carriage return) gets a leading apostrophe, so a spreadsheet
// shows it as text instead of running it as a formula (CSV injection);
// the import takes the apostrophe off again.
func WriteCSV(w io.Writer, headers []string, rows [][]any) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(headers); err != nil {
		return err
	}
	rec := make([]string, len(headers))
	for _, r := range rows {
		for i := range rec {
			rec[i] = ""
			if i < len(r) && r[i] != nil {
				rec[i] = cellText(r[i])
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func cellText(v any) string {
	switch x := v.(type) {
	case string:
		return EscapeFormula(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	}
	return EscapeFormula(fmt.Sprint(v))
}

// EscapeFormula prefixes a cell a spreadsheet would evaluate.
func EscapeFormula(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r') {
		return "'" + s
	}
	return s
}
