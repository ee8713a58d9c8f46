package app

import (
	"keystone/core/calendar"
	"keystone/storage"
)

// WinLossService keeps the win-loss analysis over closed opportunities.
type WinLossService struct {
	store   *storage.Store
	clock   calendar.Clock
	actions *ActionService
}

func newWinLossService(store *storage.Store, clock calendar.Clock, actions *ActionService) *WinLossService {
	return &WinLossService{store: store, clock: clock, actions: actions}
}
