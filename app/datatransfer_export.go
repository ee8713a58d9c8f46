package app

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"strings"

	"keystone/app/transfer"
	"keystone/core/account"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/money"
	"keystone/core/opportunity"
	"keystone/storage"
)

// exportHeaders are the column titles of a table export: Keystone's own
// field names, which the import's proposed mapping reads back, with the
// Keystone ID first so a re-import updates instead of duplicating.
var exportHeaders = map[string][]string{
	transfer.KindAccounts:      {"Keystone ID", "Name", "Legal name", "Industry", "Segment", "Country", "Owner", "Currency", "Tags", "Notes"},
	transfer.KindContacts:      {"Keystone ID", "Account", "Account country", "Name", "Title", "Department", "Buying role", "Stance", "Influence", "Relationship level", "Last contact", "Email", "Phone", "Birthday", "Notes"},
	transfer.KindActivities:    {"Keystone ID", "Account", "Account country", "Date", "Type", "Subject", "Notes", "Follow-up", "Useful"},
	transfer.KindOpportunities: {"Keystone ID", "Account", "Account country", "Title", "Amount", "Currency", "Stage", "Probability (%)", "Expected close", "Opened on", "Owner", "Competitors", "Notes", "Outcome", "Reason", "Closed on", "Winner"},
}

// ExportTable exports the live accounts, contacts, activities or
// opportunities as "xlsx" or "csv" (UTF-8 with a byte-order mark, so Excel
// reads Chinese right; cells that a spreadsheet would take for a formula
// are escaped).
func (s *DataService) ExportTable(kind, format string) (ExportFile, error) {
	headers, ok := exportHeaders[kind]
	if !ok {
		return ExportFile{}, &fault.Error{Code: fault.Invalid, Field: "kind", Rule: "unknown_value", Params: map[string]any{"value": kind, "allowed": transfer.TableKinds},
			Message: fmt.Sprintf("%q is not a kind of record to export", kind)}
	}
	if format != transfer.FormatCSV && format != transfer.FormatXLSX {
		return ExportFile{}, &fault.Error{Code: fault.Invalid, Field: "format", Rule: "unknown_value", Params: map[string]any{"value": format, "allowed": []string{"xlsx", "csv"}},
			Message: fmt.Sprintf("%q is not an export format (xlsx or csv)", format)}
	}
	rows, err := s.tableRows(kind)
	if err != nil {
		return ExportFile{}, err
	}
	name := "keystone-" + kind + "-" + string(calendar.Today(s.clock)) + "." + format
	if format == transfer.FormatXLSX {
		data, err := writeWorkbook([]Sheet{{Name: kind, Headers: headers, Rows: rows}})
		return ExportFile{Name: name, Data: data}, err
	}
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	if err := transfer.WriteCSV(&buf, headers, rows); err != nil {
		return ExportFile{}, err
	}
	return ExportFile{Name: name, Data: base64.StdEncoding.EncodeToString(buf.Bytes())}, nil
}

func (s *DataService) tableRows(kind string) ([][]any, error) {
	rows := [][]any{}
	err := s.store.View(func(tx *storage.Tx) error {
		accs := map[string]account.Account{}
		var order []string
		if err := tx.ScanAccounts(func(_, val []byte) error {
			var a account.Account
			if err := storage.Decode(val, &a); err != nil {
				return err
			}
			if !a.Deleted() {
				accs[a.ID] = a
				order = append(order, a.ID)
			}
			return nil
		}); err != nil {
			return err
		}
		for _, id := range order {
			a := accs[id]
			switch kind {
			case transfer.KindAccounts:
				rows = append(rows, []any{a.ID, a.Name, a.LegalName, a.Industry, a.Segment, a.Country, a.Owner, a.Currency, strings.Join(a.Tags, "; "), a.Notes})
			case transfer.KindContacts:
				list, err := storage.List[account.Contact](tx, storage.ChildPrefix(id, account.KindContact))
				if err != nil {
					return err
				}
				for _, p := range list {
					if !p.Deleted() {
						rows = append(rows, []any{p.ID, a.Name, a.Country, p.Name, p.Title, p.Department, p.BuyingRole, p.Stance, p.Influence,
							p.RelationshipLevel, string(p.LastContact), p.Email, p.Phone, p.Birthday, p.Notes})
					}
				}
			case transfer.KindActivities:
				list, err := storage.List[account.Activity](tx, storage.ChildPrefix(id, account.KindActivity))
				if err != nil {
					return err
				}
				for _, x := range list {
					if !x.Deleted() {
						useful := "no"
						if x.Useful {
							useful = "yes"
						}
						rows = append(rows, []any{x.ID, a.Name, a.Country, string(x.Date), x.Type, x.Subject, x.Notes, string(x.FollowUp), useful})
					}
				}
			default:
				list, err := storage.List[opportunity.Opportunity](tx, storage.ChildPrefix(id, opportunity.Kind))
				if err != nil {
					return err
				}
				for _, o := range list {
					if o.Deleted() {
						continue
					}
					out, reason, on, winner := "", "", "", ""
					if c := o.Close; c != nil {
						out, reason, on, winner = c.Outcome, c.PrimaryReason, string(c.On), c.Winner
					}
					rows = append(rows, []any{o.ID, a.Name, a.Country, o.Title, majorUnits(o.Value), o.Value.Currency, o.Stage, o.Probability,
						string(o.ExpectedClose), string(o.OpenedOn), o.Owner, strings.Join(o.Competitors, "; "), o.Notes, out, reason, on, winner})
				}
			}
		}
		return nil
	})
	return rows, err
}

// majorUnits is an amount as a spreadsheet number (yuan, not fen).
func majorUnits(m money.Money) float64 {
	v := float64(m.Amount)
	for range money.Scale(m.Currency) {
		v /= 10
	}
	return v
}
