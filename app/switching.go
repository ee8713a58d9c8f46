package app

import (
	"keystone/core/calendar"
	"keystone/storage"
)

// SwitchingService keeps switching-cost assessments, satisfaction surveys and switching-cost plans.
type SwitchingService struct {
	store   *storage.Store
	clock   calendar.Clock
	actions *ActionService
}

func newSwitchingService(store *storage.Store, clock calendar.Clock, actions *ActionService) *SwitchingService {
	return &SwitchingService{store: store, clock: clock, actions: actions}
}
