package app

import (
	"context"
	"encoding/base64"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/app/report"
	"keystone/core/account"
	"keystone/core/calendar"
	"keystone/core/fault"
	"keystone/core/review"
	"keystone/core/sample"
)

// Narrative text as users write it: long Chinese paragraphs with 禁则
// punctuation, Chinese mixed with English and numbers, an emoji and a rare
// character the font lacks.
var zhNarrative = review.Narrative{
	Summary: "华东精密制造集团是我们在长三角最重要的战略客户之一。本年度双方在联合研发、供应链协同和数字化采购方面取得了实质进展，" +
		"销售收入同比增长百分之十八，钱包份额由百分之三十二提升至百分之三十九。下一年度的重点是把合作从单一材料供应升级为联合研发伙伴关系（Type II），" +
		"并在苏州新工厂项目中争取成为独家供应商。主要风险是采购总监更换以及竞争对手在价格上的持续施压；我们已经在第四季度安排了高层拜访《年度战略对话》。",
	Highlights: "苏州二期项目中标，金额 CNY 12,500,000（首年）\nQ3 交付准时率 98.6%，客户满意度 +1.2 🎉\n与 CTO Dr. Müller 建立季度技术评审机制",
	Issues:     "采购总监王女士离职，新任者尚未建立联系\n竞争对手 Acme Corp. 报价低 8%——需要用总拥有成本（TCO）说服客户",
	Strategy: review.Strategy{
		Goals:       "2027 年销售收入 CNY 1.45 亿，毛利率不低于 24%，钱包份额达到 45%。",
		Focus:       "联合研发与苏州新工厂；从“供应商”升级为“关键供应商”。",
		Positioning: "定位为客户降本增效的长期伙伴；目标联系人：CTO、采购总监、工厂总经理；目标竞争对手：Acme Corp.、德国 Kraft GmbH。",
		ActionPlan:  "一季度完成联合研发协议；二季度启动驻厂工程师；三季度提交 TCO 报告；四季度年度评审。",
		Resources:   "我方：两名驻厂应用工程师、研发中心 20% 产能。客户：提供试产线与季度需求预测。",
		Budget:      "预算 CNY 1,800,000；收入预测 CNY 145,000,000。",
	},
	Value: review.Value{
		Functional:          "单件成本降低 6.5%，换线时间缩短 30 分钟，每年为客户节省约 CNY 4,200,000。",
		Psychological:       "专属客户团队 7×24 小时响应；每季度高层拜访；透明的质量追溯报告。",
		CustomerCommitments: "新工厂首年采购份额不低于 50%；共享三年产能规划。",
		Tracking:            "双方每月运营例会，每季度业务评审（QBR），共同维护问题清单。𠀀",
	},
	SignOff: review.SignOff{PreparedBy: "王磊", PreparedOn: "2026-11-20", ApprovedBy: "李建国 (VP Sales)", ApprovedOn: "2026-11-22"},
}

// sampleApp is a test app with the small sample portfolio loaded.
func sampleApp(t *testing.T) *App {
	t.Helper()
	a := newTestApp(t)
	_, err := LoadPortfolio(a.Store, sample.Generate(sample.Small, 1, calendar.Today(a.Actions.clock)))
	require.NoError(t, err)
	return a
}

// richestAccount is the sample account whose review has the most sections.
func richestAccount(t *testing.T, a *App, year int) string {
	t.Helper()
	ctx, err := a.Reviews.context(year)
	require.NoError(t, err)
	best, most := "", -1
	for _, p := range ctx.matrix.Points {
		snap, err := a.Reviews.snapshot(ctx, p.AccountID, review.Annual, year, 0)
		require.NoError(t, err)
		n := len(snap.Sections())
		if snap.Deals != nil && len(snap.Deals.List) > 0 {
			n++
		}
		if n > most {
			best, most = p.AccountID, n
		}
	}
	return best
}

func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "r.pdf")
	require.NoError(t, os.WriteFile(path, pdf, 0o600))
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	require.NoError(t, err, "pdftotext (poppler-utils) reads the file")
	return string(out)
}

func flat(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// expectVisible is how text must come back out of the PDF: every character,
// with those the font lacks as their code point.
func expectVisible(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
		case report.HasGlyph(r):
			b.WriteRune(r)
		default:
			b.WriteString(report.Placeholder(r))
		}
	}
	return b.String()
}

