package app

import (
	"fmt"
	"sort"
	"sync"

	"keystone/core/action"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/plan"
	"keystone/core/record"
	"keystone/storage"
)

// sectionLimit bounds each section of "My actions": everyone's board at
// size L holds 50,000 open actions, more than a page can show or a person
// can read; the counts still tell the totals.
const sectionLimit = 200

// ActionService keeps the shared actions every area creates.
type ActionService struct {
	store *storage.Store
	clock calendar.Clock
	index *actionIndex
	rows  *rowCache
	// planYears remembers each plan's year for the links back to plans; a
	// plan's year never changes (PlanService refuses it), so it never goes stale.
	planYears sync.Map // plan id -> int
	// sources check, per area, that an action's source record exists in the
	// same account; each area registers its own at start (see sourceCheck).
	sources map[string]sourceCheck
}

// sourceCheck says whether an action's source record exists in its account;
// it returns a fault with Field "source.recordId" when not.
type sourceCheck func(tx *storage.Tx, a action.Action) error

// registerSource sets the check for actions made by area.
func (s *ActionService) registerSource(area string, check sourceCheck) {
	if s.sources == nil {
		s.sources = map[string]sourceCheck{}
	}
	s.sources[area] = check
}

// missingSource is the error a sourceCheck returns for a source that is gone.
func missingSource(kind, id string) error {
	return &fault.Error{Code: fault.Invalid, Field: "source.recordId", Rule: "not_found",
		Params: map[string]any{"kind": kind, "id": id}, Message: fmt.Sprintf("the %s this action belongs to does not exist", kind)}
}

// ActionRow is an action with what a list shows beside it.
type ActionRow struct {
	action.Action
	AccountName string `json:"accountName"`
	PlanYear    int    `json:"planYear"` // the plan's year when the source is a plan
}

// ActionQuery selects actions; empty fields do not filter.
type ActionQuery struct {
	Owner         string   `json:"owner"`
	AccountID     string   `json:"accountId"`
	Areas         []string `json:"areas"`
	IncludeClosed bool     `json:"includeClosed"`
}

// ActionCounts are the navigation badge's figures and the board's totals.
type ActionCounts struct {
	Open     int `json:"open"`
	Overdue  int `json:"overdue"`
	ThisWeek int `json:"thisWeek"`
	Later    int `json:"later"`
	NoDate   int `json:"noDate"`
	Closed   int `json:"closed"`
}

// ActionBoard is "My actions": open actions by when they are due.
type ActionBoard struct {
	Today    calendar.Date `json:"today"`
	WeekEnd  calendar.Date `json:"weekEnd"`
	Overdue  []ActionRow   `json:"overdue"`
	ThisWeek []ActionRow   `json:"thisWeek"`
	Later    []ActionRow   `json:"later"`
	NoDate   []ActionRow   `json:"noDate"`
	Closed   []ActionRow   `json:"closed"`
	Counts   ActionCounts  `json:"counts"`
}

// Mine returns the board for a query, usually one owner's open actions.
func (s *ActionService) Mine(q ActionQuery) (ActionBoard, error) {
	today := calendar.Today(s.clock)
	b := ActionBoard{Today: today, WeekEnd: action.EndOfWeek(today)}
	areas := map[string]bool{}
	for _, a := range q.Areas {
		areas[a] = true
	}
	var shown []action.Action // the rows each section shows, section after section
	var lens, counts [sections]int
	err := s.index.view(func(x *actionIndex) {
		picked := x.selection(q.Owner, q.AccountID, func(a *action.Action) bool {
			return (len(areas) == 0 || areas[a.Source.Area]) && (q.IncludeClosed || a.IsOpen())
		})
		bySection := sortForBoard(picked, today, b.WeekEnd)
		for i, list := range bySection {
			counts[i] = len(list)
			for _, a := range list[:min(len(list), sectionLimit)] {
				shown = append(shown, *a) // copied: the index may change once the lock is released
				lens[i]++
			}
		}
	})
	if err != nil {
		return ActionBoard{}, err
	}
	rows, err := s.decorate(shown)
	if err != nil {
		return ActionBoard{}, err
	}
	for i, list := range [sections]*[]ActionRow{&b.Overdue, &b.ThisWeek, &b.Later, &b.NoDate, &b.Closed} {
		*list = rows[:lens[i]:lens[i]]
		rows = rows[lens[i]:]
	}
	b.Counts = countsOf(counts)
	return b, nil
}

