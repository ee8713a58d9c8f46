package sample

import (
	"cmp"
	"math"
	"slices"
	"time"

	"keystone/core/account"
	"keystone/core/action"
)

// pending is a plan task or to-do whose status is dealt once all exist.
type pending struct {
	idx     int     // in p.Actions
	closeBy float64 // higher: more likely done by now
	due     int     // days from today; 0 when undated
	created int     // days back it was created
	lang    int
}

// buildActions writes each account's actions: one per activity follow-up,
// whose status follows the log; two to six tasks for this year's plan; and
// hand-made to-dos that bring the total to the size's target. Plan tasks and
// to-dos then get their statuses from one ranking by how overdue they are,
// so that exactly the target number stays open.
func (g *gen) buildActions() {
	followUps := 0
	for i := range g.p.Activities {
		if g.p.Activities[i].FollowUp != "" {
			followUps++
		}
	}
	n := len(g.accts)
	tasks, planned := make([]int, n), 0
	for i := range tasks {
		tasks[i] = 2 + g.r.IntN(5)
		planned += tasks[i]
	}
	// A seed with unusually many follow-ups takes tasks off plans (never
	// below two each), so the total still holds.
	for trimmed := true; followUps+planned > g.want.Actions && trimmed; {
		trimmed = false
		for i := range tasks {
			if tasks[i] > 2 && followUps+planned > g.want.Actions {
				tasks[i]--
				planned--
				trimmed = true
			}
		}
	}
	w := make([]float64, n)
	for i := range g.accts {
		w[i] = float64(g.accts[i].nActs) * g.between(0.5, 1.5)
	}
	todos := spread(max(0, g.want.Actions-followUps-planned), 0, w)

	g.p.Actions = make([]action.Action, 0, max(g.want.Actions, followUps+planned))
	var free []pending
	var buf []action.Action
	var bufDue []int
	open, lo := 0, 0
	weekEnd := g.today.DaysUntil(action.EndOfWeek(g.today))
	for i := range g.accts {
		a := &g.accts[i]
		acts := g.p.Activities[lo : lo+a.nActs]
		lo += a.nActs
		open += g.followUps(i, acts)
		free, buf, bufDue = g.planTasks(i, tasks[i], weekEnd, free, buf[:0], bufDue[:0])
		free, buf, bufDue = g.todos(i, todos[i], free, buf[:0], bufDue[:0])
	}
	g.dealStatuses(free, g.want.OpenActions-open)
}

// followUps writes the follow-up actions of one account's activities (in
// date order) and says how many stay open. A follow-up is done when the
// account's next activity came within 30 days after its date, on that day;
// otherwise it is still open, unless it fell in a year whose plan was
// rolled forward, which closed it.
// staleFollowUpDays is how long past its date a sample follow-up may stay open.
const staleFollowUpDays = 60

func (g *gen) followUps(i int, acts []account.Activity) int {
	acc := &g.p.Accounts[i]
	lang := g.accts[i].lang()
	locked := g.plans[i].last >= 0
	open := 0
	for j := range acts {
		act := &acts[j]
		if act.FollowUp == "" {
			continue
		}
		x := action.FollowUp(act.ID, acc.ID, act.Subject, acc.Owner, act.FollowUp)
		x.CreatedAt, x.UpdatedAt = act.CreatedAt, act.CreatedAt
		limit := act.FollowUp.AddDays(30)
		for k := j + 1; k < len(acts); k++ {
			if next := &acts[k]; next.Date > act.Date {
				if next.Date <= limit {
					x.SetStatus(action.Done, next.Date)
					x.UpdatedAt = next.CreatedAt
				}
				break
			}
		}
		switch {
		case x.Status != action.Open:
		case act.FollowUp < g.today.AddDays(-staleFollowUpDays):
			// A manager closes old follow-ups sooner or later: only recent
			// ones are left open, so the sample's overdue list is believable.
			x.SetStatus(action.Done, act.FollowUp.AddDays(7))
		case locked && act.FollowUp.Year() == g.year-1:
			x.SetStatus(action.Cancelled, "")
			x.Notes = rolledNote[lang]
			if t := g.p.Plans[g.plans[i].cur].CreatedAt; t.After(x.UpdatedAt) {
				x.UpdatedAt = t
			}
		default:
			open++
		}
		g.p.Actions = append(g.p.Actions, x)
	}
	return open
}

// planTasks writes k tasks for the account's plan of this year, spread over
// its goals and due across the rest of the year from the plan's writing,
// some of them this week.
func (g *gen) planTasks(i, k, weekEnd int, free []pending, buf []action.Action, dues []int) ([]pending, []action.Action, []int) {
	acc := &g.p.Accounts[i]
	lang := g.accts[i].lang()
	p := &g.p.Plans[g.plans[i].cur]
	planBack := g.backOf(p.CreatedAt)
	first := -min(g.now.YearDay()-1, planBack)
	last := time.Date(g.year, 12, 31, 0, 0, 0, 0, time.UTC).YearDay() - g.now.YearDay()
	order := g.r.Perm(len(p.Goals))
	for t := range k {
		gl := &p.Goals[order[t%len(order)]]
		titles := planTasks[gl.Metric][lang]
		title := pick(g, titles)
		for try := 0; try < 4 && slices.ContainsFunc(buf, func(x action.Action) bool { return x.Title == title }); try++ {
			title = pick(g, titles)
		}
		due := first + g.r.IntN(last-first+1)
		if g.chance(0.1) {
			due = g.r.IntN(min(weekEnd, last) + 1) // this week's
		}
		owner := acc.Owner
		if g.chance(0.15) {
			owner = g.colleague(owner)
		}
		x := action.Action{AccountID: acc.ID, Title: title, Owner: owner, Due: g.day(-due), Status: action.Open,
			Source: action.Source{Area: action.AreaPlan, RecordID: p.ID, Detail: gl.ID}}
		if g.chance(0.15) {
			x.Notes = pick(g, actionNotes[lang])
		}
		// Written on the plan's day or later, before it was due.
		cb := planBack
		if hi := max(-due, 0); cb > hi {
			cb = hi + g.r.IntN(cb-hi+1)
		}
		x.CreatedAt = g.at(cb, 480+g.r.IntN(600))
		if x.CreatedAt.Before(p.CreatedAt) {
			x.CreatedAt = p.CreatedAt
		}
		buf = append(buf, x)
		dues = append(dues, due)
	}
	return g.flush(i, lang, free, buf, dues)
}

