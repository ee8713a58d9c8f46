package relationship

import (
	"keystone/core/account"
	"keystone/core/calendar"
)

// Red flag kinds (DOMAIN.md §3).
const (
	FlagNoCoach       = "no_coach"       // nobody wants us to win
	FlagEconomicBelow = "economic_below" // the economic buyer is below "favourable"
	FlagOpponentHigh  = "opponent_high"  // a high-influence opponent
	FlagRoleMissing   = "role_missing"   // a buying role with no contact
	FlagHighNotMet    = "high_not_met"   // a high-influence contact not met lately
	favourable        = 3                // relationship level "favourable" (有好感)
	neverMet          = -1               // Days of a contact never met
)

// RedFlag is one warning on the relationship map.
type RedFlag struct {
	Kind      string `json:"kind"`
	ContactID string `json:"contactId"` // the person it concerns; "" for the chain as a whole
	Role      string `json:"role"`      // the missing buying role (role_missing)
	Level     int    `json:"level"`     // the relationship level (economic_below)
	Days      int    `json:"days"`      // days since last met, -1 never (high_not_met)
}

// LastMet is the later of a contact's last-contact date and the latest
// activity on or before today that involved them.
func LastMet(acts []account.Activity, today calendar.Date) map[string]calendar.Date {
	out := map[string]calendar.Date{}
	for _, a := range acts {
		if a.Deleted() || a.Date == "" || a.Date > today {
			continue
		}
		for _, id := range a.ContactIDs {
			if a.Date > out[id] {
				out[id] = a.Date
			}
		}
	}
	return out
}

func lastMet(c account.Contact, met map[string]calendar.Date) calendar.Date {
	d := met[c.ID]
	if c.LastContact > d {
		d = c.LastContact
	}
	return d
}

// present are the contacts still at the customer.
func present(contacts []account.Contact) []account.Contact {
	out := make([]account.Contact, 0, len(contacts))
	for _, c := range contacts {
		if !c.Deleted() && !c.Left {
			out = append(out, c)
		}
	}
	return out
}

// RedFlags lists the map's warnings: for the chain first (no coach, missing
// roles in the order of account.BuyingRoles), then per person in contact
// order. A high-influence person counts as not met after set.NotMetDays.
func RedFlags(contacts []account.Contact, acts []account.Activity, today calendar.Date, set Settings) []RedFlag {
	people := present(contacts)
	met := LastMet(acts, today)
	flags := []RedFlag{}
	if len(people) == 0 {
		return flags // an empty chain is the decision chain tab's to fill first
	}
	roles := map[string]bool{}
	for _, c := range people {
		roles[c.BuyingRole] = true
	}
	if !roles["coach"] {
		flags = append(flags, RedFlag{Kind: FlagNoCoach, Role: "coach"})
	}
	for _, r := range account.BuyingRoles {
		if r != "coach" && !roles[r] {
			flags = append(flags, RedFlag{Kind: FlagRoleMissing, Role: r})
		}
	}
	for _, c := range people {
		if c.BuyingRole == "economic" && c.RelationshipLevel < favourable {
			flags = append(flags, RedFlag{Kind: FlagEconomicBelow, ContactID: c.ID, Level: c.RelationshipLevel})
		}
		if c.Stance == "opponent" && c.Influence == "high" {
			flags = append(flags, RedFlag{Kind: FlagOpponentHigh, ContactID: c.ID})
		}
		if c.Influence == "high" {
			d := lastMet(c, met)
			switch {
			case d == "":
				flags = append(flags, RedFlag{Kind: FlagHighNotMet, ContactID: c.ID, Days: neverMet})
			case d.DaysUntil(today) > set.NotMetDays:
				flags = append(flags, RedFlag{Kind: FlagHighNotMet, ContactID: c.ID, Days: d.DaysUntil(today)})
			}
		}
	}
	return flags
}

