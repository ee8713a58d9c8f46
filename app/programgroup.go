package app

import (
	"errors"
	"fmt"
	"sort"

	"keystone/core/account"
	"keystone/core/fault"
	"keystone/core/program"
	"keystone/core/record"
	"keystone/storage"
)

// GlobalGroup is a global account with its subsidiaries, as marking left it.
type GlobalGroup struct {
	AccountID   string         `json:"accountId"`
	AccountName string         `json:"accountName"`
	Group       []GroupAccount `json:"group"`
	Countries   []string       `json:"countries"` // the group's countries, sorted
	Created     []string       `json:"created"`   // ids of the subsidiaries created
	ProgramID   string         `json:"programId"` // its live program, "" when none
}

// MarkGlobal marks an account as a global account: existing accounts become
// its subsidiaries and subsidiaries not on file yet are created under it, in
// one transaction. An account that is already a subsidiary of another
// parent, runs its own program, or is above the global account in its own
// chain is refused, and a refusal changes nothing.
func (s *ProgramService) MarkGlobal(m program.Marking) (GlobalGroup, error) {
	m.Normalize()
	if err := m.Validate(); err != nil {
		return GlobalGroup{}, err
	}
	var out GlobalGroup
	err := s.store.Update(func(tx *storage.Tx) error {
		top, err := liveAccount(tx, m.AccountID)
		if err != nil {
			return err
		}
		for i, id := range m.Link {
			if err := linkSubsidiary(tx, top, id, fmt.Sprintf("link[%d]", i)); err != nil {
				return err
			}
		}
		for i, n := range m.Create {
			a := n.Subsidiary(top)
			a.Meta = record.Meta{ID: record.NewID()}
			if err := a.Validate(); err != nil {
				return prefixed(err, fmt.Sprintf("create[%d].", i))
			}
			if err := tx.Put(storage.AccountKey(a.ID), account.KindAccount, &a); err != nil {
				return err
			}
			if err := moveChild(tx, a.ID, "", top.ID); err != nil {
				return err
			}
			out.Created = append(out.Created, a.ID)
		}
		if out.Group, err = groupOf(tx, top); err != nil {
			return err
		}
		out.AccountID, out.AccountName, out.Countries = top.ID, top.Name, groupCountries(out.Group)
		out.ProgramID, err = liveProgramOf(tx, top.ID)
		return err
	})
	if err != nil {
		return GlobalGroup{}, err
	}
	if out.Created == nil {
		out.Created = []string{}
	}
	return out, nil
}

// linkSubsidiary makes account id a subsidiary of top (nothing to do when
// it already is one).
func linkSubsidiary(tx *storage.Tx, top account.Account, id, field string) error {
	var c account.Account
	err := getAccount(tx, id, &c)
	if fault.CodeOf(err) == fault.NotFound || (err == nil && c.Deleted()) {
		return &fault.Error{Code: fault.Invalid, Field: field, Rule: "not_found", Params: map[string]any{"kind": account.KindAccount, "id": id},
			Message: fmt.Sprintf("account %s does not exist or is archived", id)}
	}
	if err != nil {
		return err
	}
	switch c.ParentID {
	case top.ID:
		return nil
	case "":
	default:
		name := c.ParentID
		var parent account.Account
		if getAccount(tx, c.ParentID, &parent) == nil {
			name = parent.Name
		}
		return program.OtherParent(field, c.ParentID, name)
	}
	c.ParentID = top.ID
	if err := checkParent(tx, c); err != nil {
		return refield(err, field)
	}
	pid, err := liveProgramOf(tx, c.ID)
	if err != nil {
		return err
	}
	if pid != "" {
		return program.OwnProgram(field, pid)
	}
	if err := tx.Put(storage.AccountKey(c.ID), account.KindAccount, &c); err != nil {
		return err
	}
	return moveChild(tx, c.ID, "", top.ID)
}

// liveProgramOf is the id of the account's live program, "" when none.
func liveProgramOf(tx *storage.Tx, accountID string) (string, error) {
	all, err := storage.List[program.Program](tx, storage.ChildPrefix(accountID, program.Kind))
	if err != nil {
		return "", err
	}
	for _, p := range all {
		if !p.Deleted() {
			return p.ID, nil
		}
	}
	return "", nil
}

// refield moves a single-field error onto field (the account's own
// "parentId" becomes the picker's "link[i]").
func refield(err error, field string) error {
	var fe *fault.Error
	if !errors.As(err, &fe) || fe.Code != fault.Invalid {
		return err
	}
	out := *fe
	out.Field, out.Issues = field, nil
	return &out
}

// prefixed puts prefix before every field of an Invalid error.
func prefixed(err error, prefix string) error {
	var fe *fault.Error
	if !errors.As(err, &fe) || fe.Code != fault.Invalid {
		return err
	}
	out := *fe
	out.Field = prefix + fe.Field
	out.Issues = make([]fault.Issue, len(fe.Issues))
	for i, is := range fe.Issues {
		is.Field = prefix + is.Field
		out.Issues[i] = is
	}
	return &out
}

// LinkOption is a live account offered when marking a global account, with
// what would stand in the way of linking it.
type LinkOption struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	Country    string `json:"country"`
	ParentID   string `json:"parentId"`
	ParentName string `json:"parentName"`
	InGroup    bool   `json:"inGroup"`    // already in the global account's group
	Ancestor   bool   `json:"ancestor"`   // above the global account: linking would loop
	HasProgram bool   `json:"hasProgram"` // runs a program of its own
	Children   int    `json:"children"`   // its own live subsidiaries
}

// LinkOptions lists the live accounts by name for the marking form. With an
// account id, that account is left out and the others say how they stand to
// it; without one, the list is for choosing the global account.
func (s *ProgramService) LinkOptions(accountID string) ([]LinkOption, error) {
	withProgram := map[string]bool{}
	err := s.store.View(func(tx *storage.Tx) error {
		progs, err := livePrograms(tx)
		for _, p := range progs {
			withProgram[p.AccountID] = true
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	out := []LinkOption{}
	err = s.actions.rows.snapshot(func(rows map[string]AccountRow) {
		parentOf := func(id string) string {
			if r, ok := rows[id]; ok && !r.Deleted() {
				return r.ParentID
			}
			return ""
		}
		children := map[string]int{}
		for _, r := range rows {
			if !r.Deleted() && r.ParentID != "" {
				children[r.ParentID]++
			}
		}
		ancestors := map[string]bool{}
		for p, n := parentOf(accountID), 0; p != "" && n < len(rows); p, n = parentOf(p), n+1 {
			ancestors[p] = true
		}
		// in the group: the chain up from the account reaches accountID
		inGroup := func(id string) bool {
			for p, n := parentOf(id), 0; p != "" && n < len(rows); p, n = parentOf(p), n+1 {
				if p == accountID {
					return true
				}
			}
			return false
		}
		for id, r := range rows {
			if r.Deleted() || id == accountID {
				continue
			}
			o := LinkOption{ID: id, Name: r.Name, Country: r.Country, ParentID: r.ParentID,
				HasProgram: withProgram[id], Children: children[id]}
			if p, ok := rows[r.ParentID]; ok {
				o.ParentName = p.Name
			}
			if accountID != "" {
				o.InGroup, o.Ancestor = inGroup(id), ancestors[id]
			}
			out = append(out, o)
		}
	})
	sort.Slice(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].ID < out[j].ID
	})
	return out, err
}
