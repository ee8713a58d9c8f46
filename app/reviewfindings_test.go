package app

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/calendar"
	"keystone/core/review"
)

func TestProgramFindingsInBothLanguages(t *testing.T) {
	cases := []struct {
		rule   string
		params map[string]any
		en, zh string
	}{
		{"revenue_red", map[string]any{"percent": 72.35, "threshold": 80},
			"Revenue to date is 72.4% of the target to date — below 80%.", "累计收入为累计目标的 72.4%，低于 80%。"},
		{"renewal_urgent", map[string]any{"days": 45, "date": "2027-01-07", "threshold": 90},
			"The contract renews on 2027-01-07 (in 45 days) and no renewal action is planned.", "全球合同将于 2027-01-07（45 天后）续约，但尚未安排续约行动。"},
		{"renewal_near", map[string]any{"days": -3, "date": "2026-11-20"},
			"The contract renews on 2026-11-20 (3 days past) and no renewal action is planned.", "全球合同将于 2026-11-20（已过 3 天）续约，但尚未安排续约行动。"},
		{"coverage_fell", map[string]any{"from": 83.3, "to": 66.7, "days": 90},
			"Coverage fell from 83.3% to 66.7% in the last 90 days.", "覆盖率在最近 90 天内从 83.3% 降至 66.7%。"},
		{"overdue_actions", map[string]any{"count": 4, "milestones": 1, "threshold": 3},
			"4 milestones and actions are overdue (1 of them milestones).", "有 4 项里程碑和行动已逾期（其中里程碑 1 项）。"},
		{"kpi_short", map[string]any{"metric": "margin", "actual": int64(1850), "target": int64(2400), "threshold": 90},
			"Margin is at 18.5% against a target of 24.0% — below 90% of it.", "毛利率为 18.5%，目标 24.0%，低于目标的 90%。"},
		{"kpi_short", map[string]any{"metric": "satisfaction", "actual": int64(64), "target": int64(80), "threshold": 90},
			"Satisfaction is at 6.4 against a target of 8.0 — below 90% of it.", "满意度为 6.4，目标 8.0，低于目标的 90%。"},
		{"actuals_missing", map[string]any{"count": 3, "since": "2026-Q2", "days": 30},
			"3 country-quarters since 2026 Q2 have a target but no actual, 30 days after the quarter ended.", "自2026年第2季度起有 3 个国家季度设有目标但无实际数，季度结束已超过 30 天。"},
	}
	for _, c := range cases {
		t.Run(c.rule, func(t *testing.T) {
			f := review.Finding{Rule: c.rule, Params: c.params, Message: "as stored"}
			assert.Equal(t, c.en, findingText(lang(false), f, "EUR"))
			assert.Equal(t, c.zh, findingText(lang(true), f, "EUR"))

			// a frozen snapshot reads its figures back as JSON numbers
			raw, err := json.Marshal(f)
			require.NoError(t, err)
			var back review.Finding
			require.NoError(t, json.Unmarshal(raw, &back))
			assert.Equal(t, c.zh, findingText(lang(true), back, "EUR"))
		})
	}

	t.Run("an unknown rule keeps its stored message", func(t *testing.T) {
		f := review.Finding{Rule: "future_rule", Message: "something new"}
		assert.Equal(t, "something new", findingText(lang(false), f, "EUR"))
	})
	t.Run("reviews frozen before the figures were kept print English only", func(t *testing.T) {
		p := &review.Program{Findings: []string{"old English sentence"}}
		assert.Equal(t, []string{"old English sentence"}, findingLines(lang(false), p))
		assert.Empty(t, findingLines(lang(true), p))
	})
}

func TestReviewPrintsProgramHealthInChinese(t *testing.T) {
	a := sampleApp(t)
	year := calendar.Today(a.Actions.clock).Year()
	ctx, err := a.Reviews.context(year)
	require.NoError(t, err)
	var prog *review.Program
	var accountID string
	for _, p := range ctx.matrix.Points {
		snap, err := a.Reviews.snapshot(ctx, p.AccountID, review.Annual, year, 0)
		require.NoError(t, err)
		if snap.Program != nil && len(snap.Program.Rules) > 0 {
			prog, accountID = snap.Program, p.AccountID
			break
		}
	}
	require.NotNil(t, prog, "the sample has a program whose health rules fired")
	require.Len(t, prog.Rules, len(prog.Findings))

	r, err := a.Reviews.Create(NewReviewInput{AccountID: accountID, Kind: review.Annual, Year: year})
	require.NoError(t, err)
	for _, code := range []string{"zh-CN", "en"} {
		pdf, _, err := a.Reviews.PDF(r.ID, code)
		require.NoError(t, err)
		text := flat(pdfText(t, pdf))
		for _, f := range r.Snapshot.Program.Rules {
			assert.Contains(t, text, flat(findingText(langOf(code), f, r.Snapshot.Program.Currency)), code)
		}
	}
}

func TestRenewalWarningInChinese(t *testing.T) {
	cases := []struct {
		name   string
		params map[string]any
		want   string
	}{
		{"the run-up window", map[string]any{"date": "2027-01-10", "days": 48, "window": 90},
			"合同将于 2027-01-10 续约（还有 48 天），续约前 90 天内没有已安排或已完成的行动。"},
		{"frozen before the window was kept", map[string]any{"date": "2027-01-10", "days": 48},
			"合同将于 2027-01-10 续约（还有 48 天），之前没有待办行动。"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := review.Warning{Key: "renewal_near", Params: c.params, Message: "english"}
			assert.Equal(t, c.want, warningText(lang(true), w))
			assert.Equal(t, "english", warningText(lang(false), w))
		})
	}
}
