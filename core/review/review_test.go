package review

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/calendar"
	"keystone/core/fault"
)

func TestPeriod(t *testing.T) {
	cases := []struct {
		kind          string
		year, quarter int
		from, to      calendar.Date
		label         string
	}{
		{Annual, 2026, 0, "2026-01-01", "2026-12-31", "2026"},
		{Quarterly, 2026, 1, "2026-01-01", "2026-03-31", "2026 Q1"},
		{Quarterly, 2024, 1, "2024-01-01", "2024-03-31", "2024 Q1"},
		{Quarterly, 2026, 2, "2026-04-01", "2026-06-30", "2026 Q2"},
		{Quarterly, 2026, 4, "2026-10-01", "2026-12-31", "2026 Q4"},
	}
	for _, tc := range cases {
		r := Review{Kind: tc.kind, Year: tc.year, Quarter: tc.quarter}
		from, to := r.Period()
		assert.Equal(t, tc.from, from, tc.label)
		assert.Equal(t, tc.to, to, tc.label)
		assert.Equal(t, tc.label, r.PeriodLabel())
	}
}

func TestValidatePeriod(t *testing.T) {
	cases := []struct {
		name        string
		r           Review
		field, rule string
	}{
		{"annual", Review{AccountID: "a", Kind: Annual, Year: 2026}, "", ""},
		{"quarterly", Review{AccountID: "a", Kind: Quarterly, Year: 2026, Quarter: 3}, "", ""},
		{"no account", Review{Kind: Annual, Year: 2026}, "accountId", "required"},
		{"unknown kind", Review{AccountID: "a", Kind: "monthly", Year: 2026}, "kind", "unknown_value"},
		{"quarter missing", Review{AccountID: "a", Kind: Quarterly, Year: 2026}, "quarter", "out_of_range"},
		{"annual with a quarter", Review{AccountID: "a", Kind: Annual, Year: 2026, Quarter: 2}, "quarter", "annual_no_quarter"},
		{"year out of range", Review{AccountID: "a", Kind: Annual, Year: 1900}, "year", "out_of_range"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.r.ValidatePeriod()
			if tc.rule == "" {
				assert.NoError(t, err)
				return
			}
			fe := fault.As(err)
			assert.Equal(t, fault.Invalid, fe.Code)
			assert.Equal(t, tc.field, fe.Field)
			assert.Equal(t, tc.rule, fe.Rule)
		})
	}
}

func TestNarrative(t *testing.T) {
	n := Narrative{Summary: "  本年度增长百分之十八。\r\n第二段。 ", Highlights: "\n 中标苏州二期 \n\n  交付准时率 98.6% \n", Issues: "  "}
	n.Normalize()
	assert.Equal(t, "本年度增长百分之十八。\n第二段。", n.Summary)
	assert.Equal(t, "中标苏州二期\n交付准时率 98.6%", n.Highlights)
	assert.Equal(t, []string{"中标苏州二期", "交付准时率 98.6%"}, Items(n.Highlights))
	assert.Nil(t, Items(n.Issues))
	require.NoError(t, n.Validate())

	cases := []struct {
		name        string
		edit        func(n *Narrative)
		field, rule string
	}{
		{"too long", func(n *Narrative) { n.Value.Tracking = strings.Repeat("字", MaxText+1) }, "value.tracking", "too_long"},
		{"name too long", func(n *Narrative) { n.SignOff.ApprovedBy = strings.Repeat("李", MaxShort+1) }, "signOff.approvedBy", "too_long"},
		{"bad date", func(n *Narrative) { n.SignOff.PreparedOn = "2026-02-30" }, "signOff.preparedOn", "invalid_date"},
		{"approved before prepared", func(n *Narrative) { n.SignOff.PreparedOn, n.SignOff.ApprovedOn = "2026-11-20", "2026-11-19" }, "signOff.approvedOn", "before_prepared"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := n
			tc.edit(&m)
			fe := fault.As(m.Validate())
			assert.Equal(t, tc.field, fe.Field)
			assert.Equal(t, tc.rule, fe.Rule)
		})
	}
}

func TestCheckFinalize(t *testing.T) {
	r := Review{Status: Draft}
	fe := fault.As(r.CheckFinalize())
	assert.Equal(t, "summary", fe.Field)
	require.Len(t, fe.Issues, 2, "summary and preparer both missing")
	assert.Equal(t, "signOff.preparedBy", fe.Issues[1].Field)
	r.Narrative.Summary, r.Narrative.SignOff.PreparedBy = "摘要", "王磊"
	assert.NoError(t, r.CheckFinalize())
	r.Status = Final
	assert.Equal(t, "review_final", fault.As(r.CheckFinalize()).Rule)
}

func TestFigures(t *testing.T) {
	a, ok := Attainment(83, 100)
	assert.True(t, ok)
	assert.InDelta(t, 83, a, 1e-9)
	_, ok = Attainment(83, 0)
	assert.False(t, ok, "no target, no attainment")
	g, ok := Growth(100, 118)
	assert.True(t, ok)
	assert.InDelta(t, 18, g, 1e-9)
	_, ok = Growth(0, 10)
	assert.False(t, ok)

	p := &Performance{Years: []YearRow{{Year: 2025}, {Year: 2026, Revenue: 5}}}
	assert.Equal(t, int64(5), p.Current(2026).Revenue)
	assert.Nil(t, p.Current(2024))

	s := Snapshot{Performance: p, Risk: &Risk{}}
	assert.Equal(t, []string{"performance", "risk"}, s.Sections())
	assert.Empty(t, Snapshot{}.Sections())
}

func TestRefOf(t *testing.T) {
	r := Review{AccountID: "a", Kind: Quarterly, Year: 2026, Quarter: 2, Status: Final,
		Snapshot: Snapshot{Account: AccountInfo{Name: "华东精密", Owner: "王磊"}}, Narrative: Narrative{SignOff: SignOff{PreparedBy: "陈静"}}}
	r.ID = "id1"
	ref := RefOf(r)
	assert.Equal(t, "id1", ref.ID)
	assert.Equal(t, "华东精密", ref.AccountName)
	assert.Equal(t, "王磊", ref.Owner)
	assert.Equal(t, "陈静", ref.PreparedBy)
	assert.Equal(t, Final, ref.Status)
	assert.Equal(t, 2, ref.Quarter)
}
