package settings

import (
	"keystone/core/money"
	"keystone/core/record"
)

// Model is one saved version of an area's model settings: the scales,
// weights, thresholds and label lists of DOMAIN.md. Versions are never
// rewritten; a new save makes the next version, and every assessment names
// the version it was made with, so an old result reads the same after the
// settings change.
type Model[T any] struct {
	record.Meta
	Area    string `json:"area"`
	Version int    `json:"version"`
	Value   T      `json:"value"`
	// Defaults is true while the version holds the shipped defaults unchanged.
	Defaults bool `json:"defaults"`
}

// Currency is the firm's reporting currency and exchange rates: every area
// that adds up money across accounts converts with it.
type Currency struct {
	record.Meta
	money.Rates
}
