package transfer

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"keystone/core/fault"
)

// FormatName and FormatVersion identify a Keystone JSON export. A reader
// refuses a newer format version rather than guess at it.
const (
	FormatName    = "keystone.export"
	FormatVersion = 1
)

// Header describes an export: what wrote it and with which data schema.
type Header struct {
	Format        string    `json:"format"`
	FormatVersion int       `json:"formatVersion"`
	App           string    `json:"app"`
	SchemaVersion int       `json:"schemaVersion"`
	ExportedAt    time.Time `json:"exportedAt"`
}

// Record is one stored record in an export: its store key, its kind (from
// the key) and its value exactly as stored.
type Record struct {
	Key   string          `json:"key"`
	Kind  string          `json:"kind"`
	Value json.RawMessage `json:"value"`
}

// Writer streams an export: the header, then each record on its own line,
// then the counts per kind, which a reader checks so a cut file is refused.
type Writer struct {
	w      *bufio.Writer
	n      int
	counts map[string]int
}

// NewWriter writes the header and opens the record list.
func NewWriter(w io.Writer, h Header) (*Writer, error) {
	h.Format, h.FormatVersion = FormatName, FormatVersion
	bw := bufio.NewWriterSize(w, 64<<10)
	hb, err := json.Marshal(h)
	if err != nil {
		return nil, fmt.Errorf("transfer: encode header: %w", err)
	}
	// The header's fields open the object; the records follow in the same object.
	bw.Write(hb[:len(hb)-1])
	bw.WriteString(",\n\"records\": [")
	return &Writer{w: bw, counts: map[string]int{}}, nil
}

// Add writes one stored record; val must be the stored JSON value.
func (w *Writer) Add(key, val []byte) error {
	k, err := ParseKey(string(key))
	if err != nil {
		return err
	}
	if w.n > 0 {
		w.w.WriteByte(',')
	}
	w.w.WriteString("\n{\"key\":")
	kb, _ := json.Marshal(string(key))
	w.w.Write(kb)
	w.w.WriteString(",\"kind\":")
	kb, _ = json.Marshal(k.Kind)
	w.w.Write(kb)
	w.w.WriteString(",\"value\":")
	w.w.Write(bytes.TrimSpace(val))
	_, err = w.w.WriteString("}")
	w.n++
	w.counts[k.Kind]++
	return err
}

// Close ends the record list with the counts and flushes.
func (w *Writer) Close() error {
	cb, err := json.Marshal(w.counts)
	if err != nil {
		return err
	}
	w.w.WriteString("\n],\n\"counts\": ")
	w.w.Write(cb)
	w.w.WriteString("\n}\n")
	return w.w.Flush()
}

// Counts is how many records of each kind were written.
func (w *Writer) Counts() map[string]int { return w.counts }

// Key is a parsed store key.
type Key struct {
	Kind      string
	AccountID string // the account the record belongs to ("" for global records)
	ID        string // the last key segment
}

// ParseKey reads a key of the store's layout: "acct/<id>",
// "ws/<account>/<kind>/<id>" or "g/<kind>/<id>". Any other key is refused.
func ParseKey(key string) (Key, error) {
	parts := strings.Split(key, "/")
	bad := func() (Key, error) {
		return Key{}, fault.New(fault.Invalid, "bad_key", "%q is not a Keystone record key", truncate(key, 80))
	}
	for _, p := range parts {
		if p == "" {
			return bad()
		}
	}
	switch {
	case len(parts) == 2 && parts[0] == "acct":
		return Key{Kind: "account", AccountID: parts[1], ID: parts[1]}, nil
	case len(parts) == 4 && parts[0] == "ws":
		return Key{Kind: parts[2], AccountID: parts[1], ID: parts[3]}, nil
	case len(parts) == 3 && parts[0] == "g":
		return Key{Kind: parts[1], ID: parts[2]}, nil
	}
	return bad()
}

// Export is what ReadJSON found: the header and the counts it checked.
type Export struct {
	Header Header
	Counts map[string]int
}

