package retention

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"keystone/core/account"
	"keystone/core/action"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/switching"
)

// Decline warnings (衰退期预警) Keystone can compute from an account's own
// data. Slower payment, also in DOMAIN.md §6, needs payment records the
// accounts do not keep yet.
const (
	FallingRevenue     = "falling_revenue"
	FallingShare       = "falling_share"
	RisingComplaints   = "rising_complaints"
	ContactLeft        = "contact_left"
	RenewalNear        = "renewal_near"
	CompetitorActivity = "competitor_activity"
)

// WarningKeys lists them in the order they are shown.
var WarningKeys = []string{FallingRevenue, FallingShare, RisingComplaints, ContactLeft, RenewalNear, CompetitorActivity}

// Risk levels.
const (
	Low    = "low"
	Medium = "medium"
	High   = "high"
)

// Settings hold the area's model settings: the switching-cost model's and
// the decline warnings' weights and thresholds. Every number is a default
// marked *reconstructed* in the UI: the courses name the warnings, not the
// numbers.
type Settings struct {
	Switching switching.Settings `json:"switching"`
	// Weights per warning, adding up to 100: the risk score is the sum of
	// the weights of the warnings that fire.
	Weights map[string]int `json:"weights"`
	// RevenueDrop: revenue fell at least this many percent, year on year.
	RevenueDrop int `json:"revenueDrop"`
	// ShareDrop: share of wallet fell at least this many percentage points.
	ShareDrop int `json:"shareDrop"`
	// ComplaintDays and MinComplaints: at least MinComplaints complaints in
	// the last ComplaintDays, and more than in the same span before.
	ComplaintDays int `json:"complaintDays"`
	MinComplaints int `json:"minComplaints"`
	// ContactLeftDays: a key person marked as left within this many days.
	ContactLeftDays int `json:"contactLeftDays"`
	// RenewalDays: the renewal falls within this many days and no action
	// is due or was done in the run-up of this many days before it.
	RenewalDays int `json:"renewalDays"`
	// CompetitorDays and CompetitorWords: an activity in this many days whose
	// subject or notes name a competitor (these words or the competitors the
	// account's plans target).
	CompetitorDays  int      `json:"competitorDays"`
	CompetitorWords []string `json:"competitorWords"`
	// MediumAt and HighAt cut the 0–100 risk score into levels.
	MediumAt int `json:"mediumAt"`
	HighAt   int `json:"highAt"`
}

// Defaults are the shipped settings.
func Defaults() Settings {
	return Settings{
		Switching: switching.Defaults(),
		Weights: map[string]int{FallingRevenue: 25, FallingShare: 15, RisingComplaints: 20, ContactLeft: 15,
			RenewalNear: 10, CompetitorActivity: 15},
		RevenueDrop:     10,
		ShareDrop:       5,
		ComplaintDays:   90,
		MinComplaints:   2,
		ContactLeftDays: 180,
		RenewalDays:     90,
		CompetitorDays:  90,
		CompetitorWords: []string{"竞争对手", "竞品", "对手", "competitor", "rival"},
		MediumAt:        30,
		HighAt:          60,
	}
}

// Validate checks weights add up to 100, thresholds lie in range and the
// levels are in order.
func (s *Settings) Validate() error {
	var c fault.Checker
	if err := s.Switching.Validate(); err != nil {
		for _, is := range fault.As(err).Issues {
			c.Add("switching."+is.Field, is.Rule, is.Params, "%s", is.Message)
		}
	}
	switching.CheckWeights(&c, "weights", s.Weights, WarningKeys)
	c.Range("revenueDrop", int64(s.RevenueDrop), 1, 100)
	c.Range("shareDrop", int64(s.ShareDrop), 1, 100)
	c.Range("complaintDays", int64(s.ComplaintDays), 7, 730)
	c.Range("minComplaints", int64(s.MinComplaints), 1, 100)
	c.Range("contactLeftDays", int64(s.ContactLeftDays), 7, 730)
	c.Range("renewalDays", int64(s.RenewalDays), 7, 730)
	c.Range("competitorDays", int64(s.CompetitorDays), 7, 730)
	if len(s.CompetitorWords) > 50 {
		c.Add("competitorWords", "too_many", map[string]any{"max": 50}, "at most 50 competitor words")
	}
	for i, w := range s.CompetitorWords {
		f := fmt.Sprintf("competitorWords[%d]", i)
		if c.Required(f, w) {
			c.MaxLen(f, w, 40)
		}
	}
	c.Range("mediumAt", int64(s.MediumAt), 1, 100)
	c.Range("highAt", int64(s.HighAt), 1, 100)
	if s.HighAt <= s.MediumAt {
		c.Add("highAt", "not_above", map[string]any{"other": s.MediumAt}, "the high level must start above the medium level (%d)", s.MediumAt)
	}
	return c.Err()
}

