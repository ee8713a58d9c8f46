package app

import (
	"keystone/core/account"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/record"
	"keystone/core/relationship"
	"keystone/core/settings"
	"keystone/storage"
)

// relationshipModel keeps the versions of the relationship model's
// settings (share-of-wallet cuts of the stage suggestion, the red flags'
// not-met period). Nothing computed from them is stored: the tab reads
// under the version in force.
var relationshipModel = modelSettings[relationship.Settings]{
	area:     relationship.Area,
	defaults: relationship.Defaults,
	validate: relationship.ValidateSettings,
}

// RelationshipService keeps an account's relationship stage, the three relationship dimensions and the relationship map.
type RelationshipService struct {
	store   *storage.Store
	clock   calendar.Clock
	actions *ActionService
}

func newRelationshipService(store *storage.Store, clock calendar.Clock, actions *ActionService) *RelationshipService {
	return &RelationshipService{store: store, clock: clock, actions: actions}
}

// RelationshipView is what the relationship tab shows: the saved profile
// (id "" while none is saved), the stage suggestion with its reasons, the
// three dimensions summed up and the relationship map with its red flags.
type RelationshipView struct {
	Profile    relationship.Profile    `json:"profile"`
	Suggestion relationship.Suggestion `json:"suggestion"`
	Dimensions relationship.Dimensions `json:"dimensions"`
	Map        relationship.Map        `json:"map"`
	Today      calendar.Date           `json:"today"`
	// Settings are the relationship settings in force, which the suggestion and the flags used.
	Settings relationship.Settings `json:"settings"`
}

// Get returns the account's relationship view.
func (s *RelationshipService) Get(accountID string) (RelationshipView, error) {
	var v RelationshipView
	err := s.store.View(func(tx *storage.Tx) error {
		var err error
		v, err = s.view(tx, accountID)
		return err
	})
	return v, err
}

// Suggest returns only the stage suggestion.
func (s *RelationshipService) Suggest(accountID string) (relationship.Suggestion, error) {
	v, err := s.Get(accountID)
	return v.Suggestion, err
}

// Map returns only the relationship map.
func (s *RelationshipService) Map(accountID string) (relationship.Map, error) {
	v, err := s.Get(accountID)
	return v.Map, err
}

func (s *RelationshipService) view(tx *storage.Tx, accountID string) (RelationshipView, error) {
	var a account.Account
	if err := getAccount(tx, accountID, &a); err != nil {
		return RelationshipView{}, err
	}
	p, err := loadProfile(tx, accountID)
	if err != nil {
		return RelationshipView{}, err
	}
	set, err := relationshipModel.current(tx)
	if err != nil {
		return RelationshipView{}, err
	}
	figs, err := storage.List[account.YearFigures](tx, storage.ChildPrefix(accountID, account.KindFigures))
	if err != nil {
		return RelationshipView{}, err
	}
	contacts, err := storage.List[account.Contact](tx, storage.ChildPrefix(accountID, account.KindContact))
	if err != nil {
		return RelationshipView{}, err
	}
	acts, err := meetings(tx, accountID)
	if err != nil {
		return RelationshipView{}, err
	}
	contacts = live(contacts)
	today := calendar.Today(s.clock)
	ev := relationship.Evidence{Profile: p, Contacts: contacts}
	// The latest year with figures and the one before it.
	shares := account.SharesOfWallet(figs)
	if n := len(shares); n > 0 {
		ev.Share, ev.ShareKnown = shares[n-1].Percent, shares[n-1].Known
		if n > 1 && shares[n-2].Year == shares[n-1].Year-1 {
			ev.PrevShare, ev.PrevShareKnown = shares[n-2].Percent, shares[n-2].Known
		}
	}
	return RelationshipView{
		Profile:    p,
		Suggestion: relationship.Suggest(ev, set.Value),
		Dimensions: relationship.Summarize(p, contacts),
		Map:        relationship.BuildMap(contacts, acts, p.Influences, today, set.Value),
		Today:      today,
		Settings:   set.Value,
	}, nil
}

// meeting is what the map reads of an activity: when, and with whom.
// Decoding only these fields, not the subjects and notes, is most of the
// saving on a long visit record.
type meeting struct {
	record.Meta
	Date       calendar.Date `json:"date"`
	ContactIDs []string      `json:"contactIds"`
}

// meetings lists the account's live activities with their date and people only.
func meetings(tx *storage.Tx, accountID string) ([]account.Activity, error) {
	ms, err := storage.List[meeting](tx, storage.ChildPrefix(accountID, account.KindActivity))
	if err != nil {
		return nil, err
	}
	out := make([]account.Activity, 0, len(ms))
	for _, m := range ms {
		if !m.Deleted() {
			out = append(out, account.Activity{Meta: m.Meta, AccountID: accountID, Date: m.Date, ContactIDs: m.ContactIDs})
		}
	}
	return out, nil
}

// loadProfile reads the account's profile; an account without one gets an
// empty profile (id "", rev 0) that a first save creates.
func loadProfile(tx *storage.Tx, accountID string) (relationship.Profile, error) {
	p := relationship.Profile{AccountID: accountID}
	_, err := getSingleton(tx, accountID, relationship.Kind, &p)
	p.Normalize()
	return p, err
}

// Save stores the profile (one per account; its id is the account's). A
// change of stage or phase is added to the dated stage history, with note
// as the reason. It returns the view as it now stands.
func (s *RelationshipService) Save(in relationship.Profile, note string) (RelationshipView, error) {
	in.Normalize()
	var v RelationshipView
	err := s.store.Update(func(tx *storage.Tx) error {
		if _, err := liveAccount(tx, in.AccountID); err != nil {
			return err
		}
		prev, err := loadProfile(tx, in.AccountID)
		if err != nil {
			return err
		}
		if in.ID != "" && in.ID != in.AccountID {
			return fault.NotFoundf(relationship.Kind, in.ID)
		}
		// The history is written by saves only: what the client sends is ignored.
		in.History = prev.History
		relationship.Track(prev, &in, calendar.Today(s.clock), note)
		contacts, err := storage.List[account.Contact](tx, storage.ChildPrefix(in.AccountID, account.KindContact))
		if err != nil {
			return err
		}
		if err := in.Validate(contacts); err != nil {
			return err
		}
		if err := putSingleton(tx, in.AccountID, relationship.Kind, &in); err != nil {
			return err
		}
		v, err = s.view(tx, in.AccountID)
		return err
	})
	if err != nil {
		return RelationshipView{}, err
	}
	return v, nil
}

// Settings returns the relationship model's settings in force.
func (s *RelationshipService) Settings() (settings.Model[relationship.Settings], error) {
	return relationshipModel.get(s.store)
}

// SaveSettings stores edited settings as the next version; base is the
// version the user edited.
func (s *RelationshipService) SaveSettings(value relationship.Settings, base int) (settings.Model[relationship.Settings], error) {
	return relationshipModel.update(s.store, value, base)
}

// RestoreDefaults stores the shipped defaults as the next version.
func (s *RelationshipService) RestoreDefaults(base int) (settings.Model[relationship.Settings], error) {
	return relationshipModel.restore(s.store, base)
}

// Defaults returns the shipped settings, for the UI to show beside the ones in force.
func (s *RelationshipService) Defaults() relationship.Settings {
	return relationship.Defaults()
}
