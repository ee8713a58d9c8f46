package switching

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/action"
	"keystone/core/money"
	"keystone/core/record"
)

// icsProp is one parsed content line.
type icsProp struct {
	name   string
	params string
	value  string
}

// parseICS reads a file back the way a calendar does: split at CRLF, unfold
// continuation lines, split name;params:value and unescape TEXT values.
func parseICS(t *testing.T, data string) []icsProp {
	t.Helper()
	require.True(t, strings.HasSuffix(data, "\r\n"), "ends with CRLF")
	lines := strings.Split(strings.TrimSuffix(data, "\r\n"), "\r\n")
	var logical []string
	for _, l := range lines {
		require.NotContains(t, l, "\n", "a bare LF inside a line")
		require.LessOrEqual(t, len(l), 75, "line longer than 75 octets: %q", l)
		require.True(t, utf8.ValidString(l), "a fold split a character: %q", l)
		if strings.HasPrefix(l, " ") {
			require.NotEmpty(t, logical)
			logical[len(logical)-1] += l[1:]
			continue
		}
		logical = append(logical, l)
	}
	out := make([]icsProp, 0, len(logical))
	for _, l := range logical {
		colon := strings.Index(l, ":")
		require.Positive(t, colon, l)
		head, value := l[:colon], l[colon+1:]
		name, params, _ := strings.Cut(head, ";")
		out = append(out, icsProp{name: name, params: params, value: unescape(value)})
	}
	return out
}

func unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			switch s[i] {
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				b.WriteByte(s[i])
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func TestPlanCalendarRoundTrip(t *testing.T) {
	p := testPlan()
	long := strings.Repeat("为客户产线部署专用的在线监测设备，并培训操作人员；", 4)
	acts := []action.Action{
		{Meta: record.Meta{ID: "01JACT0000000000000000000A", Rev: 3, UpdatedAt: time.Date(2026, 4, 2, 8, 0, 0, 0, time.UTC)},
			Title: "驻厂工程师, 第一阶段; 含\\备件", Owner: "王磊", Due: "2026-04-15", Status: action.Open,
			Notes: "第一行\n第二行", Source: action.Source{Area: action.AreaSwitching, RecordID: "P1", Detail: "service"}},
		{Meta: record.Meta{ID: "01JACT0000000000000000000B", Rev: 1}, Title: long, Due: "2026-12-31", Status: action.Done,
			Source: action.Source{Area: action.AreaSwitching, RecordID: "P1", Detail: "asset"}},
		{Meta: record.Meta{ID: "01JACT0000000000000000000C", Rev: 2}, Title: "undated", Status: action.Open,
			Source: action.Source{Area: action.AreaSwitching, RecordID: "P1", Detail: "asset"}},
		{Meta: record.Meta{ID: "01JACT0000000000000000000D", Rev: 2}, Title: "dropped", Due: "2026-05-01", Status: action.Cancelled,
			Source: action.Source{Area: action.AreaSwitching, RecordID: "P1", Detail: "emotional"}},
	}
	costs := map[string]LeverCost{"01JACT0000000000000000000A": {Cost: money.Money{Amount: 1250000, Currency: "CNY"}, Evidence: "停机时间下降 30%"}}
	labels := CalendarLabels{"lever.service": "服务依赖", "lever.asset": "专用资产依赖", "owner": "负责人", "status": "状态", "status.open": "未开始", "cost": "费用", "evidence": "效果证据", "notes": "备注", "lever": "杠杆"}
	stamp := time.Date(2026, 11, 23, 1, 30, 0, 0, time.UTC)
	data := string(PlanCalendar(p, "华东精细化工集团", acts, costs, labels, stamp))
	props := parseICS(t, data)

	assert.Equal(t, icsProp{name: "BEGIN", value: "VCALENDAR"}, props[0])
	assert.Equal(t, icsProp{name: "END", value: "VCALENDAR"}, props[len(props)-1])
	var events [][]icsProp
	for _, pr := range props {
		switch {
		case pr.name == "BEGIN" && pr.value == "VEVENT":
			events = append(events, nil)
		case len(events) > 0 && !(pr.name == "END" && pr.value == "VEVENT"):
			events[len(events)-1] = append(events[len(events)-1], pr)
		}
	}
	require.Len(t, events, 3, "the undated action is left out")
	get := func(ev []icsProp, name string) icsProp {
		for _, pr := range ev {
			if pr.name == name {
				return pr
			}
		}
		t.Fatalf("no %s in %v", name, ev)
		return icsProp{}
	}
	first := events[0]
	assert.Equal(t, "01JACT0000000000000000000A@keystone", get(first, "UID").value)
	assert.Equal(t, icsProp{name: "DTSTART", params: "VALUE=DATE", value: "20260415"}, get(first, "DTSTART"))
	assert.Equal(t, "20260416", get(first, "DTEND").value, "all-day: ends the next day")
	assert.Equal(t, "20261123T013000Z", get(first, "DTSTAMP").value)
	assert.Equal(t, "2", get(first, "SEQUENCE").value)
	assert.Equal(t, "[服务依赖] 驻厂工程师, 第一阶段; 含\\备件", get(first, "SUMMARY").value)
	assert.Equal(t, "杠杆: 服务依赖\n负责人: 王磊\n状态: 未开始\n费用: CNY 12500.00\n效果证据: 停机时间下降 30%\n备注: 第一行\n第二行", get(first, "DESCRIPTION").value)
	assert.Contains(t, data, `SUMMARY:[服务依赖] 驻厂工程师\, 第一阶段\; 含\\备件`, "escaped on the wire")

	second := events[1]
	assert.Equal(t, "[专用资产依赖] "+long, get(second, "SUMMARY").value, "a long Chinese title folds and reads back whole")
	assert.Equal(t, "状态: done", strings.Split(get(second, "DESCRIPTION").value, "\n")[1], "a missing label falls back to the key")
	assert.Equal(t, "CANCELLED", get(events[2], "STATUS").value)
	assert.Equal(t, "[emotional] dropped", get(events[2], "SUMMARY").value)

	// The same action exports with the same UID next time.
	again := string(PlanCalendar(p, "华东精细化工集团", acts[:1], costs, labels, stamp.Add(time.Hour)))
	assert.Contains(t, again, "UID:01JACT0000000000000000000A@keystone\r\n")
}

func TestFolding(t *testing.T) {
	var w icsWriter
	w.line(strings.Repeat("a", 75))
	assert.Equal(t, strings.Repeat("a", 75)+"\r\n", w.b.String(), "75 octets fit")
	w = icsWriter{}
	w.line(strings.Repeat("a", 76))
	assert.Equal(t, strings.Repeat("a", 75)+"\r\n a\r\n", w.b.String())
	w = icsWriter{}
	w.line("X:" + strings.Repeat("中", 30)) // 2 + 90 octets
	lines := strings.Split(strings.TrimSuffix(w.b.String(), "\r\n"), "\r\n")
	require.Len(t, lines, 2)
	assert.Len(t, lines[0], 74, "cut before a character that would straddle octet 75")
	assert.Equal(t, " "+strings.Repeat("中", 6), lines[1])
}

func TestEscapeText(t *testing.T) {
	assert.Equal(t, `a\,b\;c\\d\ne\nf`, escapeText("a,b;c\\d\r\ne\nf"))
	assert.Equal(t, "tab\tkept", escapeText("tab\tkept\x00"))
	assert.Equal(t, "华东 计划.ics", CalendarName("华东", Plan{Title: "计划"}))
	assert.Equal(t, "A-B 计划.ics", CalendarName("A/B", Plan{Title: "计划"}))
}
