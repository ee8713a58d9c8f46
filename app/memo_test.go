package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/account"
)

func TestMemoKeepsUntilAWrite(t *testing.T) {
	a := newTestApp(t)
	m := memo[int]{gen: newGeneration(a.Store)}
	calls := 0
	count := func() (int, error) { calls++; return calls, nil }
	v, err := m.get("2026-11-23", count)
	require.NoError(t, err)
	assert.Equal(t, 1, v)
	v, _ = m.get("2026-11-23", count)
	assert.Equal(t, 1, v, "no write: the remembered value")
	mustCreate(t, a, account.Account{Name: "Acme"})
	v, _ = m.get("2026-11-23", count)
	assert.Equal(t, 2, v, "a write: computed again")
	v, _ = m.get("2026-11-24", count)
	assert.Equal(t, 3, v, "a new day: computed again")
	v, _ = m.getKey("2026-11-24", "王磊", count)
	assert.Equal(t, 4, v, "another key: computed again")
	v, _ = m.getKey("2026-11-24", "王磊", count)
	assert.Equal(t, 4, v)
}
