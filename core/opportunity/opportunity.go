// Package opportunity is an account's deals (DOMAIN.md §7): the eight
// key-account stages, the Real–Win–Worth screen, the stage history the
// pipeline's "stalled" and the win-loss "stage reached" read, and closing a
// deal with an outcome, reasons, the competitor that won and an optional
// win-loss interview.
package opportunity

import (
	"fmt"
	"slices"
	"strings"

	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/money"
	"keystone/core/record"
)

// Kind names opportunities in keys and errors.
const Kind = "opportunity"

// Outcomes of a closed deal. Invalid (a duplicate or a deal that never was)
// is left out of every figure.
const (
	Won        = "won"
	Lost       = "lost"
	NoDecision = "no_decision"
	Withdrawn  = "withdrawn"
	Invalid    = "invalid"
)

// Outcomes lists every outcome.
var Outcomes = []string{Won, Lost, NoDecision, Withdrawn, Invalid}

// Limits in characters or entries.
const (
	MaxTitle       = 200
	MaxName        = 80
	MaxText        = 4000
	MaxCompetitors = 10
	MaxInfluences  = 20
	MaxSecondary   = 5
	MaxDrivers     = 8
)

// StageChange is the day the deal entered a stage.
type StageChange struct {
	Stage string        `json:"stage"`
	On    calendar.Date `json:"on"`
}

// Interview is a win-loss interview with someone on the customer's side.
type Interview struct {
	Who  string        `json:"who"`
	Role string        `json:"role"`
	On   calendar.Date `json:"on"`
	// Drivers are the reasons (keys of the reason list) the buyer named as
	// deciding, so the buyer's view can be set beside the seller's.
	Drivers []string `json:"drivers"`
	Quotes  string   `json:"quotes"`
}

// Close is how a deal ended.
type Close struct {
	Outcome          string        `json:"outcome"`
	PrimaryReason    string        `json:"primaryReason"`
	SecondaryReasons []string      `json:"secondaryReasons"`
	Winner           string        `json:"winner"` // the competitor that won; never for a won deal
	Lessons          string        `json:"lessons"`
	On               calendar.Date `json:"on"`
	Interview        *Interview    `json:"interview"`
}

// Opportunity is one deal with an account.
type Opportunity struct {
	record.Meta
	AccountID     string        `json:"accountId"`
	Title         string        `json:"title"`
	Value         money.Money   `json:"value"`
	Stage         string        `json:"stage"`
	Probability   int           `json:"probability"` // percent
	ExpectedClose calendar.Date `json:"expectedClose"`
	OpenedOn      calendar.Date `json:"openedOn"`
	Competitors   []string      `json:"competitors"`
	Influences    []string      `json:"influences"` // contact ids of the account's buying influences
	Screen        Screen        `json:"screen"`
	Owner         string        `json:"owner"`
	Notes         string        `json:"notes"`
	History       []StageChange `json:"history"`
	Close         *Close        `json:"close"`
	// SettingsVersion names the area settings the deal was last saved with.
	SettingsVersion int `json:"settingsVersion"`
}

// IsOpen reports whether the deal is still in the pipeline.
func (o *Opportunity) IsOpen() bool { return o.Close == nil }

// LastChange is the day of the latest stage change (the opening day when
// the history is empty).
func (o *Opportunity) LastChange() calendar.Date {
	if n := len(o.History); n > 0 {
		return o.History[n-1].On
	}
	return o.OpenedOn
}

// Normalize trims text, upper-cases the currency and drops blank or repeated
// list entries.
func (o *Opportunity) Normalize() {
	o.Title = strings.TrimSpace(o.Title)
	o.Owner = strings.TrimSpace(o.Owner)
	o.Stage = strings.TrimSpace(o.Stage)
	o.Value.Currency = strings.ToUpper(strings.TrimSpace(o.Value.Currency))
	o.Competitors = cleanList(o.Competitors)
	o.Influences = cleanList(o.Influences)
	if o.Screen == nil {
		o.Screen = Screen{}
	}
	for k, v := range o.Screen {
		if v == "" {
			delete(o.Screen, k)
		}
	}
	if o.History == nil {
		o.History = []StageChange{}
	}
	if o.Close != nil {
		o.Close.Normalize()
	}
}

// Normalize trims the close's text and lists.
func (c *Close) Normalize() {
	c.Winner = strings.TrimSpace(c.Winner)
	c.PrimaryReason = strings.TrimSpace(c.PrimaryReason)
	c.SecondaryReasons = cleanList(c.SecondaryReasons)
	c.Lessons = strings.TrimSpace(c.Lessons)
	if c.Interview != nil {
		iv := c.Interview
		iv.Who, iv.Role, iv.Quotes = strings.TrimSpace(iv.Who), strings.TrimSpace(iv.Role), strings.TrimSpace(iv.Quotes)
		iv.Drivers = cleanList(iv.Drivers)
		if iv.Who == "" && iv.Role == "" && iv.On == "" && len(iv.Drivers) == 0 && iv.Quotes == "" {
			c.Interview = nil
		}
	}
}

