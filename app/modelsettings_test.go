package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/fault"
	"keystone/core/money"
	"keystone/core/settings"
	"keystone/storage"
)

type testModel struct {
	Cut    int      `json:"cut"`
	Labels []string `json:"labels"`
}

var testModels = modelSettings[testModel]{
	area:     "test",
	defaults: func() testModel { return testModel{Cut: 8, Labels: []string{"a", "b"}} },
	validate: func(m *testModel) error {
		var c fault.Checker
		c.Range("cut", int64(m.Cut), 1, 20)
		return c.Err()
	},
}

func TestModelSettingsVersions(t *testing.T) {
	a := newTestApp(t)
	cur, err := testModels.get(a.Store)
	require.NoError(t, err)
	assert.Equal(t, 0, cur.Version, "nothing saved reads as the shipped defaults")
	assert.True(t, cur.Defaults)

	var pinned settings.Model[testModel]
	require.NoError(t, a.Store.Update(func(tx *storage.Tx) (err error) { pinned, err = testModels.pin(tx); return err }))
	assert.Equal(t, 1, pinned.Version, "a record pins the defaults as version 1")

	_, err = testModels.update(a.Store, testModel{Cut: 99}, 1)
	assertFault(t, err, fault.Invalid, "cut", "out_of_range")
	_, err = testModels.update(a.Store, testModel{Cut: 9}, 0)
	assert.Equal(t, fault.Conflict, fault.CodeOf(err), "an edit of an older version is a conflict")

	v2, err := testModels.update(a.Store, testModel{Cut: 9, Labels: []string{"x"}}, 1)
	require.NoError(t, err)
	assert.Equal(t, 2, v2.Version)
	assert.False(t, v2.Defaults)
	same, err := testModels.update(a.Store, testModel{Cut: 9, Labels: []string{"x"}}, 2)
	require.NoError(t, err)
	assert.Equal(t, 2, same.Version, "saving the same values makes no new version")

	require.NoError(t, a.Store.View(func(tx *storage.Tx) error {
		old, err := testModels.at(tx, 1)
		require.NoError(t, err)
		assert.Equal(t, 8, old.Value.Cut, "an old version reads as it was")
		_, err = testModels.at(tx, 7)
		assert.Equal(t, fault.NotFound, fault.CodeOf(err))
		return nil
	}))

	back, err := testModels.restore(a.Store, 2)
	require.NoError(t, err)
	assert.Equal(t, 3, back.Version)
	assert.True(t, back.Defaults)
	assert.Equal(t, 8, back.Value.Cut)
}

func TestCurrencySettings(t *testing.T) {
	a := newTestApp(t)
	c, err := a.Settings.Currency()
	require.NoError(t, err)
	assert.Equal(t, "CNY", c.Reporting)

	c.Reporting = "USD"
	c.Years = append(c.Years, money2025())
	saved, err := a.Settings.SaveCurrency(c)
	require.NoError(t, err)
	assert.Equal(t, int64(1), saved.Rev)

	bad := saved
	bad.Reporting = "ZZZ"
	_, err = a.Settings.SaveCurrency(bad)
	assertFault(t, err, fault.Invalid, "reporting", "invalid_currency")
	_, err = a.Settings.SaveCurrency(c) // rev 0 again: stale
	assert.Equal(t, fault.Conflict, fault.CodeOf(err))

	got, err := a.Settings.Currency()
	require.NoError(t, err)
	assert.Equal(t, "USD", got.Reporting, "refused saves changed nothing")
	rate, ok := got.Rate("CNY", 2025)
	assert.True(t, ok)
	assert.InDelta(t, 0.14, rate, 1e-9)

	// a shipped rate the firm removes stays removed
	delete(got.Years[0].Rates, "EUR")
	_, err = a.Settings.SaveCurrency(got)
	require.NoError(t, err)
	again, err := a.Settings.Currency()
	require.NoError(t, err)
	_, ok = again.Rate("EUR", 2025)
	assert.False(t, ok, "no EUR rate any more")
}

func money2025() money.YearRates {
	return money.YearRates{Year: 2025, Rates: map[string]float64{"CNY": 0.14}}
}
