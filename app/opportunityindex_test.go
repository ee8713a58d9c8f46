package app

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"keystone/core/account"
	"keystone/core/calendar"
	"keystone/core/money"
	"keystone/core/opportunity"
	"keystone/core/sample"
	"keystone/core/winloss"
	"keystone/storage"
)

// analysisFromScan computes the figures from the store directly, without
// the index, for comparing.
func analysisFromScan(t *testing.T, a *App) winloss.Analysis {
	t.Helper()
	in, err := a.WinLoss.input()
	require.NoError(t, err)
	in.Deals = nil
	for _, d := range scanDeals(t, a.Store) {
		if _, ok := in.Accounts[d.AccountID]; ok && !d.IsOpen() {
			in.Deals = append(in.Deals, &d)
		}
	}
	return winloss.Analyze(in, winloss.Filter{})
}

// TestOpportunityIndexFollowsWrites: the index, once built, follows every
// kind of write (save, move, close, reopen, archive, a bulk load) and
// ignores other children of the account.
func TestOpportunityIndexFollowsWrites(t *testing.T) {
	a := newTestApp(t)
	require.Empty(t, indexDeals(t, a)) // built now, empty
	acc := mustCreate(t, a, account.Account{Name: "华东化工", Owner: "王磊"})
	d1 := newDeal(t, a, acc.ID, "一", 100, "information")
	d2 := newDeal(t, a, acc.ID, "二", 200, "information")
	d3 := newDeal(t, a, acc.ID, "三", 300, "information")
	_, err := a.Accounts.SaveContact(account.Contact{AccountID: acc.ID, Name: "周总"})
	require.NoError(t, err)
	d1, err = a.Opportunities.MoveStage(acc.ID, d1.ID, d1.Rev, "needs")
	require.NoError(t, err)
	d2, err = a.Opportunities.Close(acc.ID, d2.ID, d2.Rev, opportunity.Close{Outcome: "lost", PrimaryReason: "price", Winner: "Alpha"})
	require.NoError(t, err)
	_, err = a.Opportunities.Reopen(acc.ID, d2.ID, d2.Rev)
	require.NoError(t, err)
	require.NoError(t, a.Opportunities.Archive(acc.ID, d3.ID, d3.Rev))
	got := indexDeals(t, a)
	assert.Equal(t, scanDeals(t, a.Store), got)
	assert.Len(t, got, 2)
	assert.Equal(t, "needs", got[d1.ID].Stage)
	assert.Empty(t, got[d2.ID].Outcome, "reopened")

	// A failed write leaves the index as it was.
	_, err = a.Opportunities.Close(acc.ID, d1.ID, d1.Rev, opportunity.Close{Outcome: "lost"})
	require.Error(t, err)
	assert.Equal(t, got, indexDeals(t, a))

	// A bulk load (the sample) is seen too.
	b := newTestApp(t)
	require.Empty(t, indexDeals(t, b))
	_, err = LoadPortfolio(b.Store, sample.Generate(sample.Small, 3, testToday))
	require.NoError(t, err)
	assert.Len(t, indexDeals(t, b), sample.OpportunityTarget(sample.Small))
	assert.Equal(t, scanDeals(t, b.Store), indexDeals(t, b))
}

// TestOpportunityIndexAfterRestart: a fresh process (New over the reopened
// folder) builds the same index and the same figures as the store holds.
func TestOpportunityIndexAfterRestart(t *testing.T) {
	dir := t.TempDir()
	clock := calendar.Fixed{T: testNow}
	st, err := storage.Open(dir, storage.Options{Clock: clock})
	require.NoError(t, err)
	a := New(st, clock)
	_, err = LoadPortfolio(st, sample.Generate(sample.Small, 5, testToday))
	require.NoError(t, err)
	before, err := a.WinLoss.Analysis(winloss.Filter{})
	require.NoError(t, err)
	// Change some deals after the load, then stop.
	p, err := a.Opportunities.Pipeline(PipelineQuery{Limit: 20})
	require.NoError(t, err)
	for i, r := range p.Rows[:10] {
		list, err := a.Opportunities.ForAccount(r.AccountID)
		require.NoError(t, err)
		for _, o := range list.Deals {
			if o.ID == r.ID {
				_, err = a.Opportunities.Close(r.AccountID, r.ID, o.Rev, opportunity.Close{Outcome: []string{"won", "lost"}[i%2], PrimaryReason: "quality"})
				require.NoError(t, err)
			}
		}
	}
	after, err := a.WinLoss.Analysis(winloss.Filter{})
	require.NoError(t, err)
	assert.Equal(t, before.Counts.Won+5, after.Counts.Won)
	assert.Equal(t, before.Counts.Lost+5, after.Counts.Lost)
	require.NoError(t, st.Close())

	st, err = storage.Open(dir, storage.Options{Clock: clock})
	require.NoError(t, err)
	defer st.Close()
	b := New(st, clock)
	again, err := b.WinLoss.Analysis(winloss.Filter{})
	require.NoError(t, err)
	assert.Equal(t, after.Analysis, again.Analysis)
	assert.Equal(t, scanDeals(t, st), indexDeals(t, b))
	assert.Equal(t, analysisFromScan(t, b), again.Analysis)
}

