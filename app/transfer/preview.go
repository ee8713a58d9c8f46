package transfer

// Problem is one thing wrong with an import, placed where the user can
// find it: the row as the spreadsheet numbers it (the record's number in a
// JSON export) and the column's header.
type Problem struct {
	Row     int            `json:"row"`
	Column  string         `json:"column"`
	Field   string         `json:"field"`
	Rule    string         `json:"rule"`
	Params  map[string]any `json:"params,omitempty"`
	Message string         `json:"message"`
}

// Column is one column of a table file: its header, a few sample values
// and the field it maps to (Ignore for none).
type Column struct {
	Header  string   `json:"header"`
	Samples []string `json:"samples"`
	Field   string   `json:"field"`
}

// Preview is what an import would do. Nothing is written to make it.
type Preview struct {
	Format   string   `json:"format"`
	Encoding string   `json:"encoding,omitempty"`
	Sheets   []string `json:"sheets,omitempty"`
	Sheet    string   `json:"sheet,omitempty"`
	Kind     string   `json:"kind"`
	Columns  []Column `json:"columns"`
	Fields   []Field  `json:"fields"`
	MatchKey string   `json:"matchKey"` // how rows find the record they update
	// MatchExternal: rows first look for the record an earlier import of
	// the same external id made.
	MatchExternal bool           `json:"matchExternal"`
	Rows          int            `json:"rows"`
	Create        int            `json:"create"`
	Update        int            `json:"update"`
	Same          int            `json:"unchanged"`
	Skip          int            `json:"skip"` // rows with problems, left out if the user chooses
	Counts        map[string]int `json:"counts,omitempty"`
	Problems      []Problem      `json:"problems"`
	// BadRows lists the rows with problems (all of them, up to MaxListed).
	BadRows   []int   `json:"badRows"`
	Truncated bool    `json:"truncated"` // more problems than MaxListed
	Header    *Header `json:"header,omitempty"`
}

// MaxListed bounds the problems a preview lists; the counts stay exact.
const MaxListed = 1000
