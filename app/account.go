package app

import (
	"sort"
	"strings"
	"time"

	"keystone/core/account"
	"keystone/core/action"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/record"
	"keystone/storage"
)

// visitWindowMonths is how far back the workspace's visit figures look.
const visitWindowMonths = 6

// AccountService keeps accounts, their yearly figures, contacts and activities.
type AccountService struct {
	store *storage.Store
	clock calendar.Clock
	rows  *rowCache
}

// AccountFilter narrows the account list; empty fields do not filter.
type AccountFilter struct {
	Search   string `json:"search"`
	Owner    string `json:"owner"`
	Segment  string `json:"segment"`
	Country  string `json:"country"`
	Industry string `json:"industry"`
	Archived bool   `json:"archived"` // true lists only archived accounts
}

// AccountRow is one line of the account list.
type AccountRow struct {
	account.Account
	LatestYear    int           `json:"latestYear"`
	LatestRevenue int64         `json:"latestRevenue"`
	ContactCount  int           `json:"contactCount"`
	LastActivity  calendar.Date `json:"lastActivity"`
}

// AccountList is the filtered list plus the values the filters can take.
type AccountList struct {
	Rows       []AccountRow `json:"rows"`
	Total      int          `json:"total"`
	Owners     []string     `json:"owners"`
	Countries  []string     `json:"countries"`
	Segments   []string     `json:"segments"`
	Industries []string     `json:"industries"`
}

// AccountRef names an account for links.
type AccountRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Workspace is everything the account page shows.
type Workspace struct {
	FollowUps     []action.Action       `json:"followUps"` // the activities' follow-up actions
	Account       account.Account       `json:"account"`
	Figures       []account.YearFigures `json:"figures"`
	Contacts      []account.Contact     `json:"contacts"`
	Activities    []account.Activity    `json:"activities"`
	ShareOfWallet []account.YearShare   `json:"shareOfWallet"`
	Visits        account.VisitStats    `json:"visits"`
	Parent        *AccountRef           `json:"parent"`
	Children      []AccountRef          `json:"children"`
}

// List returns the accounts matching f, sorted by name.
func (s *AccountService) List(f AccountFilter) (AccountList, error) {
	out := AccountList{Rows: []AccountRow{}}
	facets := [4]map[string]bool{{}, {}, {}, {}}
	search := strings.ToLower(strings.TrimSpace(f.Search))
	err := s.rows.snapshot(func(rows map[string]AccountRow) {
		for _, r := range rows {
			if !r.Deleted() {
				out.Total++
				for i, v := range []string{r.Owner, r.Country, r.Segment, r.Industry} {
					if v != "" {
						facets[i][v] = true
					}
				}
			}
			if r.Deleted() == f.Archived && matches(r.Account, f, search) {
				out.Rows = append(out.Rows, r)
			}
		}
	})
	if err != nil {
		return AccountList{}, err
	}
	sort.Slice(out.Rows, func(i, j int) bool {
		if out.Rows[i].Name != out.Rows[j].Name {
			return out.Rows[i].Name < out.Rows[j].Name
		}
		return out.Rows[i].ID < out.Rows[j].ID
	})
	out.Owners, out.Countries, out.Segments, out.Industries = keys(facets[0]), keys(facets[1]), keys(facets[2]), keys(facets[3])
	return out, nil
}

