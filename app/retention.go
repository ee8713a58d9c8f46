package app

import (
	"keystone/core/calendar"
	"keystone/storage"
)

// RetentionService keeps the attraction × barrier position, decline warnings and retention cases.
type RetentionService struct {
	store   *storage.Store
	clock   calendar.Clock
	actions *ActionService
}

func newRetentionService(store *storage.Store, clock calendar.Clock, actions *ActionService) *RetentionService {
	return &RetentionService{store: store, clock: clock, actions: actions}
}
