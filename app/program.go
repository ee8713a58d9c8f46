package app

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"keystone/core/account"
	"keystone/core/action"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/program"
	"keystone/core/record"
	"keystone/core/settings"
	"keystone/storage"
)

// ProgramService keeps global account programs: countries, the global contract, KPIs, health and roll-ups.
//
// A program is one record under its global account (ws/<account>/program/<id>)
// with a pointer g/programref/<id> to that account (program.Ref). Health is a live status: it is computed on every read with
// the current settings version (which the view names), not pinned like an
// assessment, because "is this program on track today" must follow the
// thresholds the firm uses today.
type ProgramService struct {
	store   *storage.Store
	clock   calendar.Clock
	actions *ActionService
	model   modelSettings[program.Settings]
}

func newProgramService(store *storage.Store, clock calendar.Clock, actions *ActionService) *ProgramService {
	s := &ProgramService{store: store, clock: clock, actions: actions,
		model: modelSettings[program.Settings]{area: "programs", defaults: program.Defaults,
			validate: func(v *program.Settings) error { return v.Validate() }}}
	actions.registerSource(action.AreaProgram, checkProgramSource)
	return s
}

// checkProgramSource is the program area's sourceCheck: a program action
// belongs to a live program of the same (global) account.
func checkProgramSource(tx *storage.Tx, a action.Action) error {
	var p program.Program
	err := tx.Get(storage.ChildKey(a.AccountID, program.Kind, a.Source.RecordID), program.Kind, &p)
	if fault.CodeOf(err) == fault.NotFound || (err == nil && p.Deleted()) || !record.ValidID(a.Source.RecordID) {
		return missingSource(program.Kind, a.Source.RecordID)
	}
	return err
}

// ---- reading ----

// GroupAccount is an account of the program's group: the global account
// itself (Depth 0) and its subsidiaries, for the local-entity picker.
type GroupAccount struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Country  string `json:"country"`
	ParentID string `json:"parentId"`
	Depth    int    `json:"depth"`
	Archived bool   `json:"archived"`
}

// ProgramView is one program with everything computed from it.
type ProgramView struct {
	Program         program.Program       `json:"program"`
	AccountName     string                `json:"accountName"`
	Readonly        bool                  `json:"readonly"` // the account is archived
	Year            int                   `json:"year"`
	Today           calendar.Date         `json:"today"`
	Health          program.Health        `json:"health"`
	Renewal         *program.RenewalAlert `json:"renewal"`
	Rollups         program.Rollups       `json:"rollups"`
	KPIs            []program.KPIResult   `json:"kpis"`
	Actions         []ActionRow           `json:"actions"` // milestones (detail "milestone"), renewal work and other actions
	Group           []GroupAccount        `json:"group"`
	Settings        program.Settings      `json:"settings"`
	SettingsVersion int                   `json:"settingsVersion"`
	Regions         []program.Region      `json:"regions"`
}

// Get returns a program with its health, alerts and roll-ups for year (0 = this year).
func (s *ProgramService) Get(id string, year int) (ProgramView, error) {
	today := calendar.Today(s.clock)
	if year == 0 {
		year = today.Year()
	}
	if year < account.MinYear || year > account.MaxYear {
		return ProgramView{}, &fault.Error{Code: fault.Invalid, Field: "year", Rule: "out_of_range",
			Params: map[string]any{"min": account.MinYear, "max": account.MaxYear, "value": year}, Message: "the year is out of range"}
	}
	v := ProgramView{Year: year, Today: today, Regions: program.Regions}
	var set settings.Model[program.Settings]
	err := s.store.View(func(tx *storage.Tx) error {
		p, err := loadProgram(tx, id)
		if err != nil {
			return err
		}
		if p.Deleted() {
			return fault.NotFoundf(program.Kind, id)
		}
		v.Program = p
		var acc account.Account
		if err := getAccount(tx, p.AccountID, &acc); err != nil {
			return err
		}
		v.AccountName, v.Readonly = acc.Name, acc.Deleted()
		if v.Group, err = groupOf(tx, acc); err != nil {
			return err
		}
		set, err = s.model.current(tx)
		return err
	})
	if err != nil {
		return ProgramView{}, err
	}
	if v.Actions, err = s.actions.forSource(v.Program.AccountID, action.AreaProgram, v.Program.ID); err != nil {
		return ProgramView{}, err
	}
	acts := make([]action.Action, len(v.Actions))
	for i := range v.Actions {
		acts[i] = v.Actions[i].Action
	}
	v.Settings, v.SettingsVersion = set.Value, set.Version
	v.Health = program.Evaluate(v.Program, acts, set.Value, today)
	v.Renewal = program.Renewal(v.Program, acts, set.Value, today)
	v.Rollups = program.Roll(v.Program, year, today, set.Value.PartialWeight)
	v.KPIs = program.KPIs(v.Program, v.Rollups)
	return v, nil
}

