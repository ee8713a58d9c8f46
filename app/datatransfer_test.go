package app

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"keystone/app/transfer"
	"keystone/core/account"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/opportunity"
	"keystone/core/sample"
	"keystone/storage"
)

// dumpRecords is every record of the store, key to value.
func dumpRecords(t testing.TB, st *storage.Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	require.NoError(t, st.View(func(tx *storage.Tx) error {
		for _, root := range storage.RecordRoots() {
			if err := tx.Scan(root, func(k, v []byte) error { out[string(k)] = string(v); return nil }); err != nil {
				return err
			}
		}
		return nil
	}))
	return out
}

func importBytes(a *App, data []byte, opt ImportOptions, dry bool) (transfer.Preview, int, error) {
	return ImportFile(a.Store, a.Data.clock, bytes.NewReader(data), int64(len(data)), opt, dry)
}

func TestJSONRoundTripSizeM(t *testing.T) {
	if testing.Short() {
		t.Skip("size M")
	}
	src := newTestApp(t)
	_, err := LoadPortfolio(src.Store, sample.Generate(sample.Size("m"), 7, calendar.Date("2026-11-23")))
	require.NoError(t, err)
	var buf bytes.Buffer
	counts, err := WriteExport(src.Store, src.Data.clock, &buf)
	require.NoError(t, err)
	assert.Equal(t, 300, counts["account"])
	assert.Equal(t, 15000, counts["opportunity"])

	dst := newTestApp(t)
	p, n, err := importBytes(dst, buf.Bytes(), ImportOptions{}, true)
	require.NoError(t, err)
	assert.Empty(t, p.Problems)
	assert.Zero(t, n)
	assert.Empty(t, dumpRecords(t, dst.Store), "a preview writes nothing")

	p, n, err = importBytes(dst, buf.Bytes(), ImportOptions{}, false)
	require.NoError(t, err)
	want := dumpRecords(t, src.Store)
	assert.Equal(t, len(want), n)
	assert.Equal(t, counts, p.Counts)
	got := dumpRecords(t, dst.Store)
	require.Equal(t, len(want), len(got))
	for k, v := range want {
		require.Equal(t, v, got[k], k)
	}
	// The caches see the imported data at once.
	list, err := dst.Accounts.List(AccountFilter{})
	require.NoError(t, err)
	assert.Len(t, list.Rows, 300)

	// A second import into the now full folder is refused.
	_, _, err = importBytes(dst, buf.Bytes(), ImportOptions{}, false)
	assert.Equal(t, "export_needs_empty_folder", fault.As(err).Rule)
}

func TestJSONImportRefusesDamage(t *testing.T) {
	src := newTestApp(t)
	_, err := LoadPortfolio(src.Store, sample.Generate(sample.Size("s"), 1, calendar.Date("2026-11-23")))
	require.NoError(t, err)
	var buf bytes.Buffer
	_, err = WriteExport(src.Store, src.Data.clock, &buf)
	require.NoError(t, err)
	good := buf.String()
	firstName := `"name":"`
	i := strings.Index(good, firstName)
	require.Positive(t, i)
	tests := []struct {
		name, file, rule string
	}{
		{"cut short", good[:len(good)/2], "bad_export"},
		{"counts removed", strings.Replace(good, `"counts"`, `"countz"`, 1), "bad_export"},
		{"a record removed", strings.Replace(good, "\n{\"key\":\"acct/", "\n{\"key\":\"acct/X", 1), "import_problems"},
		{"newer format", strings.Replace(good, `"formatVersion":1`, `"formatVersion":9`, 1), "newer_format"},
		{"other schema", strings.Replace(good, fmt.Sprintf(`"schemaVersion":%d`, storage.CurrentSchema), `"schemaVersion":1`, 1), "schema_mismatch"},
		{"name emptied", good[:i+len(firstName)] + good[strings.Index(good[i+len(firstName):], `"`)+i+len(firstName):], "import_problems"},
		{"not an export", `{"hello": "world"}`, "not_export"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dst := newTestApp(t)
			_, _, err := importBytes(dst, []byte(tc.file), ImportOptions{}, false)
			require.Error(t, err)
			assert.Equal(t, tc.rule, fault.As(err).Rule, err.Error())
			assert.Empty(t, dumpRecords(t, dst.Store))
		})
	}
}