// cleanList trims entries and drops blanks and repeats (case-insensitively).
func cleanList(in []string) []string {
	out := make([]string, 0, len(in))
	seen := map[string]bool{}
	for _, s := range in {
		s = strings.TrimSpace(s)
		k := strings.ToLower(s)
		if s == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, s)
	}
	return out
}

// Validate checks the deal's own fields against the settings; stageChanged
// says whether the stage is new (an unchanged stage was valid when set and
// stays so after the list changes). Contacts and the account need the
// store and are the caller's.
func (o *Opportunity) Validate(s *Settings, stageChanged bool) error {
	var c fault.Checker
	if o.AccountID == "" {
		c.Add("accountId", "required", nil, "accountId is required")
	}
	if c.Required("title", o.Title) {
		c.MaxLen("title", o.Title, MaxTitle)
	}
	if c.Required("value.currency", o.Value.Currency) && !money.ValidCurrency(o.Value.Currency) {
		c.Add("value.currency", "invalid_currency", map[string]any{"value": o.Value.Currency}, "currency %q is not an ISO 4217 code", o.Value.Currency)
	}
	c.NonNegative("value.amount", o.Value.Amount)
	if c.Required("stage", o.Stage) && stageChanged && s.StageIndex(o.Stage) < 0 {
		c.Add("stage", "unknown_stage", map[string]any{"value": o.Stage}, "stage %q is not in the stage list", o.Stage)
	}
	c.Range("probability", int64(o.Probability), 0, 100)
	checkDate(&c, "openedOn", o.OpenedOn, true)
	checkDate(&c, "expectedClose", o.ExpectedClose, false)
	if o.OpenedOn != "" && o.ExpectedClose != "" && o.OpenedOn.Valid() && o.ExpectedClose.Valid() && o.ExpectedClose < o.OpenedOn {
		c.Add("expectedClose", "before_open", map[string]any{"open": string(o.OpenedOn)}, "the expected close cannot be before the deal was opened")
	}
	if len(o.Competitors) > MaxCompetitors {
		c.Add("competitors", "too_many", map[string]any{"max": MaxCompetitors}, "at most %d competitors", MaxCompetitors)
	}
	for i, x := range o.Competitors {
		c.MaxLen(fmt.Sprintf("competitors[%d]", i), x, MaxName)
	}
	if len(o.Influences) > MaxInfluences {
		c.Add("influences", "too_many", map[string]any{"max": MaxInfluences}, "at most %d buying influences", MaxInfluences)
	}
	c.Merge(o.Screen.check())
	c.MaxLen("owner", o.Owner, MaxName)
	c.MaxLen("notes", o.Notes, MaxText)
	if o.Close != nil {
		c.Merge(o.Close.check(s, o.OpenedOn))
	}
	return c.Err()
}

// ValidateClose checks a close on its own (the closing dialog's fields).
func ValidateClose(cl *Close, s *Settings, openedOn calendar.Date) error {
	cl.Normalize()
	c := cl.check(s, openedOn)
	return c.Err()
}

func (cl *Close) check(s *Settings, openedOn calendar.Date) *fault.Checker {
	c := (&fault.Checker{}).At("close.")
	c.OneOf("outcome", cl.Outcome, false, Outcomes...)
	if c.Required("primaryReason", cl.PrimaryReason) {
		checkReason(c, "primaryReason", cl.PrimaryReason, s)
	}
	if len(cl.SecondaryReasons) > MaxSecondary {
		c.Add("secondaryReasons", "too_many", map[string]any{"max": MaxSecondary}, "at most %d secondary reasons", MaxSecondary)
	}
	for i, r := range cl.SecondaryReasons {
		f := fmt.Sprintf("secondaryReasons[%d]", i)
		if r == cl.PrimaryReason {
			c.Add(f, "same_as_primary", map[string]any{"value": r}, "%q is already the primary reason", r)
			continue
		}
		checkReason(c, f, r, s)
	}
	if cl.Winner != "" {
		if cl.Outcome == Won {
			c.Add("winner", "won_with_winner", nil, "a won deal has no winning competitor: we won it")
		}
		c.MaxLen("winner", cl.Winner, MaxName)
	}
	c.MaxLen("lessons", cl.Lessons, MaxText)
	if checkDate(c, "on", cl.On, true) && openedOn != "" && openedOn.Valid() && cl.On < openedOn {
		c.Add("on", "before_open", map[string]any{"open": string(openedOn)}, "the close date %s is before the deal was opened (%s)", cl.On, openedOn)
	}
	if iv := cl.Interview; iv != nil {
		if c.Required("interview.who", iv.Who) {
			c.MaxLen("interview.who", iv.Who, MaxName)
		}
		c.MaxLen("interview.role", iv.Role, MaxName)
		checkDate(c, "interview.on", iv.On, false)
		if len(iv.Drivers) > MaxDrivers {
			c.Add("interview.drivers", "too_many", map[string]any{"max": MaxDrivers}, "at most %d decision drivers", MaxDrivers)
		}
		for i, d := range iv.Drivers {
			checkReason(c, fmt.Sprintf("interview.drivers[%d]", i), d, s)
		}
		c.MaxLen("interview.quotes", iv.Quotes, MaxText)
	}
	return c
}

