// Package account holds key accounts, their yearly figures, their decision
// chain (contacts) and the activities done with them (DOMAIN.md §1).
package account

import (
	"keystone/core/calendar"
	"keystone/core/record"
)

// Record kinds, used in storage keys and in error messages.
const (
	KindAccount  = "account"
	KindFigures  = "figures"
	KindContact  = "contact"
	KindActivity = "activity"
)

// Enumerations. The UI translates each value; storage keeps the value.
var (
	Industries    = []string{"industrial", "chemical", "electronics", "logistics", "automotive", "energy", "healthcare", "food", "technology", "construction", "retail", "other"}
	Segments      = []string{"enterprise", "large", "mid_market", "public_sector"}
	BuyingRoles   = []string{"economic", "technical", "user", "financial", "coach", "influencer"}
	Stances       = []string{"supporter", "neutral", "opponent"}
	Influences    = []string{"high", "medium", "low"}
	ActivityTypes = []string{"visit", "call", "meeting", "event", "service", "complaint"}
)

// Limits on text lengths, in characters.
const (
	MaxName  = 120
	MaxShort = 80
	MaxNotes = 4000
	MaxTags  = 20
	MinYear  = 1990
	MaxYear  = 2100
	// RelationshipLevel runs 1 (contact 接触) to 5 (supportive and exclusive 支持并排他); 0 = not graded.
	MaxRelationshipLevel = 5
)

// Account is a key account (大客户).
type Account struct {
	record.Meta
	Name      string   `json:"name"`
	LegalName string   `json:"legalName"`
	Industry  string   `json:"industry"`
	Segment   string   `json:"segment"`
	Country   string   `json:"country"` // ISO 3166-1 alpha-2
	Owner     string   `json:"owner"`   // key-account manager
	ParentID  string   `json:"parentId"`
	Currency  string   `json:"currency"` // currency of its figures, ISO 4217
	Tags      []string `json:"tags"`
	Notes     string   `json:"notes"`
}

// YearFigures is one year of an account's numbers, all in Currency's minor units.
type YearFigures struct {
	record.Meta
	AccountID      string `json:"accountId"`
	Year           int    `json:"year"`
	Currency       string `json:"currency"`
	Revenue        int64  `json:"revenue"`        // our revenue in the category
	Margin         int64  `json:"margin"`         // our gross margin (may be negative)
	RevenueTarget  int64  `json:"revenueTarget"`  // 0 = no target
	MarginTarget   int64  `json:"marginTarget"`   // 0 = no target
	CategorySpend  int64  `json:"categorySpend"`  // the customer's total spend in our category; 0 = unknown
	CrossSellSales int64  `json:"crossSellSales"` // revenue outside our main line
}

// Contact is a person in the customer's decision chain (决策链).
type Contact struct {
	record.Meta
	AccountID         string        `json:"accountId"`
	Name              string        `json:"name"`
	Title             string        `json:"title"`
	Department        string        `json:"department"`
	ReportsTo         string        `json:"reportsTo"` // contact id in the same account
	BuyingRole        string        `json:"buyingRole"`
	Stance            string        `json:"stance"`
	Influence         string        `json:"influence"`
	RelationshipLevel int           `json:"relationshipLevel"`
	LastContact       calendar.Date `json:"lastContact"`
	Email             string        `json:"email"`
	Phone             string        `json:"phone"`
	Interests         string        `json:"interests"` // VIP 客情卡: hobbies, family, preferences
	Birthday          string        `json:"birthday"`  // MM-DD
	Left              bool          `json:"left"`      // has left the customer
	Notes             string        `json:"notes"`
}

// Activity is a visit, call, meeting, event, service or complaint (拜访记录).
type Activity struct {
	record.Meta
	AccountID  string        `json:"accountId"`
	Date       calendar.Date `json:"date"`
	Type       string        `json:"type"`
	Subject    string        `json:"subject"`
	ContactIDs []string      `json:"contactIds"`
	Notes      string        `json:"notes"`
	FollowUp   calendar.Date `json:"followUp"`
	// Useful marks "one useful thing done for the customer" (the courses' monthly measure).
	Useful bool `json:"useful"`
}
