package program

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/account"
	"keystone/core/fault"
	"keystone/core/record"
)

func TestMarkingValidate(t *testing.T) {
	const top = "01HZX0000000000000000000AA"
	tests := []struct {
		name  string
		m     Marking
		field string
		rule  string
	}{
		{"a link", Marking{AccountID: top, Link: []string{"01HZX0000000000000000000BB"}}, "", ""},
		{"a new subsidiary", Marking{AccountID: top, Create: []NewSubsidiary{{Name: "华东化工（越南）有限公司", Country: " vn "}}}, "", ""},
		{"no account", Marking{Link: []string{"01HZX0000000000000000000BB"}}, "accountId", "required"},
		{"nothing to do", Marking{AccountID: top, Link: []string{" "}}, "link", "required"},
		{"itself", Marking{AccountID: top, Link: []string{top}}, "link[0]", "self_reference"},
		{"no name", Marking{AccountID: top, Create: []NewSubsidiary{{Name: " ", Country: "VN"}}}, "create[0].name", "required"},
		{"no country", Marking{AccountID: top, Create: []NewSubsidiary{{Name: "Hanoi plant"}}}, "create[0].country", "required"},
		{"a region, not a country", Marking{AccountID: top, Create: []NewSubsidiary{{Name: "EU office", Country: "EU"}}}, "create[0].country", "invalid_country"},
		{"an unknown code", Marking{AccountID: top, Create: []NewSubsidiary{{Name: "X", Country: "XK1"}}}, "create[0].country", "invalid_country"},
		{"a name twice", Marking{AccountID: top, Create: []NewSubsidiary{{Name: "Plant A", Country: "VN"}, {Name: "plant a ", Country: "TH"}}}, "create[1].name", "duplicate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := tt.m
			m.Normalize()
			err := m.Validate()
			if tt.rule == "" {
				require.NoError(t, err)
				return
			}
			fe := fault.As(err)
			require.Equal(t, fault.Invalid, fe.Code, "%v", err)
			var got []string
			for _, is := range fe.Issues {
				got = append(got, is.Field+":"+is.Rule)
			}
			assert.Contains(t, got, tt.field+":"+tt.rule)
		})
	}
	m := Marking{AccountID: top, Link: []string{" b ", "b", ""}, Create: []NewSubsidiary{{Name: " 越南工厂 ", Country: " vn "}}}
	m.Normalize()
	assert.Equal(t, []string{"b"}, m.Link)
	assert.Equal(t, NewSubsidiary{Name: "越南工厂", Country: "VN"}, m.Create[0])

	sub := m.Create[0].Subsidiary(account.Account{Meta: record.Meta{ID: top}, Currency: "EUR", Owner: "Anna Schmidt", Industry: "chemical"})
	assert.Equal(t, top, sub.ParentID)
	assert.Equal(t, "EUR", sub.Currency)
	assert.Equal(t, "Anna Schmidt", sub.Owner)
	assert.Equal(t, "chemical", sub.Industry)
}

func TestGroupCountries(t *testing.T) {
	assert.Equal(t, []string{"CN", "DE", "US"}, GroupCountries([]string{"DE", "CN", "", "DE", "US"}))
	assert.Equal(t, []string{}, GroupCountries(nil))
	fe := fault.As(OneCountry([]string{"CN"}))
	assert.Equal(t, "one_country", fe.Rule)
	assert.Equal(t, "accountId", fe.Field)
}

func TestCheckCurrencyChange(t *testing.T) {
	empty := valid()
	withTarget := valid()
	withTarget.Countries[0].Quarters = []QuarterFigure{qf(2025, 1, 100, nil)}
	withActual := valid()
	withActual.Countries[0].Quarters = []QuarterFigure{qf(2025, 1, 0, i64(0))}
	zeroTarget := valid()
	zeroTarget.Countries[0].Quarters = []QuarterFigure{qf(2025, 1, 0, nil)}
	globalTarget := valid()
	globalTarget.KPIs = []KPI{{Metric: KPIRevenue, Target: 5_000_000}}
	marginOnly := valid()
	marginOnly.KPIs = []KPI{{Metric: KPIMargin, Target: 2500}}
	tests := []struct {
		name    string
		p       Program
		refused bool
	}{
		{"no amounts", empty, false},
		{"a quarterly target", withTarget, true},
		{"an actual of zero is an amount", withActual, true},
		{"a zero target and no actual", zeroTarget, false},
		{"a global revenue target", globalTarget, true},
		{"a margin target is a percent, not an amount", marginOnly, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			next := tt.p
			next.Currency = "EUR"
			err := CheckCurrencyChange(&tt.p, &next)
			if !tt.refused {
				assert.NoError(t, err)
				return
			}
			fe := fault.As(err)
			assert.Equal(t, "currency", fe.Field)
			assert.Equal(t, "currency_in_use", fe.Rule)
			assert.Equal(t, "CNY", fe.Params["value"])
			same := tt.p
			assert.NoError(t, CheckCurrencyChange(&tt.p, &same), "keeping the currency is always fine")
		})
	}
}
