package sample

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/oklog/ulid/v2"

	"keystone/core/action"
	"keystone/core/calendar"
	"keystone/core/money"
	"keystone/core/program"
	"keystone/core/record"
)

// buildPrograms writes global account programs for the groups whose
// subsidiaries span countries: every such group in S (the demo's two), about
// three in four in M and L, so the Programs page still offers groups to
// start one for. Programs come in four characters so the health rules all
// have something to show: on track; behind on revenue with the renewal
// close and no renewal work (red); slightly behind with an overdue
// milestone and missing actuals (amber); a country dropped and coverage
// fallen (red).
func (g *gen) buildPrograms(r *rand.Rand) []Item {
	pg := progGen{g: g, r: r, ids: ulid.Monotonic(randReader{r}, 0)}
	var items []Item
	k := 0
	for i := range g.accts {
		a := &g.accts[i]
		if !a.isParent || !a.global {
			continue
		}
		if len(g.accts) > 100 && r.Float64() < 0.25 {
			continue // left for the user to start
		}
		items = append(items, pg.program(i, k)...)
		k++
	}
	return items
}

type progGen struct {
	g   *gen
	r   *rand.Rand
	ids *ulid.MonotonicEntropy
}

func (pg *progGen) id(t time.Time) string { return record.NewIDAt(t, pg.ids) }

func (pg *progGen) between(lo, hi float64) float64 { return lo + (hi-lo)*pg.r.Float64() }

func progPick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

// Program characters.
const (
	progOnTrack = iota
	progBehind
	progSlipping
	progShrinking
	progCharacters
)

// progSeasonal spreads a year's revenue over its quarters.
var progSeasonal = [4]float64{0.23, 0.25, 0.25, 0.27}

