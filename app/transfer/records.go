package transfer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sync"

	"keystone/core/account"
	"keystone/core/action"
	"keystone/core/fault"
	"keystone/core/opportunity"
	"keystone/core/plan"
	"keystone/core/program"
	"keystone/core/record"
	"keystone/core/retention"
	"keystone/core/switching"
)

// A Decoder reads one stored value of its kind and checks it with the
// core's own validation. Rules that need other records (a contact's
// manager, an activity's people) are the importer's, not the decoder's.
type Decoder func(raw []byte) error

var (
	decodersMu sync.RWMutex
	decoders   = map[string]Decoder{}
)

// Register adds the decoder of a kind. A kind with none is still exported
// and imported: its value must then be a JSON object with a sound envelope
// (CheckRecord), so an area added later travels without extra work.
func Register(kind string, d Decoder) {
	decodersMu.Lock()
	defer decodersMu.Unlock()
	decoders[kind] = d
}

// Registered reports whether kind has its own decoder.
func Registered(kind string) bool {
	decodersMu.RLock()
	defer decodersMu.RUnlock()
	_, ok := decoders[kind]
	return ok
}

// typed makes a decoder that unmarshals into T and runs check on it.
func typed[T any](check func(*T) error) Decoder {
	return func(raw []byte) error {
		var v T
		if err := json.Unmarshal(raw, &v); err != nil {
			return fault.Wrap(fault.Invalid, "bad_value", err, "the value cannot be read: %v", err)
		}
		return check(&v)
	}
}

func init() {
	Register(account.KindAccount, typed(func(a *account.Account) error { return a.Validate() }))
	Register(account.KindFigures, typed(func(f *account.YearFigures) error { return f.Validate() }))
	Register(account.KindContact, typed(func(c *account.Contact) error { return c.Validate() }))
	Register(account.KindActivity, typed(func(a *account.Activity) error {
		// The people on it are checked against the file's contacts by the importer.
		people := make([]account.Contact, len(a.ContactIDs))
		for i, id := range a.ContactIDs {
			people[i] = account.Contact{Meta: record.Meta{ID: id}}
		}
		return a.Validate(people)
	}))
	Register(opportunity.Kind, typed(func(o *opportunity.Opportunity) error {
		// Stages and reasons are checked against the settings version the
		// deal names, which travels in the same file; here only their form.
		set := opportunity.Defaults()
		if o.Close != nil {
			set.Reasons = nil
			for _, r := range append(append([]string{o.Close.PrimaryReason}, o.Close.SecondaryReasons...), driversOf(o.Close)...) {
				if r != "" {
					set.Reasons = append(set.Reasons, opportunity.Reason{Key: r, Group: opportunity.GroupDecision})
				}
			}
		}
		return o.Validate(&set, false)
	}))
	Register(action.Kind, typed(func(a *action.Action) error { return a.Validate() }))
	Register(plan.Kind, typed(func(p *plan.Plan) error { return p.Validate() }))
	Register(program.Kind, typed(func(p *program.Program) error { return p.Validate() }))
	Register(switching.KindAssessment, typed(func(a *switching.Assessment) error { return a.Validate() }))
	Register(switching.KindSurvey, typed(func(s *switching.Survey) error { return s.Validate() }))
	Register(switching.KindPlan, typed(func(p *switching.Plan) error { return p.Validate() }))
	Register(switching.KindLeverCost, typed(func(l *switching.LeverCost) error { return l.Validate() }))
	Register(retention.KindCase, typed(func(c *retention.Case) error { return c.Validate() }))
	Register(retention.KindRenewal, typed(func(r *retention.Renewal) error { return r.Validate() }))
}

func driversOf(c *opportunity.Close) []string {
	if c.Interview == nil {
		return nil
	}
	return c.Interview.Drivers
}

// CheckRecord checks one exported record: the key has the store's layout,
// the kind agrees with it, the value is a JSON object whose envelope names
// the same id with a revision, and the kind's decoder (if any) accepts it.
func CheckRecord(rec Record) (Key, error) {
	k, err := ParseKey(rec.Key)
	if err != nil {
		return k, err
	}
	if rec.Kind != k.Kind {
		return k, fault.New(fault.Invalid, "kind_mismatch", "the record says it is %q but its key says %q", truncate(rec.Kind, 40), k.Kind)
	}
	if k.AccountID != "" && !record.ValidID(k.AccountID) {
		return k, fault.New(fault.Invalid, "bad_key", "%q does not name an account", truncate(rec.Key, 80))
	}
	raw := bytes.TrimSpace(rec.Value)
	if len(raw) == 0 || raw[0] != '{' {
		return k, fault.New(fault.Invalid, "bad_value", "the value is not a JSON object")
	}
	var meta record.Meta
	if err := json.Unmarshal(raw, &meta); err != nil {
		return k, fault.Wrap(fault.Invalid, "bad_value", err, "the value cannot be read: %v", err)
	}
	if meta.ID != k.ID {
		return k, fault.New(fault.Invalid, "id_mismatch", "the value's id %q is not the key's %q", truncate(meta.ID, 40), k.ID)
	}
	if meta.Rev < 1 {
		return k, fault.New(fault.Invalid, "bad_rev", "the revision %d is not a stored record's", meta.Rev)
	}
	decodersMu.RLock()
	d := decoders[k.Kind]
	decodersMu.RUnlock()
	if d != nil {
		if !record.ValidID(k.ID) {
			return k, fault.New(fault.Invalid, "bad_key", "%q is not a record id", truncate(k.ID, 40))
		}
		if err := d(raw); err != nil {
			return k, err
		}
	}
	return k, nil
}

// RecordProblem places a record's error in the file for the preview.
func RecordProblem(n int, rec Record, err error) Problem {
	fe := fault.As(err)
	return Problem{Row: n, Column: fe.Field, Field: fe.Field, Rule: fe.Rule, Params: fe.Params,
		Message: fmt.Sprintf("%s: %s", truncate(rec.Key, 80), fe.Message)}
}
