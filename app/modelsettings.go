package app

import (
	"fmt"
	"reflect"

	"keystone/core/fault"
	"keystone/core/settings"
	"keystone/storage"
)

// modelSettings keeps the versions of one area's model settings under
// g/settings-<area>/<version>. An area declares one with its defaults and
// validation; its service exposes Settings / SaveSettings / RestoreDefaults
// over these helpers, and pins the current version into every assessment.
type modelSettings[T any] struct {
	area     string
	defaults func() T
	validate func(*T) error
}

func (m modelSettings[T]) kind() string { return "settings-" + m.area }

func (m modelSettings[T]) key(version int) []byte {
	return storage.GlobalKey(m.kind(), fmt.Sprintf("%06d", version))
}

func (m modelSettings[T]) shipped() settings.Model[T] {
	return settings.Model[T]{Area: m.area, Value: m.defaults(), Defaults: true}
}

// current returns the newest saved version, or the shipped defaults as
// version 0 while nothing has been saved.
func (m modelSettings[T]) current(tx *storage.Tx) (settings.Model[T], error) {
	all, err := storage.List[settings.Model[T]](tx, storage.GlobalPrefix(m.kind()))
	if err != nil {
		return settings.Model[T]{}, err
	}
	if len(all) == 0 {
		return m.shipped(), nil
	}
	return all[len(all)-1], nil // keys sort by zero-padded version
}

// at returns one version; 0 is the shipped defaults.
func (m modelSettings[T]) at(tx *storage.Tx, version int) (settings.Model[T], error) {
	if version == 0 {
		return m.shipped(), nil
	}
	var v settings.Model[T]
	if err := tx.Get(m.key(version), m.kind(), &v); err != nil {
		return v, fmt.Errorf("%s settings version %d: %w", m.area, version, err)
	}
	return v, nil
}

// pin returns the current version for a record to name, first storing the
// shipped defaults as version 1 when nothing is saved yet: a later release
// may ship other defaults, and the record must still read the same.
func (m modelSettings[T]) pin(tx *storage.Tx) (settings.Model[T], error) {
	cur, err := m.current(tx)
	if err != nil || cur.Version > 0 {
		return cur, err
	}
	return m.put(tx, cur.Value, 1, true)
}

// save stores value as the next version. base is the version the user
// edited; a different current version is a conflict, not a silent overwrite.
func (m modelSettings[T]) save(tx *storage.Tx, value T, base int) (settings.Model[T], error) {
	if err := m.validate(&value); err != nil {
		return settings.Model[T]{}, err
	}
	cur, err := m.current(tx)
	if err != nil {
		return cur, err
	}
	if base != cur.Version {
		return cur, &fault.Error{Code: fault.Conflict, Rule: "stale_settings", Params: map[string]any{"have": base, "current": cur.Version},
			Message: fmt.Sprintf("the %s settings changed since they were opened (version %d, now %d); reload them", m.area, base, cur.Version)}
	}
	if reflect.DeepEqual(value, cur.Value) && cur.Version > 0 {
		return cur, nil // nothing changed: no new version
	}
	return m.put(tx, value, cur.Version+1, reflect.DeepEqual(value, m.defaults()))
}

func (m modelSettings[T]) put(tx *storage.Tx, value T, version int, defaults bool) (settings.Model[T], error) {
	v := settings.Model[T]{Area: m.area, Version: version, Value: value, Defaults: defaults}
	v.ID = fmt.Sprintf("%06d", version)
	if err := tx.Put(m.key(version), m.kind(), &v); err != nil {
		return settings.Model[T]{}, err
	}
	return v, nil
}

// Helpers for the services' three bound methods.

func (m modelSettings[T]) get(store *storage.Store) (v settings.Model[T], err error) {
	err = store.View(func(tx *storage.Tx) error { v, err = m.current(tx); return err })
	return v, err
}

func (m modelSettings[T]) update(store *storage.Store, value T, base int) (v settings.Model[T], err error) {
	err = store.Update(func(tx *storage.Tx) error { v, err = m.save(tx, value, base); return err })
	return v, err
}

func (m modelSettings[T]) restore(store *storage.Store, base int) (settings.Model[T], error) {
	return m.update(store, m.defaults(), base)
}