// The crash test's child: it writes deals until it is killed (see
// TestOpportunityIndexAfterCrash); run alone it is skipped.
const oppCrashDirEnv = "KEYSTONE_OPPORTUNITY_CRASH_DIR"

func TestOpportunityCrashChild(t *testing.T) {
	dir := os.Getenv(oppCrashDirEnv)
	if dir == "" {
		t.Skip("the child process of TestOpportunityIndexAfterCrash")
	}
	st, err := storage.Open(dir, storage.Options{})
	require.NoError(t, err)
	a := New(st, calendar.Fixed{T: testNow})
	acc, err := a.Accounts.Create(account.Account{Name: "崩溃测试客户", Currency: "CNY", Owner: "王磊"})
	require.NoError(t, err)
	out := bufio.NewWriter(os.Stdout)
	ack := func(o opportunity.Opportunity) {
		outcome := "-"
		if o.Close != nil {
			outcome = o.Close.Outcome
		}
		fmt.Fprintf(out, "ack %s %s %s\n", o.ID, o.Stage, outcome)
		require.NoError(t, out.Flush())
	}
	// Each deal: created, moved once, closed; the index is read in between
	// so it is live when the kill comes.
	for n := 0; ; n++ {
		o, err := a.Opportunities.Save(opportunity.Opportunity{AccountID: acc.ID, Title: fmt.Sprintf("项目 %d", n), Stage: "information",
			Value: money.Money{Amount: int64(1000 + n)}, OpenedOn: "2026-01-05"})
		require.NoError(t, err)
		ack(o)
		o, err = a.Opportunities.MoveStage(acc.ID, o.ID, o.Rev, "solution")
		require.NoError(t, err)
		ack(o)
		_, err = a.WinLoss.Analysis(winloss.Filter{})
		require.NoError(t, err)
		o, err = a.Opportunities.Close(acc.ID, o.ID, o.Rev, opportunity.Close{Outcome: []string{"won", "lost", "no_decision"}[n%3], PrimaryReason: "price"})
		require.NoError(t, err)
		ack(o)
	}
}

// TestOpportunityIndexAfterCrash kills a writer with SIGKILL mid-stream: on
// reopening, the index must hold every acknowledged change (or a later one
// of the same deal, committed before its acknowledgement was printed) and
// equal what the store holds.
func TestOpportunityIndexAfterCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestOpportunityCrashChild$")
	cmd.Env = append(os.Environ(), oppCrashDirEnv+"="+dir)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	defer func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	}()
	step := func(stage, outcome string) int {
		switch {
		case outcome != "-" && outcome != "":
			return 3
		case stage == "solution":
			return 2
		}
		return 1
	}
	acked := map[string][2]string{}
	lines := bufio.NewScanner(stdout)
	for n := 0; n < 240; {
		require.True(t, lines.Scan(), "child stopped: %s", stderr.String())
		f := strings.Fields(lines.Text())
		if len(f) != 4 || f[0] != "ack" {
			continue // the test runner's own lines
		}
		acked[f[1]] = [2]string{f[2], f[3]}
		n++
	}
	require.NoError(t, cmd.Process.Kill())
	require.Error(t, cmd.Wait())

	st, err := storage.Open(dir, storage.Options{Clock: calendar.Fixed{T: testNow}})
	require.NoError(t, err)
	defer st.Close()
	a := New(st, calendar.Fixed{T: testNow})
	got := indexDeals(t, a)
	assert.Equal(t, scanDeals(t, st), got)
	for id, want := range acked {
		d, ok := got[id]
		require.True(t, ok, "acknowledged deal %s is there", id)
		assert.GreaterOrEqual(t, step(d.Stage, d.Outcome), step(want[0], want[1]), id)
	}
	an, err := a.WinLoss.Analysis(winloss.Filter{})
	require.NoError(t, err)
	assert.Equal(t, analysisFromScan(t, a), an.Analysis)
	assert.GreaterOrEqual(t, an.Counts.Closed, 70)
}