func matches(a account.Account, f AccountFilter, search string) bool {
	if (f.Owner != "" && a.Owner != f.Owner) || (f.Segment != "" && a.Segment != f.Segment) ||
		(f.Country != "" && a.Country != f.Country) || (f.Industry != "" && a.Industry != f.Industry) {
		return false
	}
	return search == "" || strings.Contains(searchText(a), search)
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Get returns one account, archived or not.
func (s *AccountService) Get(id string) (account.Account, error) {
	var a account.Account
	err := s.store.View(func(tx *storage.Tx) error { return getAccount(tx, id, &a) })
	return a, err
}

func getAccount(tx *storage.Tx, id string, a *account.Account) error {
	if !record.ValidID(id) {
		return fault.NotFoundf(account.KindAccount, id)
	}
	return tx.Get(storage.AccountKey(id), account.KindAccount, a)
}

// Create adds a new account; the id is assigned here.
func (s *AccountService) Create(in account.Account) (account.Account, error) {
	in.Meta = record.Meta{ID: record.NewID()}
	in.Normalize()
	if err := in.Validate(); err != nil {
		return account.Account{}, err
	}
	err := s.store.Update(func(tx *storage.Tx) error {
		if err := checkParent(tx, in); err != nil {
			return err
		}
		if err := tx.Put(storage.AccountKey(in.ID), account.KindAccount, &in); err != nil {
			return err
		}
		return moveChild(tx, in.ID, "", in.ParentID)
	})
	if err != nil {
		return account.Account{}, err
	}
	return in, nil
}

// Update saves an edited account; in.Rev must be the revision it was read at.
func (s *AccountService) Update(in account.Account) (account.Account, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return account.Account{}, err
	}
	err := s.store.Update(func(tx *storage.Tx) error {
		var old account.Account
		if err := getAccount(tx, in.ID, &old); err != nil {
			return err
		}
		in.DeletedAt = old.DeletedAt // archiving has its own verbs
		if err := checkParent(tx, in); err != nil {
			return err
		}
		if err := tx.Put(storage.AccountKey(in.ID), account.KindAccount, &in); err != nil {
			return err
		}
		return moveChild(tx, in.ID, old.ParentID, in.ParentID)
	})
	if err != nil {
		return account.Account{}, err
	}
	return in, nil
}

func checkParent(tx *storage.Tx, a account.Account) error {
	if a.ParentID == "" {
		return nil
	}
	return account.CheckParent(a.ID, a.ParentID, func(id string) (string, bool) {
		var p account.Account
		if err := getAccount(tx, id, &p); err != nil || p.Deleted() {
			return "", false
		}
		return p.ParentID, true
	})
}

// Archive tombstones an account; its children stay and come back on Restore.
func (s *AccountService) Archive(id string, rev int64) (account.Account, error) {
	return s.setArchived(id, rev, true)
}

// Restore brings an archived account back.
func (s *AccountService) Restore(id string, rev int64) (account.Account, error) {
	return s.setArchived(id, rev, false)
}

func (s *AccountService) setArchived(id string, rev int64, archived bool) (account.Account, error) {
	var a account.Account
	err := s.store.Update(func(tx *storage.Tx) error {
		if err := getAccount(tx, id, &a); err != nil {
			return err
		}
		if a.Rev != rev {
			return fault.Conflictf(account.KindAccount, id, rev, a.Rev)
		}
		a.DeletedAt = nil
		if archived {
			now := s.clock.Now().UTC()
			a.DeletedAt = &now
		}
		return tx.Put(storage.AccountKey(id), account.KindAccount, &a)
	})
	if err != nil {
		return account.Account{}, err
	}
	return a, nil
}

// Workspace loads one account with its children and computed figures.
func (s *AccountService) Workspace(id string) (Workspace, error) {
	var w Workspace
	err := s.store.View(func(tx *storage.Tx) error {
		if err := getAccount(tx, id, &w.Account); err != nil {
			return err
		}
		figs, contacts, acts, err := loadChildren(tx, id)
		if err != nil {
			return err
		}
		w.Figures = account.SortedFigures(figs)
		w.Contacts = live(contacts)
		w.Activities = live(acts)
		sort.SliceStable(w.Activities, func(i, j int) bool { return w.Activities[i].Date > w.Activities[j].Date })
		if w.FollowUps, err = followUpsOf(tx, w.Activities); err != nil {
			return err
		}
		w.ShareOfWallet = account.SharesOfWallet(w.Figures)
		w.Visits = account.Visits(w.Activities, w.Contacts, calendar.Today(s.clock), visitWindowMonths)
		w.Children = []AccountRef{}
		if w.Account.ParentID != "" {
			var p account.Account
			if err := getAccount(tx, w.Account.ParentID, &p); err == nil {
				w.Parent = &AccountRef{ID: p.ID, Name: p.Name}
			}
		}
		var sm summary
		if err := tx.Get(storage.GlobalKey(kindSummary, id), kindSummary, &sm); err != nil && fault.CodeOf(err) != fault.NotFound {
			return err
		}
		for _, cid := range sm.Children {
			var c account.Account
			if err := getAccount(tx, cid, &c); err == nil && !c.Deleted() {
				w.Children = append(w.Children, AccountRef{ID: c.ID, Name: c.Name})
			}
		}
		return nil
	})
	if err != nil {
		return Workspace{}, err
	}
	return w, nil
}

