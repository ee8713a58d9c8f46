package app

import (
	"keystone/core/fault"
	"keystone/core/settings"
	"keystone/storage"
)

const kindPreferences = "preferences"

var preferencesKey = storage.GlobalKey(kindPreferences, "ui")

// SettingsService keeps what the user sets once: language and theme.
type SettingsService struct {
	store *storage.Store
}

// Preferences returns the saved interface preferences, or the defaults.
func (s *SettingsService) Preferences() (settings.Preferences, error) {
	p := settings.DefaultPreferences()
	err := s.store.View(func(tx *storage.Tx) error {
		err := tx.Get(preferencesKey, kindPreferences, &p)
		if fault.CodeOf(err) == fault.NotFound {
			return nil
		}
		return err
	})
	return p, err
}

// SavePreferences stores the preferences; the last choice wins, since one
// person changes them from one window.
func (s *SettingsService) SavePreferences(p settings.Preferences) (settings.Preferences, error) {
	if err := p.Validate(); err != nil {
		return settings.Preferences{}, err
	}
	err := s.store.Update(func(tx *storage.Tx) error {
		cur := settings.DefaultPreferences()
		if err := tx.Get(preferencesKey, kindPreferences, &cur); err != nil && fault.CodeOf(err) != fault.NotFound {
			return err
		}
		p.Meta = cur.Meta
		p.ID = "ui"
		return tx.Put(preferencesKey, kindPreferences, &p)
	})
	if err != nil {
		return settings.Preferences{}, err
	}
	return p, nil
}