// The board's sections, in order.
const (
	secOverdue = iota
	secThisWeek
	secLater
	secNoDate
	secClosed
	sections
)

// sectionOf places an action in the board's sections.
func sectionOf(a *action.Action, today, weekEnd calendar.Date) int {
	switch action.BucketIn(a, today, weekEnd) {
	case action.BucketOverdue:
		return secOverdue
	case action.BucketThisWeek:
		return secThisWeek
	case action.BucketLater:
		return secLater
	case action.BucketNoDate:
		return secNoDate
	default:
		return secClosed
	}
}

// sortForBoard splits actions into the board's sections: open ones by due
// date, closed ones newest first.
func sortForBoard(in []*action.Action, today, weekEnd calendar.Date) [sections][]*action.Action {
	var out [sections][]*action.Action
	for _, a := range in {
		i := sectionOf(a, today, weekEnd)
		out[i] = append(out[i], a)
	}
	for i := range secClosed {
		list := out[i]
		sort.Slice(list, func(i, j int) bool { return action.Less(list[i], list[j]) })
	}
	closed := out[secClosed]
	sort.Slice(closed, func(i, j int) bool { return closed[i].UpdatedAt.After(closed[j].UpdatedAt) })
	return out
}

func countsOf(c [sections]int) ActionCounts {
	return ActionCounts{Open: c[secOverdue] + c[secThisWeek] + c[secLater] + c[secNoDate], Overdue: c[secOverdue],
		ThisWeek: c[secThisWeek], Later: c[secLater], NoDate: c[secNoDate], Closed: c[secClosed]}
}

// forSource lists the actions one record made (e.g. a plan's tasks), in
// board order, uncapped: a plan shows all its tasks.
func (s *ActionService) forSource(accountID, area, recordID string) ([]ActionRow, error) {
	today := calendar.Today(s.clock)
	var picked []action.Action
	err := s.index.view(func(x *actionIndex) {
		mine := x.selection("", accountID, func(a *action.Action) bool {
			return a.Source.Area == area && a.Source.RecordID == recordID
		})
		for _, list := range sortForBoard(mine, today, action.EndOfWeek(today)) {
			for _, a := range list {
				picked = append(picked, *a)
			}
		}
	})
	if err != nil {
		return nil, err
	}
	return s.decorate(picked)
}

// decorate adds account names and plan years to actions.
func (s *ActionService) decorate(in []action.Action) ([]ActionRow, error) {
	out := make([]ActionRow, 0, len(in))
	err := s.rows.snapshot(func(rows map[string]AccountRow) {
		for _, a := range in {
			out = append(out, ActionRow{Action: a, AccountName: rows[a.AccountID].Name})
		}
	})
	if err != nil {
		return nil, err
	}
	// Plan years, for the link back to the plan: read once per plan.
	err = s.store.View(func(tx *storage.Tx) error {
		for i := range out {
			src := out[i].Source
			if src.Area != action.AreaPlan {
				continue
			}
			if y, ok := s.planYears.Load(src.RecordID); ok {
				out[i].PlanYear = y.(int)
				continue
			}
			var p plan.Plan
			err := tx.Get(storage.ChildKey(out[i].AccountID, plan.Kind, src.RecordID), plan.Kind, &p)
			if err != nil && fault.CodeOf(err) != fault.NotFound {
				return err
			}
			if err == nil {
				s.planYears.Store(src.RecordID, p.Year)
				out[i].PlanYear = p.Year
			}
		}
		return nil
	})
	return out, err
}