func loadProgram(tx *storage.Tx, id string) (program.Program, error) {
	var p program.Program
	if !record.ValidID(id) {
		return p, fault.NotFoundf(program.Kind, id)
	}
	var ref program.Ref
	if err := tx.Get(storage.GlobalKey(program.RefKind, id), program.Kind, &ref); err != nil {
		return p, err
	}
	err := tx.Get(storage.ChildKey(ref.AccountID, program.Kind, id), program.Kind, &p)
	return p, err
}

// groupOf lists the account and its subsidiaries, depth first, names sorted
// at each level. The summaries' child lists are read in the caller's
// transaction, so a write checks the group it writes against.
func groupOf(tx *storage.Tx, top account.Account) ([]GroupAccount, error) {
	out := []GroupAccount{{ID: top.ID, Name: top.Name, Country: top.Country, ParentID: top.ParentID, Archived: top.Deleted()}}
	seen := map[string]bool{top.ID: true}
	var walk func(id string, depth int) error
	walk = func(id string, depth int) error {
		sm, err := loadSummary(tx, id)
		if err != nil {
			return err
		}
		var kids []account.Account
		for _, cid := range sm.Children {
			if seen[cid] {
				continue // a loop the account checks should have refused; never walk it twice
			}
			seen[cid] = true
			var c account.Account
			if err := getAccount(tx, cid, &c); err != nil {
				if fault.CodeOf(err) == fault.NotFound {
					continue
				}
				return err
			}
			if c.ParentID == id {
				kids = append(kids, c)
			}
		}
		sort.Slice(kids, func(i, j int) bool { return kids[i].Name < kids[j].Name })
		for _, c := range kids {
			out = append(out, GroupAccount{ID: c.ID, Name: c.Name, Country: c.Country, ParentID: c.ParentID, Depth: depth, Archived: c.Deleted()})
			if err := walk(c.ID, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	return out, walk(top.ID, 1)
}

// ProgramQuery filters the Programs page; empty fields do not filter.
type ProgramQuery struct {
	Search  string `json:"search"`
	Health  string `json:"health"`
	Status  string `json:"status"`
	Manager string `json:"manager"`
}

// ProgramRow is one line of the Programs page.
type ProgramRow struct {
	ID             string                `json:"id"`
	Rev            int64                 `json:"rev"`
	AccountID      string                `json:"accountId"`
	AccountName    string                `json:"accountName"`
	Manager        string                `json:"manager"`
	Sponsor        string                `json:"sponsor"`
	Status         string                `json:"status"`
	Structure      string                `json:"structure"`
	Start          calendar.Date         `json:"start"`
	Currency       string                `json:"currency"`
	Health         string                `json:"health"`
	Findings       []program.Finding     `json:"findings"`
	Countries      int                   `json:"countries"`
	Coverage       program.Share         `json:"coverage"`
	Revenue        program.Figures       `json:"revenue"` // this year to date
	NextRenewal    calendar.Date         `json:"nextRenewal"`
	Renewal        *program.RenewalAlert `json:"renewal"`
	OverdueActions int                   `json:"overdueActions"`
	OpenActions    int                   `json:"openActions"`
}

// ProgramCandidate is an account a program could start for: it has
// subsidiaries and no program yet.
type ProgramCandidate struct {
	ID           string   `json:"id"`
	Name         string   `json:"name"`
	Country      string   `json:"country"`
	Currency     string   `json:"currency"`
	Owner        string   `json:"owner"`
	Subsidiaries int      `json:"subsidiaries"`
	Countries    []string `json:"countries"` // the group's countries, sorted
}

// ProgramList is the Programs page.
type ProgramList struct {
	Today      calendar.Date      `json:"today"`
	Rows       []ProgramRow       `json:"rows"`
	Total      int                `json:"total"`
	Managers   []string           `json:"managers"`
	Candidates []ProgramCandidate `json:"candidates"`
	// RenewalHorizon is how many days ahead a renewal alerts (the
	// renewal_near rule's threshold), for the page's renewals tile.
	RenewalHorizon int `json:"renewalHorizon"`
}

// livePrograms reads every live program through the global refs (programs
// sit under their accounts; the refs list them without a scan of every workspace).
func livePrograms(tx *storage.Tx) ([]program.Program, error) {
	refs, err := storage.List[program.Ref](tx, storage.GlobalPrefix(program.RefKind))
	if err != nil {
		return nil, err
	}
	var out []program.Program
	for _, ref := range refs {
		var p program.Program
		if err := tx.Get(storage.ChildKey(ref.AccountID, program.Kind, ref.ID), program.Kind, &p); err != nil {
			if fault.CodeOf(err) == fault.NotFound {
				continue
			}
			return nil, err
		}
		if !p.Deleted() {
			out = append(out, p)
		}
	}
	return out, nil
}

// List returns every live program with its health, next renewal and overdue actions.
func (s *ProgramService) List(q ProgramQuery) (ProgramList, error) {
	today := calendar.Today(s.clock)
	out := ProgramList{Today: today, Rows: []ProgramRow{}, Candidates: []ProgramCandidate{}, Managers: []string{}}
	var progs []program.Program
	var set settings.Model[program.Settings]
	err := s.store.View(func(tx *storage.Tx) error {
		var err error
		if progs, err = livePrograms(tx); err != nil {
			return err
		}
		set, err = s.model.current(tx)
		return err
	})
	if err != nil {
		return out, err
	}
	out.RenewalHorizon = set.Value.Rule(program.RuleRenewalNear).Threshold
	acts := map[string][]action.Action{}
	if err := s.actions.index.view(func(x *actionIndex) {
		for _, p := range progs {
			for _, a := range x.selection("", p.AccountID, func(a *action.Action) bool {
				return a.Source.Area == action.AreaProgram && a.Source.RecordID == p.ID
			}) {
				acts[p.ID] = append(acts[p.ID], *a)
			}
		}
	}); err != nil {
		return out, err
	}
	names := map[string]string{}
	hasProgram := map[string]bool{}
	managers := map[string]bool{}
	search := strings.ToLower(strings.TrimSpace(q.Search))
	err = s.actions.rows.snapshot(func(rows map[string]AccountRow) {
		for _, p := range progs {
			names[p.AccountID] = rows[p.AccountID].Name
			hasProgram[p.AccountID] = true
		}
		out.Candidates = candidates(rows, hasProgram)
	})
	if err != nil {
		return out, err
	}
	for _, p := range progs {
		out.Total++
		if p.Manager != "" {
			managers[p.Manager] = true
		}
		row := programRow(p, names[p.AccountID], acts[p.ID], set.Value, today)
		if (q.Health != "" && row.Health != q.Health) || (q.Status != "" && row.Status != q.Status) ||
			(q.Manager != "" && row.Manager != q.Manager) {
			continue
		}
		if search != "" && !strings.Contains(strings.ToLower(row.AccountName+"\x00"+row.Manager+"\x00"+row.Sponsor), search) {
			continue
		}
		out.Rows = append(out.Rows, row)
	}
	sort.Slice(out.Rows, func(i, j int) bool {
		a, b := out.Rows[i], out.Rows[j]
		if ra, rb := healthRank(a.Health), healthRank(b.Health); ra != rb {
			return ra > rb // red first: what needs attention leads
		}
		if a.AccountName != b.AccountName {
			return a.AccountName < b.AccountName
		}
		return a.ID < b.ID
	})
	out.Managers = keys(managers)
	return out, nil
}

func healthRank(h string) int {
	switch h {
	case program.Red:
		return 2
	case program.Amber:
		return 1
	}
	return 0
}

func programRow(p program.Program, name string, acts []action.Action, set program.Settings, today calendar.Date) ProgramRow {
	h := program.Evaluate(p, acts, set, today)
	row := ProgramRow{ID: p.ID, Rev: p.Rev, AccountID: p.AccountID, AccountName: name, Manager: p.Manager, Sponsor: p.Sponsor,
		Status: p.Status, Structure: p.Structure, Start: p.Start, Currency: p.Currency, Health: h.Level, Findings: h.Findings,
		Coverage: program.Coverage(p, today, set.PartialWeight), NextRenewal: p.Contract.RenewalDate(),
		Renewal: program.Renewal(p, acts, set, today)}
	for i := range p.Countries {
		if p.Countries[i].Active(today) {
			row.Countries++
		}
	}
	r := program.Roll(p, today.Year(), today, set.PartialWeight)
	row.Revenue = r.Total.Figures
	for i := range acts {
		if acts[i].IsOpen() {
			row.OpenActions++
			if acts[i].Due != "" && acts[i].Due < today {
				row.OverdueActions++
			}
		}
	}
	return row
}

// candidates are the live accounts with live subsidiaries spanning several
// countries (their own included) and no program.
func candidates(rows map[string]AccountRow, hasProgram map[string]bool) []ProgramCandidate {
	kids := map[string][]string{}
	for id, r := range rows {
		if !r.Deleted() && r.ParentID != "" {
			kids[r.ParentID] = append(kids[r.ParentID], id)
		}
	}
	out := []ProgramCandidate{}
	for id, list := range kids {
		top, ok := rows[id]
		if !ok || top.Deleted() || hasProgram[id] {
			continue
		}
		if parent, has := rows[top.ParentID]; has && !parent.Deleted() {
			continue // a regional holding's subsidiaries belong to its top parent's program
		}
		countries := map[string]bool{}
		if top.Country != "" {
			countries[top.Country] = true
		}
		n := 0
		queue := append([]string(nil), list...)
		seen := map[string]bool{id: true}
		for len(queue) > 0 {
			c := queue[0]
			queue = queue[1:]
			if seen[c] {
				continue
			}
			seen[c] = true
			n++
			if cc := rows[c].Country; cc != "" {
				countries[cc] = true
			}
			queue = append(queue, kids[c]...)
		}
		if len(countries) < program.MinCountries {
			continue // subsidiaries at home only: not a global account yet
		}
		out = append(out, ProgramCandidate{ID: id, Name: top.Name, Country: top.Country, Currency: top.Currency, Owner: top.Owner,
			Subsidiaries: n, Countries: keys(countries)})
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i].Countries) != len(out[j].Countries) {
			return len(out[i].Countries) > len(out[j].Countries) // the most global first
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// ---- writing ----

// Create starts a program for a global account: a live account with at
// least one subsidiary and no live program. Countries, contract and KPIs may
// come with it; country rows get their ids and coverage history here.
func (s *ProgramService) Create(in program.Program) (program.Program, error) {
	today := calendar.Today(s.clock)
	in.Meta = record.Meta{}
	err := s.store.Update(func(tx *storage.Tx) error {
		acc, err := liveAccount(tx, in.AccountID)
		if err != nil {
			return err
		}
		if in.Currency == "" {
			in.Currency = acc.Currency
		}
		if in.Status == "" {
			in.Status = program.StatusActive
		}
		group, err := groupOf(tx, acc)
		if err != nil {
			return err
		}
		if len(group) < 2 {
			return &fault.Error{Code: fault.Invalid, Field: "accountId", Rule: "no_subsidiaries",
				Message: "a global account program needs an account with subsidiaries; add them as child accounts first"}
		}
		if cs := groupCountries(group); len(cs) < program.MinCountries {
			return program.OneCountry(cs)
		}
		existing, err := storage.List[program.Program](tx, storage.ChildPrefix(acc.ID, program.Kind))
		if err != nil {
			return err
		}
		for _, e := range existing {
			if !e.Deleted() {
				return program.DuplicateProgram(e.ID)
			}
		}
		if err := prepare(&in, nil, today, group); err != nil {
			return err
		}
		in.ID = record.NewID()
		if err := tx.Put(storage.ChildKey(acc.ID, program.Kind, in.ID), program.Kind, &in); err != nil {
			return err
		}
		ref := program.Ref{Meta: record.Meta{ID: in.ID}, AccountID: acc.ID}
		return tx.Put(storage.GlobalKey(program.RefKind, in.ID), program.RefKind, &ref)
	})
	if err != nil {
		return program.Program{}, err
	}
	return in, nil
}

// prepare normalizes and validates a program about to be written: new
// country rows get ids and an added date, coverage changes are logged on
// today, rows are never removed (drop them instead), and local entities
// must be in the group.
func prepare(p *program.Program, old *program.Program, today calendar.Date, group []GroupAccount) error {
	p.Normalize()
	prev := map[string]*program.Country{}
	if old != nil {
		for i := range old.Countries {
			prev[old.Countries[i].ID] = &old.Countries[i]
		}
	}
	seen := map[string]bool{}
	for i := range p.Countries {
		c := &p.Countries[i]
		if c.ID == "" {
			c.ID = record.NewID()
		}
		if c.Added == "" {
			c.Added = today
		}
		seen[c.ID] = true
		was := prev[c.ID]
		switch {
		case was == nil:
			if len(c.CoverageLog) == 0 && c.Coverage != "" {
				c.CoverageLog = []program.CoverageChange{{On: c.Added, Coverage: c.Coverage}}
			}
		case was.Coverage != c.Coverage:
			c.CoverageLog = append(slices.Clone(was.CoverageLog), program.CoverageChange{On: today, Coverage: c.Coverage})
			if len(was.CoverageLog) == 0 {
				// Rows written before coverage was logged: keep what it was.
				c.CoverageLog = []program.CoverageChange{{On: was.Added, Coverage: was.Coverage}, {On: today, Coverage: c.Coverage}}
			}
		default:
			c.CoverageLog = slices.Clone(was.CoverageLog)
		}
	}
	for id, was := range prev {
		if !seen[id] {
			return &fault.Error{Code: fault.Invalid, Field: "countries", Rule: "history_kept", Params: map[string]any{"value": was.Country},
				Message: fmt.Sprintf("country rows are kept as history: drop %s instead of removing it", was.Country)}
		}
	}
	if err := p.Validate(); err != nil {
		return err
	}
	inGroup := map[string]bool{}
	for _, g := range group {
		inGroup[g.ID] = true
	}
	for i, c := range p.Countries {
		if was := prev[c.ID]; was != nil && was.EntityID == c.EntityID {
			// Linked when it was in the group: a subsidiary moved elsewhere
			// since must not block every later save of the program (the
			// view marks it as having left the group).
			continue
		}
		if c.EntityID != "" && !inGroup[c.EntityID] {
			return program.NotSubsidiary(fmt.Sprintf("countries[%d].entityId", i), c.EntityID)
		}
	}
	return nil
}

// groupCountries are the distinct countries of a group's live accounts.
func groupCountries(group []GroupAccount) []string {
	cs := make([]string, 0, len(group))
	for _, g := range group {
		if !g.Archived {
			cs = append(cs, g.Country)
		}
	}
	return program.GroupCountries(cs)
}

// mutate applies change to the stored program at rev in one transaction;
// any error leaves the program as it was.
func (s *ProgramService) mutate(id string, rev int64, change func(p *program.Program, today calendar.Date) error) (program.Program, error) {
	today := calendar.Today(s.clock)
	var out program.Program
	err := s.store.Update(func(tx *storage.Tx) error {
		old, err := loadProgram(tx, id)
		if err != nil {
			return err
		}
		if old.Deleted() {
			return fault.NotFoundf(program.Kind, id)
		}
		if old.Rev != rev {
			return fault.Conflictf(program.Kind, id, rev, old.Rev)
		}
		acc, err := liveAccount(tx, old.AccountID)
		if err != nil {
			return err
		}
		group, err := groupOf(tx, acc)
		if err != nil {
			return err
		}
		next := clone(old)
		if err := change(&next, today); err != nil {
			return err
		}
		next.Meta, next.AccountID = old.Meta, old.AccountID
		if err := prepare(&next, &old, today, group); err != nil {
			return err
		}
		out = next
		return tx.Put(storage.ChildKey(old.AccountID, program.Kind, id), program.Kind, &out)
	})
	if err != nil {
		return program.Program{}, err
	}
	return out, nil
}

// clone deep-copies the parts of a program a change may edit in place.
func clone(p program.Program) program.Program {
	c := p
	c.Committee = slices.Clone(p.Committee)
	c.Drivers = slices.Clone(p.Drivers)
	c.KPIs = slices.Clone(p.KPIs)
	c.Countries = make([]program.Country, len(p.Countries))
	for i, row := range p.Countries {
		row.Quarters = slices.Clone(row.Quarters)
		row.CoverageLog = slices.Clone(row.CoverageLog)
		c.Countries[i] = row
	}
	if p.Contract != nil {
		k := *p.Contract
		k.Adopted = slices.Clone(p.Contract.Adopted)
		c.Contract = &k
	}
	return c
}

// Save updates a program's header: people, structure, start, status,
// currency, drivers and notes. Countries, contract and KPIs have their own
// methods, so an old form cannot undo them.
func (s *ProgramService) Save(in program.Program) (program.Program, error) {
	return s.mutate(in.ID, in.Rev, func(p *program.Program, _ calendar.Date) error {
		if in.AccountID != "" && in.AccountID != p.AccountID {
			return &fault.Error{Code: fault.Invalid, Field: "accountId", Rule: "immutable",
				Message: "a program stays with its global account"}
		}
		next := *p
		next.Currency = strings.ToUpper(strings.TrimSpace(in.Currency))
		if err := program.CheckCurrencyChange(p, &next); err != nil {
			return err
		}
		p.Manager, p.Sponsor, p.Committee = in.Manager, in.Sponsor, in.Committee
		p.Structure, p.Start, p.Status, p.Currency = in.Structure, in.Start, in.Status, in.Currency
		p.Drivers, p.Notes = in.Drivers, in.Notes
		return nil
	})
}

// SaveCountry adds a country row (empty id) or updates one. A changed
// coverage is logged on today, so "coverage fell" can look back.
func (s *ProgramService) SaveCountry(programID string, rev int64, in program.Country) (program.Program, error) {
	return s.mutate(programID, rev, func(p *program.Program, today calendar.Date) error {
		if in.ID == "" {
			in.CoverageLog = nil
			if in.Quarters == nil {
				in.Quarters = []program.QuarterFigure{}
			}
			p.Countries = append(p.Countries, in)
			return nil
		}
		i := slices.IndexFunc(p.Countries, func(c program.Country) bool { return c.ID == in.ID })
		if i < 0 {
			return fault.NotFoundf("country", in.ID)
		}
		in.CoverageLog = p.Countries[i].CoverageLog // history is the service's to keep
		if in.Quarters == nil {
			in.Quarters = p.Countries[i].Quarters
		}
		p.Countries[i] = in
		return nil
	})
}

// DropCountry takes a country out of the program on a day (empty: today);
// its row, figures and history stay.
func (s *ProgramService) DropCountry(programID string, rev int64, countryID string, on calendar.Date) (program.Program, error) {
	return s.mutate(programID, rev, func(p *program.Program, today calendar.Date) error {
		i := slices.IndexFunc(p.Countries, func(c program.Country) bool { return c.ID == countryID })
		if i < 0 {
			return fault.NotFoundf("country", countryID)
		}
		if on == "" {
			on = today
		}
		if on > today {
			// a country that leaves later is still in the program until then
			return &fault.Error{Code: fault.Invalid, Field: "on", Rule: "in_future", Params: map[string]any{"value": string(on)},
				Message: fmt.Sprintf("a country can be dropped today or on a past day, not on %s", on)}
		}
		p.Countries[i].Dropped = on
		if p.Contract != nil {
			// A country that left cannot keep counting as adopting the contract
			// unless another row for it is still in the program.
			code := p.Countries[i].Country
			still := slices.ContainsFunc(p.Countries, func(c program.Country) bool { return c.Country == code && c.Current() })
			if !still {
				p.Contract.Adopted = slices.DeleteFunc(p.Contract.Adopted, func(a string) bool { return a == code })
			}
		}
		return nil
	})
}

// QuarterInput is one quarter's entry for one country; a nil actual clears it.
type QuarterInput struct {
	CountryID string `json:"countryId"`
	Year      int    `json:"year"`
	Quarter   int    `json:"quarter"`
	Target    int64  `json:"target"`
	Actual    *int64 `json:"actual"`
}

// SetQuarters enters quarterly targets and actuals in one save: the country
// table's grid sends what changed.
func (s *ProgramService) SetQuarters(programID string, rev int64, in []QuarterInput) (program.Program, error) {
	return s.mutate(programID, rev, func(p *program.Program, _ calendar.Date) error {
		for _, q := range in {
			i := slices.IndexFunc(p.Countries, func(c program.Country) bool { return c.ID == q.CountryID })
			if i < 0 {
				return fault.NotFoundf("country", q.CountryID)
			}
			row := &p.Countries[i]
			if f := row.Quarter(q.Year, q.Quarter); f != nil {
				f.Target, f.Actual = q.Target, q.Actual
			} else {
				row.Quarters = append(row.Quarters, program.QuarterFigure{Year: q.Year, Quarter: q.Quarter, Target: q.Target, Actual: q.Actual})
			}
		}
		return nil
	})
}

// SaveContract sets the global contract (nil removes it).
func (s *ProgramService) SaveContract(programID string, rev int64, in *program.Contract) (program.Program, error) {
	return s.mutate(programID, rev, func(p *program.Program, _ calendar.Date) error {
		p.Contract = in
		return nil
	})
}

// SaveKPIs replaces the KPI targets (and the entered margin and satisfaction).
func (s *ProgramService) SaveKPIs(programID string, rev int64, in []program.KPI) (program.Program, error) {
	return s.mutate(programID, rev, func(p *program.Program, _ calendar.Date) error {
		p.KPIs = in
		return nil
	})
}

// Archive ends a program's place in the lists (a tombstone); its actions stay.
func (s *ProgramService) Archive(id string, rev int64) error {
	return s.store.Update(func(tx *storage.Tx) error {
		p, err := loadProgram(tx, id)
		if err != nil {
			return err
		}
		if p.Rev != rev {
			return fault.Conflictf(program.Kind, id, rev, p.Rev)
		}
		now := s.clock.Now().UTC()
		p.DeletedAt = &now
		return tx.Put(storage.ChildKey(p.AccountID, program.Kind, id), program.Kind, &p)
	})
}

// ---- settings ----

// Settings returns the current health rules and thresholds.
func (s *ProgramService) Settings() (settings.Model[program.Settings], error) {
	return s.model.get(s.store)
}

// SaveSettings stores edited rules as the next version; base is the version edited.
func (s *ProgramService) SaveSettings(value program.Settings, base int) (settings.Model[program.Settings], error) {
	return s.model.update(s.store, value, base)
}

// RestoreDefaults stores the shipped rules as the next version.
func (s *ProgramService) RestoreDefaults(base int) (settings.Model[program.Settings], error) {
	return s.model.restore(s.store, base)
}

// ForAccount returns the id of the account's live program, "" when it has none
// (the workspace header links to it).
func (s *ProgramService) ForAccount(accountID string) (string, error) {
	id := ""
	err := s.store.View(func(tx *storage.Tx) error {
		all, err := storage.List[program.Program](tx, storage.ChildPrefix(accountID, program.Kind))
		for _, p := range live(all) {
			id = p.ID
		}
		return err
	})
	return id, err
}