// Node is one person on the relationship map.
type Node struct {
	ID         string        `json:"id"`
	Name       string        `json:"name"`
	Title      string        `json:"title"`
	Department string        `json:"department"`
	ReportsTo  string        `json:"reportsTo"` // "" at the top, or when the boss is not on the map
	BuyingRole string        `json:"buyingRole"`
	Stance     string        `json:"stance"`
	Influence  string        `json:"influence"`
	Level      int           `json:"level"`
	LastMet    calendar.Date `json:"lastMet"`
	Flags      []string      `json:"flags"` // kinds of the red flags on this person
}

// Map is the relationship map: the people, the influence lines between
// them that still stand, and the red flags.
type Map struct {
	Nodes      []Node      `json:"nodes"`
	Influences []Influence `json:"influences"`
	Flags      []RedFlag   `json:"flags"`
	// NotMetDays is the period the "not met" flag used, for its wording.
	NotMetDays int `json:"notMetDays"`
}

// BuildMap lays out the people still at the customer with their flags.
func BuildMap(contacts []account.Contact, acts []account.Activity, lines []Influence, today calendar.Date, set Settings) Map {
	people := present(contacts)
	met := LastMet(acts, today)
	m := Map{Nodes: make([]Node, 0, len(people)), Influences: []Influence{}, Flags: RedFlags(contacts, acts, today, set),
		NotMetDays: set.NotMetDays}
	on := map[string]bool{}
	for _, c := range people {
		on[c.ID] = true
	}
	byPerson := map[string][]string{}
	for _, f := range m.Flags {
		if f.ContactID != "" {
			byPerson[f.ContactID] = append(byPerson[f.ContactID], f.Kind)
		}
	}
	for _, c := range people {
		boss := c.ReportsTo
		if !on[boss] {
			boss = ""
		}
		flags := byPerson[c.ID]
		if flags == nil {
			flags = []string{}
		}
		m.Nodes = append(m.Nodes, Node{ID: c.ID, Name: c.Name, Title: c.Title, Department: c.Department, ReportsTo: boss,
			BuyingRole: c.BuyingRole, Stance: c.Stance, Influence: c.Influence, Level: c.RelationshipLevel,
			LastMet: lastMet(c, met), Flags: flags})
	}
	for _, l := range lines {
		if on[l.From] && on[l.To] {
			m.Influences = append(m.Influences, l)
		}
	}
	return m
}

// Dimensions sums up the three relationship dimensions.
type Dimensions struct {
	Organizational string `json:"organizational"`
	// Extensive is the departments' grades summed up (the rounded mean), "" with none graded.
	Extensive string `json:"extensive"`
	// Levels[i] counts the people at relationship level i (0 = not graded).
	Levels [6]int `json:"levels"`
	// Supportive counts the decision-makers (economic, technical, financial
	// buyers and high influence) at level 4 or 5, out of DecisionMakers.
	Supportive     int `json:"supportive"`
	DecisionMakers int `json:"decisionMakers"`
}

// Summarize reads the three dimensions from the profile and the contacts.
func Summarize(p Profile, contacts []account.Contact) Dimensions {
	d := Dimensions{Organizational: p.Organizational}
	sum, n := 0, 0
	for _, dep := range p.Departments {
		if i := index(Grades, dep.Grade); i >= 0 {
			sum += i
			n++
		}
	}
	if n > 0 {
		d.Extensive = Grades[(2*sum+n)/(2*n)]
	}
	for _, c := range present(contacts) {
		if c.RelationshipLevel >= 0 && c.RelationshipLevel <= 5 {
			d.Levels[c.RelationshipLevel]++
		}
		if c.BuyingRole == "economic" || c.BuyingRole == "technical" || c.BuyingRole == "financial" || c.Influence == "high" {
			d.DecisionMakers++
			if c.RelationshipLevel >= 4 {
				d.Supportive++
			}
		}
	}
	return d
}
