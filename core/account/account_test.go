package account

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/record"
)

func validAccount() Account {
	return Account{Name: "华东精细化工集团", Industry: "chemical", Segment: "enterprise", Country: "CN", Currency: "CNY", Owner: "王磊"}
}

// firstIssue returns the field and rule of the first issue of an Invalid error.
func firstIssue(t *testing.T, err error) (string, string) {
	t.Helper()
	require.Error(t, err)
	fe := fault.As(err)
	require.Equal(t, fault.Invalid, fe.Code, "error %v", err)
	return fe.Field, fe.Rule
}

func TestAccountValidate(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*Account)
		field  string
		rule   string
	}{
		{"ok", func(*Account) {}, "", ""},
		{"ok english, no optional fields", func(a *Account) { *a = Account{Name: "Acme Logistics", Currency: "USD"} }, "", ""},
		{"empty name", func(a *Account) { a.Name = "" }, "name", "required"},
		{"blank name", func(a *Account) { a.Name = "   " }, "name", "required"},
		{"name of 120 Chinese characters is fine", func(a *Account) { a.Name = strings.Repeat("化", MaxName) }, "", ""},
		{"name too long", func(a *Account) { a.Name = strings.Repeat("化", MaxName+1) }, "name", "too_long"},
		{"unknown industry", func(a *Account) { a.Industry = "mining" }, "industry", "unknown_value"},
		{"unknown segment", func(a *Account) { a.Segment = "huge" }, "segment", "unknown_value"},
		{"bad country", func(a *Account) { a.Country = "XX" }, "country", "invalid_country"},
		{"lower-case country normalised", func(a *Account) { a.Country = "de" }, "", ""},
		{"bad currency", func(a *Account) { a.Currency = "RMB" }, "currency", "invalid_currency"},
		{"missing currency", func(a *Account) { a.Currency = "" }, "currency", "required"},
		{"own parent", func(a *Account) { a.ID = record.NewID(); a.ParentID = a.ID }, "parentId", "self_reference"},
		{"malformed parent", func(a *Account) { a.ParentID = "nope" }, "parentId", "not_found"},
		{"notes too long", func(a *Account) { a.Notes = strings.Repeat("x", MaxNotes+1) }, "notes", "too_long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := validAccount()
			tt.mutate(&a)
			a.Normalize()
			err := a.Validate()
			if tt.rule == "" {
				assert.NoError(t, err)
				return
			}
			field, rule := firstIssue(t, err)
			assert.Equal(t, tt.field, field)
			assert.Equal(t, tt.rule, rule)
		})
	}
}

func TestAccountValidateReportsEveryIssue(t *testing.T) {
	a := Account{Name: "", Currency: "ZZZ", Industry: "x"}
	fe := fault.As(a.Validate())
	fields := []string{}
	for _, is := range fe.Issues {
		fields = append(fields, is.Field)
	}
	assert.Equal(t, []string{"name", "industry", "currency"}, fields)
}

func TestNormalizeTags(t *testing.T) {
	a := Account{Tags: []string{" 战略 ", "战略", "", "growth"}}
	a.Normalize()
	assert.Equal(t, []string{"战略", "growth"}, a.Tags)
}

func TestCheckParent(t *testing.T) {
	parents := map[string]string{"A": "", "B": "A", "C": "B"}
	lookup := func(id string) (string, bool) { p, ok := parents[id]; return p, ok }
	assert.NoError(t, CheckParent("D", "C", lookup))
	assert.NoError(t, CheckParent("A", "", lookup))
	_, rule := firstIssue(t, CheckParent("A", "C", lookup))
	assert.Equal(t, "cycle", rule)
	_, rule = firstIssue(t, CheckParent("D", "Z", lookup))
	assert.Equal(t, "not_found", rule)
}

func TestFiguresValidate(t *testing.T) {
	ok := YearFigures{AccountID: "a", Year: 2025, Currency: "CNY", Revenue: 100, Margin: 30, CategorySpend: 400}
	tests := []struct {
		name   string
		mutate func(*YearFigures)
		field  string
		rule   string
	}{
		{"ok", func(*YearFigures) {}, "", ""},
		{"loss-making margin allowed", func(f *YearFigures) { f.Margin = -50 }, "", ""},
		{"unknown spend allowed", func(f *YearFigures) { f.CategorySpend = 0 }, "", ""},
		{"year too early", func(f *YearFigures) { f.Year = 1989 }, "year", "out_of_range"},
		{"year too late", func(f *YearFigures) { f.Year = 2101 }, "year", "out_of_range"},
		{"negative revenue", func(f *YearFigures) { f.Revenue = -1 }, "revenue", "negative"},
		{"negative target", func(f *YearFigures) { f.RevenueTarget = -1 }, "revenueTarget", "negative"},
		{"negative spend", func(f *YearFigures) { f.CategorySpend = -5 }, "categorySpend", "negative"},
		{"margin above revenue", func(f *YearFigures) { f.Margin = 101 }, "margin", "exceeds_revenue"},
		{"spend below revenue", func(f *YearFigures) { f.CategorySpend = 99 }, "categorySpend", "below_revenue"},
		{"bad currency", func(f *YearFigures) { f.Currency = "yuan" }, "currency", "invalid_currency"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := ok
			tt.mutate(&f)
			err := f.Validate()
			if tt.rule == "" {
				assert.NoError(t, err)
				return
			}
			field, rule := firstIssue(t, err)
			assert.Equal(t, tt.field, field)
			assert.Equal(t, tt.rule, rule)
		})
	}
}