func loadChildren(tx *storage.Tx, id string) ([]account.YearFigures, []account.Contact, []account.Activity, error) {
	figs, err := storage.List[account.YearFigures](tx, storage.ChildPrefix(id, account.KindFigures))
	if err != nil {
		return nil, nil, nil, err
	}
	contacts, err := storage.List[account.Contact](tx, storage.ChildPrefix(id, account.KindContact))
	if err != nil {
		return nil, nil, nil, err
	}
	acts, err := storage.List[account.Activity](tx, storage.ChildPrefix(id, account.KindActivity))
	if err != nil {
		return nil, nil, nil, err
	}
	return figs, contacts, acts, nil
}

// tombstoned is what live() needs of a record.
type tombstoned interface{ Deleted() bool }

func live[T any, P interface {
	*T
	tombstoned
}](in []T) []T {
	out := make([]T, 0, len(in))
	for i := range in {
		if !P(&in[i]).Deleted() {
			out = append(out, in[i])
		}
	}
	return out
}

// liveAccount refuses writes to children of a missing or archived account.
func liveAccount(tx *storage.Tx, id string) (account.Account, error) {
	var a account.Account
	if err := getAccount(tx, id, &a); err != nil {
		return a, err
	}
	if a.Deleted() {
		return a, &fault.Error{Code: fault.Invalid, Field: "accountId", Rule: "archived",
			Message: "the account is archived; restore it before changing it"}
	}
	return a, nil
}

// putChild saves a child record: new when ID is empty, else an update at in.Rev.
func putChild(tx *storage.Tx, accountID, kind string, rec record.Record) error {
	m := rec.RecordMeta()
	if m.ID == "" {
		if m.Rev != 0 {
			return fault.New(fault.Invalid, "invalid", "a new %s cannot have a revision", kind)
		}
		m.ID = record.NewID()
	} else if !record.ValidID(m.ID) {
		return fault.NotFoundf(kind, m.ID)
	}
	return tx.Put(storage.ChildKey(accountID, kind, m.ID), kind, rec)
}

// archiveChild tombstones a child record read at rev.
func archiveChild[T any, P interface {
	*T
	record.Record
}](tx *storage.Tx, now time.Time, accountID, kind, id string, rev int64) (T, error) {
	var v T
	if !record.ValidID(id) {
		return v, fault.NotFoundf(kind, id)
	}
	key := storage.ChildKey(accountID, kind, id)
	if err := tx.Get(key, kind, P(&v)); err != nil {
		return v, err
	}
	m := P(&v).RecordMeta()
	if m.Rev != rev {
		return v, fault.Conflictf(kind, id, rev, m.Rev)
	}
	if m.DeletedAt == nil {
		m.DeletedAt = &now
	}
	return v, tx.Put(key, kind, P(&v))
}

// SaveFigures creates (empty id) or updates one year of figures.
func (s *AccountService) SaveFigures(in account.YearFigures) (account.YearFigures, error) {
	err := s.store.Update(func(tx *storage.Tx) error {
		a, err := liveAccount(tx, in.AccountID)
		if err != nil {
			return err
		}
		if in.Currency == "" {
			in.Currency = a.Currency
		}
		if err := in.Validate(); err != nil {
			return err
		}
		figs, err := storage.List[account.YearFigures](tx, storage.ChildPrefix(a.ID, account.KindFigures))
		if err != nil {
			return err
		}
		if err := account.CheckYearUnique(in, figs); err != nil {
			return err
		}
		if err := putChild(tx, a.ID, account.KindFigures, &in); err != nil {
			return err
		}
		return refreshSummary(tx, a.ID)
	})
	if err != nil {
		return account.YearFigures{}, err
	}
	return in, nil
}