// Input is one account's data the warnings read.
type Input struct {
	Today      calendar.Date
	Figures    []account.YearFigures
	Contacts   []account.Contact
	Activities []account.Activity
	Actions    []action.Action // the account's actions, any area
	Renewal    calendar.Date   // "" = unknown
	// Competitors are names the account's plans target.
	Competitors []string
}

// Warning is one warning that fired, with the reason's numbers.
type Warning struct {
	Key     string         `json:"key"`
	Weight  int            `json:"weight"`
	Params  map[string]any `json:"params"`
	Message string         `json:"message"` // the reason in English; the UI says it from Key and Params
}

// Risk is an account's decline warnings and what they add up to.
type Risk struct {
	Score    int       `json:"score"` // 0–100: Σ weights of the warnings that fired
	Level    string    `json:"level"`
	Warnings []Warning `json:"warnings"`
	// Unknown are the checks the account's data cannot answer (no figures
	// for two years, no category spend, no renewal date).
	Unknown []string `json:"unknown"`
}

// Assess computes an account's decline warnings, risk score and level.
func Assess(in Input, s Settings) Risk {
	r := Risk{Warnings: []Warning{}, Unknown: []string{}}
	fire := func(key string, params map[string]any, format string, args ...any) {
		r.Warnings = append(r.Warnings, Warning{Key: key, Weight: s.Weights[key], Params: params, Message: fmt.Sprintf(format, args...)})
		r.Score += s.Weights[key]
	}
	unknown := func(key string) { r.Unknown = append(r.Unknown, key) }

	prev, last := lastTwoYears(in.Figures, in.Today.Year())
	switch {
	case prev == nil:
		unknown(FallingRevenue)
	case prev.Currency == last.Currency && prev.Revenue > 0:
		drop := float64(prev.Revenue-last.Revenue) / float64(prev.Revenue) * 100
		if drop >= float64(s.RevenueDrop) {
			fire(FallingRevenue, map[string]any{"from": prev.Year, "to": last.Year, "percent": round1(drop)},
				"revenue fell %.1f%% from %d to %d", drop, prev.Year, last.Year)
		}
	default:
		unknown(FallingRevenue)
	}
	if prev == nil {
		unknown(FallingShare)
	} else if a, b := account.ShareOfWallet(*prev), account.ShareOfWallet(*last); !a.Known || !b.Known {
		unknown(FallingShare)
	} else if pts := a.Percent - b.Percent; pts >= float64(s.ShareDrop) {
		fire(FallingShare, map[string]any{"from": prev.Year, "to": last.Year, "before": round1(a.Percent), "after": round1(b.Percent), "points": round1(pts)},
			"share of wallet fell %.1f points, from %.1f%% in %d to %.1f%% in %d", pts, a.Percent, prev.Year, b.Percent, last.Year)
	}

	recentFrom, earlierFrom := in.Today.AddDays(-s.ComplaintDays), in.Today.AddDays(-2*s.ComplaintDays)
	recent, earlier := 0, 0
	for _, a := range in.Activities {
		if a.Deleted() || a.Type != "complaint" || a.Date > in.Today {
			continue
		}
		switch {
		case a.Date > recentFrom:
			recent++
		case a.Date > earlierFrom:
			earlier++
		}
	}
	if recent >= s.MinComplaints && recent > earlier {
		fire(RisingComplaints, map[string]any{"recent": recent, "earlier": earlier, "days": s.ComplaintDays},
			"%d complaints in the last %d days, %d in the %d days before", recent, s.ComplaintDays, earlier, s.ComplaintDays)
	}

	// A contact has no "left on" date: the record's last change, when it was
	// marked as left, stands in for it.
	leftSince := in.Today.AddDays(-s.ContactLeftDays)
	var names []string
	for _, p := range in.Contacts {
		if p.Deleted() || !p.Left || !(p.BuyingRole == "economic" || p.Influence == "high") {
			continue
		}
		if calendar.DateOf(p.UpdatedAt) >= leftSince {
			names = append(names, p.Name)
		}
	}
	if len(names) > 0 {
		fire(ContactLeft, map[string]any{"names": strings.Join(names, ", "), "count": len(names), "days": s.ContactLeftDays},
			"key contact marked as left in the last %d days: %s", s.ContactLeftDays, strings.Join(names, ", "))
	}

	switch {
	case in.Renewal == "":
		unknown(RenewalNear)
	case in.Renewal >= in.Today && in.Renewal <= in.Today.AddDays(s.RenewalDays):
		covered := slices.ContainsFunc(in.Actions, func(a action.Action) bool {
			return CoversRenewal(a, in.Renewal, s)
		})
		if !covered {
			days := in.Today.DaysUntil(in.Renewal)
			fire(RenewalNear, map[string]any{"date": string(in.Renewal), "days": days, "window": s.RenewalDays},
				"the contract renews on %s, in %d days, and no action is planned or done in the %d days before it", in.Renewal, days, s.RenewalDays)
		}
	}

	words := competitorWords(s.CompetitorWords, in.Competitors)
	since := in.Today.AddDays(-s.CompetitorDays)
	count, latest, word := 0, calendar.Date(""), ""
	for _, a := range in.Activities {
		if a.Deleted() || a.Date <= since || a.Date > in.Today {
			continue
		}
		if w := mentions(a.Subject+"\n"+a.Notes, words); w != "" {
			count++
			if a.Date > latest {
				latest, word = a.Date, w
			}
		}
	}
	if count > 0 {
		fire(CompetitorActivity, map[string]any{"count": count, "latest": string(latest), "word": word, "days": s.CompetitorDays},
			"%d activities in the last %d days mention a competitor (latest %s: %q)", count, s.CompetitorDays, latest, word)
	}

	r.Score = min(r.Score, 100)
	r.Level = Level(r.Score, s)
	return r
}