// Counts are the badge figures for one owner ("" = everyone).
func (s *ActionService) Counts(owner string) (ActionCounts, error) {
	today := calendar.Today(s.clock)
	weekEnd := action.EndOfWeek(today)
	var c [sections]int
	err := s.index.view(func(x *actionIndex) {
		for _, a := range x.selection(owner, "", nil) {
			c[sectionOf(a, today, weekEnd)]++
		}
	})
	return countsOf(c), err
}

// due is the badge figures with the first limit overdue and this week's
// open actions of owner ("" = everyone), in board order: the dashboard's
// tile, without sorting the whole backlog as the board does.
func (s *ActionService) due(owner string, limit int) (ActionCounts, []ActionRow, error) {
	today := calendar.Today(s.clock)
	weekEnd := action.EndOfWeek(today)
	var c [sections]int
	var soon []action.Action
	err := s.index.view(func(x *actionIndex) {
		// the first limit in board order, kept sorted as they come: the
		// backlog can be tens of thousands, the tile shows a handful
		near := make([]*action.Action, 0, limit+1)
		for _, a := range x.selection(owner, "", nil) {
			sec := sectionOf(a, today, weekEnd)
			c[sec]++
			if sec != secOverdue && sec != secThisWeek {
				continue
			}
			if len(near) == limit && !action.Less(a, near[limit-1]) {
				continue
			}
			i := sort.Search(len(near), func(i int) bool { return action.Less(a, near[i]) })
			near = append(near[:i], append([]*action.Action{a}, near[i:]...)...)
			if len(near) > limit {
				near = near[:limit]
			}
		}
		for _, a := range near {
			soon = append(soon, *a) // copied: the index may change once the lock is released
		}
	})
	if err != nil {
		return ActionCounts{}, nil, err
	}
	rows, err := s.decorate(soon)
	return countsOf(c), rows, err
}

// Owners lists the names that own accounts or actions, sorted.
func (s *ActionService) Owners() ([]string, error) {
	set := map[string]bool{}
	if err := s.rows.snapshot(func(rows map[string]AccountRow) {
		for _, r := range rows {
			if r.Owner != "" && !r.Deleted() {
				set[r.Owner] = true
			}
		}
	}); err != nil {
		return nil, err
	}
	if err := s.index.view(func(x *actionIndex) {
		for o, ids := range x.byOwner {
			if o != "" && len(ids) > 0 {
				set[o] = true
			}
		}
	}); err != nil {
		return nil, err
	}
	return keys(set), nil
}

// ForAccount lists one account's actions: open ones by due date, then closed.
func (s *ActionService) ForAccount(accountID string) ([]ActionRow, error) {
	var picked []action.Action
	if err := s.index.view(func(x *actionIndex) {
		for _, a := range x.selection("", accountID, nil) {
			picked = append(picked, *a)
		}
	}); err != nil {
		return nil, err
	}
	sort.Slice(picked, func(i, j int) bool {
		if oi, oj := picked[i].IsOpen(), picked[j].IsOpen(); oi != oj {
			return oi
		}
		return action.Less(&picked[i], &picked[j])
	})
	return s.decorate(picked)
}

