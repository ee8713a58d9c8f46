package app

import (
	"keystone/core/calendar"
	"keystone/storage"
)

// OpportunityService keeps each account's opportunities, the pipeline and closing deals.
type OpportunityService struct {
	store   *storage.Store
	clock   calendar.Clock
	actions *ActionService
}

func newOpportunityService(store *storage.Store, clock calendar.Clock, actions *ActionService) *OpportunityService {
	return &OpportunityService{store: store, clock: clock, actions: actions}
}
