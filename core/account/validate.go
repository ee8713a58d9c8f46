package account

import (
	"fmt"
	"regexp"
	"strings"

	"golang.org/x/text/language"

	"keystone/core/fault"
	"keystone/core/money"
	"keystone/core/record"
)

var birthdayRe = regexp.MustCompile(`^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`)

// Normalize trims text fields so "  华东化工 " and "华东化工" are one name.
func (a *Account) Normalize() {
	a.Name = strings.TrimSpace(a.Name)
	a.LegalName = strings.TrimSpace(a.LegalName)
	a.Owner = strings.TrimSpace(a.Owner)
	a.Country = strings.ToUpper(strings.TrimSpace(a.Country))
	a.Currency = strings.ToUpper(strings.TrimSpace(a.Currency))
	tags := a.Tags[:0:0]
	seen := map[string]bool{}
	for _, t := range a.Tags {
		t = strings.TrimSpace(t)
		if t != "" && !seen[t] {
			seen[t] = true
			tags = append(tags, t)
		}
	}
	a.Tags = tags
}

// Validate checks an account on its own; parent existence and cycles need the
// store and are checked by the caller with CheckParent.
func (a *Account) Validate() error {
	var c fault.Checker
	if c.Required("name", a.Name) {
		c.MaxLen("name", a.Name, MaxName)
	}
	c.MaxLen("legalName", a.LegalName, MaxName)
	c.OneOf("industry", a.Industry, true, Industries...)
	c.OneOf("segment", a.Segment, true, Segments...)
	if a.Country != "" && !ValidCountry(a.Country) {
		c.Add("country", "invalid_country", map[string]any{"value": a.Country}, "country %q is not an ISO 3166 country code", a.Country)
	}
	c.MaxLen("owner", a.Owner, MaxShort)
	if c.Required("currency", a.Currency) && !money.ValidCurrency(a.Currency) {
		c.Add("currency", "invalid_currency", map[string]any{"value": a.Currency}, "currency %q is not an ISO 4217 code", a.Currency)
	}
	if a.ParentID != "" {
		if a.ParentID == a.ID {
			c.Add("parentId", "self_reference", nil, "an account cannot be its own parent")
		} else if !record.ValidID(a.ParentID) {
			c.Add("parentId", "not_found", map[string]any{"kind": KindAccount, "id": a.ParentID}, "parent account %q does not exist", a.ParentID)
		}
	}
	if len(a.Tags) > MaxTags {
		c.Add("tags", "too_many", map[string]any{"max": MaxTags}, "at most %d tags", MaxTags)
	}
	for i, t := range a.Tags {
		c.MaxLen(fmt.Sprintf("tags[%d]", i), t, MaxShort)
	}
	c.MaxLen("notes", a.Notes, MaxNotes)
	return c.Err()
}

// CheckParent refuses a parent chain that would loop back to the account.
// parentOf maps account id to its parent id.
func CheckParent(id, parentID string, parentOf func(string) (string, bool)) error {
	seen := map[string]bool{id: true}
	for p := parentID; p != ""; {
		if seen[p] {
			return &fault.Error{Code: fault.Invalid, Field: "parentId", Rule: "cycle",
				Message: "this parent would make the account its own ancestor"}
		}
		seen[p] = true
		next, ok := parentOf(p)
		if !ok {
			return &fault.Error{Code: fault.Invalid, Field: "parentId", Rule: "not_found",
				Params: map[string]any{"kind": KindAccount, "id": p}, Message: fmt.Sprintf("parent account %s does not exist", p)}
		}
		p = next
	}
	return nil
}

// ValidCountry reports whether code is an ISO 3166-1 alpha-2 country code.
func ValidCountry(code string) bool {
	if len(code) != 2 {
		return false
	}
	r, err := language.ParseRegion(code)
	return err == nil && r.IsCountry() && r.String() == code
}

// Validate checks one year's figures.
func (f *YearFigures) Validate() error {
	var c fault.Checker
	if f.AccountID == "" {
		c.Add("accountId", "required", nil, "accountId is required")
	}
	c.Range("year", int64(f.Year), MinYear, MaxYear)
	f.Currency = strings.ToUpper(strings.TrimSpace(f.Currency))
	if c.Required("currency", f.Currency) && !money.ValidCurrency(f.Currency) {
		c.Add("currency", "invalid_currency", map[string]any{"value": f.Currency}, "currency %q is not an ISO 4217 code", f.Currency)
	}
	c.NonNegative("revenue", f.Revenue)
	c.NonNegative("revenueTarget", f.RevenueTarget)
	c.NonNegative("marginTarget", f.MarginTarget)
	c.NonNegative("categorySpend", f.CategorySpend)
	c.NonNegative("crossSellSales", f.CrossSellSales)
	// A gross margin can be a loss, but not a loss larger than the revenue would allow to be absurd;
	// only bound it by magnitude to catch unit slips (fen entered as yuan twice).
	if f.Margin > f.Revenue && f.Revenue >= 0 {
		c.Add("margin", "exceeds_revenue", map[string]any{"revenue": f.Revenue}, "gross margin cannot exceed revenue")
	}
	if f.CategorySpend > 0 && f.Revenue > f.CategorySpend {
		c.Add("categorySpend", "below_revenue", map[string]any{"revenue": f.Revenue}, "the customer's category spend cannot be below our revenue in it")
	}
	return c.Err()
}

// CheckYearUnique refuses a second row for the same year.
func CheckYearUnique(f YearFigures, existing []YearFigures) error {
	for _, e := range existing {
		if e.Year == f.Year && e.ID != f.ID && !e.Deleted() {
			return &fault.Error{Code: fault.Invalid, Field: "year", Rule: "duplicate_year",
				Params: map[string]any{"year": f.Year}, Message: fmt.Sprintf("figures for %d already exist; edit that year instead", f.Year)}
		}
	}
	return nil
}

