package transfer

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"

	"keystone/core/fault"
)

// File formats.
const (
	FormatJSON = "json"
	FormatCSV  = "csv"
	FormatXLSX = "xlsx"
)

// Encodings of a CSV file. EncodingAuto detects: a byte-order mark or valid
// UTF-8 is UTF-8, anything else is tried as GBK (what Excel on a Chinese
// Windows writes).
const (
	EncodingAuto    = "auto"
	EncodingUTF8    = "utf-8"
	EncodingUTF8BOM = "utf-8-bom"
	EncodingGBK     = "gbk"
)

// Limits that keep a hostile file from exhausting memory.
const (
	MaxCell    = 32767   // Excel's own limit on a cell, in characters
	MaxLine    = 1 << 20 // bytes on one physical line of a CSV
	MaxColumns = 200
	MaxRows    = 1_000_000
	maxUnzip   = 2 << 30
)

// DetectFormat tells the format from the first bytes of a file, refusing
// the ones Keystone cannot read with a sentence that says what to do.
func DetectFormat(head []byte) (string, error) {
	trim := bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	switch {
	case len(trim) == 0:
		return "", fault.New(fault.Invalid, "empty_file", "the file is empty")
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return FormatXLSX, nil
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return "", fault.New(fault.Invalid, "old_excel", "this is an old Excel file (.xls); save it as .xlsx or CSV and import that")
	case trim[0] == '{':
		return FormatJSON, nil
	case looksBinary(head):
		return "", fault.New(fault.Invalid, "not_text", "this file is neither a Keystone export, an Excel workbook nor a CSV text file")
	}
	return FormatCSV, nil
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// looksBinary: NUL bytes, or control characters that no CSV holds.
func looksBinary(b []byte) bool {
	if len(b) > 8192 {
		b = b[:8192]
	}
	ctl := 0
	for _, c := range b {
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\t' && c != '\r' && c != '\n' && c != '\f' {
			ctl++
		}
	}
	return ctl > len(b)/100+1
}

// DetectEncoding names the encoding of a CSV file's first bytes.
func DetectEncoding(head []byte) string {
	if bytes.HasPrefix(head, utf8BOM) {
		return EncodingUTF8BOM
	}
	// A sample may end in the middle of a character.
	for i := 0; i < utf8.UTFMax && len(head) > 0 && !utf8.Valid(head); i++ {
		head = head[:len(head)-1]
	}
	if utf8.Valid(head) {
		return EncodingUTF8
	}
	return EncodingGBK
}

// Table is a header row and the data rows after it, read one at a time.
type Table interface {
	Header() []string
	// Next returns the next non-blank data row, io.EOF after the last.
	Next() ([]string, error)
	// Line is the row number, as a spreadsheet shows it, of the last row Next returned.
	Line() int
	Close() error
}

// TableOptions choose how a table file is read.
type TableOptions struct {
	Encoding string // for CSV; "" or "auto" detects
	Sheet    string // for Excel; "" is the first sheet
}

// OpenTable opens a CSV or Excel file and reads its header row. size is
// the length of r's content (Excel needs random access).
func OpenTable(format string, r io.ReaderAt, size int64, opt TableOptions) (Table, string, error) {
	switch format {
	case FormatCSV:
		return openCSV(io.NewSectionReader(r, 0, size), opt.Encoding)
	case FormatXLSX:
		t, err := openXLSX(r, size, opt.Sheet)
		return t, "", err
	}
	return nil, "", fault.New(fault.Invalid, "not_table", "a %s file is not a table of records", format)
}

type csvTable struct {
	r      *csv.Reader
	header []string
	line   int
}