const salesforceAccounts = "Account Name,Billing Country,Industry,Account Owner,Annual Revenue,Description\r\n" +
	"华东化工集团,China,Chemicals,王伟,1000000,老客户\r\n" +
	"Müller Maschinenbau GmbH,Germany,Manufacturing,Anna Schmidt,,\"=CMD('calc')\"\r\n" +
	"Bad Co,Atlantis,Retail,Bob,,\r\n"

func TestCSVAccountsAllOrNothing(t *testing.T) {
	a := newTestApp(t)
	before := dumpRecords(t, a.Store)
	p, _, err := importBytes(a, []byte(salesforceAccounts), ImportOptions{}, false)
	require.Error(t, err)
	assert.Equal(t, "import_problems", fault.As(err).Rule)
	assert.Equal(t, before, dumpRecords(t, a.Store), "nothing written")
	assert.Equal(t, transfer.KindAccounts, p.Kind)
	assert.Equal(t, []string{"name", "country", "industry", "owner", "", "notes"}, fieldsOf(p))
	require.Len(t, p.Problems, 1)
	assert.Equal(t, transfer.Problem{Row: 4, Column: "Billing Country", Field: "country", Rule: "invalid_country",
		Params:  map[string]any{"value": "Atlantis"},
		Message: `"Atlantis" is not a country Keystone knows (use a name or a code such as CN, DE, US)`}, p.Problems[0])
	assert.Equal(t, []int{4}, p.BadRows)

	p, n, err := importBytes(a, []byte(salesforceAccounts), ImportOptions{SkipBad: true}, false)
	require.NoError(t, err)
	assert.Equal(t, 2, n)
	assert.Equal(t, 2, p.Create)
	list, err := a.Accounts.List(AccountFilter{})
	require.NoError(t, err)
	require.Len(t, list.Rows, 2)
	var hd account.Account
	for _, r := range list.Rows {
		if r.Name == "华东化工集团" {
			hd, err = a.Accounts.Get(r.ID)
			require.NoError(t, err)
		}
	}
	assert.Equal(t, account.Account{Meta: hd.Meta, Name: "华东化工集团", Industry: "chemical", Country: "CN", Owner: "王伟", Currency: "CNY", Notes: "老客户"}, hd)

	// Again: matched by name and country, nothing changes; a changed owner updates.
	p, _, err = importBytes(a, []byte(salesforceAccounts), ImportOptions{SkipBad: true}, true)
	require.NoError(t, err)
	assert.Equal(t, [3]int{0, 0, 2}, [3]int{p.Create, p.Update, p.Same})
	changed := strings.Replace(salesforceAccounts, "王伟", "李娜", 1)
	p, _, err = importBytes(a, []byte(changed), ImportOptions{SkipBad: true}, false)
	require.NoError(t, err)
	assert.Equal(t, [3]int{0, 1, 1}, [3]int{p.Create, p.Update, p.Same})
	hd2, err := a.Accounts.Get(hd.ID)
	require.NoError(t, err)
	assert.Equal(t, "李娜", hd2.Owner)
	assert.Equal(t, hd.Rev+1, hd2.Rev)

	// The formula is text: kept as is, and escaped in the CSV export.
	f, err := a.Data.ExportTable(transfer.KindAccounts, transfer.FormatCSV)
	require.NoError(t, err)
	csvOut, err := base64.StdEncoding.DecodeString(f.Data)
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(csvOut, []byte("\ufeff")))
	assert.Contains(t, string(csvOut), `'=CMD('calc')`)
	// ...and the export reads back as the same accounts, matched by Keystone ID.
	p, _, err = importBytes(a, csvOut, ImportOptions{}, true)
	require.NoError(t, err)
	assert.Empty(t, p.Problems)
	assert.Equal(t, [3]int{0, 0, 2}, [3]int{p.Create, p.Update, p.Same})
}

func fieldsOf(p transfer.Preview) []string {
	out := make([]string, len(p.Columns))
	for i, c := range p.Columns {
		out[i] = c.Field
	}
	return out
}

