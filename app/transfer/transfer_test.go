package transfer

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"keystone/core/account"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/opportunity"
	"keystone/core/record"
)

func TestProposeMapping(t *testing.T) {
	tests := []struct {
		name, kind string
		header     []string
		want       []string
	}{
		{"Salesforce accounts", KindAccounts,
			[]string{"Account ID", "Account Name", "Billing Country", "Industry", "Account Owner", "Annual Revenue", "Type"},
			[]string{"externalId", "name", "country", "industry", "owner", "", ""}},
		{"HubSpot companies", KindAccounts,
			[]string{"Record ID", "Company name", "Country/Region", "Industry", "Company owner"},
			[]string{"externalId", "name", "country", "industry", "owner"}},
		{"a Keystone export", KindAccounts,
			[]string{"Keystone ID", "Name", "Legal name", "Country"},
			[]string{"id", "name", "legalName", "country"}},
		{"Chinese accounts", KindAccounts,
			[]string{"客户名称", "国家", "行业", "负责人", "备注"},
			[]string{"name", "country", "industry", "owner", "notes"}},
		{"Salesforce opportunities", KindOpportunities,
			[]string{"Opportunity Name", "Account Name", "Stage", "Amount", "Close Date", "Probability (%)", "Opportunity Owner"},
			[]string{"title", "account", "stage", "value.amount", "expectedClose", "probability", "owner"}},
		{"HubSpot deals", KindOpportunities,
			[]string{"Record ID", "Deal Name", "Deal Stage", "Amount", "Close Date", "Associated Company", "Deal owner"},
			[]string{"externalId", "title", "stage", "value.amount", "expectedClose", "account", "owner"}},
		{"Chinese deals", KindOpportunities,
			[]string{"商机名称", "客户名称", "阶段", "金额", "预计成交日期"},
			[]string{"title", "account", "stage", "value.amount", "expectedClose"}},
		{"Chinese contacts", KindContacts,
			[]string{"客户名称", "联系人", "职位", "电话", "邮箱"},
			[]string{"account", "name", "title", "phone", "email"}},
		{"split names, one field per column", KindContacts,
			[]string{"First Name", "Last Name", "Email", "E-mail", "Company"},
			[]string{"firstName", "lastName", "email", "", "account"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, ProposeMapping(tc.kind, tc.header))
		})
	}
	assert.Equal(t, KindOpportunities, GuessKind([]string{"Deal Name", "Deal Stage", "Amount", "Company name"}))
	assert.Equal(t, KindContacts, GuessKind([]string{"客户名称", "联系人", "职位"}))
	assert.Equal(t, KindActivities, GuessKind([]string{"客户名称", "日期", "类型", "主题"}))
	assert.Equal(t, KindAccounts, GuessKind([]string{"客户名称", "国家", "行业"}))
}

