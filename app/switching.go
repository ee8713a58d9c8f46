package app

import (
	"sort"

	"keystone/core/account"
	"keystone/core/action"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/money"
	"keystone/core/record"
	"keystone/core/retention"
	"keystone/core/settings"
	"keystone/core/switching"
	"keystone/storage"
)

// retentionModel is the one settings record of the switching-cost and the
// retention models (area "retention"); both services read it.
var retentionModel = modelSettings[retention.Settings]{
	area:     "retention",
	defaults: retention.Defaults,
	validate: func(s *retention.Settings) error { return s.Validate() },
}

// SwitchingService keeps switching-cost assessments, satisfaction surveys and switching-cost plans.
type SwitchingService struct {
	store   *storage.Store
	clock   calendar.Clock
	actions *ActionService
}

func newSwitchingService(store *storage.Store, clock calendar.Clock, actions *ActionService) *SwitchingService {
	actions.registerSource(action.AreaSwitching, checkSwitchingSource)
	return &SwitchingService{store: store, clock: clock, actions: actions}
}

// checkSwitchingSource is the switching area's sourceCheck: the plan exists in
// the account, the action's lever (Source.Detail) is one of the plan's, and it
// is not due before the plan started.
func checkSwitchingSource(tx *storage.Tx, a action.Action) error {
	var p switching.Plan
	err := tx.Get(storage.ChildKey(a.AccountID, switching.KindPlan, a.Source.RecordID), switching.KindPlan, &p)
	if fault.CodeOf(err) == fault.NotFound || (err == nil && p.Deleted()) {
		return missingSource(switching.KindPlan, a.Source.RecordID)
	}
	if err != nil {
		return err
	}
	return p.CheckAction(a)
}

// AssessmentRow is an assessment with its indices, computed with the
// settings version it was saved under.
type AssessmentRow struct {
	switching.Assessment
	Indices switching.Indices `json:"indices"`
}

// SurveyRow is a survey with its gaps and weighted satisfaction.
type SurveyRow struct {
	switching.Survey
	Result switching.Satisfaction `json:"result"`
}

// LeverActionRow is a lever action with its cost and evidence.
type LeverActionRow struct {
	ActionRow
	Cost     money.Money `json:"cost"`
	Evidence string      `json:"evidence"`
}

// SwitchingPlanRow is a switching-cost plan with its actions and progress per lever.
type SwitchingPlanRow struct {
	switching.Plan
	Progress []switching.LeverProgress `json:"progress"`
	Actions  []LeverActionRow          `json:"actions"`
}

// SwitchingView is an account's switching-cost work, newest first.
type SwitchingView struct {
	Today       calendar.Date      `json:"today"`
	Currency    string             `json:"currency"` // the account's, for costs
	Assessments []AssessmentRow    `json:"assessments"`
	Surveys     []SurveyRow        `json:"surveys"`
	Plans       []SwitchingPlanRow `json:"plans"`
}

// LeverActionInput is a lever action with its cost and evidence, saved together.
type LeverActionInput struct {
	Action   action.Action `json:"action"`
	Cost     money.Money   `json:"cost"`
	Evidence string        `json:"evidence"`
}

// CalendarFile is an exported iCalendar file.
type CalendarFile struct {
	Name    string `json:"name"`
	Content string `json:"content"`
	Events  int    `json:"events"`
}

// Get returns the account's assessments, surveys and plans.
func (s *SwitchingService) Get(accountID string) (SwitchingView, error) {
	v := SwitchingView{Today: calendar.Today(s.clock), Assessments: []AssessmentRow{}, Surveys: []SurveyRow{}, Plans: []SwitchingPlanRow{}}
	var plans []switching.Plan
	var costs map[string]switching.LeverCost
	err := s.store.View(func(tx *storage.Tx) error {
		var a account.Account
		if err := getAccount(tx, accountID, &a); err != nil {
			return err
		}
		v.Currency = a.Currency
		var err error
		if v.Assessments, v.Surveys, err = loadSwitching(tx, accountID); err != nil {
			return err
		}
		if plans, err = liveChildren[switching.Plan](tx, accountID, switching.KindPlan); err != nil {
			return err
		}
		costs, err = leverCosts(tx, accountID)
		return err
	})
	if err != nil {
		return v, err
	}
	sort.Slice(plans, func(i, j int) bool {
		return plans[i].Start > plans[j].Start || (plans[i].Start == plans[j].Start && plans[i].ID > plans[j].ID)
	})
	for _, p := range plans {
		row, err := s.planRow(p, costs, v.Today)
		if err != nil {
			return v, err
		}
		v.Plans = append(v.Plans, row)
	}
	return v, nil
}