func TestCheckYearUnique(t *testing.T) {
	existing := []YearFigures{{Meta: record.Meta{ID: "1"}, Year: 2024}, {Meta: record.Meta{ID: "2"}, Year: 2025}}
	assert.NoError(t, CheckYearUnique(YearFigures{Meta: record.Meta{ID: "2"}, Year: 2025}, existing), "editing the same row")
	assert.NoError(t, CheckYearUnique(YearFigures{Year: 2026}, existing))
	_, rule := firstIssue(t, CheckYearUnique(YearFigures{Year: 2024}, existing))
	assert.Equal(t, "duplicate_year", rule)
}

func TestShareOfWallet(t *testing.T) {
	tests := []struct {
		rev, spend int64
		want       float64
		known      bool
	}{
		{250, 1000, 25, true},
		{1000, 1000, 100, true},
		{0, 1000, 0, true},
		{300, 0, 0, false},
	}
	for _, tt := range tests {
		s := ShareOfWallet(YearFigures{Year: 2025, Revenue: tt.rev, CategorySpend: tt.spend})
		assert.InDelta(t, tt.want, s.Percent, 1e-9)
		assert.Equal(t, tt.known, s.Known)
	}
	now := record.Meta{}
	gone := record.Meta{DeletedAt: &now.CreatedAt}
	shares := SharesOfWallet([]YearFigures{{Year: 2025, Revenue: 1, CategorySpend: 4}, {Year: 2023, Revenue: 1, CategorySpend: 2}, {Meta: gone, Year: 2024}})
	require.Len(t, shares, 2)
	assert.Equal(t, 2023, shares[0].Year)
	assert.InDelta(t, 25.0, shares[1].Percent, 1e-9)
}

func contact(id, name, boss string) Contact {
	return Contact{Meta: record.Meta{ID: id}, AccountID: "a", Name: name, ReportsTo: boss}
}

func TestContactValidate(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*Contact)
		field  string
		rule   string
	}{
		{"ok", func(*Contact) {}, "", ""},
		{"no name", func(c *Contact) { c.Name = "" }, "name", "required"},
		{"bad role", func(c *Contact) { c.BuyingRole = "boss" }, "buyingRole", "unknown_value"},
		{"bad stance", func(c *Contact) { c.Stance = "hostile" }, "stance", "unknown_value"},
		{"bad influence", func(c *Contact) { c.Influence = "huge" }, "influence", "unknown_value"},
		{"level 6", func(c *Contact) { c.RelationshipLevel = 6 }, "relationshipLevel", "out_of_range"},
		{"level -1", func(c *Contact) { c.RelationshipLevel = -1 }, "relationshipLevel", "out_of_range"},
		{"bad date", func(c *Contact) { c.LastContact = "2025-02-30" }, "lastContact", "invalid_date"},
		{"bad birthday", func(c *Contact) { c.Birthday = "13-01" }, "birthday", "invalid_birthday"},
		{"bad email", func(c *Contact) { c.Email = "wang.example.com" }, "email", "invalid_email"},
		{"self boss", func(c *Contact) { c.ReportsTo = "c1" }, "reportsTo", "self_reference"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Contact{Meta: record.Meta{ID: "c1"}, AccountID: "a", Name: "李静", BuyingRole: "economic", Stance: "supporter", Influence: "high", RelationshipLevel: 3, LastContact: "2026-10-01", Birthday: "02-29", Email: "li@example.cn"}
			tt.mutate(&c)
			err := c.Validate()
			if tt.rule == "" {
				assert.NoError(t, err)
				return
			}
			field, rule := firstIssue(t, err)
			assert.Equal(t, tt.field, field)
			assert.Equal(t, tt.rule, rule)
		})
	}
}

