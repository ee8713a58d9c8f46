package app

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"keystone/core/account"
	"keystone/core/action"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/opportunity"
	"keystone/core/portfolio"
	"keystone/core/record"
	"keystone/core/settings"
	"keystone/core/winloss"
	"keystone/storage"
)

// OpportunityService keeps each account's opportunities, the pipeline and closing deals.
type OpportunityService struct {
	store   *storage.Store
	clock   calendar.Clock
	actions *ActionService
	index   *oppIndex
	tiers   tierSource // the accounts' tiers, for the tier filter; nil in isolation
}

func newOpportunityService(store *storage.Store, clock calendar.Clock, actions *ActionService, index *oppIndex) *OpportunityService {
	actions.registerSource(action.AreaWinLoss, checkOpportunitySource)
	return &OpportunityService{store: store, clock: clock, actions: actions, index: index}
}

// winlossSettings are the stages, reasons and stalled days (area "winloss").
var winlossSettings = modelSettings[opportunity.Settings]{
	area:     "winloss",
	defaults: opportunity.Defaults,
	validate: func(s *opportunity.Settings) error { return s.Validate() },
}

// checkOpportunitySource is the win-loss area's sourceCheck: an action made
// from a deal must point at a live opportunity of the same account.
func checkOpportunitySource(tx *storage.Tx, a action.Action) error {
	var o opportunity.Opportunity
	if !record.ValidID(a.Source.RecordID) {
		return missingSource(opportunity.Kind, a.Source.RecordID)
	}
	err := tx.Get(storage.ChildKey(a.AccountID, opportunity.Kind, a.Source.RecordID), opportunity.Kind, &o)
	if fault.CodeOf(err) == fault.NotFound || (err == nil && o.Deleted()) {
		return missingSource(opportunity.Kind, a.Source.RecordID)
	}
	return err
}

// Settings returns the current stages, reasons and stalled days.
func (s *OpportunityService) Settings() (settings.Model[opportunity.Settings], error) {
	return winlossSettings.get(s.store)
}

// SaveSettings stores edited settings as the next version; base is the
// version the user edited.
func (s *OpportunityService) SaveSettings(value opportunity.Settings, base int) (settings.Model[opportunity.Settings], error) {
	return winlossSettings.update(s.store, value, base)
}

// RestoreDefaults saves the shipped defaults as the next version.
func (s *OpportunityService) RestoreDefaults(base int) (settings.Model[opportunity.Settings], error) {
	return winlossSettings.restore(s.store, base)
}

// OpportunityRow is an opportunity with what the account's list shows beside it.
type OpportunityRow struct {
	opportunity.Opportunity
	Screen   opportunity.ScreenResult `json:"screenResult"`
	Stalled  bool                     `json:"stalled"`
	Weighted int64                    `json:"weighted"` // value × probability, in the deal's currency
	Furthest string                   `json:"furthest"`
}

// AccountDeals is an account's opportunities: open ones first (by expected
// close), then closed ones (newest first), with the settings each was saved
// with so an old deal reads with the labels it had.
type AccountDeals struct {
	Deals    []OpportunityRow                     `json:"deals"`
	Settings settings.Model[opportunity.Settings] `json:"settings"`
	// Versions holds, by version, the settings the deals name.
	Versions map[int]opportunity.Settings `json:"versions"`
	Today    calendar.Date                `json:"today"`
	// Competitors are the names already used across the portfolio, most
	// frequent first, for the form's suggestions.
	Competitors []string `json:"competitors"`
}

