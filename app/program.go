package app

import (
	"keystone/core/calendar"
	"keystone/storage"
)

// ProgramService keeps global account programs: countries, the global contract, KPIs, health and roll-ups.
type ProgramService struct {
	store   *storage.Store
	clock   calendar.Clock
	actions *ActionService
}

func newProgramService(store *storage.Store, clock calendar.Clock, actions *ActionService) *ProgramService {
	return &ProgramService{store: store, clock: clock, actions: actions}
}