func TestCheckReportsTo(t *testing.T) {
	// CEO <- CFO <- buyer
	others := []Contact{contact("ceo", "CEO", ""), contact("cfo", "CFO", "ceo"), contact("buyer", "Buyer", "cfo")}
	archived := contact("old", "Old", "")
	now := archived.CreatedAt
	archived.DeletedAt = &now
	others = append(others, archived)
	tests := []struct {
		name string
		c    Contact
		rule string
	}{
		{"no boss", contact("new", "New", ""), ""},
		{"new under buyer", contact("new", "New", "buyer"), ""},
		{"ceo moved under buyer loops", contact("ceo", "CEO", "buyer"), "cycle"},
		{"cfo under buyer loops", contact("cfo", "CFO", "buyer"), "cycle"},
		{"unknown boss", contact("new", "New", "ghost"), "not_found"},
		{"archived boss", contact("new", "New", "old"), "not_found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckReportsTo(tt.c, others)
			if tt.rule == "" {
				assert.NoError(t, err)
				return
			}
			field, rule := firstIssue(t, err)
			assert.Equal(t, "reportsTo", field)
			assert.Equal(t, tt.rule, rule)
		})
	}
}

func TestActivityValidate(t *testing.T) {
	contacts := []Contact{contact("c1", "张伟", "")}
	tests := []struct {
		name   string
		mutate func(*Activity)
		field  string
		rule   string
	}{
		{"ok", func(*Activity) {}, "", ""},
		{"no date", func(a *Activity) { a.Date = "" }, "date", "required"},
		{"bad date", func(a *Activity) { a.Date = "2026-13-01" }, "date", "invalid_date"},
		{"year out of range", func(a *Activity) { a.Date = "1970-01-01"; a.FollowUp = "" }, "date", "out_of_range"},
		{"bad type", func(a *Activity) { a.Type = "lunch" }, "type", "unknown_value"},
		{"no subject", func(a *Activity) { a.Subject = " " }, "subject", "required"},
		{"follow-up before date", func(a *Activity) { a.FollowUp = "2026-10-01" }, "followUp", "before_date"},
		{"unknown contact", func(a *Activity) { a.ContactIDs = []string{"c1", "zz"} }, "contactIds[1]", "not_found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Activity{AccountID: "a", Date: "2026-10-05", Type: "visit", Subject: "季度拜访", ContactIDs: []string{"c1"}, FollowUp: "2026-11-05"}
			tt.mutate(&a)
			a.Normalize()
			err := a.Validate(contacts)
			if tt.rule == "" {
				assert.NoError(t, err)
				return
			}
			field, rule := firstIssue(t, err)
			assert.Equal(t, tt.field, field)
			assert.Equal(t, tt.rule, rule)
		})
	}
}

func TestVisits(t *testing.T) {
	ceo := Contact{Meta: record.Meta{ID: "ceo"}, Name: "陈总", BuyingRole: "economic"}
	eng := Contact{Meta: record.Meta{ID: "eng"}, Name: "Engineer", Influence: "high"}
	low := Contact{Meta: record.Meta{ID: "low"}, Name: "Clerk", Influence: "low"}
	gone := Contact{Meta: record.Meta{ID: "gone"}, Name: "Left", Influence: "high", Left: true}
	acts := []Activity{
		{Date: "2026-11-20", Type: "visit", ContactIDs: []string{"ceo", "eng"}},
		{Date: "2026-11-02", Type: "call", ContactIDs: []string{"ceo"}, Useful: true},
		{Date: "2026-10-31", Type: "meeting", ContactIDs: []string{"ceo"}},
		{Date: "2026-09-01", Type: "visit", ContactIDs: []string{"eng"}, Useful: true},
		{Date: "2026-08-31", Type: "visit", ContactIDs: []string{"ceo"}}, // before the window
		{Date: "2026-11-24", Type: "visit", ContactIDs: []string{"ceo"}}, // after today
	}
	st := Visits(acts, []Contact{ceo, eng, low, gone}, calendar.Date("2026-11-23"), 3)
	assert.Equal(t, calendar.Date("2026-09-01"), st.From)
	assert.Equal(t, 3, st.Months)
	assert.Equal(t, 3, st.Visits)
	assert.InDelta(t, 1.0, st.VisitsPerMonth, 1e-9)
	assert.Equal(t, 2, st.UsefulMonths)
	require.Len(t, st.ByMonth, 3)
	assert.Equal(t, MonthCount{Month: "2026-11", Visits: 1, Activities: 2, Useful: true}, st.ByMonth[2])
	assert.Equal(t, MonthCount{Month: "2026-10", Visits: 1, Activities: 1}, st.ByMonth[1])
	require.Len(t, st.KeyPeople, 2, "low influence and departed contacts are not key people")
	assert.Equal(t, KeyPersonVisits{ContactID: "ceo", Name: "陈总", Visits: 2, PerMonth: 2.0 / 3}, st.KeyPeople[0])
	assert.Equal(t, "eng", st.KeyPeople[1].ContactID)
}

func TestVisitsYearBoundary(t *testing.T) {
	st := Visits(nil, nil, calendar.Date("2026-01-31"), 2)
	assert.Equal(t, calendar.Date("2025-12-01"), st.From)
	assert.Equal(t, "2025-12", st.ByMonth[0].Month)
	assert.Equal(t, "2026-01", st.ByMonth[1].Month)
	assert.Equal(t, 0.0, st.VisitsPerMonth)
	assert.NotNil(t, st.KeyPeople)
}
