package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/fault"
	"keystone/core/settings"
)

func settingsPrefs(lang, theme string) settings.Preferences {
	return settings.Preferences{Language: lang, Theme: theme}
}

func TestPreferences(t *testing.T) {
	a := newTestApp(t)
	p, err := a.Settings.Preferences()
	require.NoError(t, err)
	assert.Equal(t, settings.DefaultPreferences().Theme, p.Theme)
	assert.Equal(t, "", p.Language, "no saved language follows the OS")

	for _, lang := range []string{"en", "zh-CN", ""} {
		_, err = a.Settings.SavePreferences(settingsPrefs(lang, "light"))
		require.NoError(t, err)
		p, err = a.Settings.Preferences()
		require.NoError(t, err)
		assert.Equal(t, lang, p.Language)
	}
	_, err = a.Settings.SavePreferences(settingsPrefs("de", "light"))
	assertFault(t, err, fault.Invalid, "language", "unknown_value")
	p, err = a.Settings.Preferences()
	require.NoError(t, err)
	assert.Equal(t, "", p.Language, "a refused save changes nothing")
}