// ForAccount lists one account's live opportunities.
func (s *OpportunityService) ForAccount(accountID string) (AccountDeals, error) {
	today := calendar.Today(s.clock)
	out := AccountDeals{Deals: []OpportunityRow{}, Versions: map[int]opportunity.Settings{}, Today: today}
	err := s.store.View(func(tx *storage.Tx) error {
		var a account.Account
		if err := getAccount(tx, accountID, &a); err != nil {
			return err
		}
		var err error
		if out.Settings, err = winlossSettings.current(tx); err != nil {
			return err
		}
		all, err := storage.List[opportunity.Opportunity](tx, storage.ChildPrefix(accountID, opportunity.Kind))
		if err != nil {
			return err
		}
		for _, o := range live(all) {
			set, ok := out.Versions[o.SettingsVersion]
			if !ok {
				v, err := winlossSettings.at(tx, o.SettingsVersion)
				if err != nil {
					return err
				}
				set = v.Value
				out.Versions[o.SettingsVersion] = set
			}
			out.Deals = append(out.Deals, rowOfOpportunity(o, &set, out.Settings.Value.StalledDays, today))
		}
		return nil
	})
	if err != nil {
		return AccountDeals{}, err
	}
	slices.SortFunc(out.Deals, func(a, b OpportunityRow) int {
		if ao, bo := a.IsOpen(), b.IsOpen(); ao != bo {
			if ao {
				return -1
			}
			return 1
		}
		if a.IsOpen() {
			return cmp.Or(compareDates(a.ExpectedClose, b.ExpectedClose), strings.Compare(a.ID, b.ID))
		}
		return cmp.Or(strings.Compare(string(b.Close.On), string(a.Close.On)), strings.Compare(a.ID, b.ID))
	})
	snap, err := s.index.snapshot()
	if err != nil {
		return AccountDeals{}, err
	}
	out.Competitors = snap.competitors[:min(len(snap.competitors), 200)]
	return out, nil
}

// compareDates orders dates with unset ones last.
func compareDates(a, b calendar.Date) int {
	switch {
	case a == b:
		return 0
	case a == "":
		return 1
	case b == "":
		return -1
	}
	return strings.Compare(string(a), string(b))
}

func rowOfOpportunity(o opportunity.Opportunity, set *opportunity.Settings, stalledDays int, today calendar.Date) OpportunityRow {
	return OpportunityRow{
		Opportunity: o,
		Screen:      o.Screen.Score(),
		Stalled:     o.IsOpen() && opportunity.Stalled(o.LastChange(), today, stalledDays),
		Weighted:    opportunity.Weighted(o.Value.Amount, o.Probability),
		Furthest:    o.Furthest(set),
	}
}

// competitorNames are the competitor names in the deals, most frequent first.
func competitorNames(deals []*winloss.Deal, limit int) []string {
	count := map[string]int{}
	for _, d := range deals {
		for _, c := range d.Competitors {
			count[c]++
		}
		if d.Winner != "" {
			count[d.Winner]++
		}
	}
	names := make([]string, 0, len(count))
	for n := range count {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(cmp.Compare(count[b], count[a]), strings.Compare(a, b)) })
	return names[:min(len(names), limit)]
}

func getOpportunity(tx *storage.Tx, accountID, id string, o *opportunity.Opportunity) error {
	if !record.ValidID(id) {
		return fault.NotFoundf(opportunity.Kind, id)
	}
	if err := tx.Get(storage.ChildKey(accountID, opportunity.Kind, id), opportunity.Kind, o); err != nil {
		return err
	}
	if o.Deleted() {
		return fault.NotFoundf(opportunity.Kind, id)
	}
	return nil
}

// Save creates (empty id) or updates an opportunity. A new stage is recorded
// in the stage history with today's date; the history and the close are
// the service's own (MoveStage, Close, Reopen), never taken from the input.
func (s *OpportunityService) Save(in opportunity.Opportunity) (opportunity.Opportunity, error) {
	in.Normalize()
	today := calendar.Today(s.clock)
	err := s.store.Update(func(tx *storage.Tx) error {
		a, err := liveAccount(tx, in.AccountID)
		if err != nil {
			return err
		}
		set, err := winlossSettings.pin(tx)
		if err != nil {
			return err
		}
		if in.Value.Currency == "" {
			in.Value.Currency = a.Currency
		}
		if in.Owner == "" {
			in.Owner = a.Owner
		}
		stageChanged := true
		if in.ID == "" {
			if in.Rev != 0 {
				return fault.New(fault.Invalid, "invalid", "a new opportunity cannot have a revision")
			}
			if in.OpenedOn == "" {
				in.OpenedOn = today
			}
			in.Close, in.History = nil, []opportunity.StageChange{}
			if err := in.Validate(&set.Value, true); err != nil {
				return err
			}
			in.MoveTo(in.Stage, in.OpenedOn)
		} else {
			var old opportunity.Opportunity
			if err := getOpportunity(tx, in.AccountID, in.ID, &old); err != nil {
				return err
			}
			in.History, in.Close = old.History, old.Close
			stageChanged = in.Stage != old.Stage
			if stageChanged && !old.IsOpen() {
				return closedDeal(old.ID)
			}
			if err := in.Validate(&set.Value, stageChanged); err != nil {
				return err
			}
			for i := range in.History {
				if in.History[i].On < in.OpenedOn {
					in.History[i].On = in.OpenedOn // the opening day moved later
				}
			}
			if stageChanged {
				in.MoveTo(in.Stage, maxDate(today, in.OpenedOn))
			}
		}
		if err := checkInfluences(tx, in); err != nil {
			return err
		}
		in.SettingsVersion = set.Version
		return putChild(tx, in.AccountID, opportunity.Kind, &in)
	})
	if err != nil {
		return opportunity.Opportunity{}, err
	}
	return in, nil
}

