package app

import (
	"fmt"
	"sort"

	"keystone/core/account"
	"keystone/core/action"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/plan"
	"keystone/core/record"
	"keystone/storage"
)

// PlanService keeps each account's yearly plan.
type PlanService struct {
	store   *storage.Store
	clock   calendar.Clock
	actions *ActionService
}

// PlanView is one account's plan for one year with what is computed from it.
type PlanView struct {
	Year         int                  `json:"year"`
	Plan         *plan.Plan           `json:"plan"`
	Years        []int                `json:"years"`
	Progress     []plan.GoalProgress  `json:"progress"`
	Completeness plan.Completeness    `json:"completeness"`
	Actions      []ActionRow          `json:"actions"`
	Figures      *account.YearFigures `json:"figures"`
}

// PlanComparison is a year's plan beside the year before.
type PlanComparison struct {
	Current  PlanView `json:"current"`
	Previous PlanView `json:"previous"`
}

// Get returns the account's plan for year (0 = this year).
func (s *PlanService) Get(accountID string, year int) (PlanView, error) {
	if year == 0 {
		year = calendar.Today(s.clock).Year()
	}
	v := PlanView{Year: year, Years: []int{}, Progress: []plan.GoalProgress{}, Actions: []ActionRow{},
		Completeness: plan.Complete(plan.Plan{}, 0)}
	err := s.store.View(func(tx *storage.Tx) error {
		var a account.Account
		if err := getAccount(tx, accountID, &a); err != nil {
			return err
		}
		plans, err := livePlans(tx, accountID)
		if err != nil {
			return err
		}
		for i := range plans {
			v.Years = append(v.Years, plans[i].Year)
			if plans[i].Year == year {
				v.Plan = &plans[i]
			}
		}
		sort.Sort(sort.Reverse(sort.IntSlice(v.Years)))
		figs, err := storage.List[account.YearFigures](tx, storage.ChildPrefix(accountID, account.KindFigures))
		if err != nil {
			return err
		}
		for _, f := range account.SortedFigures(figs) {
			if f.Year == year {
				v.Figures = &f
			}
		}
		return nil
	})
	if err != nil || v.Plan == nil {
		return v, err
	}
	if v.Actions, err = s.actions.forSource(accountID, action.AreaPlan, v.Plan.ID); err != nil {
		return v, err
	}
	v.Progress = plan.Progress(*v.Plan, v.Figures)
	v.Completeness = plan.Complete(*v.Plan, len(v.Actions))
	return v, nil
}

func livePlans(tx *storage.Tx, accountID string) ([]plan.Plan, error) {
	all, err := storage.List[plan.Plan](tx, storage.ChildPrefix(accountID, plan.Kind))
	if err != nil {
		return nil, err
	}
	return live(all), nil
}

// Save creates (empty id) or updates a plan; a rolled-forward plan is read-only.
func (s *PlanService) Save(in plan.Plan) (plan.Plan, error) {
	in.Normalize()
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
		plans, err := livePlans(tx, in.AccountID)
		if err != nil {
			return err
		}
		for _, p := range plans {
			if p.ID == in.ID {
				if p.Locked {
					return plan.ReadOnly(p.Year)
				}
				if p.Year != in.Year {
					return &fault.Error{Code: fault.Invalid, Field: "year", Rule: "immutable",
						Message: "a plan keeps its year; roll it forward to plan the next one"}
				}
				in.Locked, in.RolledFrom = p.Locked, p.RolledFrom
			} else if p.Year == in.Year {
				return duplicatePlan(in.Year)
			}
		}
		in.Locked = false
		contacts, err := storage.List[account.Contact](tx, storage.ChildPrefix(in.AccountID, account.KindContact))
		if err != nil {
			return err
		}
		if err := in.CheckContacts(contacts); err != nil {
			return err
		}
		return putChild(tx, in.AccountID, plan.Kind, &in)
	})
	if err != nil {
		return plan.Plan{}, err
	}
	return in, nil
}

func duplicatePlan(year int) error {
	return &fault.Error{Code: fault.Invalid, Field: "year", Rule: "duplicate_year", Params: map[string]any{"year": year},
		Message: fmt.Sprintf("the account already has a plan for %d", year)}
}

// RollForward copies the year's plan into the next year and keeps the old
// one as read-only history. It returns the new plan.
func (s *PlanService) RollForward(accountID string, year int) (plan.Plan, error) {
	var next plan.Plan
	err := s.store.Update(func(tx *storage.Tx) error {
		if _, err := liveAccount(tx, accountID); err != nil {
			return err
		}
		plans, err := livePlans(tx, accountID)
		if err != nil {
			return err
		}
		var cur *plan.Plan
		hasNext := false
		for i := range plans {
			switch plans[i].Year {
			case year:
				cur = &plans[i]
			case year + 1:
				hasNext = true
			}
		}
		switch {
		case cur == nil:
			return &fault.Error{Code: fault.NotFound, Rule: "not_found", Params: map[string]any{"kind": plan.Kind, "id": fmt.Sprint(year)},
				Message: fmt.Sprintf("the account has no plan for %d", year)}
		case cur.Locked:
			return plan.ReadOnly(cur.Year)
		case hasNext:
			return duplicatePlan(year + 1)
		}
		next = plan.RollForward(*cur, record.NewID)
		next.ID = record.NewID()
		if err := tx.Put(storage.ChildKey(accountID, plan.Kind, next.ID), plan.Kind, &next); err != nil {
			return err
		}
		cur.Locked = true
		return tx.Put(storage.ChildKey(accountID, plan.Kind, cur.ID), plan.Kind, cur)
	})
	if err != nil {
		return plan.Plan{}, err
	}
	return next, nil
}

// Compare returns the year's plan beside the previous year's.
func (s *PlanService) Compare(accountID string, year int) (PlanComparison, error) {
	cur, err := s.Get(accountID, year)
	if err != nil {
		return PlanComparison{}, err
	}
	prev, err := s.Get(accountID, cur.Year-1)
	if err != nil {
		return PlanComparison{}, err
	}
	return PlanComparison{Current: cur, Previous: prev}, nil
}
