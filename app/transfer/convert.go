package transfer

import (
	"errors"
	"strings"
	"unicode"

	"keystone/core/account"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/opportunity"
)

// Cells are one data row's values by field key (only mapped fields).
type Cells struct {
	Line int
	val  map[string]string
}

// NewCells maps a row through mapping (one field key or Ignore per column).
// A cell longer than MaxCell is an issue, not a value.
func NewCells(line int, row, mapping []string) (Cells, []fault.Issue) {
	c := Cells{Line: line, val: make(map[string]string, len(mapping))}
	var issues []fault.Issue
	for i, f := range mapping {
		if f == Ignore || i >= len(row) {
			continue
		}
		v := strings.TrimSpace(row[i])
		if n := len([]rune(v)); n > MaxCell {
			issues = append(issues, fault.Issue{Field: f, Rule: "cell_too_long", Params: map[string]any{"max": MaxCell, "len": n},
				Message: "the cell holds " + itoa(n) + " characters; a cell can hold at most " + itoa(MaxCell)})
			continue
		}
		c.val[f] = v
	}
	return c, issues
}

// Get returns a field's value and whether a column maps to it.
func (c Cells) Get(field string) (string, bool) {
	v, ok := c.val[field]
	return v, ok
}

func (c Cells) has(field string) bool { _, ok := c.val[field]; return ok }

// issues collects cell errors against their field.
type issues []fault.Issue

func (is *issues) add(field string, err error) bool {
	if err == nil {
		return false
	}
	var ce *cellError
	if errors.As(err, &ce) {
		*is = append(*is, fault.Issue{Field: field, Rule: ce.rule, Params: ce.params, Message: ce.message})
	} else {
		*is = append(*is, fault.Issue{Field: field, Rule: "invalid", Message: err.Error()})
	}
	return true
}

// ApplyAccount sets the mapped fields of a. A new account without a
// currency takes its country's.
func ApplyAccount(a *account.Account, c Cells) []fault.Issue {
	var is issues
	set := func(f string, dst *string) {
		if v, ok := c.Get(f); ok {
			*dst = v
		}
	}
	set("name", &a.Name)
	set("legalName", &a.LegalName)
	set("owner", &a.Owner)
	set("notes", &a.Notes)
	if v, ok := c.Get("industry"); ok {
		k, err := enum(v, account.Industries, industrySynonyms)
		if err != nil {
			k = "other" // an industry Keystone does not list is still an industry
		}
		a.Industry = k
	}
	if v, ok := c.Get("segment"); ok {
		k, err := enum(v, account.Segments, segmentSynonyms)
		if !is.add("segment", err) {
			a.Segment = k
		}
	}
	if v, ok := c.Get("country"); ok {
		k, err := ParseCountry(v)
		if !is.add("country", err) {
			a.Country = k
		}
	}
	if v, ok := c.Get("currency"); ok {
		k, err := ParseCurrency(v)
		if !is.add("currency", err) {
			a.Currency = k
		}
	}
	if a.Currency == "" && a.Country != "" {
		a.Currency = CurrencyOf(a.Country)
	}
	if v, ok := c.Get("tags"); ok {
		// An empty cell leaves "no tags" as it was stored (null or []), so a re-import is no change.
		if tags := SplitList(v); len(tags) > 0 || len(a.Tags) > 0 {
			a.Tags = tags
		}
	}
	return is
}

