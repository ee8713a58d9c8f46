package app

import (
	"bytes"
	"encoding/base64"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"keystone/core/account"
	"keystone/core/fault"
	"keystone/core/portfolio"
)

// openExport decodes an export and reads every sheet back as text.
func openExport(t *testing.T, b64 string) (names []string, rows map[string][][]string) {
	t.Helper()
	raw, err := base64.StdEncoding.DecodeString(b64)
	require.NoError(t, err)
	f, err := excelize.OpenReader(bytes.NewReader(raw))
	require.NoError(t, err)
	defer f.Close()
	rows = map[string][][]string{}
	for _, n := range f.GetSheetList() {
		r, err := f.GetRows(n)
		require.NoError(t, err)
		rows[n] = r
	}
	return f.GetSheetList(), rows
}

func TestPortfolioExport(t *testing.T) {
	a := newTestApp(t)
	x := mustCreate(t, a, account.Account{Name: "华东精密", Owner: "王磊"})
	y := mustCreate(t, a, account.Account{Name: "Nordwind GmbH", Owner: "Anna"})
	mustCreate(t, a, account.Account{Name: "未评分客户", Owner: "王磊"})
	mustFigures(t, a, x.ID, "CNY", 2025, 60_000_000_00, 15_000_000_00)
	mustFigures(t, a, y.ID, "CNY", 2025, 40_000_000_00, 5_000_000_00)
	_, err := a.Portfolio.Score(scorecard(x.ID, 8, 8, "2026-03-01"))
	require.NoError(t, err)
	_, err = a.Portfolio.SetTier(portfolio.Assignment{AccountID: y.ID, Tier: "develop", Reason: "预算冻结"})
	require.NoError(t, err)

	zh, err := a.Portfolio.Export(PortfolioFilter{}, "zh-CN")
	require.NoError(t, err)
	names, rows := openExport(t, zh)
	assert.Equal(t, []string{"组合矩阵", "帕累托", "价值金字塔", "终生价值"}, names)

	matrix := rows["组合矩阵"]
	require.Len(t, matrix, 4, "a header and three accounts")
	assert.Equal(t, []string{"客户", "客户经理", "细分", "层级", "人工定级", "评分日期", "吸引力（1–10）", "企业商业能力（1–10）", "象限", "销售收入", "币种"}, matrix[0])
	byName := map[string][]string{}
	for _, r := range matrix[1:] {
		byName[r[0]] = r
	}
	assert.Equal(t, []string{"华东精密", "王磊", "", "战略大客户", "", "2026-03-01", "8", "8", "战略型", "60000000", "CNY"}, byName["华东精密"])
	assert.Equal(t, "发展客户", byName["Nordwind GmbH"][3])
	assert.Equal(t, "是", byName["Nordwind GmbH"][4], "set by hand")
	assert.Equal(t, "未评分", byName["未评分客户"][8])

	pareto := rows["帕累托"]
	require.Len(t, pareto, 3)
	assert.Equal(t, []string{"1", "华东精密", "战略大客户", "60000000", "60", "60", "A"}, pareto[1])
	assert.Equal(t, []string{"2", "Nordwind GmbH", "发展客户", "40000000", "40", "100", "A"}, pareto[2], "60 % before it, below the 80 % limit: still A")

	pyramid := rows["价值金字塔"]
	require.Len(t, pyramid, 5, "header and four bands")
	assert.Equal(t, "顶层客户", pyramid[1][0])
	assert.Equal(t, []string{"顶层客户", "50000000", "1", "60000000", "15000000", "0", "15000000", "25"}, pyramid[1])

	clv := rows["终生价值"]
	require.Len(t, clv, 3)
	assert.Equal(t, "华东精密", clv[1][0], "highest lifetime value first")
	assert.Equal(t, "40000000", clv[1][6], "15 M × 0.8 / 0.3")

	en, err := a.Portfolio.Export(PortfolioFilter{Owner: "Anna"}, "en")
	require.NoError(t, err)
	names, rows = openExport(t, en)
	assert.Equal(t, []string{"Matrix", "Pareto", "Pyramid", "Lifetime value"}, names)
	require.Len(t, rows["Matrix"], 2, "the filter applies")
	assert.Equal(t, "Development account", rows["Matrix"][1][3])
	assert.Equal(t, "CLV = m·r/(1+i−r) − AC", rows["Lifetime value"][0][6])

	_, err = a.Portfolio.Export(PortfolioFilter{}, "fr")
	assertFault(t, err, fault.Invalid, "lang", "unknown_value")
}

func TestPortfolioTierReadsTheStoredAssignment(t *testing.T) {
	a := newTestApp(t)
	x := mustCreate(t, a, account.Account{Name: "Acme"})
	none, err := a.Portfolio.Tier(x.ID)
	require.NoError(t, err)
	assert.Equal(t, portfolio.Assignment{AccountID: x.ID}, none)

	set, err := a.Portfolio.SetTier(portfolio.Assignment{AccountID: x.ID, Tier: "key", Reason: "board sponsor"})
	require.NoError(t, err)
	got, err := a.Portfolio.Tier(x.ID)
	require.NoError(t, err)
	assert.Equal(t, "key", got.Tier)
	assert.Equal(t, set.Rev, got.Rev)

	require.NoError(t, a.Portfolio.ClearTier(x.ID, got.Rev))
	cleared, err := a.Portfolio.Tier(x.ID)
	require.NoError(t, err)
	assert.NotNil(t, cleared.DeletedAt, "cleared: the suggestion applies again")
	cleared.Tier = "develop"
	again, err := a.Portfolio.SetTier(cleared)
	require.NoError(t, err, "setting again at the cleared one's rev")
	assert.Nil(t, again.DeletedAt)

	_, err = a.Portfolio.Tier("01HZX0000000000000000000ZZ")
	assertFault(t, err, fault.NotFound, "", "not_found")
}