func TestContactsAndActivitiesKeepSummaries(t *testing.T) {
	a := newTestApp(t)
	acc := mustCreate(t, a, account.Account{Name: "华东化工", Country: "CN", Owner: "王伟"})
	contacts := "客户名称,国家,联系人,职位,电话,邮箱\n华东化工,中国,张三,采购总监,13800000000,zhang@example.cn\n华东化工,中国,李四,技术经理,,li@example.cn\n"
	p, _, err := importBytes(a, []byte(contacts), ImportOptions{}, false)
	require.NoError(t, err)
	assert.Equal(t, transfer.KindContacts, p.Kind)
	assert.Equal(t, 2, p.Create)
	acts := "客户名称,日期,类型,主题,跟进日期\n华东化工,2026-10-01,拜访,年度合同,2026-12-01\n华东化工,2026/11/05,电话,交期确认,\n"
	p, _, err = importBytes(a, []byte(acts), ImportOptions{Kind: transfer.KindActivities}, false)
	require.NoError(t, err)
	assert.Equal(t, 2, p.Create)
	list, err := a.Accounts.List(AccountFilter{})
	require.NoError(t, err)
	require.Len(t, list.Rows, 1)
	assert.Equal(t, 2, list.Rows[0].ContactCount)
	assert.Equal(t, calendar.Date("2026-11-05"), list.Rows[0].LastActivity)
	ws, err := a.Accounts.Workspace(acc.ID)
	require.NoError(t, err)
	assert.Len(t, ws.Activities, 2)
	rows, err := a.Actions.ForAccount(acc.ID)
	require.NoError(t, err)
	require.Len(t, rows, 1, "the follow-up date made an action")
	assert.Equal(t, "年度合同", rows[0].Title)
}

func TestOpportunitiesFromHubSpotAndSalesforce(t *testing.T) {
	a := newTestApp(t)
	acc := mustCreate(t, a, account.Account{Name: "Acme", Country: "US", Owner: "Ann", Currency: "USD"})
	file := "Company name,Deal Name,Deal Stage,Amount,Close Date,Probability (%),Reason\n" +
		"Acme,Pumps 2027,Qualification,\"12,500.50\",2027-03-31,20%,\n" +
		"Acme,Valves,Closed Won,9000,2026-06-30,100,price\n" +
		"Acme,Seals,Closed Lost,3000,2026-05-31,0,\n"
	p, _, err := importBytes(a, []byte(file), ImportOptions{}, false)
	require.Error(t, err)
	assert.Equal(t, transfer.KindOpportunities, p.Kind)
	require.Len(t, p.Problems, 1)
	assert.Equal(t, 4, p.Problems[0].Row)
	assert.Equal(t, "Reason", p.Problems[0].Column)
	assert.Equal(t, "required", p.Problems[0].Rule)

	_, _, err = importBytes(a, []byte(file), ImportOptions{SkipBad: true}, false)
	require.NoError(t, err)
	deals, err := a.Opportunities.ForAccount(acc.ID)
	require.NoError(t, err)
	require.Len(t, deals.Deals, 2)
	byTitle := map[string]opportunity.Opportunity{}
	for _, d := range deals.Deals {
		byTitle[d.Title] = d.Opportunity
	}
	assert.Equal(t, int64(1250050), byTitle["Pumps 2027"].Value.Amount)
	assert.Equal(t, 20, byTitle["Pumps 2027"].Probability)
	assert.Nil(t, byTitle["Pumps 2027"].Close)
	require.NotNil(t, byTitle["Valves"].Close)
	assert.Equal(t, opportunity.Won, byTitle["Valves"].Close.Outcome)
	assert.Equal(t, calendar.Date("2026-06-30"), byTitle["Valves"].Close.On)
}