func maxDate(a, b calendar.Date) calendar.Date {
	if a > b {
		return a
	}
	return b
}

func closedDeal(id string) error {
	return &fault.Error{Code: fault.Invalid, Field: "stage", Rule: "closed", Params: map[string]any{"id": id},
		Message: "the deal is closed; reopen it before moving it to another stage"}
}

// checkInfluences refuses buying influences that are not live contacts of the account.
func checkInfluences(tx *storage.Tx, o opportunity.Opportunity) error {
	if len(o.Influences) == 0 {
		return nil
	}
	contacts, err := storage.List[account.Contact](tx, storage.ChildPrefix(o.AccountID, account.KindContact))
	if err != nil {
		return err
	}
	liveIDs := map[string]bool{}
	for _, c := range contacts {
		if !c.Deleted() {
			liveIDs[c.ID] = true
		}
	}
	var c fault.Checker
	for i, id := range o.Influences {
		if !liveIDs[id] {
			c.Add(fmt.Sprintf("influences[%d]", i), "not_found", map[string]any{"kind": account.KindContact, "id": id},
				"contact %s is not a contact of this account", id)
		}
	}
	return c.Err()
}

// update reads an open or closed deal at rev, lets change edit it, and saves
// it with the current settings version.
func (s *OpportunityService) update(accountID, id string, rev int64, change func(o *opportunity.Opportunity, set *opportunity.Settings) error) (opportunity.Opportunity, error) {
	var o opportunity.Opportunity
	err := s.store.Update(func(tx *storage.Tx) error {
		if _, err := liveAccount(tx, accountID); err != nil {
			return err
		}
		if err := getOpportunity(tx, accountID, id, &o); err != nil {
			return err
		}
		if o.Rev != rev {
			return fault.Conflictf(opportunity.Kind, id, rev, o.Rev)
		}
		set, err := winlossSettings.pin(tx)
		if err != nil {
			return err
		}
		if err := change(&o, &set.Value); err != nil {
			return err
		}
		o.SettingsVersion = set.Version
		return tx.Put(storage.ChildKey(accountID, opportunity.Kind, id), opportunity.Kind, &o)
	})
	if err != nil {
		return opportunity.Opportunity{}, err
	}
	return o, nil
}

// MoveStage moves an open deal to another stage of the list, recording the
// day. A probability still at the old stage's default follows to the new
// stage's default; one the user set is kept.
func (s *OpportunityService) MoveStage(accountID, id string, rev int64, stage string) (opportunity.Opportunity, error) {
	today := calendar.Today(s.clock)
	return s.update(accountID, id, rev, func(o *opportunity.Opportunity, set *opportunity.Settings) error {
		if !o.IsOpen() {
			return closedDeal(id)
		}
		to := set.StageIndex(stage)
		if to < 0 {
			return &fault.Error{Code: fault.Invalid, Field: "stage", Rule: "unknown_stage", Params: map[string]any{"value": stage},
				Message: "stage " + stage + " is not in the stage list"}
		}
		if from := set.StageIndex(o.Stage); from >= 0 && set.Stages[from].Probability == o.Probability {
			o.Probability = set.Stages[to].Probability
		}
		o.MoveTo(stage, maxDate(today, o.OpenedOn))
		return nil
	})
}