// ApplyContact sets the mapped fields of p. A name may come split in
// first and last name columns.
func ApplyContact(p *account.Contact, c Cells) []fault.Issue {
	var is issues
	set := func(f string, dst *string) {
		if v, ok := c.Get(f); ok {
			*dst = v
		}
	}
	set("name", &p.Name)
	if !c.has("name") && (c.has("firstName") || c.has("lastName")) {
		first, _ := c.Get("firstName")
		last, _ := c.Get("lastName")
		p.Name = joinName(first, last)
	}
	set("title", &p.Title)
	set("department", &p.Department)
	set("email", &p.Email)
	set("phone", &p.Phone)
	set("notes", &p.Notes)
	if v, ok := c.Get("buyingRole"); ok {
		k, err := enum(v, account.BuyingRoles, roleSynonyms)
		if !is.add("buyingRole", err) {
			p.BuyingRole = k
		}
	}
	if v, ok := c.Get("stance"); ok {
		k, err := enum(v, account.Stances, stanceSynonyms)
		if !is.add("stance", err) {
			p.Stance = k
		}
	}
	if v, ok := c.Get("influence"); ok {
		k, err := enum(v, account.Influences, influenceSynonyms)
		if !is.add("influence", err) {
			p.Influence = k
		}
	}
	if v, ok := c.Get("relationshipLevel"); ok {
		n, err := ParseInt(v)
		if !is.add("relationshipLevel", err) {
			p.RelationshipLevel = n
		}
	}
	if v, ok := c.Get("lastContact"); ok {
		d, err := ParseDate(v)
		if !is.add("lastContact", err) {
			p.LastContact = d
		}
	}
	if v, ok := c.Get("birthday"); ok {
		p.Birthday = birthday(v)
	}
	return is
}

