// Package program is the global account program (全球大客户管理, DOMAIN.md §5,
// after Yip & Bink): a parent account with subsidiaries in several countries,
// run as one customer. A program holds its people and structure, the drivers
// checklist, the country table (coverage, quarterly revenue target and actual,
// local share of wallet), the global contract and KPI targets. Milestones and
// the other to-dos are shared Actions (core/action) whose source is the
// program. Health, roll-ups, coverage and adoption are pure functions here.
//
// Money: one currency per program. Every target and actual of a program is in
// its Currency's minor units; nothing is converted, so no exchange rate can
// change a program's health.
package program

import (
	"fmt"
	"slices"
	"strings"

	"keystone/core/account"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/money"
	"keystone/core/record"
)

// Kind names programs in keys and errors.
const Kind = "program"

// RefKind names the global pointer records from a program's id to its
// account (g/programref/<id>): a program is stored under its account, and
// the pointer lets it open by id alone and lets the Programs page list every
// program without visiting each account.
const RefKind = "programref"

// Ref is that pointer; its ID is the program's.
type Ref struct {
	record.Meta
	AccountID string `json:"accountId"`
}

// Structures of a program, from loose to tight (Yip & Bink).
const (
	StructureCoordination = "coordination"
	StructureControl      = "control"
	StructureSeparate     = "separate_unit"
)

// Structures lists them in order.
var Structures = []string{StructureCoordination, StructureControl, StructureSeparate}

// Statuses of a program.
const (
	StatusPlanned = "planned"
	StatusActive  = "active"
	StatusPaused  = "paused"
	StatusEnded   = "ended"
)

// Statuses lists them in order.
var Statuses = []string{StatusPlanned, StatusActive, StatusPaused, StatusEnded}

// Coverage of a country: do we serve the customer's operation there?
const (
	Covered = "covered"
	Partial = "partial"
	None    = "none"
)

// Coverages lists them from best to worst.
var Coverages = []string{Covered, Partial, None}

// Price harmonization of the global contract.
const (
	PriceUniform = "uniform"
	PriceBanded  = "banded"
	PriceLocal   = "local"
)

// Harmonizations lists them from tightest to loosest.
var Harmonizations = []string{PriceUniform, PriceBanded, PriceLocal}

// Drivers for starting a program (DOMAIN.md §5): external ones come from the
// customer, internal ones from our side.
var (
	ExternalDrivers = []string{"global_purchasing", "uniform_terms", "weak_local_support", "global_systems"}
	InternalDrivers = []string{"global_opportunity", "weak_subsidiaries", "infrastructure_ready"}
)

// KPI metrics. Revenue is in minor units of the program's currency; margin,
// coverage and adoption are percents in basis points (1/100 %); satisfaction
// is a 0–10 score in tenths (0..100).
const (
	KPIRevenue      = "revenue"
	KPIMargin       = "margin"
	KPICoverage     = "coverage"
	KPIAdoption     = "adoption"
	KPISatisfaction = "satisfaction"
)

// KPIMetrics lists them in the order the program shows them.
var KPIMetrics = []string{KPIRevenue, KPIMargin, KPICoverage, KPIAdoption, KPISatisfaction}

// Action details: a program's actions carry one of these in Source.Detail.
const (
	DetailMilestone = "milestone" // a milestone of the program
	DetailRenewal   = "renewal"   // the work to renew the global contract
)

// Limits.
const (
	MaxShort     = 80
	MaxText      = 2000
	MaxNotes     = 4000
	MaxCommittee = 20
	MaxCountries = 120
	MaxQuarters  = 200 // per country: 50 years of quarters
	MaxScore     = 100 // satisfaction, tenths of a 0–10 score
	MaxPercentBP = 10000
)

// Driver is one line of the checklist.
type Driver struct {
	Key     string `json:"key"`
	Present bool   `json:"present"`
	Notes   string `json:"notes"`
}

// QuarterFigure is one country's revenue target and actual for one quarter,
// in minor units of the program's currency. Actual is nil until entered:
// "not entered yet" is not "zero".
type QuarterFigure struct {
	Year    int    `json:"year"`
	Quarter int    `json:"quarter"`
	Target  int64  `json:"target"`
	Actual  *int64 `json:"actual"`
}