// hostile files: each gives a clear error or problem and changes nothing.
func TestHostileFiles(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("客户名称,国家,行业\n华东化工,中国,化工\n"))
	require.NoError(t, err)
	var many bytes.Buffer
	many.WriteString("Account Name,Billing Country\n")
	for i := range 100_000 {
		fmt.Fprintf(&many, "客户 %d,CN\n", i)
	}
	many.WriteString("坏客户,Nowhere\n")
	junk := make([]byte, 4096)
	for i := range junk {
		junk[i] = byte(i*7919 + i/3)
	}
	huge := "Account Name,Notes\nBig," + strings.Repeat("长", transfer.MaxCell+1) + "\n"
	tests := []struct {
		name string
		data []byte
		rule string // of the error, or of the first problem
	}{
		{"empty", nil, "empty_file"},
		{"blank", []byte(" \r\n\n"), "empty_file"},
		{"binary junk", junk, "not_text"},
		{"old xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, junk...), "old_excel"},
		{"zip that is no workbook", append([]byte("PK\x03\x04"), junk...), "bad_xlsx"},
		{"header only", []byte("Account Name,Country\n"), "no_rows"},
		{"huge cell", []byte(huge), "cell_too_long"},
		{"endless line", append([]byte("Account Name\n"), bytes.Repeat([]byte("x"), transfer.MaxLine+10)...), "line_too_long"},
		{"broken quote", []byte("Account Name,Notes\n\"Acme,\"x\"y\n"), "bad_csv"},
		{"GBK with a bad row", append(gbk, []byte("\xff\xfe,CN,\n")...), "bad_encoding"},
		{"100,000 rows and one bad", many.Bytes(), "invalid_country"},
		{"no name column", []byte("Foo,Bar\n1,2\n"), "unmapped"},
	}
	a := newTestApp(t)
	mustCreate(t, a, account.Account{Name: "Existing", Country: "CN"})
	before := dumpRecords(t, a.Store)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, _, err := importBytes(a, tc.data, ImportOptions{Kind: transfer.KindAccounts}, false)
			require.Error(t, err)
			rule := fault.As(err).Rule
			if rule == "import_problems" {
				require.NotEmpty(t, p.Problems)
				rule = p.Problems[0].Rule
			}
			assert.Equal(t, tc.rule, rule, err.Error())
			assert.NotEmpty(t, fault.As(err).Message)
			assert.Equal(t, before, dumpRecords(t, a.Store))
		})
	}
}

func TestEncodings(t *testing.T) {
	text := "客户名称,国家,行业\n华东化工,中国,化工\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(text))
	require.NoError(t, err)
	for _, tc := range []struct {
		name, enc string
		data      []byte
	}{
		{"utf-8", transfer.EncodingUTF8, []byte(text)},
		{"utf-8 with BOM", transfer.EncodingUTF8BOM, append([]byte("\ufeff"), text...)},
		{"gbk", transfer.EncodingGBK, gbk},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := newTestApp(t)
			p, _, err := importBytes(a, tc.data, ImportOptions{}, false)
			require.NoError(t, err)
			assert.Equal(t, tc.enc, p.Encoding)
			assert.Equal(t, []string{"name", "country", "industry"}, fieldsOf(p))
			list, err := a.Accounts.List(AccountFilter{})
			require.NoError(t, err)
			require.Len(t, list.Rows, 1)
			assert.Equal(t, "华东化工", list.Rows[0].Name)
		})
	}
	// GBK read as UTF-8 on purpose gives garbage names, never a crash; the preview shows them.
	a := newTestApp(t)
	p, _, err := importBytes(a, gbk, ImportOptions{Encoding: transfer.EncodingUTF8}, true)
	require.NoError(t, err)
	require.NotEmpty(t, p.Problems)
	assert.Equal(t, "unmapped", p.Problems[0].Rule)
}

// xlsxFile builds a workbook with the given rows in a test.
func xlsxFile(t testing.TB, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	require.NoError(t, err)
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		require.NoError(t, sw.SetRow(cell, r))
	}
	require.NoError(t, sw.Flush())
	var buf bytes.Buffer
	require.NoError(t, f.Write(&buf))
	return buf.Bytes()
}