// ReadJSON streams an export: it checks the header, passes each record to
// fn (in file order) and finally checks the counts. fn's error stops it.
// The header must come before the records, as Writer puts it.
func ReadJSON(r io.Reader, maxSchema int, fn func(n int, rec Record) error) (Export, error) {
	var out Export
	dec := json.NewDecoder(bufio.NewReaderSize(r, 64<<10))
	bad := func(format string, args ...any) error {
		return &fault.Error{Code: fault.Invalid, Rule: "bad_export", Params: map[string]any{"detail": fmt.Sprintf(format, args...)},
			Message: "this is not a readable Keystone export: " + fmt.Sprintf(format, args...)}
	}
	tok, err := dec.Token()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return out, fault.New(fault.Invalid, "empty_file", "the file is empty")
		}
		return out, bad("%v", err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return out, bad("it does not start with a JSON object")
	}
	headerOK := false
	n := 0
	counted := map[string]int{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return out, bad("%v", err)
		}
		name, _ := tok.(string)
		switch name {
		case "format":
			err = dec.Decode(&out.Header.Format)
		case "formatVersion":
			err = dec.Decode(&out.Header.FormatVersion)
		case "app":
			err = dec.Decode(&out.Header.App)
		case "schemaVersion":
			err = dec.Decode(&out.Header.SchemaVersion)
		case "exportedAt":
			err = dec.Decode(&out.Header.ExportedAt)
		case "counts":
			err = dec.Decode(&out.Counts)
		case "records":
			if err := checkHeader(out.Header, maxSchema); err != nil {
				return out, err
			}
			headerOK = true
			if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
				return out, bad("the records are not a list")
			}
			for dec.More() {
				var rec Record
				if err := dec.Decode(&rec); err != nil {
					return out, bad("record %d: %v", n+1, err)
				}
				n++
				counted[rec.Kind]++
				if err := fn(n, rec); err != nil {
					return out, err
				}
			}
			if _, err := dec.Token(); err != nil {
				return out, bad("%v", err)
			}
		default:
			var skip json.RawMessage
			err = dec.Decode(&skip)
		}
		if err != nil {
			return out, bad("%s: %v", name, err)
		}
	}
	if _, err := dec.Token(); err != nil {
		return out, bad("%v", err)
	}
	if !headerOK {
		if err := checkHeader(out.Header, maxSchema); err != nil {
			return out, err
		}
		return out, bad("it holds no record list")
	}
	if out.Counts == nil {
		return out, bad("the counts at its end are missing (a cut file?)")
	}
	for kind, want := range out.Counts {
		if counted[kind] != want {
			return out, &fault.Error{Code: fault.Invalid, Rule: "count_mismatch",
				Params:  map[string]any{"kind": kind, "want": want, "have": counted[kind]},
				Message: fmt.Sprintf("the file says it holds %d %s records but %d are in it", want, kind, counted[kind])}
		}
	}
	for kind, have := range counted {
		if _, ok := out.Counts[kind]; !ok && have > 0 {
			return out, &fault.Error{Code: fault.Invalid, Rule: "count_mismatch",
				Params:  map[string]any{"kind": kind, "want": 0, "have": have},
				Message: fmt.Sprintf("the file holds %d %s records its counts do not mention", have, kind)}
		}
	}
	return out, nil
}

func checkHeader(h Header, maxSchema int) error {
	if h.Format != FormatName {
		return &fault.Error{Code: fault.Invalid, Rule: "not_export", Message: "this JSON file is not a Keystone export (its \"format\" is not " + FormatName + ")"}
	}
	if h.FormatVersion < 1 || h.FormatVersion > FormatVersion {
		return &fault.Error{Code: fault.Invalid, Rule: "newer_format", Params: map[string]any{"found": h.FormatVersion, "supported": FormatVersion},
			Message: fmt.Sprintf("the export has format version %d; this Keystone reads up to %d", h.FormatVersion, FormatVersion)}
	}
	if h.SchemaVersion != maxSchema {
		return &fault.Error{Code: fault.Invalid, Rule: "schema_mismatch", Params: map[string]any{"found": h.SchemaVersion, "supported": maxSchema},
			Message: fmt.Sprintf("the export was written with data schema %d; this Keystone writes schema %d: export it again with the same Keystone version", h.SchemaVersion, maxSchema)}
	}
	return nil
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