// CoverageChange records that a country's coverage became Coverage on On.
type CoverageChange struct {
	On       calendar.Date `json:"on"`
	Coverage string        `json:"coverage"`
}

// Country is one row of the country table. A dropped country keeps its row,
// quarters and coverage history; adding the country again makes a new row.
type Country struct {
	ID       string `json:"id"`
	Country  string `json:"country"`  // ISO 3166-1 alpha-2
	EntityID string `json:"entityId"` // the local entity: an account in the group ("" = none on file)
	Lead     string `json:"lead"`     // local account lead
	Coverage string `json:"coverage"`
	// ShareOfWallet is the local share of wallet in basis points; nil = unknown.
	ShareOfWallet *int64           `json:"shareOfWallet"`
	Added         calendar.Date    `json:"added"`
	Dropped       calendar.Date    `json:"dropped"` // "" while the country is in the program
	CoverageLog   []CoverageChange `json:"coverageLog"`
	Quarters      []QuarterFigure  `json:"quarters"`
	Notes         string           `json:"notes"`
}

// Contract is the global contract (全球合同).
type Contract struct {
	Number        string        `json:"number"`
	Scope         string        `json:"scope"`
	Start         calendar.Date `json:"start"`
	End           calendar.Date `json:"end"`
	Renewal       calendar.Date `json:"renewal"` // notice / renewal date; "" = the end date
	Harmonization string        `json:"harmonization"`
	Adopted       []string      `json:"adopted"` // country codes that adopted the contract
}

// KPI is one target; Actual is entered for margin and satisfaction only
// (nil = not measured yet); the others are computed.
type KPI struct {
	Metric string `json:"metric"`
	Target int64  `json:"target"`
	Actual *int64 `json:"actual"`
}

// Program is one global account program, stored under its global account.
type Program struct {
	record.Meta
	AccountID string        `json:"accountId"`
	Manager   string        `json:"manager"` // global account manager
	Sponsor   string        `json:"sponsor"` // executive sponsor
	Committee []string      `json:"committee"`
	Structure string        `json:"structure"`
	Start     calendar.Date `json:"start"`
	Status    string        `json:"status"`
	Currency  string        `json:"currency"`
	Drivers   []Driver      `json:"drivers"`
	Countries []Country     `json:"countries"`
	Contract  *Contract     `json:"contract"`
	KPIs      []KPI         `json:"kpis"`
	Notes     string        `json:"notes"`
}

// Active reports whether the country row is in the program on day d:
// added on or before d and not dropped by then.
func (c *Country) Active(d calendar.Date) bool {
	return (c.Added == "" || c.Added <= d) && (c.Dropped == "" || d < c.Dropped)
}

// Current reports whether the row has not been dropped.
func (c *Country) Current() bool { return c.Dropped == "" }

// CoverageAt is the country's coverage on day d, from its log; the current
// coverage when the log says nothing about d.
func (c *Country) CoverageAt(d calendar.Date) string {
	cov := ""
	for _, ch := range c.CoverageLog {
		if ch.On <= d {
			cov = ch.Coverage
		}
	}
	if cov == "" {
		if len(c.CoverageLog) > 0 {
			return c.CoverageLog[0].Coverage
		}
		return c.Coverage
	}
	return cov
}

// Quarter returns the row's figure for a quarter, or nil.
func (c *Country) Quarter(year, q int) *QuarterFigure {
	for i := range c.Quarters {
		if c.Quarters[i].Year == year && c.Quarters[i].Quarter == q {
			return &c.Quarters[i]
		}
	}
	return nil
}

// RenewalDate is the date the contract must be renewed by: the notice/renewal
// date, else its end ("" without a contract or dates).
func (c *Contract) RenewalDate() calendar.Date {
	if c == nil {
		return ""
	}
	if c.Renewal != "" {
		return c.Renewal
	}
	return c.End
}