// Normalize trims a contact's text.
func (p *Contact) Normalize() {
	p.Name = strings.TrimSpace(p.Name)
	p.Title = strings.TrimSpace(p.Title)
	p.Department = strings.TrimSpace(p.Department)
	p.Email = strings.TrimSpace(p.Email)
	p.Phone = strings.TrimSpace(p.Phone)
	p.Birthday = strings.TrimSpace(p.Birthday)
}

// Validate checks a contact on its own; reports-to against the account's
// other contacts is CheckReportsTo.
func (p *Contact) Validate() error {
	var c fault.Checker
	if p.AccountID == "" {
		c.Add("accountId", "required", nil, "accountId is required")
	}
	if c.Required("name", p.Name) {
		c.MaxLen("name", p.Name, MaxShort)
	}
	c.MaxLen("title", p.Title, MaxShort)
	c.MaxLen("department", p.Department, MaxShort)
	c.OneOf("buyingRole", p.BuyingRole, true, BuyingRoles...)
	c.OneOf("stance", p.Stance, true, Stances...)
	c.OneOf("influence", p.Influence, true, Influences...)
	c.Range("relationshipLevel", int64(p.RelationshipLevel), 0, MaxRelationshipLevel)
	if !p.LastContact.Valid() {
		c.Add("lastContact", "invalid_date", map[string]any{"value": string(p.LastContact)}, "last contact %q is not a date", p.LastContact)
	}
	c.MaxLen("email", p.Email, MaxShort)
	if p.Email != "" && !strings.Contains(p.Email, "@") {
		c.Add("email", "invalid_email", map[string]any{"value": p.Email}, "%q is not an e-mail address", p.Email)
	}
	c.MaxLen("phone", p.Phone, 40)
	c.MaxLen("interests", p.Interests, MaxNotes)
	if p.Birthday != "" && !birthdayRe.MatchString(p.Birthday) {
		c.Add("birthday", "invalid_birthday", map[string]any{"value": p.Birthday}, "birthday %q must be MM-DD", p.Birthday)
	}
	c.MaxLen("notes", p.Notes, MaxNotes)
	if p.ReportsTo != "" && p.ReportsTo == p.ID {
		c.Add("reportsTo", "self_reference", nil, "a contact cannot report to themselves")
	}
	return c.Err()
}

// CheckReportsTo refuses a reports-to that is not a live contact of the same
// account, or that would close a loop in the org chart.
func CheckReportsTo(p Contact, others []Contact) error {
	if p.ReportsTo == "" {
		return nil
	}
	boss := map[string]string{}
	live := map[string]bool{}
	for _, o := range others {
		if o.Deleted() {
			continue
		}
		live[o.ID] = true
		boss[o.ID] = o.ReportsTo
	}
	if !live[p.ReportsTo] {
		return &fault.Error{Code: fault.Invalid, Field: "reportsTo", Rule: "not_found",
			Params: map[string]any{"kind": KindContact, "id": p.ReportsTo}, Message: "the person this contact reports to is not a contact of this account"}
	}
	boss[p.ID] = p.ReportsTo
	seen := map[string]bool{p.ID: true}
	for b := p.ReportsTo; b != ""; b = boss[b] {
		if seen[b] {
			return &fault.Error{Code: fault.Invalid, Field: "reportsTo", Rule: "cycle",
				Message: "this reports-to line would make a loop in the org chart"}
		}
		seen[b] = true
	}
	return nil
}

// Normalize trims an activity and drops repeated contact ids.
func (a *Activity) Normalize() {
	a.Subject = strings.TrimSpace(a.Subject)
	ids := a.ContactIDs[:0:0]
	seen := map[string]bool{}
	for _, id := range a.ContactIDs {
		if id != "" && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	a.ContactIDs = ids
}

// Validate checks an activity; contacts must be live contacts of the account.
func (a *Activity) Validate(contacts []Contact) error {
	var c fault.Checker
	if a.AccountID == "" {
		c.Add("accountId", "required", nil, "accountId is required")
	}
	if c.Required("date", string(a.Date)) && !a.Date.Valid() {
		c.Add("date", "invalid_date", map[string]any{"value": string(a.Date)}, "date %q is not a calendar date", a.Date)
	} else if a.Date.Valid() {
		c.Range("date", int64(a.Date.Year()), MinYear, MaxYear)
	}
	c.OneOf("type", a.Type, false, ActivityTypes...)
	if c.Required("subject", a.Subject) {
		c.MaxLen("subject", a.Subject, MaxName)
	}
	c.MaxLen("notes", a.Notes, MaxNotes)
	if !a.FollowUp.Valid() {
		c.Add("followUp", "invalid_date", map[string]any{"value": string(a.FollowUp)}, "follow-up %q is not a calendar date", a.FollowUp)
	} else if a.FollowUp != "" && a.Date.Valid() && a.FollowUp.Before(a.Date) {
		c.Add("followUp", "before_date", map[string]any{"date": string(a.Date)}, "the follow-up cannot be before the activity")
	}
	live := map[string]bool{}
	for _, p := range contacts {
		if !p.Deleted() {
			live[p.ID] = true
		}
	}
	for i, id := range a.ContactIDs {
		if !live[id] {
			c.Add(fmt.Sprintf("contactIds[%d]", i), "not_found", map[string]any{"kind": KindContact, "id": id}, "contact %s is not a contact of this account", id)
		}
	}
	return c.Err()
}