func (s *SwitchingService) planRow(p switching.Plan, costs map[string]switching.LeverCost, today calendar.Date) (SwitchingPlanRow, error) {
	rows, err := s.actions.forSource(p.AccountID, action.AreaSwitching, p.ID)
	if err != nil {
		return SwitchingPlanRow{}, err
	}
	row := SwitchingPlanRow{Plan: p, Actions: make([]LeverActionRow, 0, len(rows))}
	plain := make([]action.Action, 0, len(rows))
	for _, r := range rows {
		c := costs[r.ID]
		row.Actions = append(row.Actions, LeverActionRow{ActionRow: r, Cost: c.Cost, Evidence: c.Evidence})
		plain = append(plain, r.Action)
	}
	row.Progress = switching.Progress(p, plain, costs, today)
	return row, nil
}

// loadSwitching reads an account's assessments and surveys, newest first,
// each computed with the settings version it names.
func loadSwitching(tx *storage.Tx, accountID string) ([]AssessmentRow, []SurveyRow, error) {
	versions := map[int]retention.Settings{}
	at := func(v int) (retention.Settings, error) {
		if s, ok := versions[v]; ok {
			return s, nil
		}
		m, err := retentionModel.at(tx, v)
		if err != nil {
			return retention.Settings{}, err
		}
		versions[v] = m.Value
		return m.Value, nil
	}
	as, err := liveChildren[switching.Assessment](tx, accountID, switching.KindAssessment)
	if err != nil {
		return nil, nil, err
	}
	ss, err := liveChildren[switching.Survey](tx, accountID, switching.KindSurvey)
	if err != nil {
		return nil, nil, err
	}
	outA := make([]AssessmentRow, 0, len(as))
	for _, a := range as {
		set, err := at(a.SettingsVersion)
		if err != nil {
			return nil, nil, err
		}
		outA = append(outA, AssessmentRow{Assessment: a, Indices: switching.Index(a, set.Switching)})
	}
	outS := make([]SurveyRow, 0, len(ss))
	for _, x := range ss {
		outS = append(outS, SurveyRow{Survey: x, Result: switching.Satisfy(x)})
	}
	sort.Slice(outA, func(i, j int) bool { return newer(outA[i].Date, outA[i].ID, outA[j].Date, outA[j].ID) })
	sort.Slice(outS, func(i, j int) bool { return newer(outS[i].Date, outS[i].ID, outS[j].Date, outS[j].ID) })
	return outA, outS, nil
}

func newer(d1 calendar.Date, id1 string, d2 calendar.Date, id2 string) bool {
	if d1 != d2 {
		return d1 > d2
	}
	return id1 > id2
}

// liveChildren lists an account's live children of one kind.
func liveChildren[T any, P interface {
	*T
	tombstoned
}](tx *storage.Tx, accountID, kind string) ([]T, error) {
	all, err := storage.List[T](tx, storage.ChildPrefix(accountID, kind))
	if err != nil {
		return nil, err
	}
	return live[T, P](all), nil
}

func leverCosts(tx *storage.Tx, accountID string) (map[string]switching.LeverCost, error) {
	all, err := storage.List[switching.LeverCost](tx, storage.ChildPrefix(accountID, switching.KindLeverCost))
	if err != nil {
		return nil, err
	}
	out := make(map[string]switching.LeverCost, len(all))
	for _, c := range all {
		out[c.ID] = c
	}
	return out, nil
}

// SaveAssessment creates (empty id) or updates an assessment; it names the
// current settings version.
func (s *SwitchingService) SaveAssessment(in switching.Assessment) (AssessmentRow, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return AssessmentRow{}, err
	}
	var set settings.Model[retention.Settings]
	err := s.store.Update(func(tx *storage.Tx) error {
		if _, err := liveAccount(tx, in.AccountID); err != nil {
			return err
		}
		var err error
		if set, err = retentionModel.pin(tx); err != nil {
			return err
		}
		in.SettingsVersion = set.Version
		return putChild(tx, in.AccountID, switching.KindAssessment, &in)
	})
	if err != nil {
		return AssessmentRow{}, err
	}
	return AssessmentRow{Assessment: in, Indices: switching.Index(in, set.Value.Switching)}, nil
}