// CoversRenewal reports whether an action is work on a renewal: open and due
// in the renewal's run-up (the RenewalDays before it, up to the day), or done
// in that run-up. A to-do left open from long ago is not: it says nothing
// about this renewal, and counting it would silence the warning for good.
func CoversRenewal(a action.Action, renewal calendar.Date, s Settings) bool {
	if a.Deleted() {
		return false
	}
	from := renewal.AddDays(-s.RenewalDays)
	switch {
	case a.IsOpen():
		return a.Due != "" && a.Due >= from && a.Due <= renewal
	case a.Status == action.Done:
		return a.CompletedOn != "" && a.CompletedOn >= from && a.CompletedOn <= renewal
	default:
		return false
	}
}

// Level names a risk score: high from HighAt, medium from MediumAt.
func Level(score int, s Settings) string {
	switch {
	case score >= s.HighAt:
		return High
	case score >= s.MediumAt:
		return Medium
	default:
		return Low
	}
}

// lastTwoYears returns the latest complete year's figures (before the
// current year, which is only under way) and the year before it; nil when
// either is missing.
func lastTwoYears(figs []account.YearFigures, current int) (prev, last *account.YearFigures) {
	by := map[int]*account.YearFigures{}
	latest := 0
	for i := range figs {
		f := &figs[i]
		if f.Deleted() || f.Year >= current {
			continue
		}
		by[f.Year] = f
		latest = max(latest, f.Year)
	}
	if latest == 0 || by[latest-1] == nil {
		return nil, nil
	}
	return by[latest-1], by[latest]
}

func competitorWords(settings, names []string) []string {
	out := make([]string, 0, len(settings)+len(names))
	for _, w := range append(slices.Clone(settings), names...) {
		if w = strings.ToLower(strings.TrimSpace(w)); w != "" && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// mentions returns the first of words (lower case) that text contains.
func mentions(text string, words []string) string {
	t := strings.ToLower(text)
	for _, w := range words {
		if strings.Contains(t, w) {
			return w
		}
	}
	return ""
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }

// Relevant reports whether an activity can make a warning fire on today with
// these settings: a complaint in the two complaint windows, or one in the
// competitor window that names a competitor. Assess gives the same result on
// the relevant activities alone, so a cache may keep just those.
func Relevant(a account.Activity, today calendar.Date, competitors []string, s Settings) bool {
	if a.Deleted() || a.Date > today {
		return false
	}
	if a.Type == "complaint" && a.Date > today.AddDays(-2*s.ComplaintDays) {
		return true
	}
	return a.Date > today.AddDays(-s.CompetitorDays) && mentions(a.Subject+"\n"+a.Notes, competitorWords(s.CompetitorWords, competitors)) != ""
}