func (pg *progGen) program(top, k int) []Item {
	g, r := pg.g, pg.r
	a := &g.accts[top]
	acc := &g.p.Accounts[top]
	lang := a.lang()
	char := k % progCharacters
	today := g.today
	started := today.AddDays(-(420 + r.IntN(700)))
	created := g.clamp(started.Time().Add(9 * time.Hour))

	p := program.Program{AccountID: acc.ID, Manager: acc.Owner, Sponsor: progPick(r, progSponsors[lang]),
		Structure: progPick(r, []string{program.StructureCoordination, program.StructureCoordination, program.StructureControl, program.StructureSeparate}),
		Start:     started, Status: program.StatusActive, Currency: acc.Currency}
	if k%7 == 6 {
		p.Status = program.StatusPaused
	}
	p.ID = pg.id(created)
	p.CreatedAt = created
	p.UpdatedAt = g.clamp(g.now.Add(-time.Duration(r.IntN(20*24)) * time.Hour))
	p.Committee = []string{acc.Owner, p.Sponsor}
	for range 1 + r.IntN(3) {
		if c := progPick(r, g.team).name; c != acc.Owner {
			p.Committee = append(p.Committee, c)
		}
	}
	for _, key := range append(append([]string{}, program.ExternalDrivers...), program.InternalDrivers...) {
		d := program.Driver{Key: key, Present: r.Float64() < 0.6}
		if d.Present && r.Float64() < 0.6 {
			d.Notes = progDriverNotes[key][lang]
		}
		p.Drivers = append(p.Drivers, d)
	}

	// The group's countries: the head office's and each subsidiary's (the
	// first one in a country stands for it), then countries where the group
	// operates without an account on file, to at least four.
	perYear := func(rev float64) float64 { return rev * perCNY[p.Currency] }
	type rowPlan struct {
		row    program.Country
		yearly float64 // this year's revenue level, major units of the program currency
		growth float64
	}
	var rows []rowPlan
	used := map[string]bool{}
	for j := top; j < len(g.accts); j++ {
		s := &g.accts[j]
		if j > top && (s.parent < 0 || (s.parent != top && g.accts[s.parent].parent != top)) {
			break // past the group: subsidiaries follow their parent
		}
		if used[s.country] {
			continue
		}
		used[s.country] = true
		row := program.Country{Country: s.country, EntityID: g.p.Accounts[j].ID, Lead: g.p.Accounts[j].Owner,
			Coverage: program.Covered, Added: started}
		if r.Float64() < 0.25 {
			row.Coverage = program.Partial
		}
		sow := int64(math.Round(s.sow * 10000))
		row.ShareOfWallet = &sow
		rows = append(rows, rowPlan{row: row, yearly: perYear(s.rev), growth: s.growth})
	}
	pool := intlSubCountry
	if a.zh {
		pool = zhAbroad
	}
	extra := max(4-len(rows), r.IntN(2))
	if char == progShrinking {
		extra = max(extra, 1)
	}
	for range extra {
		c := ""
		for try := 0; try < 40 && (c == "" || used[c]); try++ {
			c = progPick(r, pool)
		}
		if used[c] {
			break
		}
		used[c] = true
		added := started.AddDays(r.IntN(200))
		row := program.Country{Country: c, Lead: progPick(r, g.team).name, Coverage: progPick(r, []string{program.Partial, program.None}), Added: added}
		rows = append(rows, rowPlan{row: row, yearly: perYear(a.rev) * pg.between(0.04, 0.12), growth: pg.between(0, 0.15)})
	}

	// Quarters from the start to the end of this year: targets a little
	// above trend, actuals for the quarters that have closed (and the odd
	// current one entered early).
	perf := map[int][2]float64{progOnTrack: {0.97, 1.08}, progBehind: {0.66, 0.74}, progSlipping: {0.86, 0.92}, progShrinking: {0.95, 1.05}}[char]
	scale := math.Pow10(money.Scale(p.Currency))
	lastClosed := program.QuarterOf(today).Prev()
	yearEnd := program.Quarter{Year: g.year, Q: 4}
	for n := range rows {
		rp := &rows[n]
		for q := program.QuarterOf(rp.row.Added); !yearEnd.Before(q); q = q.Next() {
			level := rp.yearly * math.Pow(1+rp.growth, float64(q.Year-g.year))
			target := math.Round(level*progSeasonal[q.Q-1]*1.05/1000) * 1000
			fig := program.QuarterFigure{Year: q.Year, Quarter: q.Q, Target: int64(target * scale)}
			f := pg.between(0.94, 1.06)
			if q.Year == g.year {
				f = pg.between(perf[0], perf[1])
			}
			if q.Closed(today) {
				v := int64(math.Round(target*f/100) * 100 * scale)
				fig.Actual = &v
			}
			rp.row.Quarters = append(rp.row.Quarters, fig)
		}
	}
	switch char {
	case progSlipping:
		// The last closed quarter of the last country is not in yet.
		rp := &rows[len(rows)-1]
		if f := rp.row.Quarter(lastClosed.Year, lastClosed.Q); f != nil {
			f.Actual = nil
		}
	case progShrinking:
		// The group closed its operation in the last country 100 days ago,
		// and a covered country slipped to partial coverage 40 days ago.
		rp := &rows[len(rows)-1]
		if drop := today.AddDays(-100); drop > rp.row.Added {
			rp.row.Dropped = drop
			q := program.QuarterOf(drop)
			kept := rp.row.Quarters[:0]
			for _, f := range rp.row.Quarters {
				if !(program.Quarter{Year: f.Year, Q: f.Quarter}).Before(q.Next()) {
					continue // nothing planned after it left
				}
				kept = append(kept, f)
			}
			rp.row.Quarters = kept
		}
		first := &rows[0].row
		first.Coverage = program.Partial
		first.CoverageLog = []program.CoverageChange{{On: first.Added, Coverage: program.Covered}, {On: today.AddDays(-40), Coverage: program.Partial}}
	}
	for n := range rows {
		row := rows[n].row
		row.ID = pg.id(created)
		if len(row.CoverageLog) == 0 {
			row.CoverageLog = []program.CoverageChange{{On: row.Added, Coverage: row.Coverage}}
		}
		p.Countries = append(p.Countries, row)
	}

	// The global contract, renewing at a distance that fits the character.
	days := map[int][2]int{progOnTrack: {260, 520}, progBehind: {40, 80}, progSlipping: {110, 170}, progShrinking: {190, 250}}[char]
	renewal := today.AddDays(days[0] + r.IntN(days[1]-days[0]))
	end := renewal.AddDays(60 + r.IntN(60))
	start := calendar.DateOf(end.Time().AddDate(-3, 0, 1))
	if start < started {
		start = started
	}
	p.Contract = &program.Contract{Number: fmt.Sprintf("GA-%d-%03d", start.Year(), 10+r.IntN(900)),
		Scope: fmt.Sprintf(progContractScopes[lang], offer[a.industry][lang]), Start: start, End: end, Renewal: renewal,
		Harmonization: progPick(r, program.Harmonizations)}
	for _, row := range p.Countries {
		if row.Current() && (row.Coverage == program.Covered || (row.Coverage == program.Partial && r.Float64() < 0.5)) {
			p.Contract.Adopted = append(p.Contract.Adopted, row.Country)
		}
	}

	// KPI targets: within reach for a program on track, a stretch otherwise.
	cov := program.Coverage(p, today, 50).Percent
	adopt := program.Adoption(p, today).Percent
	stretch := 1.0
	if char != progOnTrack {
		stretch = 1.25
	}
	roundTo := func(v float64) int64 { return min(10000, int64(math.Round(v/500))*500) }
	margin := int64(2400 + 100*r.IntN(8))
	marginActual := margin - int64(100*r.IntN(3))
	sat := int64(80)
	satActual := int64(76 + r.IntN(12))
	if char == progBehind {
		satActual = int64(66 + r.IntN(6))
	}
	p.KPIs = []program.KPI{
		{Metric: program.KPIRevenue},
		{Metric: program.KPIMargin, Target: margin, Actual: &marginActual},
		{Metric: program.KPICoverage, Target: roundTo(cov * 100 * stretch)},
		{Metric: program.KPIAdoption, Target: roundTo(adopt * 100 * stretch)},
		{Metric: program.KPISatisfaction, Target: sat, Actual: &satActual},
	}

	items := []Item{
		{AccountID: acc.ID, Kind: program.Kind, ID: p.ID, Value: &p},
		{AccountID: acc.ID, Kind: program.RefKind, ID: p.ID, Global: true,
			Value: &program.Ref{Meta: record.Meta{ID: p.ID, CreatedAt: p.CreatedAt, UpdatedAt: p.CreatedAt}, AccountID: acc.ID}},
	}
	return append(items, pg.milestones(&p, char, lang)...)
}

