package app

import (
	"time"

	"keystone/core/account"
	"keystone/core/action"
	"keystone/core/fault"
	"keystone/storage"
)

// syncFollowUp keeps an activity's follow-up action in step with the
// activity: a follow-up date makes (or moves) an open action owned by the
// account's manager; clearing the date cancels it; archiving the activity
// archives it. The action shares the activity's id.
func syncFollowUp(tx *storage.Tx, now time.Time, acc account.Account, act account.Activity) error {
	key := storage.FollowUpKey(act.ID)
	var a action.Action
	err := tx.Get(key, action.Kind, &a)
	exists := err == nil
	if err != nil && fault.CodeOf(err) != fault.NotFound {
		return err
	}
	switch {
	case act.Deleted():
		if !exists || a.Deleted() {
			return nil
		}
		a.DeletedAt = &now
	case act.FollowUp == "":
		if !exists || !a.IsOpen() {
			return nil
		}
		a.Status = action.Cancelled
	case !exists:
		a = action.FollowUp(act.ID, acc.ID, act.Subject, acc.Owner, act.FollowUp)
	default:
		if a.Due == act.FollowUp && a.Title == act.Subject && !a.Deleted() && a.Status != action.Cancelled {
			return nil
		}
		if a.Status == action.Cancelled || a.Deleted() {
			a.Status, a.DeletedAt = action.Open, nil // a follow-up set again is open again
		}
		a.Due, a.Title = act.FollowUp, act.Subject
	}
	if err := checkDue(tx, a, "followUp"); err != nil {
		return err
	}
	return tx.Put(key, action.Kind, &a)
}

// followUpsOf reads the follow-up actions of activities that have a
// follow-up date: each shares its activity's id, so this is one read each.
func followUpsOf(tx *storage.Tx, acts []account.Activity) ([]action.Action, error) {
	out := []action.Action{}
	for _, act := range acts {
		if act.FollowUp == "" {
			continue
		}
		var a action.Action
		err := tx.Get(storage.FollowUpKey(act.ID), action.Kind, &a)
		if fault.CodeOf(err) == fault.NotFound {
			continue
		}
		if err != nil {
			return nil, err
		}
		if !a.Deleted() {
			out = append(out, a)
		}
	}
	return out, nil
}