func TestXLSXImportAndFormulas(t *testing.T) {
	a := newTestApp(t)
	data := xlsxFile(t, [][]any{
		{"客户名称", "国家", "行业", "备注"},
		{"华东化工", "中国", "化工", excelize.Cell{Formula: `CMD("calc")`, Value: "cached"}},
		{"Acme", "US", "Retail", "=1+1"},
	})
	p, _, err := importBytes(a, data, ImportOptions{}, false)
	require.NoError(t, err)
	assert.Equal(t, transfer.FormatXLSX, p.Format)
	assert.Equal(t, 2, p.Create)
	list, err := a.Accounts.List(AccountFilter{})
	require.NoError(t, err)
	notes := map[string]string{}
	for _, r := range list.Rows {
		acc, err := a.Accounts.Get(r.ID)
		require.NoError(t, err)
		notes[acc.Name] = acc.Notes
	}
	assert.Equal(t, map[string]string{"华东化工": "cached", "Acme": "=1+1"}, notes, "a formula is never evaluated: its stored value is read")

	f, err := a.Data.ExportTable(transfer.KindAccounts, transfer.FormatXLSX)
	require.NoError(t, err)
	raw, err := base64.StdEncoding.DecodeString(f.Data)
	require.NoError(t, err)
	p, _, err = importBytes(a, raw, ImportOptions{}, true)
	require.NoError(t, err)
	assert.Equal(t, [3]int{0, 0, 2}, [3]int{p.Create, p.Update, p.Same})
}

// opportunityCSV is n Salesforce-style deal rows over the given accounts.
func opportunityCSV(names []string, n int) []byte {
	var b bytes.Buffer
	b.WriteString("Account Name,Opportunity Name,Stage,Amount,Close Date,Probability (%)\n")
	for i := range n {
		fmt.Fprintf(&b, "%s,商机 %d,Qualification,%d.50,2027-%02d-15,%d\n", names[i%len(names)], i, 1000+i, i%12+1, i%100)
	}
	return b.Bytes()
}

// TestImportSurvivesKill kills an importing child process (SIGKILL) twice:
// while it reads and stages the rows, and right after its commit point.
// Reopened, the store holds none of the file the first time and all of it
// the second (the open finishes the commit), never a part, and no staged
// leftovers either time.
func TestImportSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("child process")
	}
	dir := t.TempDir()
	clock := calendar.Fixed{T: testNow}
	st, err := storage.Open(dir, storage.Options{Clock: clock})
	require.NoError(t, err)
	_, err = LoadPortfolio(st, sample.Generate(sample.Size("s"), 1, calendar.Today(clock)))
	require.NoError(t, err)
	var names []string
	require.NoError(t, st.View(func(tx *storage.Tx) error {
		return tx.ScanAccounts(func(_, v []byte) error {
			var a account.Account
			require.NoError(t, storage.Decode(v, &a))
			names = append(names, a.Name)
			return nil
		})
	}))
	before := dumpRecords(t, st)
	require.NoError(t, st.Close())
	const rows = 60_000
	file := t.TempDir() + "/deals.csv"
	require.NoError(t, os.WriteFile(file, opportunityCSV(names, rows), 0o600))
	deals := func(m map[string]string) int {
		n := 0
		for k := range m {
			if strings.Contains(k, "/opportunity/") {
				n++
			}
		}
		return n
	}
	reopen := func() map[string]string {
		st, err := storage.Open(dir, storage.Options{Clock: clock})
		require.NoError(t, err)
		defer st.Close()
		var staged int
		require.NoError(t, st.View(func(tx *storage.Tx) (err error) { staged, err = tx.Count([]byte("tmp/")); return err }))
		assert.Zero(t, staged, "no staged values are left")
		return dumpRecords(t, st)
	}
	kill := func(wait string, delay time.Duration) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestImportChild$")
		cmd.Env = append(os.Environ(), "KEYSTONE_IMPORT_CHILD="+dir, "KEYSTONE_IMPORT_FILE="+file)
		out, err := cmd.StdoutPipe()
		require.NoError(t, err)
		require.NoError(t, cmd.Start())
		sc := bufio.NewScanner(out)
		for sc.Scan() && sc.Text() != wait {
		}
		require.Equal(t, wait, sc.Text(), "the child never said %q", wait)
		time.Sleep(delay)
		require.NoError(t, cmd.Process.Kill())
		_ = cmd.Wait()
	}

	// While staging (60,000 rows take seconds): nothing of the file.
	kill("importing", 200*time.Millisecond)
	assert.Equal(t, before, reopen(), "nothing changed")

	// Just past the commit point: the reopened store holds every row.
	kill("write", 0)
	after := reopen()
	assert.Equal(t, deals(before)+rows, deals(after), "all of the file")
	for k, v := range before {
		require.Equal(t, v, after[k], "records that were there stay as they were: %s", k)
	}
}