// Save creates (empty id) or updates an action.
func (s *ActionService) Save(in action.Action) (action.Action, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return action.Action{}, err
	}
	err := s.store.Update(func(tx *storage.Tx) error {
		if _, err := liveAccount(tx, in.AccountID); err != nil {
			return err
		}
		if in.ID == "" {
			if in.Rev != 0 {
				return fault.New(fault.Invalid, "invalid", "a new action cannot have a revision")
			}
			in.ID = record.NewID()
		} else {
			var old action.Action
			if err := getAction(tx, in.ID, &old); err != nil {
				return err
			}
			if old.AccountID != in.AccountID || old.Source != in.Source {
				return &fault.Error{Code: fault.Invalid, Field: "source", Rule: "immutable",
					Message: "an action keeps the account and the source it was made from"}
			}
		}
		if in.Status != action.Done {
			in.CompletedOn = ""
		} else if in.CompletedOn == "" {
			in.CompletedOn = calendar.Today(s.clock)
		}
		if err := s.checkSource(tx, in); err != nil {
			return err
		}
		if err := checkDue(tx, in, "due"); err != nil {
			return err
		}
		return tx.Put(storage.GlobalKey(action.Kind, in.ID), action.Kind, &in)
	})
	if err != nil {
		return action.Action{}, err
	}
	return in, nil
}

// checkSource makes sure an action made by an area points at a live record
// of that area in the same account.
func (s *ActionService) checkSource(tx *storage.Tx, a action.Action) error {
	if check := s.sources[a.Source.Area]; check != nil {
		return check(tx, a)
	}
	return nil
}

// checkPlanSource is the plan area's sourceCheck.
func checkPlanSource(tx *storage.Tx, a action.Action) error {
	var p plan.Plan
	err := tx.Get(storage.ChildKey(a.AccountID, plan.Kind, a.Source.RecordID), plan.Kind, &p)
	if fault.CodeOf(err) == fault.NotFound || (err == nil && p.Deleted()) {
		return missingSource(plan.Kind, a.Source.RecordID)
	}
	return err
}

// checkDue refuses an open action due in a year whose plan was rolled
// forward: that year is history.
func checkDue(tx *storage.Tx, a action.Action, field string) error {
	if a.Due == "" || !a.IsOpen() {
		return nil
	}
	plans, err := storage.List[plan.Plan](tx, storage.ChildPrefix(a.AccountID, plan.Kind))
	if err != nil {
		return err
	}
	for _, p := range plans {
		if p.Year == a.Due.Year() && p.Locked && !p.Deleted() {
			return &fault.Error{Code: fault.Invalid, Field: field, Rule: "archived_year", Params: map[string]any{"year": p.Year},
				Message: "the plan for this year was rolled forward and is kept as history; choose a date in a later year"}
		}
	}
	return nil
}

func getAction(tx *storage.Tx, id string, a *action.Action) error {
	if !record.ValidID(id) {
		return fault.NotFoundf(action.Kind, id)
	}
	return tx.Get(storage.GlobalKey(action.Kind, id), action.Kind, a)
}

// SetStatus is the quick status change of a list.
func (s *ActionService) SetStatus(id string, rev int64, status string) (action.Action, error) {
	var a action.Action
	err := s.store.Update(func(tx *storage.Tx) error {
		if err := getAction(tx, id, &a); err != nil {
			return err
		}
		if a.Rev != rev {
			return fault.Conflictf(action.Kind, id, rev, a.Rev)
		}
		a.SetStatus(status, calendar.Today(s.clock))
		if err := a.Validate(); err != nil {
			return err
		}
		if _, err := liveAccount(tx, a.AccountID); err != nil {
			return err
		}
		return tx.Put(storage.GlobalKey(action.Kind, id), action.Kind, &a)
	})
	if err != nil {
		return action.Action{}, err
	}
	return a, nil
}

// Archive removes an action from every list (a tombstone).
func (s *ActionService) Archive(id string, rev int64) error {
	return s.store.Update(func(tx *storage.Tx) error {
		var a action.Action
		if err := getAction(tx, id, &a); err != nil {
			return err
		}
		if a.Rev != rev {
			return fault.Conflictf(action.Kind, id, rev, a.Rev)
		}
		now := s.clock.Now().UTC()
		a.DeletedAt = &now
		return tx.Put(storage.GlobalKey(action.Kind, id), action.Kind, &a)
	})
}