// joinName puts a Chinese family name first without a space, a Latin one last.
func joinName(first, last string) string {
	first, last = strings.TrimSpace(first), strings.TrimSpace(last)
	if first == "" || last == "" {
		return first + last
	}
	if hasHan(first) || hasHan(last) {
		return last + first
	}
	return first + " " + last
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// birthday keeps MM-DD of a full date; anything else is left to validation.
func birthday(v string) string {
	if d, err := ParseDate(v); err == nil && d != "" {
		return string(d)[5:]
	}
	return strings.TrimSpace(v)
}

// ApplyActivity sets the mapped fields of a.
func ApplyActivity(a *account.Activity, c Cells) []fault.Issue {
	var is issues
	if v, ok := c.Get("subject"); ok {
		a.Subject = v
	}
	if v, ok := c.Get("notes"); ok {
		a.Notes = v
	}
	if v, ok := c.Get("type"); ok {
		k, err := enum(v, account.ActivityTypes, activitySynonyms)
		if !is.add("type", err) {
			a.Type = k
		}
	}
	for _, f := range []struct {
		key string
		dst *calendar.Date
	}{{"date", &a.Date}, {"followUp", &a.FollowUp}} {
		if v, ok := c.Get(f.key); ok {
			d, err := ParseDate(v)
			if !is.add(f.key, err) {
				*f.dst = d
			}
		}
	}
	if v, ok := c.Get("useful"); ok {
		b, err := ParseBool(v)
		if !is.add("useful", err) {
			a.Useful = b
		}
	}
	return is
}

// ApplyOpportunity sets the mapped fields of o against the deal settings.
// A stage such as Salesforce's "Closed Won" closes the deal with that
// outcome.
func ApplyOpportunity(o *opportunity.Opportunity, c Cells, d *Deals) []fault.Issue {
	var is issues
	for _, f := range []struct {
		key string
		dst *string
	}{{"title", &o.Title}, {"owner", &o.Owner}, {"notes", &o.Notes}} {
		if v, ok := c.Get(f.key); ok {
			*f.dst = v
		}
	}
	if v, ok := c.Get("value.currency"); ok {
		k, err := ParseCurrency(v)
		if !is.add("value.currency", err) && k != "" {
			o.Value.Currency = k
		}
	}
	outcome := ""
	if v, ok := c.Get("stage"); ok {
		outcome = closedStage(v)
		k, err := d.stageOf(v)
		if !is.add("stage", err) {
			o.Stage = k
		}
	}
	if v, ok := c.Get("value.amount"); ok {
		n, err := ParseAmount(v, o.Value.Currency)
		if !is.add("value.amount", err) {
			o.Value.Amount = n
		}
	}
	if v, ok := c.Get("probability"); ok {
		n, err := ParsePercent(v)
		if !is.add("probability", err) {
			o.Probability = n
		}
	}
	for _, f := range []struct {
		key string
		dst *calendar.Date
	}{{"expectedClose", &o.ExpectedClose}, {"openedOn", &o.OpenedOn}} {
		if v, ok := c.Get(f.key); ok {
			d, err := ParseDate(v)
			if !is.add(f.key, err) && d != "" {
				*f.dst = d
			}
		}
	}
	if v, ok := c.Get("competitors"); ok {
		o.Competitors = SplitList(v)
	}
	if v, ok := c.Get("close.outcome"); ok && v != "" {
		k, err := enum(v, opportunity.Outcomes, outcomeSynonyms)
		if !is.add("close.outcome", err) {
			outcome = k
		}
	}
	if outcome == "" {
		return is
	}
	if o.Close == nil {
		o.Close = &opportunity.Close{}
	}
	o.Close.Outcome = outcome
	if v, ok := c.Get("close.primaryReason"); ok {
		k, err := d.reasonOf(v)
		if !is.add("close.primaryReason", err) {
			o.Close.PrimaryReason = k
		}
	}
	if v, ok := c.Get("close.winner"); ok {
		o.Close.Winner = v
	}
	if v, ok := c.Get("close.on"); ok {
		d, err := ParseDate(v)
		if !is.add("close.on", err) {
			o.Close.On = d
		}
	}
	if o.Close.On == "" {
		o.Close.On = o.ExpectedClose // Salesforce's "Close Date" of a closed deal is the day it closed
	}
	return is
}

// Deals holds the deal settings a table of opportunities is read against,
// with its stage and reason names folded once rather than on every row.
type Deals struct {
	Settings *opportunity.Settings
	stages   map[string]string // folded key, label or other tool's name -> stage key
	reasons  map[string]string
	keys     []string
	reasonKs []string
}

// NewDeals prepares the settings for ApplyOpportunity.
func NewDeals(set *opportunity.Settings) *Deals {
	d := &Deals{Settings: set, stages: map[string]string{}, reasons: map[string]string{}}
	for _, s := range set.Stages {
		d.keys = append(d.keys, s.Key)
		for _, syn := range stageSynonyms[s.Key] {
			d.stages[normHeader(syn)] = s.Key
		}
	}
	for _, s := range set.Stages { // the list's own names win over other tools'
		for _, n := range []string{s.Key, s.Label.En, s.Label.Zh} {
			if n != "" {
				d.stages[normHeader(n)] = s.Key
			}
		}
	}
	for _, r := range set.Reasons {
		d.reasonKs = append(d.reasonKs, r.Key)
		for _, n := range []string{r.Key, r.Label.En, r.Label.Zh} {
			if n != "" {
				d.reasons[normHeader(n)] = r.Key
			}
		}
	}
	return d
}

// stageOf matches a stage by key, by its label in either language, or by
// another tool's usual name for it. A closed stage of another tool ("Closed
// Won") is the last stage: the deal had come through every stage we know.
func (d *Deals) stageOf(v string) (string, error) {
	if strings.TrimSpace(v) == "" {
		return "", nil
	}
	n := normHeader(v)
	if closedStage(v) != "" && len(d.keys) > 0 {
		if k, ok := d.stages[n]; ok && k != d.keys[len(d.keys)-1] {
			return k, nil // a stage list that names it itself
		}
		return d.keys[len(d.keys)-1], nil
	}
	if k, ok := d.stages[n]; ok {
		return k, nil
	}
	return "", badCell("unknown_stage", map[string]any{"value": v, "allowed": d.keys}, "%q is not a stage of the pipeline (%s)", v, strings.Join(d.keys, ", "))
}

// reasonOf matches a reason by key or label.
func (d *Deals) reasonOf(v string) (string, error) {
	if strings.TrimSpace(v) == "" {
		return "", nil
	}
	if k, ok := d.reasons[normHeader(v)]; ok {
		return k, nil
	}
	return "", badCell("unknown_reason", map[string]any{"value": v, "allowed": d.reasonKs}, "%q is not in the reason list", v)
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