// milestones are the program's actions: milestones done and ahead (an
// overdue one for a slipping program) and, while the renewal is not urgent,
// the work to renew the contract.
func (pg *progGen) milestones(p *program.Program, char, lang int) []Item {
	g, r := pg.g, pg.r
	today := g.today
	var out []Item
	add := func(title string, due calendar.Date, status, detail string) {
		created := g.clamp(g.now.Add(-time.Duration(30+r.IntN(300)) * 24 * time.Hour))
		if t := p.Start.Time(); created.Before(t) {
			created = t
		}
		a := action.Action{AccountID: p.AccountID, Title: title, Owner: p.Manager, Due: due, Status: status,
			Source: action.Source{Area: action.AreaProgram, RecordID: p.ID, Detail: detail}}
		if status == action.Done {
			a.CompletedOn = due
			if a.CompletedOn > today {
				a.CompletedOn = today
			}
		}
		a.ID = pg.id(created)
		a.CreatedAt, a.UpdatedAt = created, created
		out = append(out, Item{AccountID: p.AccountID, Kind: action.Kind, ID: a.ID, Global: true, Value: &a})
	}
	other := func() string {
		for _, c := range p.Countries {
			if c.Coverage != program.Covered && c.Current() {
				return countries[c.Country].progName(lang)
			}
		}
		return countries[p.Countries[len(p.Countries)-1].Country].progName(lang)
	}()
	m := progMilestones[lang]
	add(m[0], today.AddDays(-(60 + r.IntN(120))), action.Done, program.DetailMilestone)
	add(fmt.Sprintf(m[1], other), today.AddDays(-(10 + r.IntN(40))), action.Done, program.DetailMilestone)
	add(m[2], today.AddDays(20+r.IntN(60)), action.Open, program.DetailMilestone)
	add(fmt.Sprintf(m[3], other), today.AddDays(45+r.IntN(120)), action.Open, program.DetailMilestone)
	if char == progSlipping {
		add(m[4], today.AddDays(-(3 + r.IntN(20))), action.InProgress, program.DetailMilestone)
	}
	if char != progBehind && p.Contract != nil {
		due := p.Contract.Renewal.AddDays(-30)
		if due < today {
			due = today.AddDays(7)
		}
		add(progRenewalTitles[lang], due, action.Open, program.DetailRenewal)
	}
	if r.Float64() < 0.5 {
		add(fmt.Sprintf(progActionTitles[lang], other), today.AddDays(5+r.IntN(30)), action.Open, "")
	}
	return out
}

func (c country) progName(lang int) string {
	if lang == 0 {
		return c.zh
	}
	return c.en
}

var progSponsors = [2][]string{
	{"陈建国", "周海涛", "林志明", "刘振华", "许文博"},
	{"Robert Hughes", "Claire Dubois", "Thomas Weber", "Karen Walker", "Marco Bianchi"},
}

var progContractScopes = [2]string{
	"全球框架协议：%s的供应、统一服务水平（SLA）与年度返利",
	"Global framework agreement: supply of %s, one service level (SLA) worldwide and an annual rebate",
}

var progDriverNotes = map[string]bi{
	"global_purchasing":    {"客户已设立全球采购中心，统一招标", "The customer runs tenders from one global purchasing centre"},
	"uniform_terms":        {"总部要求各地价格与条款一致", "Head office asks for the same prices and terms everywhere"},
	"weak_local_support":   {"海外工厂反映本地服务响应慢", "Plants abroad complain of slow local service"},
	"global_systems":       {"客户已上线全球ERP，订单集中处理", "The customer's global ERP processes orders centrally"},
	"global_opportunity":   {"客户海外扩产，三年内新增两个基地", "The customer is adding two sites abroad within three years"},
	"weak_subsidiaries":    {"我方部分海外子公司覆盖不足", "Some of our subsidiaries abroad lack coverage"},
	"infrastructure_ready": {"全球订单与服务平台已就绪", "Our global order and service platform is ready"},
}

var progMilestones = [2][5]string{
	{"召开全球指导委员会季度会议", "完成%s本地团队对接", "全球账户年度业务回顾", "推动%s子公司采用全球合同", "统一全球价格分档"},
	{"Quarterly global steering committee", "Onboard the local team in %s", "Annual global business review", "Bring %s onto the global contract", "Harmonize global price bands"},
}

var progRenewalTitles = [2]string{"启动全球合同续约谈判", "Open renewal talks for the global contract"}

var progActionTitles = [2]string{"拜访%s工厂负责人，确认服务需求", "Visit the plant manager in %s to confirm service needs"}