// Close closes an open deal with an outcome, a reason and what was learnt.
// A missing reason, a won deal with a winning competitor, a close date
// before the opening or a reason outside the list is refused and nothing changes.
func (s *OpportunityService) Close(accountID, id string, rev int64, c opportunity.Close) (opportunity.Opportunity, error) {
	if c.On == "" {
		c.On = calendar.Today(s.clock)
	}
	return s.update(accountID, id, rev, func(o *opportunity.Opportunity, set *opportunity.Settings) error {
		if !o.IsOpen() {
			return &fault.Error{Code: fault.Invalid, Field: "close", Rule: "already_closed", Params: map[string]any{"id": id},
				Message: "the deal is already closed; reopen it to close it again"}
		}
		if err := opportunity.ValidateClose(&c, set, o.OpenedOn); err != nil {
			return err
		}
		o.Close = &c
		return nil
	})
}

// Reopen puts a closed deal back in the pipeline in the stage it had; the
// day counts as a stage change, so it does not show as stalled at once.
func (s *OpportunityService) Reopen(accountID, id string, rev int64) (opportunity.Opportunity, error) {
	today := calendar.Today(s.clock)
	return s.update(accountID, id, rev, func(o *opportunity.Opportunity, _ *opportunity.Settings) error {
		if o.IsOpen() {
			return nil
		}
		o.Close = nil
		o.History = append(o.History, opportunity.StageChange{Stage: o.Stage, On: maxDate(today, o.OpenedOn)})
		return nil
	})
}

// Archive removes a deal from every list and figure (a tombstone).
func (s *OpportunityService) Archive(accountID, id string, rev int64) error {
	return s.store.Update(func(tx *storage.Tx) error {
		if _, err := liveAccount(tx, accountID); err != nil {
			return err
		}
		_, err := archiveChild[opportunity.Opportunity](tx, s.clock.Now().UTC(), accountID, opportunity.Kind, id, rev)
		return err
	})
}

// pipelineCards bounds the cards a board column shows; the column's
// count and values still cover every deal in it.
const pipelineCards = 30

// PipelineQuery selects open deals; empty fields do not filter. From and To
// bound the expected close. Tier is not offered yet: accounts get a tier
// with the portfolio area.
type PipelineQuery struct {
	Owner       string        `json:"owner"`
	Segment     string        `json:"segment"`
	Tier        string        `json:"tier"` // the account's tier, set by hand or suggested
	AccountID   string        `json:"accountId"`
	From        calendar.Date `json:"from"`
	To          calendar.Date `json:"to"`
	Stage       string        `json:"stage"`       // the table only
	StalledOnly bool          `json:"stalledOnly"` // only stalled deals
	FlaggedOnly bool          `json:"flaggedOnly"` // only deals with a "no" in the screen
	Sort        string        `json:"sort"`        // value, weighted, expectedClose, lastChange, title, account; default expectedClose
	Desc        bool          `json:"desc"`
	Offset      int           `json:"offset"`
	Limit       int           `json:"limit"` // table page size, 50 by default, at most 500
}

// PipelineRow is one open deal on the board or in the table.
type PipelineRow struct {
	winloss.Deal
	AccountName string `json:"accountName"`
	Stalled     bool   `json:"stalled"`
	DaysInStage int    `json:"daysInStage"`
	Weighted    int64  `json:"weighted"`       // in the deal's currency
	Reporting   int64  `json:"reportingValue"` // value in the reporting currency
	Converted   bool   `json:"converted"`      // false when no rate: Reporting is 0
}

// StageColumn is one column of the board.
type StageColumn struct {
	Stage    string        `json:"stage"`
	Count    int           `json:"count"`
	Value    int64         `json:"value"`    // reporting currency
	Weighted int64         `json:"weighted"` // reporting currency
	Stalled  int           `json:"stalled"`
	Cards    []PipelineRow `json:"cards"` // the largest deals first, at most pipelineCards
}