func TestReviewLifecycle(t *testing.T) {
	a := sampleApp(t)
	acct := richestAccount(t, a, 2026)
	s := a.Reviews

	r, err := s.Create(NewReviewInput{AccountID: acct, Kind: review.Annual, Year: 2026})
	require.NoError(t, err)
	assert.Equal(t, review.Draft, r.Status)
	assert.NotEmpty(t, r.Snapshot.Account.Name)
	assert.NotNil(t, r.Snapshot.Performance, "the sample has figures for every account")
	assert.Equal(t, r.Snapshot.Account.Owner, r.Narrative.SignOff.PreparedBy, "prepared by defaults to the account's manager")

	_, err = s.Create(NewReviewInput{AccountID: acct, Kind: review.Annual, Year: 2026})
	assertFault(t, err, fault.Invalid, "year", "duplicate_review")
	_, err = s.Create(NewReviewInput{AccountID: acct, Kind: review.Quarterly, Year: 2026, Quarter: 5})
	assertFault(t, err, fault.Invalid, "quarter", "out_of_range")
	_, err = s.Create(NewReviewInput{AccountID: acct, Kind: "monthly", Year: 2026})
	assertFault(t, err, fault.Invalid, "kind", "unknown_value")
	_, err = s.Create(NewReviewInput{AccountID: "01HZX0000000000000000000AA", Kind: review.Annual, Year: 2026})
	assert.Equal(t, fault.NotFound, fault.CodeOf(err))
	q, err := s.Create(NewReviewInput{AccountID: acct, Kind: review.Quarterly, Year: 2026, Quarter: 3})
	require.NoError(t, err)

	// finalising needs a summary; nothing changes when it is refused
	_, err = s.Finalize(r.ID, r.Rev)
	assertFault(t, err, fault.Invalid, "summary", "required")
	bad := zhNarrative
	bad.SignOff.ApprovedOn = "2026-11-01"
	_, err = s.SaveNarrative(r.ID, r.Rev, bad)
	assertFault(t, err, fault.Invalid, "signOff.approvedOn", "before_prepared")
	bad.Summary = strings.Repeat("长", review.MaxText+1)
	_, err = s.SaveNarrative(r.ID, r.Rev, bad)
	assertFault(t, err, fault.Invalid, "summary", "too_long")
	got, err := s.Get(r.ID)
	require.NoError(t, err)
	assert.Equal(t, r.Rev, got.Rev, "a refused save changes nothing")

	r, err = s.SaveNarrative(r.ID, r.Rev, zhNarrative)
	require.NoError(t, err)
	assert.Equal(t, zhNarrative.Summary, r.Narrative.Summary)
	_, err = s.SaveNarrative(r.ID, r.Rev-1, zhNarrative)
	assert.Equal(t, fault.Conflict, fault.CodeOf(err), "a stale save is a conflict")

	r, err = s.Refresh(r.ID, r.Rev)
	require.NoError(t, err, "a draft can be refreshed")
	r, err = s.Finalize(r.ID, r.Rev)
	require.NoError(t, err)
	assert.True(t, r.Final())
	require.NotNil(t, r.FinalizedAt)

	_, err = s.Refresh(r.ID, r.Rev)
	assertFault(t, err, fault.Invalid, "", "review_final")
	_, err = s.SaveNarrative(r.ID, r.Rev, zhNarrative)
	assertFault(t, err, fault.Invalid, "", "review_final")
	assertFault(t, s.Delete(r.ID, r.Rev), fault.Invalid, "", "review_final")

	list, err := s.List(ReviewQuery{AccountID: acct})
	require.NoError(t, err)
	require.Len(t, list.Rows, 2)
	assert.Equal(t, "2026 Q3", list.Rows[0].Period, "newest period first")
	all, err := s.List(ReviewQuery{Status: review.Final})
	require.NoError(t, err)
	require.Len(t, all.Rows, 1)
	assert.Equal(t, r.ID, all.Rows[0].ID)
	assert.Equal(t, "王磊", all.Rows[0].PreparedBy)

	require.NoError(t, s.Delete(q.ID, q.Rev))
	_, err = s.Get(q.ID)
	assert.Equal(t, fault.NotFound, fault.CodeOf(err))
	list, err = s.List(ReviewQuery{AccountID: acct})
	require.NoError(t, err)
	assert.Len(t, list.Rows, 1)
}

