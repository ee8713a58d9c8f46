package app

import (
	"keystone/core/calendar"
	"keystone/storage"
)

// RelationshipService keeps an account's relationship stage, the three relationship dimensions and the relationship map.
type RelationshipService struct {
	store   *storage.Store
	clock   calendar.Clock
	actions *ActionService
}

func newRelationshipService(store *storage.Store, clock calendar.Clock, actions *ActionService) *RelationshipService {
	return &RelationshipService{store: store, clock: clock, actions: actions}
}
