package app

import (
	"sort"
	"strings"
	"sync"

	"keystone/core/account"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/record"
	"keystone/core/review"
	"keystone/storage"
)

// ReviewService keeps account reviews and annual evaluations and prints them.
//
// A review is stored under its account (ws/<account>/review/<id>) with a
// global pointer g/reviewref/<id> that also holds the list row, written in
// the same transaction; the review list across accounts is one scan of the
// small pointers. The snapshot is filled by asking each area's service, so a
// review reads exactly what the screens show.
type ReviewService struct {
	store         *storage.Store
	clock         calendar.Clock
	accounts      *AccountService
	portfolio     *PortfolioService
	partnership   *PartnershipService
	relationships *RelationshipService
	winloss       *WinLossService
	switching     *SwitchingService
	retention     *RetentionService
	programs      *ProgramService
	actions       *ActionService
	settings      *SettingsService
	files         *FileService

	mu   sync.Mutex
	jobs map[string]*batchJob
}

// newReviewService builds the service over the other areas' services.
func newReviewService(a *App, clock calendar.Clock) *ReviewService {
	return &ReviewService{store: a.Store, clock: clock, accounts: a.Accounts, portfolio: a.Portfolio, partnership: a.Partnership,
		relationships: a.Relationships, winloss: a.WinLoss, switching: a.Switching, retention: a.Retention, programs: a.Programs,
		actions: a.Actions, settings: a.Settings, files: a.Files, jobs: map[string]*batchJob{}}
}

// NewReviewInput is what a new review needs.
type NewReviewInput struct {
	AccountID string `json:"accountId"`
	Kind      string `json:"kind"`
	Year      int    `json:"year"`
	Quarter   int    `json:"quarter"`
}

// ReviewQuery filters the review list; empty fields do not filter.
type ReviewQuery struct {
	AccountID string `json:"accountId"`
	Kind      string `json:"kind"`
	Year      int    `json:"year"`
	Status    string `json:"status"`
	Owner     string `json:"owner"`
	Search    string `json:"search"`
}

// ReviewRow is one line of the review list.
type ReviewRow struct {
	review.Ref
	Period string `json:"period"`
}

// ReviewList is the review list with what its filters offer.
type ReviewList struct {
	Rows   []ReviewRow `json:"rows"`
	Owners []string    `json:"owners"`
	Years  []int       `json:"years"`
}

// Create fills a new draft review from the account's data. One live review
// per account, kind and period.
func (s *ReviewService) Create(in NewReviewInput) (review.Review, error) {
	r := review.Review{AccountID: strings.TrimSpace(in.AccountID), Kind: in.Kind, Year: in.Year, Quarter: in.Quarter, Status: review.Draft}
	if err := r.ValidatePeriod(); err != nil {
		return review.Review{}, err
	}
	var acc account.Account
	if err := s.store.View(func(tx *storage.Tx) (err error) { acc, err = liveAccount(tx, r.AccountID); return err }); err != nil {
		return review.Review{}, err
	}
	ctx, err := s.context(r.Year)
	if err != nil {
		return review.Review{}, err
	}
	if r.Snapshot, err = s.snapshot(ctx, r.AccountID, r.Kind, r.Year, r.Quarter); err != nil {
		return review.Review{}, err
	}
	r.ID = record.NewID()
	r.Narrative.SignOff.PreparedBy = acc.Owner
	err = s.store.Update(func(tx *storage.Tx) error {
		if _, err := liveAccount(tx, r.AccountID); err != nil {
			return err
		}
		refs, err := storage.List[review.Ref](tx, storage.GlobalPrefix(review.RefKind))
		if err != nil {
			return err
		}
		for _, x := range refs {
			if !x.Deleted() && x.AccountID == r.AccountID && x.Kind == r.Kind && x.Year == r.Year && x.Quarter == r.Quarter {
				return &fault.Error{Code: fault.Invalid, Field: "year", Rule: "duplicate_review", Params: map[string]any{"id": x.ID, "period": r.PeriodLabel()},
					Message: "this account already has a review for " + r.PeriodLabel()}
			}
		}
		return s.put(tx, &r)
	})
	if err != nil {
		return review.Review{}, err
	}
	return r, nil
}

// put writes the review and its list pointer together.
func (s *ReviewService) put(tx *storage.Tx, r *review.Review) error {
	if err := tx.Put(storage.ChildKey(r.AccountID, review.Kind, r.ID), review.Kind, r); err != nil {
		return err
	}
	ref := review.RefOf(*r)
	var old review.Ref
	err := tx.Get(storage.GlobalKey(review.RefKind, r.ID), review.RefKind, &old)
	switch {
	case err == nil:
		ref.Meta = old.Meta
	case fault.CodeOf(err) != fault.NotFound:
		return err
	}
	ref.DeletedAt = r.DeletedAt
	return tx.Put(storage.GlobalKey(review.RefKind, r.ID), review.RefKind, &ref)
}

func loadReview(tx *storage.Tx, id string) (review.Review, error) {
	var r review.Review
	if !record.ValidID(id) {
		return r, fault.NotFoundf(review.Kind, id)
	}
	var ref review.Ref
	if err := tx.Get(storage.GlobalKey(review.RefKind, id), review.Kind, &ref); err != nil {
		return r, err
	}
	if err := tx.Get(storage.ChildKey(ref.AccountID, review.Kind, id), review.Kind, &r); err != nil {
		return r, err
	}
	if r.Deleted() {
		return r, fault.NotFoundf(review.Kind, id)
	}
	return r, nil
}

