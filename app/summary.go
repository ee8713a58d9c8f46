package app

import (
	"slices"

	"keystone/core/account"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/record"
	"keystone/storage"
)

// kindSummary is a derived record per account, kept in the same transaction
// as the writes that change it, so the account list never scans children.
const kindSummary = "summary"

type summary struct {
	record.Meta
	LatestYear    int           `json:"latestYear"`
	LatestRevenue int64         `json:"latestRevenue"`
	ContactCount  int           `json:"contactCount"`
	LastActivity  calendar.Date `json:"lastActivity"`
	Children      []string      `json:"children"` // ids of accounts whose parent this is
}

// summarize computes the figures part of a summary from an account's children.
func summarize(sm *summary, figs []account.YearFigures, contacts []account.Contact, acts []account.Activity) {
	sm.LatestYear, sm.LatestRevenue, sm.ContactCount, sm.LastActivity = 0, 0, 0, ""
	for _, f := range figs {
		if !f.Deleted() && f.Year >= sm.LatestYear {
			sm.LatestYear, sm.LatestRevenue = f.Year, f.Revenue
		}
	}
	for _, c := range contacts {
		if !c.Deleted() {
			sm.ContactCount++
		}
	}
	for _, a := range acts {
		if !a.Deleted() && a.Date > sm.LastActivity {
			sm.LastActivity = a.Date
		}
	}
}

func loadSummary(tx *storage.Tx, accountID string) (summary, error) {
	sm := summary{Meta: record.Meta{ID: accountID}}
	err := tx.Get(storage.GlobalKey(kindSummary, accountID), kindSummary, &sm)
	if err != nil && fault.CodeOf(err) != fault.NotFound {
		return sm, err
	}
	sm.ID = accountID
	return sm, nil
}

// refreshSummary recomputes an account's summary from its children.
func refreshSummary(tx *storage.Tx, accountID string) error {
	sm, err := loadSummary(tx, accountID)
	if err != nil {
		return err
	}
	figs, contacts, acts, err := loadChildren(tx, accountID)
	if err != nil {
		return err
	}
	summarize(&sm, figs, contacts, acts)
	return tx.Put(storage.GlobalKey(kindSummary, accountID), kindSummary, &sm)
}

// moveChild keeps the parents' child lists right when an account's parent changes.
func moveChild(tx *storage.Tx, childID, oldParent, newParent string) error {
	if oldParent == newParent {
		return nil
	}
	if oldParent != "" {
		sm, err := loadSummary(tx, oldParent)
		if err != nil {
			return err
		}
		sm.Children = slices.DeleteFunc(sm.Children, func(id string) bool { return id == childID })
		if err := tx.Put(storage.GlobalKey(kindSummary, oldParent), kindSummary, &sm); err != nil {
			return err
		}
	}
	if newParent != "" {
		sm, err := loadSummary(tx, newParent)
		if err != nil {
			return err
		}
		if !slices.Contains(sm.Children, childID) {
			sm.Children = append(sm.Children, childID)
		}
		return tx.Put(storage.GlobalKey(kindSummary, newParent), kindSummary, &sm)
	}
	return nil
}
