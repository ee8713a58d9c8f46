package storage

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/account"
	"keystone/core/action"
	"keystone/core/calendar"
	"keystone/core/record"
)

// A folder written before schema 2 has follow-up dates on activities; opening
// it turns each into one shared action, in batches, once.
func TestMigrationFollowUpsToActions(t *testing.T) {
	dir := t.TempDir()
	v1 := DefaultMigrations()[:1]
	s := openT(t, dir, Options{Migrations: v1})
	acc := account.Account{Meta: record.Meta{ID: record.NewID()}, Name: "华东精细化工", Owner: "王磊", Currency: "CNY"}
	const n = followUpBatch*2 + 17 // more than one batch
	var withFollowUp []string
	require.NoError(t, s.Bulk(func(b *Bulk) error {
		if err := b.Put(AccountKey(acc.ID), &acc); err != nil {
			return err
		}
		for i := range n {
			act := account.Activity{Meta: record.Meta{ID: record.NewID()}, AccountID: acc.ID, Date: "2026-10-01",
				Type: "visit", Subject: fmt.Sprintf("拜访 %d", i)}
			if i%3 != 0 {
				act.FollowUp = calendar.Date("2026-11-01").AddDays(i % 40)
				withFollowUp = append(withFollowUp, act.ID)
			}
			if err := b.Put(ChildKey(acc.ID, account.KindActivity, act.ID), &act); err != nil {
				return err
			}
		}
		return nil
	}))
	require.NoError(t, s.Close())

	s = openT(t, dir, Options{})
	assert.Equal(t, CurrentSchema, s.SchemaVersion())
	count := func() int {
		var got int
		require.NoError(t, s.View(func(tx *Tx) (err error) {
			got, err = tx.Count(GlobalPrefix(action.Kind))
			return err
		}))
		return got
	}
	assert.Equal(t, len(withFollowUp), count())
	require.NoError(t, s.View(func(tx *Tx) error {
		var a action.Action
		require.NoError(t, tx.Get(FollowUpKey(withFollowUp[5]), action.Kind, &a))
		assert.Equal(t, withFollowUp[5], a.ID, "the action shares its activity's id")
		assert.Equal(t, acc.ID, a.AccountID)
		assert.Equal(t, "王磊", a.Owner)
		assert.Equal(t, action.Open, a.Status)
		assert.Equal(t, action.Source{Area: action.AreaActivity, RecordID: withFollowUp[5]}, a.Source)
		assert.NoError(t, a.Validate())
		return nil
	}))

	// Running it again (a start after a cut-short run) changes nothing.
	require.NoError(t, followUpsToActions(s))
	assert.Equal(t, len(withFollowUp), count())
}
