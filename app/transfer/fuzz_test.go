package transfer

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"testing"

	"github.com/xuri/excelize/v2"

	"keystone/core/fault"
	"keystone/core/opportunity"
)

// drain reads a table to its end; every failure must be a fault a user can read.
func drain(t *testing.T, format string, data []byte) {
	tab, _, err := OpenTable(format, bytes.NewReader(data), int64(len(data)), TableOptions{})
	if err != nil {
		requireFault(t, err)
		return
	}
	defer tab.Close()
	set := opportunity.Defaults()
	deals := NewDeals(&set)
	for i := 0; ; i++ {
		row, err := tab.Next()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			requireFault(t, err)
			return
		}
		for _, kind := range TableKinds {
			mapping := ProposeMapping(kind, tab.Header())
			c, _ := NewCells(tab.Line(), row, mapping)
			for _, f := range Fields(kind) {
				if v, ok := c.Get(f.Key); ok && len(v) > MaxCell*4 {
					t.Fatalf("cell over the limit passed: %d bytes", len(v))
				}
			}
			ApplyOpportunity(&opportunityScratch, c, deals)
		}
		if i > 10_000 {
			return
		}
	}
}

var opportunityScratch = opportunityZero()

func opportunityZero() (o opportunity.Opportunity) { return o }

func requireFault(t *testing.T, err error) {
	t.Helper()
	var fe *fault.Error
	if !errors.As(err, &fe) || fe.Message == "" || fe.Code != fault.Invalid {
		t.Fatalf("not a clear error for the user: %#v", err)
	}
}

func FuzzCSVTable(f *testing.F) {
	for _, s := range []string{
		"Account Name,Billing Country\nAcme,US\n",
		"\ufeff客户名称;国家\n华东化工;中国\n",
		"a,\"b\nc\",d\n1,2,3\n",
		"\"unterminated\n",
		"=CMD('calc'),+1\n@x,-2\n",
		"x\x00y",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		format, err := DetectFormat(data)
		if err != nil {
			requireFault(t, err)
			return
		}
		if format == FormatCSV {
			drain(t, format, data)
		}
	})
}

func FuzzXLSXTable(f *testing.F) {
	wb := excelize.NewFile()
	_ = wb.SetSheetRow("Sheet1", "A1", &[]any{"客户名称", "国家", "金额"})
	_ = wb.SetSheetRow("Sheet1", "A2", &[]any{"华东化工", "中国", 12.5})
	_ = wb.SetCellFormula("Sheet1", "C3", `CMD("calc")`)
	var buf bytes.Buffer
	_ = wb.Write(&buf)
	f.Add(buf.Bytes())
	f.Add(buf.Bytes()[:buf.Len()/2])
	f.Add([]byte("PK\x03\x04junk"))
	f.Fuzz(func(t *testing.T, data []byte) {
		drain(t, FormatXLSX, data)
	})
}

func FuzzReadJSON(f *testing.F) {
	f.Add([]byte(`{"format":"keystone.export","formatVersion":1,"schemaVersion":2,"records":[{"key":"g/x/1","kind":"x","value":{"id":"1","rev":1}}],"counts":{"x":1}}`))
	f.Add([]byte(`{"format":"keystone.export","formatVersion":1,"schemaVersion":2,"records":[`))
	f.Add([]byte(`{"records":[],"format":"keystone.export"}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := ReadJSON(bytes.NewReader(data), 2, func(n int, rec Record) error {
			if _, err := CheckRecord(rec); err != nil {
				requireFault(t, err)
			}
			return nil
		})
		if err != nil {
			requireFault(t, err)
		}
	})
}

// FuzzDecoders feeds every registered kind arbitrary values: a decoder may
// refuse, never panic, and its refusal is a fault.
func FuzzDecoders(f *testing.F) {
	id := "01JD0000000000000000000000"
	for _, kind := range []string{"account", "figures", "contact", "activity", "opportunity", "action", "plan", "program",
		"switching-assessment", "satisfaction-survey", "switching-plan", "lever-cost", "retention-case", "renewal"} {
		f.Add(kind, `{"id":"`+id+`","rev":1}`)
		f.Add(kind, `{"id":"`+id+`","rev":1,"accountId":"`+id+`","name":"华东","title":"x","currency":"CNY","date":"2024-02-30","close":{"outcome":"won"}}`)
	}
	f.Fuzz(func(t *testing.T, kind, value string) {
		key := "g/" + kind + "/" + id
		if kind == "account" {
			key = "acct/" + id
		}
		_, err := CheckRecord(Record{Key: key, Kind: kind, Value: json.RawMessage(value)})
		if err != nil {
			requireFault(t, err)
		}
	})
}
