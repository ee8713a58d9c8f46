package switching

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"keystone/core/action"
	"keystone/core/calendar"
)

// The plan's actions as an iCalendar file (RFC 5545), so they land in the
// user's calendar: one all-day VEVENT per action with a due date. VEVENT, not
// VTODO, because the common calendar apps show events but ignore to-dos.

// CalendarLabels are the words the file shows, in the user's language: keys
// "lever.<key>", "status.<status>", and "owner", "status", "cost", "evidence",
// "notes", "lever". A missing key falls back to the key itself.
type CalendarLabels map[string]string

func (l CalendarLabels) get(key, fallback string) string {
	if v := strings.TrimSpace(l[key]); v != "" {
		return v
	}
	return fallback
}

// PlanCalendar writes the plan's dated actions (cancelled ones included as
// CANCELLED, so a calendar that imported them before drops them). uidHost
// makes the UIDs globally unique; each action keeps its UID across exports,
// and SEQUENCE (its revision) lets a re-import replace the older copy.
func PlanCalendar(p Plan, accountName string, actions []action.Action, costs map[string]LeverCost, labels CalendarLabels, stamp time.Time) []byte {
	var w icsWriter
	w.line("BEGIN:VCALENDAR")
	w.line("VERSION:2.0")
	w.line("PRODID:-//Keystone//Switching-cost plan//EN")
	w.line("CALSCALE:GREGORIAN")
	w.line("METHOD:PUBLISH")
	w.line("X-WR-CALNAME:" + escapeText(accountName+" · "+p.Title))
	dtstamp := stamp.UTC().Format("20060102T150405Z")
	for _, a := range actions {
		if a.Deleted() || a.Due == "" || !a.Due.Valid() {
			continue
		}
		lever := labels.get("lever."+a.Source.Detail, a.Source.Detail)
		w.line("BEGIN:VEVENT")
		w.line("UID:" + a.ID + "@keystone")
		w.line("DTSTAMP:" + dtstamp)
		if !a.UpdatedAt.IsZero() {
			w.line("LAST-MODIFIED:" + a.UpdatedAt.UTC().Format("20060102T150405Z"))
		}
		w.line(fmt.Sprintf("SEQUENCE:%d", max(a.Rev-1, 0)))
		w.line("DTSTART;VALUE=DATE:" + icsDate(a.Due))
		w.line("DTEND;VALUE=DATE:" + icsDate(a.Due.AddDays(1)))
		w.line("SUMMARY:" + escapeText("["+lever+"] "+a.Title))
		var desc []string
		desc = append(desc, labels.get("lever", "Lever")+": "+lever)
		if a.Owner != "" {
			desc = append(desc, labels.get("owner", "Owner")+": "+a.Owner)
		}
		desc = append(desc, labels.get("status", "Status")+": "+labels.get("status."+a.Status, a.Status))
		if c, ok := costs[a.ID]; ok {
			if c.Cost.Amount > 0 {
				desc = append(desc, labels.get("cost", "Cost")+": "+c.Cost.String())
			}
			if c.Evidence != "" {
				desc = append(desc, labels.get("evidence", "Evidence")+": "+c.Evidence)
			}
		}
		if a.Notes != "" {
			desc = append(desc, labels.get("notes", "Notes")+": "+a.Notes)
		}
		w.line("DESCRIPTION:" + escapeText(strings.Join(desc, "\n")))
		w.line("CATEGORIES:" + escapeText(lever))
		if a.Status == action.Cancelled {
			w.line("STATUS:CANCELLED")
		} else {
			w.line("STATUS:CONFIRMED")
		}
		w.line("TRANSP:TRANSPARENT") // a to-do does not make the day busy
		w.line("END:VEVENT")
	}
	w.line("END:VCALENDAR")
	return []byte(w.b.String())
}

// CalendarName is the file name the export suggests.
func CalendarName(accountName string, p Plan) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < 32 {
			return '-'
		}
		return r
	}, strings.TrimSpace(accountName+" "+p.Title))
	return name + ".ics"
}

func icsDate(d calendar.Date) string { return strings.ReplaceAll(string(d), "-", "") }

// escapeText escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon,
// comma and line breaks; other control characters are not allowed and go.
func escapeText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case ';':
			b.WriteString(`\;`)
		case ',':
			b.WriteString(`\,`)
		case '\n', '\r':
			b.WriteString(`\n`)
		default:
			if r < 32 && r != '\t' || r == 0x7f {
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// icsWriter writes content lines ended by CRLF and folded at 75 octets
// (RFC 5545 §3.1): a continuation line starts with one space, which counts
// toward its 75, and a fold never splits a UTF-8 character.
type icsWriter struct{ b strings.Builder }

const maxLineOctets = 75

func (w *icsWriter) line(s string) {
	limit := maxLineOctets
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.b.WriteString(s[:cut])
		w.b.WriteString("\r\n ")
		s = s[cut:]
		limit = maxLineOctets - 1
	}
	w.b.WriteString(s)
	w.b.WriteString("\r\n")
}
