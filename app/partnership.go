package app

import (
	"keystone/core/calendar"
	"keystone/storage"
)

// PartnershipService keeps the partnership assessments of an account (Lambert's model) and their history.
type PartnershipService struct {
	store   *storage.Store
	clock   calendar.Clock
	actions *ActionService
}

func newPartnershipService(store *storage.Store, clock calendar.Clock, actions *ActionService) *PartnershipService {
	return &PartnershipService{store: store, clock: clock, actions: actions}
}