func openCSV(src io.Reader, enc string) (Table, string, error) {
	br := bufio.NewReaderSize(src, 64<<10)
	head, _ := br.Peek(64 << 10)
	if len(bytes.TrimSpace(bytes.TrimPrefix(head, utf8BOM))) == 0 {
		return nil, "", fault.New(fault.Invalid, "empty_file", "the file is empty")
	}
	if looksBinary(head) {
		return nil, "", fault.New(fault.Invalid, "not_text", "this file is neither a Keystone export, an Excel workbook nor a CSV text file")
	}
	if enc == "" || enc == EncodingAuto {
		enc = DetectEncoding(head)
	}
	var text io.Reader = br
	switch enc {
	case EncodingUTF8, EncodingUTF8BOM:
		if bytes.HasPrefix(head, utf8BOM) {
			if _, err := br.Discard(len(utf8BOM)); err != nil {
				return nil, "", err
			}
		}
	case EncodingGBK:
		if !gbkText(head) {
			return nil, "", fault.New(fault.Invalid, "bad_encoding", "the file is neither UTF-8 nor GBK text; save it from Excel as \"CSV UTF-8\"")
		}
		text = transform.NewReader(br, simplifiedchinese.GB18030.NewDecoder())
	default:
		return nil, "", &fault.Error{Code: fault.Invalid, Field: "encoding", Rule: "unknown_value", Params: map[string]any{"value": enc},
			Message: fmt.Sprintf("unknown encoding %q: use utf-8 or gbk", enc)}
	}
	sample, _ := bufio.NewReader(bytes.NewReader(head)).ReadString('\n')
	cr := csv.NewReader(&lineLimit{r: text})
	cr.Comma = delimiter(sample)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	t := &csvTable{r: cr}
	for {
		rec, err := t.read()
		if errors.Is(err, io.EOF) {
			return nil, enc, fault.New(fault.Invalid, "no_rows", "the file has no header row")
		}
		if err != nil {
			return nil, enc, err
		}
		if !blank(rec) {
			t.header = cleanHeader(rec)
			break
		}
	}
	if len(t.header) > MaxColumns {
		return nil, enc, fault.New(fault.Invalid, "too_many_columns", "the file has %d columns; at most %d are read", len(t.header), MaxColumns)
	}
	return t, enc, nil
}

// gbkText reports whether head decodes as GBK/GB18030 to text.
func gbkText(head []byte) bool {
	for i := 0; i < 2 && len(head) > 0; i++ { // a sample may end inside a character
		out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(head)
		if err == nil && !strings.ContainsRune(string(out), utf8.RuneError) {
			for _, r := range string(out) {
				if unicode.IsControl(r) && r != '\t' && r != '\r' && r != '\n' {
					return false
				}
			}
			return true
		}
		head = head[:len(head)-1]
	}
	return false
}

// delimiter picks the separator of the first line: a comma, or the
// semicolon of European Excel, or a tab.
func delimiter(line string) rune {
	best, n := ',', strings.Count(line, ",")
	for _, d := range []rune{';', '\t'} {
		if c := strings.Count(line, string(d)); c > n {
			best, n = d, c
		}
	}
	return best
}

func (t *csvTable) read() ([]string, error) {
	rec, err := t.r.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, io.EOF
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, &fault.Error{Code: fault.Invalid, Rule: "bad_csv", Params: map[string]any{"row": pe.StartLine, "detail": pe.Err.Error()},
				Message: fmt.Sprintf("row %d cannot be read as CSV: %v", pe.StartLine, pe.Err)}
		}
		if fe := (*fault.Error)(nil); errors.As(err, &fe) {
			return nil, fe
		}
		return nil, fault.Wrap(fault.Invalid, "bad_csv", err, "the file cannot be read as CSV: %v", err)
	}
	t.line, _ = t.r.FieldPos(0)
	return rec, nil
}

func (t *csvTable) Header() []string { return t.header }
func (t *csvTable) Line() int        { return t.line }
func (t *csvTable) Close() error     { return nil }

func (t *csvTable) Next() ([]string, error) {
	for {
		rec, err := t.read()
		if err != nil {
			return nil, err
		}
		if t.line > MaxRows+1 {
			return nil, fault.New(fault.Invalid, "too_many_rows", "the file has more than %d rows", MaxRows)
		}
		if !blank(rec) {
			return rec, nil
		}
	}
}

// lineLimit refuses a physical line longer than MaxLine, so one huge
// cell cannot take all memory before the cell limit sees it.
type lineLimit struct {
	r   io.Reader
	run int
}

func (l *lineLimit) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for _, c := range p[:n] {
		if c == '\n' {
			l.run = 0
		} else if l.run++; l.run > MaxLine {
			return 0, fault.New(fault.Invalid, "line_too_long", "a line of the file is longer than %d MB; it is not a table Keystone can read", MaxLine>>20)
		}
	}
	return n, err
}

