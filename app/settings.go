package app

import (
	"keystone/core/fault"
	"keystone/core/money"
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

const kindCurrency = "currency"

var currencyKey = storage.GlobalKey(kindCurrency, "firm")

// Currency returns the reporting currency and exchange rates, or the defaults.
func (s *SettingsService) Currency() (settings.Currency, error) {
	var c settings.Currency
	err := s.store.View(func(tx *storage.Tx) (err error) { c, err = loadCurrency(tx); return err })
	return c, err
}

// loadCurrency is what every area that adds up money across accounts reads.
func loadCurrency(tx *storage.Tx) (settings.Currency, error) {
	var c settings.Currency // decoded into empty maps: a rate the firm removed stays removed
	err := tx.Get(currencyKey, kindCurrency, &c)
	if fault.CodeOf(err) == fault.NotFound {
		return settings.Currency{Rates: money.DefaultRates()}, nil
	}
	return c, err
}

// SaveCurrency stores the reporting currency and rates; rev guards against
// a second window's newer save.
func (s *SettingsService) SaveCurrency(c settings.Currency) (settings.Currency, error) {
	if err := c.Validate(); err != nil {
		return settings.Currency{}, err
	}
	c.ID = "firm"
	err := s.store.Update(func(tx *storage.Tx) error { return tx.Put(currencyKey, kindCurrency, &c) })
	if err != nil {
		return settings.Currency{}, err
	}
	return c, nil
}