// TestImportChild is the child of TestImportSurvivesKill.
func TestImportChild(t *testing.T) {
	dir := os.Getenv("KEYSTONE_IMPORT_CHILD")
	if dir == "" {
		t.Skip("only as a child process")
	}
	st, err := storage.Open(dir, storage.Options{Clock: calendar.Fixed{T: testNow}})
	require.NoError(t, err)
	f, err := os.Open(os.Getenv("KEYSTONE_IMPORT_FILE"))
	require.NoError(t, err)
	info, err := f.Stat()
	require.NoError(t, err)
	fmt.Println("importing")
	said := false
	opt := ImportOptions{Progress: func(phase string, _ int) {
		if phase == "write" && !said {
			said = true
			fmt.Println("write")
		}
	}}
	_, _, err = ImportFile(st, calendar.Fixed{T: testNow}, f, info.Size(), opt, false)
	require.NoError(t, err)
	fmt.Println("done")
	time.Sleep(time.Minute) // waits to be killed
}

// TestExternalIDs: a HubSpot export's Record IDs are remembered, so the
// next export of the same records updates them even after a rename, and a
// file naming one id twice is refused at the second row.
func TestExternalIDs(t *testing.T) {
	a := newTestApp(t)
	first := "Record ID,Company name,Country/Region,Industry\n9001,Acme Pumps,United States,Machinery\n9002,华东化工,China,Chemicals\n"
	p, _, err := importBytes(a, []byte(first), ImportOptions{}, false)
	require.NoError(t, err)
	assert.True(t, p.MatchExternal)
	assert.Equal(t, 2, p.Create)

	renamed := "Record ID,Company name,Country/Region,Industry\n9001,Acme Pumps Inc.,United States,Machinery\n9002,华东化工,China,Chemicals\n9003,New Co,Germany,Energy\n"
	p, _, err = importBytes(a, []byte(renamed), ImportOptions{}, false)
	require.NoError(t, err)
	assert.Equal(t, [3]int{1, 1, 1}, [3]int{p.Create, p.Update, p.Same})
	list, err := a.Accounts.List(AccountFilter{})
	require.NoError(t, err)
	names := []string{}
	for _, r := range list.Rows {
		names = append(names, r.Name)
	}
	assert.ElementsMatch(t, []string{"Acme Pumps Inc.", "华东化工", "New Co"}, names)

	deals := "Deal ID,Deal Name,Associated Company,Deal Stage,Amount\nD1,Pumps,Acme Pumps Inc.,qualifiedtobuy,100\nD1,Pumps again,Acme Pumps Inc.,qualifiedtobuy,200\n"
	p, _, err = importBytes(a, []byte(deals), ImportOptions{}, true)
	require.NoError(t, err)
	require.Len(t, p.Problems, 1)
	assert.Equal(t, transfer.Problem{Row: 3, Column: "Deal ID", Field: "externalId", Rule: "duplicate_row", Params: map[string]any{"row": 2},
		Message: "row 2 already has the external ID D1"}, p.Problems[0])
	_, _, err = importBytes(a, []byte(deals), ImportOptions{SkipBad: true}, false)
	require.NoError(t, err)
	retitled := "Deal ID,Deal Name,Associated Company,Deal Stage,Amount\nD1,Pumps 2027,Acme Pumps Inc.,qualifiedtobuy,100\n"
	p, _, err = importBytes(a, []byte(retitled), ImportOptions{}, false)
	require.NoError(t, err)
	assert.Equal(t, [3]int{0, 1, 0}, [3]int{p.Create, p.Update, p.Same}, "the deal is found by its Deal ID after the rename")
}