// SaveSurvey creates (empty id) or updates a satisfaction survey.
func (s *SwitchingService) SaveSurvey(in switching.Survey) (SurveyRow, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return SurveyRow{}, err
	}
	err := s.store.Update(func(tx *storage.Tx) error {
		if _, err := liveAccount(tx, in.AccountID); err != nil {
			return err
		}
		set, err := retentionModel.pin(tx)
		if err != nil {
			return err
		}
		in.SettingsVersion = set.Version
		return putChild(tx, in.AccountID, switching.KindSurvey, &in)
	})
	if err != nil {
		return SurveyRow{}, err
	}
	return SurveyRow{Survey: in, Result: switching.Satisfy(in)}, nil
}

// ArchiveAssessment removes an assessment from the history (a tombstone).
func (s *SwitchingService) ArchiveAssessment(accountID, id string, rev int64) error {
	return s.store.Update(func(tx *storage.Tx) error {
		if _, err := liveAccount(tx, accountID); err != nil {
			return err
		}
		_, err := archiveChild[switching.Assessment](tx, s.clock.Now().UTC(), accountID, switching.KindAssessment, id, rev)
		return err
	})
}

// ArchiveSurvey removes a survey from the history (a tombstone).
func (s *SwitchingService) ArchiveSurvey(accountID, id string, rev int64) error {
	return s.store.Update(func(tx *storage.Tx) error {
		if _, err := liveAccount(tx, accountID); err != nil {
			return err
		}
		_, err := archiveChild[switching.Survey](tx, s.clock.Now().UTC(), accountID, switching.KindSurvey, id, rev)
		return err
	})
}

// SavePlan creates (empty id) or updates a switching-cost plan. A new start
// date may not leave an action due before it.
func (s *SwitchingService) SavePlan(in switching.Plan) (switching.Plan, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return switching.Plan{}, err
	}
	err := s.store.Update(func(tx *storage.Tx) error {
		if _, err := liveAccount(tx, in.AccountID); err != nil {
			return err
		}
		if in.ID != "" {
			acts, err := s.planActions(in.AccountID, in.ID)
			if err != nil {
				return err
			}
			if err := in.CheckStart(acts); err != nil {
				return err
			}
		}
		return putChild(tx, in.AccountID, switching.KindPlan, &in)
	})
	if err != nil {
		return switching.Plan{}, err
	}
	return in, nil
}

// planActions are the live actions made on a plan's levers, from the index.
func (s *SwitchingService) planActions(accountID, planID string) ([]action.Action, error) {
	var out []action.Action
	err := s.actions.index.view(func(x *actionIndex) {
		for _, a := range x.selection("", accountID, func(a *action.Action) bool {
			return a.Source.Area == action.AreaSwitching && a.Source.RecordID == planID
		}) {
			out = append(out, *a)
		}
	})
	return out, err
}

// ArchivePlan removes a plan and cancels its open actions, in one transaction.
func (s *SwitchingService) ArchivePlan(accountID, id string, rev int64) error {
	acts, err := s.planActions(accountID, id)
	if err != nil {
		return err
	}
	today := calendar.Today(s.clock)
	return s.store.Update(func(tx *storage.Tx) error {
		if _, err := liveAccount(tx, accountID); err != nil {
			return err
		}
		if _, err := archiveChild[switching.Plan](tx, s.clock.Now().UTC(), accountID, switching.KindPlan, id, rev); err != nil {
			return err
		}
		for _, a := range acts {
			var cur action.Action
			if err := getAction(tx, a.ID, &cur); err != nil {
				return err
			}
			if !cur.IsOpen() {
				continue
			}
			cur.SetStatus(action.Cancelled, today)
			if err := tx.Put(storage.GlobalKey(action.Kind, cur.ID), action.Kind, &cur); err != nil {
				return err
			}
		}
		return nil
	})
}

