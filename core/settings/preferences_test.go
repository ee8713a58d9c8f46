package settings

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"keystone/core/fault"
)

func TestPreferencesValidate(t *testing.T) {
	tests := []struct {
		p     Preferences
		field string
	}{
		{Preferences{Language: "zh-CN", Theme: "dark"}, ""},
		{Preferences{Language: "", Theme: "system"}, ""},
		{DefaultPreferences(), ""},
		{Preferences{Language: "fr", Theme: "light"}, "language"},
		{Preferences{Language: "en", Theme: "blue"}, "theme"},
		{Preferences{Language: "en"}, "theme"},
	}
	for _, tt := range tests {
		err := tt.p.Validate()
		if tt.field == "" {
			assert.NoError(t, err)
			continue
		}
		assert.Equal(t, tt.field, fault.As(err).Field)
		assert.Equal(t, "unknown_value", fault.As(err).Rule)
	}
}