func TestParseValues(t *testing.T) {
	dates := map[string]calendar.Date{
		"2024-03-01": "2024-03-01", "2024/3/1": "2024-03-01", "2024年3月1日": "2024-03-01",
		"3/1/2024": "2024-03-01", "1.3.2024": "2024-03-01", "2024-03-01 10:30:00": "2024-03-01",
		"2024-03-01T10:30:00Z": "2024-03-01", "45352": "2024-03-01", "": "",
	}
	for in, want := range dates {
		got, err := ParseDate(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, bad := range []string{"tomorrow", "2024-13-01", "12", "31/12/2024"} {
		_, err := ParseDate(bad)
		assert.Error(t, err, bad)
	}
	amounts := []struct {
		in, cur string
		want    int64
	}{{"1,234.50", "USD", 123450}, {"¥1,234", "CNY", 123400}, {"12.5万", "CNY", 12500000}, {"$ 99", "USD", 9900}, {"500", "JPY", 500}}
	for _, a := range amounts {
		got, err := ParseAmount(a.in, a.cur)
		require.NoError(t, err, a.in)
		assert.Equal(t, a.want, got, a.in)
	}
	for _, bad := range []string{"-5", "(100)", "abc", "1e30"} {
		_, err := ParseAmount(bad, "CNY")
		assert.Error(t, err, bad)
	}
	for in, want := range map[string]int{"35": 35, "35%": 35, "0.35": 35, "100": 100, "": 0} {
		got, err := ParsePercent(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for in, want := range map[string]string{"China": "CN", "中国": "CN", "Germany": "DE", "德国": "DE", "us": "US", "United States": "US", "中国香港": "HK"} {
		got, err := ParseCountry(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	_, err := ParseCountry("Atlantis")
	assert.Error(t, err)
	for in, want := range map[string]string{"人民币": "CNY", "rmb": "CNY", "eur": "EUR", "$": "USD"} {
		got, err := ParseCurrency(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	assert.Equal(t, "CNY", CurrencyOf("CN"))
	assert.Equal(t, "EUR", CurrencyOf("DE"))
	assert.Equal(t, []string{"a", "b", "c", "d"}, SplitList("a; b，c、d"))
	assert.Equal(t, "张伟", joinName("伟", "张"))
	assert.Equal(t, "Anna Schmidt", joinName("Anna", "Schmidt"))
}

func TestApplyOpportunityStages(t *testing.T) {
	set := opportunity.Defaults()
	for in, want := range map[string]string{"qualification": "qualification", "Qualification": "qualification", "过滤": "qualification",
		"Prospecting": "information", "contractsent": "negotiation", "Negotiation/Review": "negotiation", "商务公关": "negotiation"} {
		got, err := NewDeals(&set).stageOf(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	c, _ := NewCells(2, []string{"Deal", "Closed Lost", "经济价值（价格/总成本）", "2026-05-01"}, []string{"title", "stage", "close.primaryReason", "expectedClose"})
	var o opportunity.Opportunity
	require.Empty(t, ApplyOpportunity(&o, c, NewDeals(&set)))
	require.NotNil(t, o.Close)
	assert.Equal(t, opportunity.Close{Outcome: "lost", PrimaryReason: "price", On: "2026-05-01"}, *o.Close)
	assert.Equal(t, "intent", o.Stage)
}

func TestDetect(t *testing.T) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("客户名称,国家\n华东化工,中国\n"))
	assert.Equal(t, EncodingGBK, DetectEncoding(gbk))
	assert.Equal(t, EncodingUTF8, DetectEncoding([]byte("客户名称,国家\n")))
	assert.Equal(t, EncodingUTF8BOM, DetectEncoding([]byte("\ufeff客户名称")))
	// A sample cut inside a character is still UTF-8.
	assert.Equal(t, EncodingUTF8, DetectEncoding([]byte("客户名称")[:5]))
	for head, want := range map[string]string{"PK\x03\x04rest": FormatXLSX, "  {\"format\"": FormatJSON, "a,b\n": FormatCSV, "\ufeff{": FormatJSON} {
		got, err := DetectFormat([]byte(head))
		require.NoError(t, err)
		assert.Equal(t, want, got, head)
	}
	assert.Equal(t, ';', delimiter("Name;Country;Owner"))
	assert.Equal(t, '\t', delimiter("Name\tCountry"))
}

func readAll(t *testing.T, tab Table) [][]string {
	t.Helper()
	var out [][]string
	for {
		r, err := tab.Next()
		if errors.Is(err, io.EOF) {
			return out
		}
		require.NoError(t, err)
		out = append(out, append([]string(nil), r...))
	}
}

func TestTables(t *testing.T) {
	csvData := []byte("\ufeffName;Notes\n\n华东化工;\"多行\n备注\"\nAcme;x\n")
	tab, enc, err := OpenTable(FormatCSV, bytes.NewReader(csvData), int64(len(csvData)), TableOptions{})
	require.NoError(t, err)
	assert.Equal(t, EncodingUTF8BOM, enc)
	assert.Equal(t, []string{"Name", "Notes"}, tab.Header())
	assert.Equal(t, [][]string{{"华东化工", "多行\n备注"}, {"Acme", "x"}}, readAll(t, tab))

	f := excelize.NewFile()
	require.NoError(t, f.SetSheetRow("Sheet1", "A1", &[]any{"客户名称", "金额"}))
	require.NoError(t, f.SetSheetRow("Sheet1", "A3", &[]any{"华东化工", 1234.5}))
	require.NoError(t, f.SetCellFormula("Sheet1", "B4", `CMD("calc")`))
	require.NoError(t, f.SetCellValue("Sheet1", "A4", "公式行"))
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	tab, _, err = OpenTable(FormatXLSX, bytes.NewReader(buf.Bytes()), int64(buf.Len()), TableOptions{})
	require.NoError(t, err)
	rows := readAll(t, tab)
	require.Len(t, rows, 2)
	assert.Equal(t, []string{"华东化工", "1234.5"}, rows[0])
	assert.Equal(t, "公式行", rows[1][0])
	assert.Equal(t, 4, tab.Line(), "rows are numbered as the sheet numbers them")
	require.NoError(t, tab.Close())
}

func TestWriteCSVEscapesFormulas(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, WriteCSV(&buf, []string{"a", "b", "c", "d", "e"}, [][]any{{"=CMD('calc')", "+1", "-2", "@SUM(A1)", "普通"}, {1.5, 3, int64(4), nil, "x"}}))
	assert.Equal(t, "a,b,c,d,e\r\n'=CMD('calc'),'+1,'-2,'@SUM(A1),普通\r\n1.5,3,4,,x\r\n", buf.String())
}

func TestJSONFormatRoundTrip(t *testing.T) {
	now := time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)
	acc := account.Account{Meta: record.Meta{ID: record.NewID(), Rev: 2, CreatedAt: now, UpdatedAt: now}, Name: "华东化工", Country: "CN", Currency: "CNY"}
	contact := account.Contact{Meta: record.Meta{ID: record.NewID(), Rev: 1, CreatedAt: now, UpdatedAt: now}, AccountID: acc.ID, Name: "张三"}
	var buf bytes.Buffer
	w, err := NewWriter(&buf, Header{App: "test", SchemaVersion: 2, ExportedAt: now})
	require.NoError(t, err)
	recs := map[string]any{"acct/" + acc.ID: acc, "ws/" + acc.ID + "/contact/" + contact.ID: contact,
		"g/settings-winloss/000001": map[string]any{"id": "000001", "rev": 1, "value": map[string]any{}}}
	keys := []string{"acct/" + acc.ID, "ws/" + acc.ID + "/contact/" + contact.ID, "g/settings-winloss/000001"}
	for _, k := range keys {
		v, err := json.Marshal(recs[k])
		require.NoError(t, err)
		require.NoError(t, w.Add([]byte(k), v))
	}
	require.NoError(t, w.Close())
	var got []Record
	exp, err := ReadJSON(bytes.NewReader(buf.Bytes()), 2, func(n int, rec Record) error {
		_, err := CheckRecord(rec)
		require.NoError(t, err, rec.Key)
		got = append(got, rec)
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, Header{Format: FormatName, FormatVersion: 1, App: "test", SchemaVersion: 2, ExportedAt: now}, exp.Header)
	assert.Equal(t, map[string]int{"account": 1, "contact": 1, "settings-winloss": 1}, exp.Counts)
	require.Len(t, got, 3)
	var back account.Account
	require.NoError(t, json.Unmarshal(got[0].Value, &back))
	assert.Equal(t, acc, back)
}

func TestCheckRecordRefuses(t *testing.T) {
	id := record.NewID()
	good := `{"id":"` + id + `","rev":1,"name":"华东化工","currency":"CNY"}`
	tests := []struct {
		name string
		rec  Record
		rule string
	}{
		{"bad key", Record{Key: "acct/", Kind: "account", Value: json.RawMessage(good)}, "bad_key"},
		{"foreign root", Record{Key: "x/" + id, Kind: "account", Value: json.RawMessage(good)}, "bad_key"},
		{"kind mismatch", Record{Key: "acct/" + id, Kind: "contact", Value: json.RawMessage(good)}, "kind_mismatch"},
		{"not an object", Record{Key: "acct/" + id, Kind: "account", Value: json.RawMessage(`[1]`)}, "bad_value"},
		{"other id", Record{Key: "acct/" + record.NewID(), Kind: "account", Value: json.RawMessage(good)}, "id_mismatch"},
		{"no revision", Record{Key: "acct/" + id, Kind: "account", Value: json.RawMessage(`{"id":"` + id + `","name":"x","currency":"CNY"}`)}, "bad_rev"},
		{"validation", Record{Key: "acct/" + id, Kind: "account", Value: json.RawMessage(`{"id":"` + id + `","rev":1,"name":"","currency":"CNY"}`)}, "required"},
		{"wrong type", Record{Key: "acct/" + id, Kind: "account", Value: json.RawMessage(`{"id":"` + id + `","rev":1,"name":5}`)}, "bad_value"},
		{"child of no account", Record{Key: "ws/nope/contact/" + id, Kind: "contact", Value: json.RawMessage(good)}, "bad_key"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := CheckRecord(tc.rec)
			require.Error(t, err)
			assert.Equal(t, tc.rule, fault.As(err).Rule)
		})
	}
	// A kind no decoder knows travels with a sound envelope.
	_, err := CheckRecord(Record{Key: "g/future-area/abc", Kind: "future-area", Value: json.RawMessage(`{"id":"abc","rev":3,"anything":[1,2]}`)})
	assert.NoError(t, err)
	assert.False(t, Registered("future-area"))
	assert.True(t, Registered("opportunity"))
}

func TestNewCellsLimits(t *testing.T) {
	c, iss := NewCells(7, []string{" 华东 ", strings.Repeat("x", MaxCell+1), "extra"}, []string{"name", "notes"})
	require.Len(t, iss, 1)
	assert.Equal(t, "cell_too_long", iss[0].Rule)
	v, ok := c.Get("name")
	assert.True(t, ok)
	assert.Equal(t, "华东", v)
	_, ok = c.Get("notes")
	assert.False(t, ok)
}
