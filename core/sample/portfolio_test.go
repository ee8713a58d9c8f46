package sample

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/money"
	"keystone/core/portfolio"
)

func TestPortfolioSample(t *testing.T) {
	p := Generate(Small, 1, "2026-11-23")
	set := portfolio.DefaultSettings()
	cards := ItemsOf[portfolio.Scorecard](p, portfolio.KindScorecard)
	require.NotEmpty(t, cards)
	latest := map[string]*portfolio.Scorecard{}
	for _, sc := range cards {
		require.NoError(t, sc.Validate(set), "generated scorecards are valid")
		assert.Equal(t, 1, sc.SettingsVersion)
		if l := latest[sc.AccountID]; l == nil || sc.ScoredOn > l.ScoredOn {
			latest[sc.AccountID] = sc
		}
	}
	assert.GreaterOrEqual(t, len(latest), 16, "most of the 24 demo accounts are scored")
	quadrants := map[string]int{}
	for _, sc := range latest {
		quadrants[portfolio.Place(*sc, set).Quadrant]++
	}
	for _, q := range portfolio.Quadrants {
		assert.Positive(t, quadrants[q], "the demo matrix has accounts in %s: %v", q, quadrants)
	}
	inputs := ItemsOf[portfolio.Inputs](p, portfolio.KindInputs)
	assert.NotEmpty(t, inputs)
	for _, in := range inputs {
		require.NoError(t, in.Validate(set))
	}
	assert.Len(t, ItemsOf[struct{}](p, "settings-portfolio"), 0, "typed lookup only matches the right type")
	again := Generate(Small, 1, "2026-11-23")
	assert.Equal(t, len(cards), len(ItemsOf[portfolio.Scorecard](again, portfolio.KindScorecard)), "deterministic")
}

// Every currency the generator bills in has a shipped exchange rate, so the
// demo's portfolio figures add up without a missing-rate warning.
func TestSampleCurrenciesHaveRates(t *testing.T) {
	r := money.DefaultRates()
	for code := range perCNY {
		_, ok := r.Rate(code, 2026)
		assert.True(t, ok, code)
	}
}
