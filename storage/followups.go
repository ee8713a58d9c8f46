package storage

import (
	"bytes"
	"fmt"

	"keystone/core/account"
	"keystone/core/action"
)

// followUpBatch keeps each migration transaction well under Badger's
// per-transaction limit.
const followUpBatch = 400

// FollowUpKey is where an activity's follow-up action lives (it shares the
// activity's id: action.FollowUp).
func FollowUpKey(activityID string) []byte { return GlobalKey(action.Kind, activityID) }

// followUpsToActions (schema 2) turns every activity's follow-up date into a
// shared Action owned by the account's manager. Follow-ups already past are
// kept open: only the user knows whether they were done. Idempotent: an
// activity whose action exists is skipped.
func followUpsToActions(s *Store) error {
	type pending struct {
		act   account.Activity
		owner string
	}
	var todo []pending
	owners := map[string]string{}
	activityPart := []byte("/" + account.KindActivity + "/")
	err := s.View(func(tx *Tx) error {
		if err := tx.ScanAccounts(func(_, val []byte) error {
			var a account.Account
			if err := Decode(val, &a); err != nil {
				return err
			}
			owners[a.ID] = a.Owner
			return nil
		}); err != nil {
			return err
		}
		return tx.Scan([]byte(workspaceRoot), func(key, val []byte) error {
			if !bytes.Contains(key, activityPart) {
				return nil
			}
			var act account.Activity
			if err := Decode(val, &act); err != nil {
				return err
			}
			if act.FollowUp != "" && !act.Deleted() {
				todo = append(todo, pending{act: act, owner: owners[act.AccountID]})
			}
			return nil
		})
	})
	if err != nil {
		return fmt.Errorf("reading activities: %w", err)
	}
	for start := 0; start < len(todo); start += followUpBatch {
		batch := todo[start:min(start+followUpBatch, len(todo))]
		err := s.Update(func(tx *Tx) error {
			for _, p := range batch {
				key := FollowUpKey(p.act.ID)
				if ok, err := tx.Exists(key); err != nil || ok {
					if err != nil {
						return err
					}
					continue
				}
				a := action.FollowUp(p.act.ID, p.act.AccountID, p.act.Subject, p.owner, p.act.FollowUp)
				if err := tx.Put(key, action.Kind, &a); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("writing follow-up actions: %w", err)
		}
	}
	return nil
}