func finalReview(t *testing.T, a *App) review.Review {
	t.Helper()
	acct := richestAccount(t, a, 2026)
	r, err := a.Reviews.Create(NewReviewInput{AccountID: acct, Kind: review.Annual, Year: 2026})
	require.NoError(t, err)
	r, err = a.Reviews.SaveNarrative(r.ID, r.Rev, zhNarrative)
	require.NoError(t, err)
	r, err = a.Reviews.Finalize(r.ID, r.Rev)
	require.NoError(t, err)
	return r
}

func TestReviewPDFReadsBack(t *testing.T) {
	a := sampleApp(t)
	r := finalReview(t, a)
	n := r.Narrative
	fields := []string{n.Summary, n.Strategy.Goals, n.Strategy.Focus, n.Strategy.Positioning, n.Strategy.ActionPlan,
		n.Strategy.Resources, n.Strategy.Budget, n.Value.Functional, n.Value.Psychological, n.Value.CustomerCommitments, n.Value.Tracking,
		n.SignOff.PreparedBy, n.SignOff.ApprovedBy}
	fields = append(fields, review.Items(n.Highlights)...)
	fields = append(fields, review.Items(n.Issues)...)
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			pdf, name, err := a.Reviews.PDF(r.ID, lang)
			require.NoError(t, err)
			assert.True(t, strings.HasSuffix(name, "-2026-annual-"+lang+".pdf"), name)
			text := pdfText(t, pdf)
			all := flat(text)
			for _, f := range fields {
				assert.Contains(t, all, expectVisible(f), "every character of the narrative comes back")
			}
			assert.Contains(t, all, "[U+1F389]", "the emoji the font lacks is shown as its code point")
			assert.Contains(t, all, "[U+20000]", "so is a rare ideograph outside the basic plane")
			assert.Contains(t, all, flat(r.Snapshot.Account.Name))
			pages := strings.Count(text, "\f")
			assert.GreaterOrEqual(t, pages, 7, "cover, contents and the sections")
			assert.LessOrEqual(t, pages, 14)
			if lang == "zh" {
				assert.Contains(t, all, "目录")
				assert.Contains(t, all, "执行摘要")
				assert.Contains(t, all, "第2页，共")
				assert.Contains(t, all, "机密")
			} else {
				assert.Contains(t, all, "Contents")
				assert.Contains(t, all, "Executivesummary")
				assert.Contains(t, all, "Page2of")
				assert.Contains(t, all, "CONFIDENTIAL")
			}
			assert.NotContains(t, text, "{nb}")
			assert.Less(t, len(pdf), 500_000, "an evaluation stays under 500 KB")

			path := filepath.Join(t.TempDir(), "r.pdf")
			require.NoError(t, os.WriteFile(path, pdf, 0o600))
			out, err := exec.Command("pdffonts", path).Output()
			require.NoError(t, err)
			rows := strings.Split(strings.TrimSpace(string(out)), "\n")[2:]
			require.NotEmpty(t, rows)
			for _, row := range rows {
				f := strings.Fields(row)
				assert.Equal(t, "yes", f[len(f)-5], "font embedded: %s", row)
			}
			again, _, err := a.Reviews.PDF(r.ID, lang)
			require.NoError(t, err)
			assert.Equal(t, pdf, again, "a final review prints the same bytes")
			if dir := os.Getenv("KEYSTONE_REVIEW_SAMPLES"); dir != "" {
				require.NoError(t, os.WriteFile(filepath.Join(dir, "review-sample-"+lang+".pdf"), pdf, 0o644))
			}
		})
	}
	_, _, err := a.Reviews.PDF(r.ID, "fr")
	assertFault(t, err, fault.Invalid, "lang", "unknown_value")
}