// Normalize trims text, upper-cases codes, drops blank committee members,
// puts the drivers in checklist order (one line per driver) and sorts each
// country's quarters.
func (p *Program) Normalize() {
	p.Manager = strings.TrimSpace(p.Manager)
	p.Sponsor = strings.TrimSpace(p.Sponsor)
	p.Currency = strings.ToUpper(strings.TrimSpace(p.Currency))
	committee := p.Committee[:0:0]
	for _, m := range p.Committee {
		if m = strings.TrimSpace(m); m != "" && !slices.Contains(committee, m) {
			committee = append(committee, m)
		}
	}
	p.Committee = committee
	given := map[string]Driver{}
	var unknown []Driver
	for _, d := range p.Drivers {
		d.Notes = strings.TrimSpace(d.Notes)
		if slices.Contains(ExternalDrivers, d.Key) || slices.Contains(InternalDrivers, d.Key) {
			given[d.Key] = d
		} else {
			unknown = append(unknown, d) // kept so Validate can name it
		}
	}
	drivers := make([]Driver, 0, len(ExternalDrivers)+len(InternalDrivers)+len(unknown))
	for _, k := range append(append([]string{}, ExternalDrivers...), InternalDrivers...) {
		d := given[k]
		d.Key = k
		drivers = append(drivers, d)
	}
	p.Drivers = append(drivers, unknown...)
	if p.Countries == nil {
		p.Countries = []Country{}
	}
	for i := range p.Countries {
		p.Countries[i].Normalize()
	}
	if p.Contract != nil {
		p.Contract.Normalize()
	}
	if p.KPIs == nil {
		p.KPIs = []KPI{}
	}
}

// Normalize trims a country row and sorts its quarters.
func (c *Country) Normalize() {
	c.Country = strings.ToUpper(strings.TrimSpace(c.Country))
	c.Lead = strings.TrimSpace(c.Lead)
	c.EntityID = strings.TrimSpace(c.EntityID)
	if c.Quarters == nil {
		c.Quarters = []QuarterFigure{}
	}
	if c.CoverageLog == nil {
		c.CoverageLog = []CoverageChange{}
	}
	slices.SortStableFunc(c.Quarters, func(a, b QuarterFigure) int {
		if a.Year != b.Year {
			return a.Year - b.Year
		}
		return a.Quarter - b.Quarter
	})
}

// Normalize trims the contract and upper-cases its country codes.
func (c *Contract) Normalize() {
	c.Number = strings.TrimSpace(c.Number)
	c.Scope = strings.TrimSpace(c.Scope)
	adopted := make([]string, 0, len(c.Adopted))
	for _, a := range c.Adopted {
		if a = strings.ToUpper(strings.TrimSpace(a)); a != "" && !slices.Contains(adopted, a) {
			adopted = append(adopted, a)
		}
	}
	c.Adopted = adopted
}