type xlsxTable struct {
	f      *excelize.File
	rows   *excelize.Rows
	header []string
	line   int
}

func openXLSX(r io.ReaderAt, size int64, sheet string) (t Table, err error) {
	// excelize panics on some malformed archives; a bad file is an error, not a crash.
	defer func() {
		if p := recover(); p != nil {
			t, err = nil, fault.New(fault.Invalid, "bad_xlsx", "the Excel file is damaged: %v", p)
		}
	}()
	f, err := excelize.OpenReader(io.NewSectionReader(r, 0, size), excelize.Options{UnzipSizeLimit: maxUnzip, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		return nil, fault.Wrap(fault.Invalid, "bad_xlsx", err, "the file cannot be opened as an Excel workbook: %v", err)
	}
	sheets := f.GetSheetList()
	if sheet == "" {
		if len(sheets) == 0 {
			f.Close()
			return nil, fault.New(fault.Invalid, "no_rows", "the workbook has no sheet")
		}
		sheet = sheets[0]
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		f.Close()
		return nil, &fault.Error{Code: fault.Invalid, Field: "sheet", Rule: "no_sheet", Params: map[string]any{"sheet": sheet},
			Message: fmt.Sprintf("the workbook has no sheet %q", sheet), Err: err}
	}
	x := &xlsxTable{f: f, rows: rows}
	for {
		rec, err := x.read()
		if errors.Is(err, io.EOF) {
			x.Close()
			return nil, fault.New(fault.Invalid, "no_rows", "the sheet %q has no header row", sheet)
		}
		if err != nil {
			x.Close()
			return nil, err
		}
		if !blank(rec) {
			x.header = cleanHeader(rec)
			break
		}
	}
	if len(x.header) > MaxColumns {
		x.Close()
		return nil, fault.New(fault.Invalid, "too_many_columns", "the sheet has %d columns; at most %d are read", len(x.header), MaxColumns)
	}
	return x, nil
}

// Sheets lists an Excel workbook's sheets.
func Sheets(r io.ReaderAt, size int64) ([]string, error) {
	f, err := excelize.OpenReader(io.NewSectionReader(r, 0, size), excelize.Options{UnzipSizeLimit: maxUnzip, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		return nil, fault.Wrap(fault.Invalid, "bad_xlsx", err, "the file cannot be opened as an Excel workbook: %v", err)
	}
	defer f.Close()
	return f.GetSheetList(), nil
}

func (x *xlsxTable) read() ([]string, error) {
	if !x.rows.Next() {
		if err := x.rows.Error(); err != nil {
			return nil, fault.Wrap(fault.Invalid, "bad_xlsx", err, "the sheet cannot be read after row %d: %v", x.line, err)
		}
		return nil, io.EOF
	}
	x.line++
	if x.line > MaxRows+1 {
		return nil, fault.New(fault.Invalid, "too_many_rows", "the sheet has more than %d rows", MaxRows)
	}
	// Cells are read as stored: a formula's cached result, never evaluated.
	rec, err := x.rows.Columns()
	if err != nil {
		return nil, fault.Wrap(fault.Invalid, "bad_xlsx", err, "row %d cannot be read: %v", x.line, err)
	}
	return rec, nil
}

func (x *xlsxTable) Header() []string { return x.header }
func (x *xlsxTable) Line() int        { return x.line }

func (x *xlsxTable) Next() ([]string, error) {
	for {
		rec, err := x.read()
		if err != nil {
			return nil, err
		}
		if !blank(rec) {
			return rec, nil
		}
	}
}

func (x *xlsxTable) Close() error {
	err := x.rows.Close()
	return errors.Join(err, x.f.Close())
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// cleanHeader trims header cells and drops trailing empty ones.
func cleanHeader(rec []string) []string {
	h := make([]string, len(rec))
	for i, c := range rec {
		h[i] = strings.TrimSpace(strings.TrimPrefix(c, "\ufeff"))
	}
	for len(h) > 0 && h[len(h)-1] == "" {
		h = h[:len(h)-1]
	}
	return h
}