func TestFinalReviewIsFrozen(t *testing.T) {
	a := sampleApp(t)
	r := finalReview(t, a)
	before, _, err := a.Reviews.PDF(r.ID, "zh")
	require.NoError(t, err)

	// the account's data changes after the review was signed
	ws, err := a.Accounts.Workspace(r.AccountID)
	require.NoError(t, err)
	var fig account.YearFigures
	for _, f := range ws.Figures {
		if f.Year == 2026 {
			fig = f
		}
	}
	require.NotEmpty(t, fig.ID, "the sample account has 2026 figures")
	fig.Revenue *= 3
	_, err = a.Accounts.SaveFigures(fig)
	require.NoError(t, err)
	acc := ws.Account
	acc.Name = "改名后的客户"
	_, err = a.Accounts.Update(acc)
	require.NoError(t, err)

	after, _, err := a.Reviews.PDF(r.ID, "zh")
	require.NoError(t, err)
	assert.Equal(t, before, after, "the final review prints as it was signed")
	assert.NotContains(t, flat(pdfText(t, after)), "改名后的客户")

	// a draft, refreshed, does see the change
	d, err := a.Reviews.Create(NewReviewInput{AccountID: r.AccountID, Kind: review.Quarterly, Year: 2026, Quarter: 4})
	require.NoError(t, err)
	assert.Equal(t, "改名后的客户", d.Snapshot.Account.Name)
	assert.Equal(t, fig.Revenue, d.Snapshot.Performance.Current(2026).Revenue)
}

func TestSectionsWithoutDataAreLeftOut(t *testing.T) {
	a := newTestApp(t)
	acc := mustCreate(t, a, account.Account{Name: "新客户 Neukunde", Owner: "陈静"})
	r, err := a.Reviews.Create(NewReviewInput{AccountID: acc.ID, Kind: review.Annual, Year: 2026})
	require.NoError(t, err)
	assert.Empty(t, r.Snapshot.Sections(), "an account without data has no data section")
	pdf, _, err := a.Reviews.PDF(r.ID, "en")
	require.NoError(t, err)
	text := flat(pdfText(t, pdf))
	assert.Contains(t, text, "Executivesummary")
	assert.Contains(t, text, "Sign-off")
	for _, absent := range []string{"Performanceagainsttargets", "Portfolioposition", "Opportunitieswon", "Switchingcosts", "Customerandrelationship"} {
		assert.NotContains(t, text, absent, "no page is printed for an area without data")
	}

	// with one year of figures, the performance section appears
	_, err = a.Accounts.SaveFigures(account.YearFigures{AccountID: acc.ID, Year: 2026, Revenue: 1_000_000_00, RevenueTarget: 1_200_000_00, Margin: 200_000_00})
	require.NoError(t, err)
	r, err = a.Reviews.Refresh(r.ID, r.Rev)
	require.NoError(t, err)
	assert.Equal(t, []string{"performance"}, r.Snapshot.Sections())
	pdf, _, err = a.Reviews.PDF(r.ID, "en")
	require.NoError(t, err)
	text = flat(pdfText(t, pdf))
	assert.Contains(t, text, "Performanceagainsttargets")
	assert.Contains(t, text, "CNY1,000,000")
	assert.Contains(t, text, "83%", "attainment 1.0 M of 1.2 M")
}

func TestExportInBrowserModeReturnsBytes(t *testing.T) {
	a := sampleApp(t)
	r := finalReview(t, a)
	out, err := a.Reviews.Export(r.ID, "zh")
	require.NoError(t, err)
	assert.Empty(t, out.Path, "no dialog in browser mode")
	data, err := base64.StdEncoding.DecodeString(out.Data)
	require.NoError(t, err)
	assert.Equal(t, out.Bytes, len(data))
	assert.True(t, strings.HasPrefix(string(data), "%PDF-"))
}