// todos writes k hand-made to-dos due from about six weeks back to three
// months ahead; a few have no date.
func (g *gen) todos(i, k int, free []pending, buf []action.Action, dues []int) ([]pending, []action.Action, []int) {
	acc := &g.p.Accounts[i]
	lang := g.accts[i].lang()
	for range k {
		x := action.Action{AccountID: acc.ID, Title: pick(g, manualTasks[lang]), Owner: acc.Owner, Status: action.Open,
			Source: action.Source{Area: action.AreaManual}}
		if g.chance(0.1) {
			x.Owner = g.colleague(x.Owner)
		}
		if g.chance(0.1) {
			x.Notes = pick(g, actionNotes[lang])
		}
		due := 0
		cb := g.r.IntN(60)
		if !g.chance(0.06) {
			due = int(math.Round(g.between(-45, 90)))
			x.Due = g.day(-due)
			cb = max(-due, 0) + 2 + g.r.IntN(28)
		}
		x.CreatedAt = g.at(cb, 480+g.r.IntN(600))
		buf = append(buf, x)
		dues = append(dues, due)
	}
	return g.flush(i, lang, free, buf, dues)
}

// flush appends an account's tasks in due order (undated last) and queues
// them for their statuses.
func (g *gen) flush(i, lang int, free []pending, buf []action.Action, dues []int) ([]pending, []action.Action, []int) {
	order := make([]int, len(buf))
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(x, y int) int {
		dx, dy := buf[x].Due, buf[y].Due
		switch {
		case dx == dy:
			return 0
		case dx == "":
			return 1
		case dy == "":
			return -1
		}
		return cmp.Compare(dx, dy)
	})
	locked := g.plans[i].last >= 0
	for _, k := range order {
		x := buf[k]
		x.ID = g.id(x.CreatedAt)
		x.UpdatedAt = x.CreatedAt
		// Overdue work is mostly done, work far ahead mostly not.
		score := -float64(dues[k])/40 + 0.8*g.r.NormFloat64()
		if x.Due == "" {
			score = -0.75 + 0.8*g.r.NormFloat64()
		}
		if locked && x.Due != "" && x.Due.Year() == g.year-1 {
			score = math.Inf(1) // its year's plan is locked: it must be closed
		}
		free = append(free, pending{idx: len(g.p.Actions), closeBy: score, due: dues[k], created: g.backOf(x.CreatedAt), lang: lang})
		g.p.Actions = append(g.p.Actions, x)
	}
	return free, buf, dues
}

// dealStatuses leaves open (some in progress) the given number of tasks
// least likely to be done by now, and closes the rest, about one in ten as
// cancelled.
func (g *gen) dealStatuses(free []pending, open int) {
	// Ties go by position, so the order is total and the result never
	// depends on the sort's internals.
	slices.SortFunc(free, func(x, y pending) int { return cmp.Or(cmp.Compare(x.closeBy, y.closeBy), cmp.Compare(x.idx, y.idx)) })
	forced := 0
	for _, f := range free {
		if math.IsInf(f.closeBy, 1) {
			forced++
		}
	}
	open = min(max(open, 0), len(free)-forced)
	for k, f := range free {
		x := &g.p.Actions[f.idx]
		switch {
		case k < open:
			share := 0.2
			if f.due <= 7 {
				share = 0.45 // due soon or overdue: usually started
			}
			if g.chance(share) {
				x.Status = action.InProgress
				x.UpdatedAt = g.moment(x.CreatedAt, g.now)
			}
		case g.chance(0.1):
			x.SetStatus(action.Cancelled, "")
			if x.Notes == "" {
				x.Notes = pick(g, cancelNotes[f.lang])
			}
			x.UpdatedAt = g.moment(x.CreatedAt, g.now)
		default:
			// Done around the due date, never before it was written or after today.
			back := f.created - g.r.IntN(f.created+1)
			if x.Due != "" {
				back = min(f.created, max(0, -f.due+5-g.r.IntN(16)))
			}
			x.SetStatus(action.Done, g.day(back))
			x.UpdatedAt = g.at(back, 540+g.r.IntN(540))
			if x.UpdatedAt.Before(x.CreatedAt) {
				x.UpdatedAt = x.CreatedAt
			}
		}
	}
}

// backOf is how many whole days before today t falls.
func (g *gen) backOf(t time.Time) int {
	return max(0, int(math.Ceil(g.now.Sub(t).Hours()/24)))
}