// Get returns one review.
func (s *ReviewService) Get(id string) (review.Review, error) {
	var r review.Review
	err := s.store.View(func(tx *storage.Tx) (err error) { r, err = loadReview(tx, id); return err })
	return r, err
}

// List lists reviews, newest period first, then by account.
func (s *ReviewService) List(q ReviewQuery) (ReviewList, error) {
	out := ReviewList{Rows: []ReviewRow{}, Owners: []string{}, Years: []int{}}
	var refs []review.Ref
	if err := s.store.View(func(tx *storage.Tx) (err error) {
		refs, err = storage.List[review.Ref](tx, storage.GlobalPrefix(review.RefKind))
		return err
	}); err != nil {
		return out, err
	}
	owners, years := map[string]bool{}, map[int]bool{}
	search := strings.ToLower(strings.TrimSpace(q.Search))
	for _, r := range refs {
		if r.Deleted() {
			continue
		}
		if r.Owner != "" {
			owners[r.Owner] = true
		}
		years[r.Year] = true
		if (q.AccountID != "" && r.AccountID != q.AccountID) || (q.Kind != "" && r.Kind != q.Kind) || (q.Year != 0 && r.Year != q.Year) ||
			(q.Status != "" && r.Status != q.Status) || (q.Owner != "" && r.Owner != q.Owner) ||
			(search != "" && !strings.Contains(strings.ToLower(r.AccountName), search)) {
			continue
		}
		rv := review.Review{Kind: r.Kind, Year: r.Year, Quarter: r.Quarter}
		out.Rows = append(out.Rows, ReviewRow{Ref: r, Period: rv.PeriodLabel()})
	}
	sort.SliceStable(out.Rows, func(i, j int) bool {
		a, b := out.Rows[i], out.Rows[j]
		if a.Year != b.Year {
			return a.Year > b.Year
		}
		if a.Quarter != b.Quarter {
			return a.Quarter > b.Quarter
		}
		if a.AccountName != b.AccountName {
			return a.AccountName < b.AccountName
		}
		return a.ID < b.ID
	})
	for o := range owners {
		out.Owners = append(out.Owners, o)
	}
	sort.Strings(out.Owners)
	for y := range years {
		out.Years = append(out.Years, y)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(out.Years)))
	return out, nil
}

// change loads a draft at rev, applies fn and saves it, all in one transaction.
func (s *ReviewService) change(id string, rev int64, fn func(r *review.Review) error) (review.Review, error) {
	var r review.Review
	err := s.store.Update(func(tx *storage.Tx) error {
		var err error
		if r, err = loadReview(tx, id); err != nil {
			return err
		}
		if r.Rev != rev {
			return fault.Conflictf(review.Kind, id, rev, r.Rev)
		}
		if r.Final() {
			return review.ErrFinal(id)
		}
		if err := fn(&r); err != nil {
			return err
		}
		return s.put(tx, &r)
	})
	if err != nil {
		return review.Review{}, err
	}
	return r, nil
}

// SaveNarrative stores the narrative of a draft read at rev.
func (s *ReviewService) SaveNarrative(id string, rev int64, n review.Narrative) (review.Review, error) {
	n.Normalize()
	if err := n.Validate(); err != nil {
		return review.Review{}, err
	}
	return s.change(id, rev, func(r *review.Review) error {
		r.Narrative = n
		return nil
	})
}

// Refresh takes a draft's snapshot again from today's data; a final
// review is frozen and refuses.
func (s *ReviewService) Refresh(id string, rev int64) (review.Review, error) {
	cur, err := s.Get(id)
	if err != nil {
		return review.Review{}, err
	}
	if cur.Final() {
		return review.Review{}, review.ErrFinal(id)
	}
	ctx, err := s.context(cur.Year)
	if err != nil {
		return review.Review{}, err
	}
	snap, err := s.snapshot(ctx, cur.AccountID, cur.Kind, cur.Year, cur.Quarter)
	if err != nil {
		return review.Review{}, err
	}
	return s.change(id, rev, func(r *review.Review) error {
		r.Snapshot = snap
		return nil
	})
}

// Finalize freezes a draft read at rev: it needs an executive summary and
// who prepared it. Its snapshot never changes again.
func (s *ReviewService) Finalize(id string, rev int64) (review.Review, error) {
	return s.change(id, rev, func(r *review.Review) error {
		if err := r.CheckFinalize(); err != nil {
			return err
		}
		now := s.clock.Now().UTC().Truncate(1e9)
		r.Status, r.FinalizedAt = review.Final, &now
		if r.Narrative.SignOff.PreparedOn == "" {
			r.Narrative.SignOff.PreparedOn = calendar.DateOf(now)
		}
		return nil
	})
}

// Delete removes a draft read at rev (a tombstone, as everywhere); a final
// review is a record of what was signed and stays.
func (s *ReviewService) Delete(id string, rev int64) error {
	_, err := s.change(id, rev, func(r *review.Review) error {
		now := s.clock.Now().UTC()
		r.DeletedAt = &now
		return nil
	})
	return err
}