func TestBatchExport(t *testing.T) {
	a := sampleApp(t)
	r := finalReview(t, a)
	dir := t.TempDir()
	var seen []int
	res, err := a.Reviews.Batch(context.Background(), BatchInput{Year: 2026, Lang: "en", Folder: dir}, func(done, total int, _ string) {
		seen = append(seen, done)
		assert.Equal(t, 25, total, "24 accounts and the summary")
	})
	require.NoError(t, err)
	assert.Len(t, res.Files, 24)
	assert.Len(t, seen, 25)
	assert.Empty(t, res.Skipped)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 25, "one file per account and the summary, no temporary files left")

	// the signed review is printed as signed, in the batch's language
	final, _, err := a.Reviews.PDF(r.ID, "en")
	require.NoError(t, err)
	name := reviewFileName(r, "en")
	onDisk, err := os.ReadFile(filepath.Join(dir, name))
	require.NoError(t, err)
	assert.Equal(t, final, onDisk)

	summary, err := os.ReadFile(res.Summary)
	require.NoError(t, err)
	if dir := os.Getenv("KEYSTONE_REVIEW_SAMPLES"); dir != "" {
		require.NoError(t, os.WriteFile(filepath.Join(dir, "portfolio-summary-en.pdf"), summary, 0o644))
	}
	text := pdfText(t, summary)
	assert.Equal(t, 1, strings.Count(text, "\f"), "the portfolio summary is one page")
	assert.Contains(t, flat(text), "Portfoliosummary2026")
	assert.Contains(t, flat(text), "24accounts")

	// by tier
	matrix, err := a.Portfolio.Matrix(PortfolioFilter{Year: 2026})
	require.NoError(t, err)
	tier, count := "", 0
	for _, p := range matrix.Points {
		if p.Tier != "" {
			tier = p.Tier
			break
		}
	}
	for _, p := range matrix.Points {
		if p.Tier == tier {
			count++
		}
	}
	require.NotEmpty(t, tier)
	res, err = a.Reviews.Batch(context.Background(), BatchInput{Year: 2026, Lang: "zh", Tier: tier, Folder: t.TempDir()}, nil)
	require.NoError(t, err)
	assert.Len(t, res.Files, count)

	// bad selections say why and write nothing
	missing := filepath.Join(t.TempDir(), "not-made")
	_, err = a.Reviews.Batch(context.Background(), BatchInput{Year: 2026, Lang: "en", Tier: "nope", Folder: missing}, nil)
	assertFault(t, err, fault.Invalid, "", "no_accounts_selected")
	assert.NoDirExists(t, missing, "a refused batch makes no folder")
	file := filepath.Join(t.TempDir(), "a-file")
	require.NoError(t, os.WriteFile(file, nil, 0o600))
	_, err = a.Reviews.Batch(context.Background(), BatchInput{Year: 2026, Lang: "en", Folder: file}, nil)
	assertFault(t, err, fault.Invalid, "folder", "folder_not_writable")
	_, err = a.Reviews.Batch(context.Background(), BatchInput{Year: 2026, Lang: "en"}, nil)
	assertFault(t, err, fault.Invalid, "folder", "required")
	_, err = a.Reviews.Batch(context.Background(), BatchInput{Year: 2026, Lang: "de", Folder: t.TempDir()}, nil)
	assertFault(t, err, fault.Invalid, "lang", "unknown_value")
}

func TestBatchJobProgressAndCancel(t *testing.T) {
	a := sampleApp(t)
	dir := t.TempDir()
	st, err := a.Reviews.StartBatch(BatchInput{Year: 2026, Lang: "zh", Folder: dir})
	require.NoError(t, err)
	assert.Equal(t, batchRunning, st.State)
	deadline := time.Now().Add(2 * time.Minute)
	for st.State == batchRunning && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
		st, err = a.Reviews.BatchStatus(st.ID)
		require.NoError(t, err)
		assert.LessOrEqual(t, st.Done, 25)
	}
	require.Equal(t, batchDone, st.State, "error: %v", st.Error)
	assert.Equal(t, 25, st.Done)
	assert.Equal(t, 25, st.Total)

	// cancelled right away: it stops between documents, the written ones stay
	dir2 := t.TempDir()
	st, err = a.Reviews.StartBatch(BatchInput{Year: 2026, Lang: "en", Folder: dir2})
	require.NoError(t, err)
	_, err = a.Reviews.CancelBatch(st.ID)
	require.NoError(t, err)
	for st.State == batchRunning && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		st, err = a.Reviews.BatchStatus(st.ID)
		require.NoError(t, err)
	}
	assert.Equal(t, batchCancelled, st.State)
	entries, err := os.ReadDir(dir2)
	require.NoError(t, err)
	assert.Less(t, len(entries), 25, "it stopped before the end")
	assert.Len(t, st.Result.Files, len(entries))

	_, err = a.Reviews.BatchStatus("nope")
	assert.Equal(t, fault.NotFound, fault.CodeOf(err))
}
