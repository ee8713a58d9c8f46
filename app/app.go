// Package app is the application layer the UI talks to: one service struct
// per area, bound to Wails and served by the HTTP bridge method for method.
package app

import (
	"keystone/core/action"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/storage"
)

// Version is set at build time with -ldflags "-X keystone/app.Version=...".
var Version = "0.1.0-dev"

// App holds the services over one open store.
type App struct {
	Store    *storage.Store
	Accounts *AccountService
	Plans    *PlanService
	Actions  *ActionService
	Settings *SettingsService
	Data     *DataService

	Partnership   *PartnershipService
	Relationships *RelationshipService
	Opportunities *OpportunityService
	WinLoss       *WinLossService
	Switching     *SwitchingService
	Retention     *RetentionService
	Programs      *ProgramService
	Files         *FileService
	Portfolio     *PortfolioService
	Reviews       *ReviewService
}

// New builds the services over an open store.
func New(store *storage.Store, clock calendar.Clock) *App {
	if clock == nil {
		clock = calendar.System{}
	}
	rows := newRowCache(store)
	actions := &ActionService{store: store, clock: clock, index: newActionIndex(store), rows: rows}
	actions.registerSource(action.AreaPlan, checkPlanSource)
	opps := newOppIndex(store)
	a := &App{
		Store:    store,
		Accounts: &AccountService{store: store, clock: clock, rows: rows},
		Plans:    &PlanService{store: store, clock: clock, actions: actions},
		Actions:  actions,
		Settings: &SettingsService{store: store},
		Data:     newDataService(store, clock),

		Partnership:   newPartnershipService(store, clock, actions),
		Relationships: newRelationshipService(store, clock, actions),
		Opportunities: newOpportunityService(store, clock, actions, opps),
		WinLoss:       newWinLossService(store, clock, actions, opps),
		Switching:     newSwitchingService(store, clock, actions),
		Retention:     newRetentionService(store, clock, actions),
		Programs:      newProgramService(store, clock, actions),
		Files:         &FileService{},
		Portfolio:     newPortfolioService(store, clock, rows, actions),
	}
	a.Portfolio.connect(newGeneration(store), opps, a.Retention, a.Programs)
	a.Opportunities.tiers, a.WinLoss.tiers = a.Portfolio.accountTiers, a.Portfolio.accountTiers
	a.Reviews = newReviewService(a, clock)
	return a
}

// Bindings lists the services exposed to the UI, in Wails and in the bridge.
func (a *App) Bindings() []any {
	return []any{a.Accounts, a.Plans, a.Actions, a.Settings, a.Data,
		a.Partnership, a.Relationships, a.Opportunities, a.WinLoss, a.Switching, a.Retention, a.Programs, a.Files, a.Portfolio, a.Reviews}
}

// FormatError turns any error into the {code, field, rule, params, message,
// issues} shape the UI reads; it is Wails' ErrorFormatter and the bridge's.
func FormatError(err error) any {
	return fault.As(err)
}

// Warm builds the in-memory account rows and action index in the
// background, so the first list after start does not wait for them (about a
// second for 100,000 actions). Call wait before closing the store.
func (a *App) Warm() (wait func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = a.Accounts.rows.snapshot(func(map[string]AccountRow) {})
		_ = a.Actions.index.view(func(*actionIndex) {})
		_ = a.Portfolio.index.view(func(map[string]*acctFacts) {})
		_, _ = a.Opportunities.index.snapshot()
		_ = a.Retention.warm()
	}()
	return func() { <-done }
}
