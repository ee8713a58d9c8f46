package app

import (
	"sort"

	"keystone/core/account"
	"keystone/core/action"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/partnership"
	"keystone/core/record"
	"keystone/core/settings"
	"keystone/storage"
)

// partnershipModel keeps the versions of the partnership model's settings.
var partnershipModel = modelSettings[partnership.Settings]{
	area:     partnership.Area,
	defaults: partnership.Defaults,
	validate: partnership.Validate,
}

// PartnershipService keeps the partnership assessments of an account (Lambert's model) and their history.
type PartnershipService struct {
	store   *storage.Store
	clock   calendar.Clock
	actions *ActionService
}

func newPartnershipService(store *storage.Store, clock calendar.Clock, actions *ActionService) *PartnershipService {
	actions.registerSource(action.AreaPartnership, checkPartnershipSource)
	return &PartnershipService{store: store, clock: clock, actions: actions}
}

// AssessmentView is one assessment with its result computed under the
// settings version it was made with, those settings, and the actions made
// from its gaps.
type AssessmentView struct {
	Assessment partnership.Assessment `json:"assessment"`
	Result     partnership.Result     `json:"result"`
	Settings   partnership.Settings   `json:"settings"`
	// CurrentVersion is the settings version in force now; it differs from
	// the assessment's when the settings changed since.
	CurrentVersion int         `json:"currentVersion"`
	Actions        []ActionRow `json:"actions"`
}

// AssessmentSummary is one row of the history: the scores and the type.
type AssessmentSummary struct {
	ID              string        `json:"id"`
	Rev             int64         `json:"rev"`
	AssessedOn      calendar.Date `json:"assessedOn"`
	SettingsVersion int           `json:"settingsVersion"`
	Type            string        `json:"type"`
	D               int           `json:"d"`
	F               int           `json:"f"`
	Ours            int           `json:"ours"`
	Customer        int           `json:"customer"`
	Lower           string        `json:"lower"`
	Gaps            int           `json:"gaps"`
	Portfolio       string        `json:"portfolio"`
}

// AssessmentComparison is two assessments side by side.
type AssessmentComparison struct {
	Left  AssessmentView `json:"left"`
	Right AssessmentView `json:"right"`
}

// versions caches settings versions read within one transaction.
type versions struct {
	tx   *storage.Tx
	seen map[int]partnership.Settings
}

func (v *versions) at(version int) (partnership.Settings, error) {
	if s, ok := v.seen[version]; ok {
		return s, nil
	}
	m, err := partnershipModel.at(v.tx, version)
	if err != nil {
		return partnership.Settings{}, err
	}
	if v.seen == nil {
		v.seen = map[int]partnership.Settings{}
	}
	v.seen[version] = m.Value
	return m.Value, nil
}