// DeleteFigures removes one year (as a tombstone).
func (s *AccountService) DeleteFigures(accountID, id string, rev int64) error {
	return s.store.Update(func(tx *storage.Tx) error {
		if _, err := liveAccount(tx, accountID); err != nil {
			return err
		}
		if _, err := archiveChild[account.YearFigures](tx, s.clock.Now().UTC(), accountID, account.KindFigures, id, rev); err != nil {
			return err
		}
		return refreshSummary(tx, accountID)
	})
}

// SaveContact creates (empty id) or updates a decision-maker.
func (s *AccountService) SaveContact(in account.Contact) (account.Contact, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return account.Contact{}, err
	}
	err := s.store.Update(func(tx *storage.Tx) error {
		if _, err := liveAccount(tx, in.AccountID); err != nil {
			return err
		}
		others, err := storage.List[account.Contact](tx, storage.ChildPrefix(in.AccountID, account.KindContact))
		if err != nil {
			return err
		}
		if err := account.CheckReportsTo(in, others); err != nil {
			return err
		}
		if err := putChild(tx, in.AccountID, account.KindContact, &in); err != nil {
			return err
		}
		return refreshSummary(tx, in.AccountID)
	})
	if err != nil {
		return account.Contact{}, err
	}
	return in, nil
}

// ArchiveContact tombstones a contact; the people who reported to them now
// report to their manager, so the org chart stays whole.
func (s *AccountService) ArchiveContact(accountID, id string, rev int64) error {
	return s.store.Update(func(tx *storage.Tx) error {
		if _, err := liveAccount(tx, accountID); err != nil {
			return err
		}
		gone, err := archiveChild[account.Contact](tx, s.clock.Now().UTC(), accountID, account.KindContact, id, rev)
		if err != nil {
			return err
		}
		others, err := storage.List[account.Contact](tx, storage.ChildPrefix(accountID, account.KindContact))
		if err != nil {
			return err
		}
		for i := range others {
			if o := &others[i]; o.ReportsTo == id && !o.Deleted() {
				o.ReportsTo = gone.ReportsTo
				if err := tx.Put(storage.ChildKey(accountID, account.KindContact, o.ID), account.KindContact, o); err != nil {
					return err
				}
			}
		}
		return refreshSummary(tx, accountID)
	})
}

// SaveActivity creates (empty id) or updates an activity.
func (s *AccountService) SaveActivity(in account.Activity) (account.Activity, error) {
	in.Normalize()
	err := s.store.Update(func(tx *storage.Tx) error {
		acc, err := liveAccount(tx, in.AccountID)
		if err != nil {
			return err
		}
		contacts, err := storage.List[account.Contact](tx, storage.ChildPrefix(in.AccountID, account.KindContact))
		if err != nil {
			return err
		}
		if in.ID != "" {
			// People already on the activity stay valid even if archived since.
			var old account.Activity
			if err := tx.Get(storage.ChildKey(in.AccountID, account.KindActivity, in.ID), account.KindActivity, &old); err == nil {
				contacts = keepReferenced(contacts, old.ContactIDs)
			}
		}
		if err := in.Validate(contacts); err != nil {
			return err
		}
		if err := putChild(tx, in.AccountID, account.KindActivity, &in); err != nil {
			return err
		}
		if err := syncFollowUp(tx, s.clock.Now().UTC(), acc, in); err != nil {
			return err
		}
		return refreshSummary(tx, in.AccountID)
	})
	if err != nil {
		return account.Activity{}, err
	}
	return in, nil
}

func keepReferenced(contacts []account.Contact, ids []string) []account.Contact {
	ref := map[string]bool{}
	for _, id := range ids {
		ref[id] = true
	}
	for i := range contacts {
		if ref[contacts[i].ID] {
			contacts[i].DeletedAt = nil
		}
	}
	return contacts
}

// ArchiveActivity tombstones an activity.
func (s *AccountService) ArchiveActivity(accountID, id string, rev int64) error {
	return s.store.Update(func(tx *storage.Tx) error {
		acc, err := liveAccount(tx, accountID)
		if err != nil {
			return err
		}
		gone, err := archiveChild[account.Activity](tx, s.clock.Now().UTC(), accountID, account.KindActivity, id, rev)
		if err != nil {
			return err
		}
		if err := syncFollowUp(tx, s.clock.Now().UTC(), acc, gone); err != nil {
			return err
		}
		return refreshSummary(tx, accountID)
	})
}