// Validate checks a program on its own; the account, its subsidiaries and
// the one-program-per-account rule need the store and are the caller's.
func (p *Program) Validate() error {
	var c fault.Checker
	if p.AccountID == "" {
		c.Add("accountId", "required", nil, "accountId is required")
	}
	if c.Required("manager", p.Manager) {
		c.MaxLen("manager", p.Manager, MaxShort)
	}
	c.MaxLen("sponsor", p.Sponsor, MaxShort)
	if len(p.Committee) > MaxCommittee {
		c.Add("committee", "too_many", map[string]any{"max": MaxCommittee}, "at most %d steering committee members", MaxCommittee)
	}
	for i, m := range p.Committee {
		c.MaxLen(fmt.Sprintf("committee[%d]", i), m, MaxShort)
	}
	c.OneOf("structure", p.Structure, false, Structures...)
	c.OneOf("status", p.Status, false, Statuses...)
	checkDate(&c, "start", p.Start, true)
	if c.Required("currency", p.Currency) && !money.ValidCurrency(p.Currency) {
		c.Add("currency", "invalid_currency", map[string]any{"value": p.Currency}, "currency %q is not an ISO 4217 code", p.Currency)
	}
	for i, d := range p.Drivers {
		f := fmt.Sprintf("drivers[%d].", i)
		c.OneOf(f+"key", d.Key, false, append(append([]string{}, ExternalDrivers...), InternalDrivers...)...)
		c.MaxLen(f+"notes", d.Notes, MaxText)
	}
	if len(p.Countries) > MaxCountries {
		c.Add("countries", "too_many", map[string]any{"max": MaxCountries}, "at most %d country rows", MaxCountries)
	}
	ids := map[string]bool{}
	current := map[string]bool{}
	for i, row := range p.Countries {
		f := fmt.Sprintf("countries[%d].", i)
		if row.ID == "" || ids[row.ID] {
			c.Add(f+"id", "required", nil, "country row %d needs a unique id", i+1)
		}
		ids[row.ID] = true
		row.validate(&c, f)
		if row.Current() && row.Country != "" {
			if current[row.Country] {
				c.Add(f+"country", "duplicate_country", map[string]any{"value": row.Country},
					"%s is already in the program; drop the other row first", row.Country)
			}
			current[row.Country] = true
		}
	}
	if p.Contract != nil {
		p.Contract.validate(&c, p)
	}
	seen := map[string]bool{}
	for i, k := range p.KPIs {
		f := fmt.Sprintf("kpis[%d].", i)
		if !c.OneOf(f+"metric", k.Metric, false, KPIMetrics...) {
			continue
		}
		if seen[k.Metric] {
			c.Add(f+"metric", "duplicate", map[string]any{"value": k.Metric}, "the %s KPI is given twice", k.Metric)
		}
		seen[k.Metric] = true
		c.NonNegative(f+"target", k.Target)
		switch k.Metric {
		case KPIMargin, KPICoverage, KPIAdoption:
			c.Range(f+"target", k.Target, 0, MaxPercentBP)
		case KPISatisfaction:
			c.Range(f+"target", k.Target, 0, MaxScore)
		}
		if k.Actual != nil {
			switch k.Metric {
			case KPIMargin:
				c.Range(f+"actual", *k.Actual, -MaxPercentBP, MaxPercentBP) // a loss-making margin is a fact
			case KPISatisfaction:
				c.Range(f+"actual", *k.Actual, 0, MaxScore)
			default:
				c.Add(f+"actual", "computed", map[string]any{"metric": k.Metric}, "the %s actual is computed from the program; it cannot be entered", k.Metric)
			}
		}
	}
	c.MaxLen("notes", p.Notes, MaxNotes)
	return c.Err()
}

func (row *Country) validate(c *fault.Checker, f string) {
	if c.Required(f+"country", row.Country) && !account.ValidCountry(row.Country) {
		c.Add(f+"country", "invalid_country", map[string]any{"value": row.Country}, "country %q is not an ISO 3166 country code", row.Country)
	}
	c.MaxLen(f+"lead", row.Lead, MaxShort)
	c.OneOf(f+"coverage", row.Coverage, false, Coverages...)
	if row.ShareOfWallet != nil {
		c.Range(f+"shareOfWallet", *row.ShareOfWallet, 0, MaxPercentBP)
	}
	addedOK := checkDate(c, f+"added", row.Added, true)
	if checkDate(c, f+"dropped", row.Dropped, false) && addedOK && row.Dropped != "" && row.Dropped < row.Added {
		c.Add(f+"dropped", "end_before_start", map[string]any{"start": string(row.Added), "value": string(row.Dropped)},
			"a country cannot be dropped (%s) before it was added (%s)", row.Dropped, row.Added)
	}
	for j, ch := range row.CoverageLog {
		g := fmt.Sprintf("%scoverageLog[%d].", f, j)
		checkDate(c, g+"on", ch.On, true)
		c.OneOf(g+"coverage", ch.Coverage, false, Coverages...)
	}
	if len(row.Quarters) > MaxQuarters {
		c.Add(f+"quarters", "too_many", map[string]any{"max": MaxQuarters}, "at most %d quarters per country", MaxQuarters)
	}
	seen := map[[2]int]bool{}
	for j, q := range row.Quarters {
		g := fmt.Sprintf("%squarters[%d].", f, j)
		c.Range(g+"year", int64(q.Year), account.MinYear, account.MaxYear)
		c.Range(g+"quarter", int64(q.Quarter), 1, 4)
		if seen[[2]int{q.Year, q.Quarter}] {
			c.Add(g+"quarter", "duplicate_quarter", map[string]any{"year": q.Year, "quarter": q.Quarter},
				"Q%d %d is given twice", q.Quarter, q.Year)
		}
		seen[[2]int{q.Year, q.Quarter}] = true
		c.NonNegative(g+"target", q.Target)
		if q.Actual != nil {
			c.NonNegative(g+"actual", *q.Actual)
		}
	}
	c.MaxLen(f+"notes", row.Notes, MaxNotes)
}