func liveAssessments(tx *storage.Tx, accountID string) ([]partnership.Assessment, error) {
	all, err := storage.List[partnership.Assessment](tx, storage.ChildPrefix(accountID, partnership.Kind))
	if err != nil {
		return nil, err
	}
	out := live(all)
	// Date order, then creation (ULIDs sort by it): the path of the relationship.
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].AssessedOn != out[j].AssessedOn {
			return out[i].AssessedOn < out[j].AssessedOn
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// History lists the account's assessments oldest first, each scored under
// its own settings version: the path the line chart draws.
func (s *PartnershipService) History(accountID string) ([]AssessmentSummary, error) {
	out := []AssessmentSummary{}
	err := s.store.View(func(tx *storage.Tx) error {
		var a account.Account
		if err := getAccount(tx, accountID, &a); err != nil {
			return err
		}
		list, err := liveAssessments(tx, accountID)
		if err != nil {
			return err
		}
		vs := versions{tx: tx}
		for _, as := range list {
			set, err := vs.at(as.SettingsVersion)
			if err != nil {
				return err
			}
			r := partnership.Evaluate(as, set)
			out = append(out, AssessmentSummary{ID: as.ID, Rev: as.Rev, AssessedOn: as.AssessedOn, SettingsVersion: as.SettingsVersion,
				Type: r.Type, D: r.D, F: r.F, Ours: r.Ours, Customer: r.Customer, Lower: r.Lower, Gaps: len(r.Gaps), Portfolio: as.Portfolio})
		}
		return nil
	})
	return out, err
}

// List is the history newest first, as the list of assessments shows it.
func (s *PartnershipService) List(accountID string) ([]AssessmentSummary, error) {
	h, err := s.History(accountID)
	for i, j := 0, len(h)-1; i < j; i, j = i+1, j-1 {
		h[i], h[j] = h[j], h[i]
	}
	return h, err
}

// Get returns one assessment as it was made: scored under its settings version.
func (s *PartnershipService) Get(accountID, id string) (AssessmentView, error) {
	var v AssessmentView
	err := s.store.View(func(tx *storage.Tx) error {
		var err error
		v, err = s.view(tx, accountID, id)
		return err
	})
	if err != nil {
		return AssessmentView{}, err
	}
	return s.withActions(v)
}

func (s *PartnershipService) view(tx *storage.Tx, accountID, id string) (AssessmentView, error) {
	var a account.Account
	if err := getAccount(tx, accountID, &a); err != nil {
		return AssessmentView{}, err
	}
	as, err := getAssessment(tx, accountID, id)
	if err != nil {
		return AssessmentView{}, err
	}
	if as.Deleted() {
		return AssessmentView{}, fault.NotFoundf(partnership.Kind, id)
	}
	set, err := partnershipModel.at(tx, as.SettingsVersion)
	if err != nil {
		return AssessmentView{}, err
	}
	cur, err := partnershipModel.current(tx)
	if err != nil {
		return AssessmentView{}, err
	}
	as.Normalize()
	return AssessmentView{Assessment: as, Result: partnership.Evaluate(as, set.Value), Settings: set.Value,
		CurrentVersion: cur.Version, Actions: []ActionRow{}}, nil
}

func (s *PartnershipService) withActions(v AssessmentView) (AssessmentView, error) {
	rows, err := s.actions.forSource(v.Assessment.AccountID, action.AreaPartnership, v.Assessment.ID)
	if err != nil {
		return AssessmentView{}, err
	}
	v.Actions = rows
	return v, nil
}

func getAssessment(tx *storage.Tx, accountID, id string) (partnership.Assessment, error) {
	var as partnership.Assessment
	if !record.ValidID(id) {
		return as, fault.NotFoundf(partnership.Kind, id)
	}
	err := tx.Get(storage.ChildKey(accountID, partnership.Kind, id), partnership.Kind, &as)
	return as, err
}

// Save creates (empty id) or updates an assessment. A new one is scored
// under the settings in force, and keeps that version when edited later.
func (s *PartnershipService) Save(in partnership.Assessment) (AssessmentView, error) {
	in.Normalize()
	var v AssessmentView
	err := s.store.Update(func(tx *storage.Tx) error {
		if _, err := liveAccount(tx, in.AccountID); err != nil {
			return err
		}
		var set settings.Model[partnership.Settings]
		var err error
		if in.ID == "" {
			if set, err = partnershipModel.pin(tx); err != nil {
				return err
			}
		} else {
			old, err := getAssessment(tx, in.AccountID, in.ID)
			if err != nil {
				return err
			}
			if old.Deleted() {
				return fault.NotFoundf(partnership.Kind, in.ID)
			}
			if set, err = partnershipModel.at(tx, old.SettingsVersion); err != nil {
				return err
			}
		}
		in.SettingsVersion = set.Version
		if err := in.Validate(set.Value); err != nil {
			return err
		}
		if today := calendar.Today(s.clock); in.AssessedOn > today {
			return &fault.Error{Code: fault.Invalid, Field: "assessedOn", Rule: "in_future", Params: map[string]any{"today": string(today)},
				Message: "an assessment is dated on or before today"}
		}
		if err := putChild(tx, in.AccountID, partnership.Kind, &in); err != nil {
			return err
		}
		v, err = s.view(tx, in.AccountID, in.ID)
		return err
	})
	if err != nil {
		return AssessmentView{}, err
	}
	return s.withActions(v)
}

// Archive removes an assessment from the history (a tombstone).
func (s *PartnershipService) Archive(accountID, id string, rev int64) error {
	return s.store.Update(func(tx *storage.Tx) error {
		if _, err := liveAccount(tx, accountID); err != nil {
			return err
		}
		_, err := archiveChild[partnership.Assessment](tx, s.clock.Now().UTC(), accountID, partnership.Kind, id, rev)
		return err
	})
}

// Compare returns two assessments side by side, each as it was made.
func (s *PartnershipService) Compare(accountID, leftID, rightID string) (AssessmentComparison, error) {
	var c AssessmentComparison
	err := s.store.View(func(tx *storage.Tx) error {
		var err error
		if c.Left, err = s.view(tx, accountID, leftID); err != nil {
			return err
		}
		c.Right, err = s.view(tx, accountID, rightID)
		return err
	})
	return c, err
}

// Settings returns the partnership model's settings in force.
func (s *PartnershipService) Settings() (settings.Model[partnership.Settings], error) {
	return partnershipModel.get(s.store)
}

// Defaults returns the shipped settings (the literature's structure with
// reconstructed numbers), so the UI can say which values in force are
// still the defaults and which were changed.
func (s *PartnershipService) Defaults() partnership.Settings {
	return partnership.Defaults()
}

// SaveSettings stores edited settings as the next version; base is the
// version the user edited.
func (s *PartnershipService) SaveSettings(value partnership.Settings, base int) (settings.Model[partnership.Settings], error) {
	return partnershipModel.update(s.store, value, base)
}

// RestoreDefaults stores the shipped defaults as the next version.
func (s *PartnershipService) RestoreDefaults(base int) (settings.Model[partnership.Settings], error) {
	return partnershipModel.restore(s.store, base)
}

// checkPartnershipSource is the partnership area's sourceCheck: the action
// names a live assessment of its account, and a component as its detail.
func checkPartnershipSource(tx *storage.Tx, a action.Action) error {
	as, err := getAssessment(tx, a.AccountID, a.Source.RecordID)
	if fault.CodeOf(err) == fault.NotFound || (err == nil && as.Deleted()) {
		return missingSource(partnership.Kind, a.Source.RecordID)
	}
	if err != nil {
		return err
	}
	if d := a.Source.Detail; d != "" {
		var c fault.Checker
		c.OneOf("source.detail", d, true, partnership.Components...)
		return c.Err()
	}
	return nil
}