func checkReason(c *fault.Checker, field, key string, s *Settings) {
	if _, ok := s.Reason(key); !ok {
		c.Add(field, "unknown_reason", map[string]any{"value": key}, "%q is not in the reason list", key)
	}
}

// checkDate checks a date's form and a plausible year; it reports whether
// the date is set and valid.
func checkDate(c *fault.Checker, field string, d calendar.Date, required bool) bool {
	switch {
	case d == "":
		if required {
			c.Add(field, "required", nil, "%s is required", field)
		}
		return false
	case !d.Valid():
		c.Add(field, "invalid_date", map[string]any{"value": string(d)}, "%q is not a calendar date", d)
		return false
	case d.Year() < 1990 || d.Year() > 2100:
		c.Range(field, int64(d.Year()), 1990, 2100)
		return false
	}
	return true
}

// MoveTo puts the deal in a stage on a day, recording the change; moving to
// the stage it is in changes nothing.
func (o *Opportunity) MoveTo(stage string, on calendar.Date) {
	if n := len(o.History); n > 0 && o.History[n-1].Stage == stage && o.Stage == stage {
		return
	}
	o.Stage = stage
	o.History = append(o.History, StageChange{Stage: stage, On: on})
}

// Furthest is the furthest stage (by position in the list) the deal ever
// reached, from its history and its current stage; "" when none is known.
func (o *Opportunity) Furthest(s *Settings) string {
	best, at := "", -1
	consider := func(k string) {
		if i := s.StageIndex(k); i > at {
			best, at = k, i
		}
	}
	for _, h := range o.History {
		consider(h.Stage)
	}
	consider(o.Stage)
	if best == "" {
		return o.Stage
	}
	return best
}

// Stalled reports whether an open deal has stayed in its stage for more than
// days days on today.
func Stalled(lastChange, today calendar.Date, days int) bool {
	n, ok := DaysBetween(lastChange, today)
	return ok && n > days
}

// Weighted is a value times a probability in percent, rounded to the minor unit.
func Weighted(amount int64, probability int) int64 {
	return (amount*int64(probability) + 50) / 100
}

// HasCompetitor reports whether name was involved in the deal or won it.
func (o *Opportunity) HasCompetitor(name string) bool {
	if o.Close != nil && strings.EqualFold(o.Close.Winner, name) {
		return true
	}
	return slices.ContainsFunc(o.Competitors, func(c string) bool { return strings.EqualFold(c, name) })
}

// DayNumber is the number of days from 1970-01-01 to a date written
// YYYY-MM-DD, by integer arithmetic: the pipeline and the figures work out
// ages of 100,000 deals and cannot afford to parse each date. ok is false
// for a malformed date.
func DayNumber(d calendar.Date) (n int, ok bool) {
	s := string(d)
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	day, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || day < 1 || day > 31 {
		return 0, false
	}
	// Days from civil (H. Hinnant's algorithm).
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468, true
}

// YearOf is the year of a date written YYYY-MM-DD without parsing it (0 when malformed).
func YearOf(d calendar.Date) int {
	if len(d) < 4 {
		return 0
	}
	y, _ := digits(string(d)[0:4])
	return y
}

// QuarterOf is the quarter (1–4) of a date written YYYY-MM-DD without parsing it (0 when malformed).
func QuarterOf(d calendar.Date) int {
	if len(d) < 7 {
		return 0
	}
	m, ok := digits(string(d)[5:7])
	if !ok || m < 1 || m > 12 {
		return 0
	}
	return (m-1)/3 + 1
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// DaysBetween is the number of days from a to b; ok is false when either is malformed.
func DaysBetween(a, b calendar.Date) (int, bool) {
	x, ok1 := DayNumber(a)
	y, ok2 := DayNumber(b)
	return y - x, ok1 && ok2
}