// SaveLeverAction creates (empty id) or updates a lever action together with
// its cost and evidence, in one transaction. The action goes through the same
// checks as ActionService.Save, the lever and the due date through the
// switching area's source check.
func (s *SwitchingService) SaveLeverAction(in LeverActionInput) (LeverActionRow, error) {
	a := in.Action
	a.Normalize()
	a.Source.Area = action.AreaSwitching
	if err := a.Validate(); err != nil {
		return LeverActionRow{}, err
	}
	cost := switching.LeverCost{AccountID: a.AccountID, PlanID: a.Source.RecordID, Cost: in.Cost, Evidence: in.Evidence}
	if cost.Cost.Amount == 0 {
		cost.Cost.Currency = ""
	}
	if err := cost.Validate(); err != nil {
		return LeverActionRow{}, err
	}
	err := s.store.Update(func(tx *storage.Tx) error {
		if _, err := liveAccount(tx, a.AccountID); err != nil {
			return err
		}
		if a.ID == "" {
			if a.Rev != 0 {
				return fault.New(fault.Invalid, "invalid", "a new action cannot have a revision")
			}
			a.ID = record.NewID()
		} else {
			var old action.Action
			if err := getAction(tx, a.ID, &old); err != nil {
				return err
			}
			if old.AccountID != a.AccountID || old.Source.Area != a.Source.Area || old.Source.RecordID != a.Source.RecordID {
				return &fault.Error{Code: fault.Invalid, Field: "source", Rule: "immutable",
					Message: "an action keeps the account and the plan it was made from"}
			}
		}
		if a.Status != action.Done {
			a.CompletedOn = ""
		} else if a.CompletedOn == "" {
			a.CompletedOn = calendar.Today(s.clock)
		}
		if err := s.actions.checkSource(tx, a); err != nil {
			return err
		}
		if err := checkDue(tx, a, "due"); err != nil {
			return err
		}
		if err := tx.Put(storage.GlobalKey(action.Kind, a.ID), action.Kind, &a); err != nil {
			return err
		}
		// The cost record shares the action's id; its revision is whatever is stored.
		key := storage.ChildKey(a.AccountID, switching.KindLeverCost, a.ID)
		var old switching.LeverCost
		switch err := tx.Get(key, switching.KindLeverCost, &old); {
		case err == nil:
			cost.Meta = old.Meta
		case fault.CodeOf(err) == fault.NotFound:
			cost.Meta = record.Meta{ID: a.ID}
		default:
			return err
		}
		return tx.Put(key, switching.KindLeverCost, &cost)
	})
	if err != nil {
		return LeverActionRow{}, err
	}
	rows, err := s.actions.decorate([]action.Action{a})
	if err != nil {
		return LeverActionRow{}, err
	}
	return LeverActionRow{ActionRow: rows[0], Cost: cost.Cost, Evidence: cost.Evidence}, nil
}

// ExportCalendar writes the plan's dated actions as an iCalendar file;
// labels are the words to use, in the user's language (see switching.CalendarLabels).
func (s *SwitchingService) ExportCalendar(accountID, planID string, labels map[string]string) (CalendarFile, error) {
	var p switching.Plan
	var acc account.Account
	var costs map[string]switching.LeverCost
	err := s.store.View(func(tx *storage.Tx) error {
		if err := getAccount(tx, accountID, &acc); err != nil {
			return err
		}
		if !record.ValidID(planID) {
			return fault.NotFoundf(switching.KindPlan, planID)
		}
		if err := tx.Get(storage.ChildKey(accountID, switching.KindPlan, planID), switching.KindPlan, &p); err != nil {
			return err
		}
		if p.Deleted() {
			return fault.NotFoundf(switching.KindPlan, planID)
		}
		var err error
		costs, err = leverCosts(tx, accountID)
		return err
	})
	if err != nil {
		return CalendarFile{}, err
	}
	acts, err := s.planActions(accountID, planID)
	if err != nil {
		return CalendarFile{}, err
	}
	sort.Slice(acts, func(i, j int) bool { return action.Less(&acts[i], &acts[j]) })
	events := 0
	for _, a := range acts {
		if a.Due != "" {
			events++
		}
	}
	data := switching.PlanCalendar(p, acc.Name, acts, costs, labels, s.clock.Now())
	return CalendarFile{Name: switching.CalendarName(acc.Name, p), Content: string(data), Events: events}, nil
}
