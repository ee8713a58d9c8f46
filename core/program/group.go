package program

import (
	"fmt"
	"slices"
	"strings"

	"keystone/core/account"
	"keystone/core/fault"
)

// A global account is an account whose subsidiaries (child accounts) sit in
// several countries. Marking one links existing accounts under it, or
// creates the subsidiaries that are not on file yet; the checks that need
// the store (does the account exist, whose subsidiary is it now) are the
// caller's, the rules and their errors are here.

// MinCountries is how many countries a group must span to run a program.
const MinCountries = 2

// MaxLinks bounds one marking: subsidiaries linked plus created.
const MaxLinks = 200

// NewSubsidiary is a subsidiary created while marking a global account: the
// local entity of a country that has no account on file yet.
type NewSubsidiary struct {
	Name    string `json:"name"`
	Country string `json:"country"`
}

// Marking is one request to mark a global account: existing accounts to
// link as its subsidiaries and new ones to create under it.
type Marking struct {
	AccountID string          `json:"accountId"`
	Link      []string        `json:"link"`
	Create    []NewSubsidiary `json:"create"`
}

// Normalize trims names and codes and drops blank and repeated links.
func (m *Marking) Normalize() {
	links := make([]string, 0, len(m.Link))
	for _, id := range m.Link {
		if id = strings.TrimSpace(id); id != "" && !slices.Contains(links, id) {
			links = append(links, id)
		}
	}
	m.Link = links
	for i := range m.Create {
		m.Create[i].Name = strings.TrimSpace(m.Create[i].Name)
		m.Create[i].Country = strings.ToUpper(strings.TrimSpace(m.Create[i].Country))
	}
}

// Subsidiary is the account a new subsidiary becomes under top: it keeps
// the group's currency and key-account manager.
func (n NewSubsidiary) Subsidiary(top account.Account) account.Account {
	a := account.Account{Name: n.Name, Country: n.Country, ParentID: top.ID, Currency: top.Currency,
		Owner: top.Owner, Industry: top.Industry, Segment: top.Segment}
	a.Normalize()
	return a
}

// Validate checks a marking on its own: something to do, not too much, and
// every new subsidiary named and placed in an ISO 3166 country. New
// accounts get their ids from the caller, so their own validation (which
// needs one) runs there too.
func (m *Marking) Validate() error {
	var c fault.Checker
	if m.AccountID == "" {
		c.Add("accountId", "required", nil, "accountId is required")
	}
	if len(m.Link)+len(m.Create) == 0 {
		c.Add("link", "required", nil, "choose accounts to link or name subsidiaries to create")
	}
	if len(m.Link)+len(m.Create) > MaxLinks {
		c.Add("link", "too_many", map[string]any{"max": MaxLinks}, "at most %d subsidiaries at once", MaxLinks)
	}
	for i, id := range m.Link {
		if id == m.AccountID {
			c.Add(fmt.Sprintf("link[%d]", i), "self_reference", nil, "an account cannot be its own subsidiary")
		}
	}
	names := map[string]bool{}
	for i, n := range m.Create {
		f := fmt.Sprintf("create[%d].", i)
		if c.Required(f+"name", n.Name) {
			c.MaxLen(f+"name", n.Name, account.MaxName)
			key := strings.ToLower(n.Name)
			if names[key] {
				c.Add(f+"name", "duplicate", map[string]any{"value": n.Name}, "%q is given twice", n.Name)
			}
			names[key] = true
		}
		if c.Required(f+"country", n.Country) && !account.ValidCountry(n.Country) {
			c.Add(f+"country", "invalid_country", map[string]any{"value": n.Country}, "country %q is not an ISO 3166 country code", n.Country)
		}
	}
	return c.Err()
}

// OtherParent is the error for linking an account that is already a
// subsidiary of another parent: it must be moved there, on purpose, first.
func OtherParent(field, parentID, parentName string) error {
	return &fault.Error{Code: fault.Invalid, Field: field, Rule: "other_parent",
		Params:  map[string]any{"id": parentID, "name": parentName},
		Message: fmt.Sprintf("this account is already a subsidiary of %s; change its parent on the account first", parentName)}
}

// OwnProgram is the error for linking an account that runs a global
// program of its own: a subsidiary cannot be a program's global account.
func OwnProgram(field, programID string) error {
	return &fault.Error{Code: fault.Invalid, Field: field, Rule: "has_program", Params: map[string]any{"id": programID},
		Message: "this account runs a global account program of its own; archive that program first"}
}

// GroupCountries are the distinct countries of a group's accounts, sorted;
// accounts without a country add none.
func GroupCountries(countries []string) []string {
	out := []string{}
	for _, c := range countries {
		if c != "" && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out
}

// OneCountry is the error for starting a program for a group that does not
// span MinCountries countries.
func OneCountry(countries []string) error {
	return &fault.Error{Code: fault.Invalid, Field: "accountId", Rule: "one_country",
		Params:  map[string]any{"countries": strings.Join(countries, ", "), "min": MinCountries},
		Message: "a global account's subsidiaries must sit in several countries; set their countries or link subsidiaries abroad"}
}