func (k *Contract) validate(c *fault.Checker, p *Program) {
	c.MaxLen("contract.number", k.Number, MaxShort)
	c.MaxLen("contract.scope", k.Scope, MaxText)
	startOK := checkDate(c, "contract.start", k.Start, true)
	endOK := checkDate(c, "contract.end", k.End, true)
	renewalOK := checkDate(c, "contract.renewal", k.Renewal, false)
	if startOK && endOK && k.End < k.Start {
		c.Add("contract.end", "end_before_start", map[string]any{"start": string(k.Start), "value": string(k.End)},
			"the contract cannot end (%s) before it starts (%s)", k.End, k.Start)
	}
	if renewalOK && endOK && k.Renewal != "" && k.Renewal > k.End {
		c.Add("contract.renewal", "after_end", map[string]any{"end": string(k.End), "value": string(k.Renewal)},
			"the renewal date (%s) cannot be after the contract ends (%s)", k.Renewal, k.End)
	}
	c.OneOf("contract.harmonization", k.Harmonization, false, Harmonizations...)
	inProgram := map[string]bool{}
	for _, row := range p.Countries {
		if row.Current() {
			inProgram[row.Country] = true
		}
	}
	for i, code := range k.Adopted {
		f := fmt.Sprintf("contract.adopted[%d]", i)
		switch {
		case !account.ValidCountry(code):
			c.Add(f, "invalid_country", map[string]any{"value": code}, "country %q is not an ISO 3166 country code", code)
		case !inProgram[code]:
			c.Add(f, "not_in_program", map[string]any{"value": code}, "%s is not a country of the program", code)
		}
	}
}

// checkDate checks a date is well formed and plausible; required refuses "".
// It reports whether the date is usable for comparisons.
func checkDate(c *fault.Checker, field string, d calendar.Date, required bool) bool {
	if d == "" {
		if required {
			c.Add(field, "required", nil, "%s is required", field)
		}
		return false
	}
	if !d.Valid() {
		c.Add(field, "invalid_date", map[string]any{"value": string(d)}, "%s: %q is not a calendar date", field, d)
		return false
	}
	return c.Range(field, int64(d.Year()), account.MinYear, account.MaxYear)
}

// DuplicateProgram is the error for a second live program on one account.
func DuplicateProgram(existingID string) error {
	return &fault.Error{Code: fault.Invalid, Field: "accountId", Rule: "duplicate_program", Params: map[string]any{"id": existingID},
		Message: "this account already has a global account program; open that one"}
}

// NotSubsidiary is the error for a local entity outside the program's group.
func NotSubsidiary(field, entityID string) error {
	return &fault.Error{Code: fault.Invalid, Field: field, Rule: "not_subsidiary", Params: map[string]any{"kind": account.KindAccount, "id": entityID},
		Message: "the local entity must be a subsidiary of the program's global account, not of another parent"}
}

// HasAmounts reports whether the program holds an amount in its currency: a
// quarterly target or actual, or a global revenue target.
func (p *Program) HasAmounts() bool {
	for i := range p.Countries {
		for _, q := range p.Countries[i].Quarters {
			if q.Target != 0 || q.Actual != nil {
				return true
			}
		}
	}
	return slices.ContainsFunc(p.KPIs, func(k KPI) bool { return k.Metric == KPIRevenue && k.Target != 0 })
}

// CheckCurrencyChange refuses to change the currency of a program that
// already holds amounts: they are minor units of the old currency, and
// nothing converts them (one currency per program), so ¥1,000,000 would
// silently read as €10,000.00.
func CheckCurrencyChange(old, next *Program) error {
	if old.Currency == next.Currency || !old.HasAmounts() {
		return nil
	}
	return &fault.Error{Code: fault.Invalid, Field: "currency", Rule: "currency_in_use",
		Params:  map[string]any{"value": old.Currency, "other": next.Currency},
		Message: fmt.Sprintf("the program's amounts are in %s; its currency cannot change to %s once targets or actuals are entered", old.Currency, next.Currency)}
}