// Pipeline is the board by stage and one page of the table.
type Pipeline struct {
	Currency    string                `json:"currency"`
	Today       calendar.Date         `json:"today"`
	StalledDays int                   `json:"stalledDays"`
	Stages      []StageColumn         `json:"stages"`
	Rows        []PipelineRow         `json:"rows"`
	Total       int                   `json:"total"` // deals in the table before paging
	Count       int                   `json:"count"` // deals on the board
	Value       int64                 `json:"value"`
	Weighted    int64                 `json:"weighted"`
	Stalled     int                   `json:"stalled"`
	Flagged     int                   `json:"flagged"`
	Missing     []winloss.MissingRate `json:"missing"`
	Excluded    int                   `json:"excluded"` // deals left out of the values for a missing rate
	Owners      []string              `json:"owners"`
	Segments    []string              `json:"segments"`
	Tiers       []portfolio.Tier      `json:"tiers"` // the firm's tiers, for the filter
	Settings    opportunity.Settings  `json:"settings"`
}

// Pipeline returns the open deals by stage with their values in the
// reporting currency (at the expected close year's rate), stalled deals
// counted, and one page of the table.
func (s *OpportunityService) Pipeline(q PipelineQuery) (Pipeline, error) {
	today := calendar.Today(s.clock)
	var set settings.Model[opportunity.Settings]
	var cur settings.Currency
	var tiers []portfolio.Tier
	if err := s.store.View(func(tx *storage.Tx) (err error) {
		if set, err = winlossSettings.current(tx); err != nil {
			return err
		}
		if tiers, err = tierList(tx); err != nil {
			return err
		}
		cur, err = loadCurrency(tx)
		return err
	}); err != nil {
		return Pipeline{}, err
	}
	snap, err := s.index.snapshot()
	if err != nil {
		return Pipeline{}, err
	}
	accounts, err := s.accountInfo()
	if err != nil {
		return Pipeline{}, err
	}
	if q.Tier != "" {
		if err := withTiers(accounts, s.tiers); err != nil {
			return Pipeline{}, err
		}
	}
	st := set.Value
	p := Pipeline{Currency: cur.Reporting, Today: today, StalledDays: st.StalledDays, Stages: []StageColumn{}, Rows: []PipelineRow{},
		Missing: []winloss.MissingRate{}, Settings: st, Tiers: tiers}
	column := map[string]int{}
	for i, x := range st.Stages {
		column[x.Key] = i
		p.Stages = append(p.Stages, StageColumn{Stage: x.Key, Cards: []PipelineRow{}})
	}
	segments := map[string]bool{}
	missing := map[[2]any]int{}
	conv := winloss.NewConverter(cur.Rates)
	type picked struct {
		d         *winloss.Deal
		col       int
		stalled   bool
		reporting int64
		converted bool
	}
	// The table's order, and one page of it kept while the deals stream by:
	// nothing holds all 30,000 open deals of a large portfolio at once.
	key := func(a, b picked) int {
		switch q.Sort {
		case "value":
			return cmp.Compare(a.reporting, b.reporting)
		case "weighted":
			return cmp.Compare(opportunity.Weighted(a.reporting, a.d.Probability), opportunity.Weighted(b.reporting, b.d.Probability))
		case "lastChange":
			return strings.Compare(string(a.d.LastChange), string(b.d.LastChange))
		case "title":
			return strings.Compare(a.d.Title, b.d.Title)
		case "account":
			return strings.Compare(accounts[a.d.AccountID].Name, accounts[b.d.AccountID].Name)
		case "stage":
			return cmp.Compare(a.col, b.col)
		}
		// as numbers, deals without an expected close last
		ak, bk := a.d.ExpectedKey(), b.d.ExpectedKey()
		if ak == 0 {
			ak = math.MaxInt32
		}
		if bk == 0 {
			bk = math.MaxInt32
		}
		return cmp.Compare(ak, bk)
	}
	order := func(a, b picked) int {
		c := key(a, b)
		if q.Desc {
			c = -c
		}
		if c != 0 {
			return c
		}
		return strings.Compare(a.d.ID, b.d.ID)
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 50
	}
	limit = min(limit, 500)
	from := max(q.Offset, 0)
	table := newTopK(from+limit, order)
	// Cards: per column the largest deals.
	// Ids break ties only: comparing them for every deal costs a cache miss each.
	byValue := func(a, b picked) int {
		if c := cmp.Compare(b.reporting, a.reporting); c != 0 {
			return c
		}
		return strings.Compare(a.d.ID, b.d.ID)
	}
	cards := make([]*topK[picked], len(p.Stages))
	for i := range cards {
		cards[i] = newTopK(pipelineCards, byValue)
	}
	todayNum, _ := opportunity.DayNumber(today)
	// Account by account: each account is looked up once, not once per deal.
	for _, g := range snap.openByAccount {
		acc, ok := accounts[g.accountID]
		if !ok {
			continue // an archived account's deals leave the pipeline with it
		}
		if acc.Segment != "" {
			segments[acc.Segment] = true
		}
		if (q.Segment != "" && acc.Segment != q.Segment) || (q.Tier != "" && acc.Tier != q.Tier) ||
			(q.AccountID != "" && g.accountID != q.AccountID) {
			continue
		}
		for _, d := range g.deals {
			if (q.Owner != "" && d.Owner != q.Owner) ||
				(q.From != "" && (d.ExpectedClose == "" || d.ExpectedClose < q.From)) ||
				(q.To != "" && (d.ExpectedClose == "" || d.ExpectedClose > q.To)) {
				continue
			}
			since, dated := d.DaysSinceChange(todayNum)
			stalled := dated && since > st.StalledDays
			if (q.StalledOnly && !stalled) || (q.FlaggedOnly && !d.Flagged) {
				continue
			}
			year := d.ExpectedYear()
			if year == 0 {
				year = today.Year()
			}
			v, converted := conv.Convert(d.Value, year)
			if !converted {
				missing[[2]any{d.Value.Currency, year}]++
				p.Excluded++
			}
			col, known := column[d.Stage]
			if !known {
				col = len(p.Stages)
				column[d.Stage] = col
				p.Stages = append(p.Stages, StageColumn{Stage: d.Stage, Cards: []PipelineRow{}})
				cards = append(cards, newTopK(pipelineCards, byValue))
			}
			pk := picked{d: d, col: col, stalled: stalled, reporting: v, converted: converted}
			c := &p.Stages[col]
			c.Count++
			c.Value += v
			w := opportunity.Weighted(v, d.Probability)
			c.Weighted += w
			p.Count++
			p.Value += v
			p.Weighted += w
			if stalled {
				c.Stalled++
				p.Stalled++
			}
			if d.Flagged {
				p.Flagged++
			}
			cards[col].push(pk)
			if q.Stage == "" || d.Stage == q.Stage {
				p.Total++
				table.push(pk)
			}
		}
	}
	row := func(pk picked) PipelineRow {
		return PipelineRow{Deal: *pk.d, AccountName: accounts[pk.d.AccountID].Name, Stalled: pk.stalled,
			DaysInStage: max(0, daysSince(pk.d.LastChange, today)), Weighted: opportunity.Weighted(pk.d.Value.Amount, pk.d.Probability),
			Reporting: pk.reporting, Converted: pk.converted}
	}
	for i, top := range cards {
		for _, pk := range top.sorted() {
			p.Stages[i].Cards = append(p.Stages[i].Cards, row(pk))
		}
	}
	page := table.sorted()
	for _, pk := range page[min(from, len(page)):] {
		p.Rows = append(p.Rows, row(pk))
	}
	for k, n := range missing {
		p.Missing = append(p.Missing, winloss.MissingRate{Currency: k[0].(string), Year: k[1].(int), Deals: n})
	}
	slices.SortFunc(p.Missing, func(a, b winloss.MissingRate) int {
		return cmp.Or(strings.Compare(a.Currency, b.Currency), cmp.Compare(a.Year, b.Year))
	})
	p.Owners, p.Segments = snap.openOwners, keys(segments)
	return p, nil
}

// accountInfo is the name and segment of every live account, from the
// account rows in memory.
func (s *OpportunityService) accountInfo() (map[string]winloss.Account, error) {
	return liveAccountInfo(s.actions.rows)
}

func liveAccountInfo(rows *rowCache) (map[string]winloss.Account, error) {
	out := map[string]winloss.Account{}
	err := rows.snapshot(func(rows map[string]AccountRow) {
		for id, r := range rows {
			if !r.Deleted() {
				out[id] = winloss.Account{Name: r.Name, Segment: r.Segment}
			}
		}
	})
	return out, err
}

func daysSince(d, today calendar.Date) int {
	n, _ := opportunity.DaysBetween(d, today)
	return n
}
