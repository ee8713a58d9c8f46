package sample

import (
	"math"
	"slices"
	"strings"
	"time"

	"keystone/core/account"
	"keystone/core/money"
)

// acct is an account while it is being generated.
type acct struct {
	parent   int // index in gen.accts, -1 for none
	zh       bool
	country  string
	industry string
	isParent bool
	global   bool // its group spans countries
	people   string
	expatTop bool // a Chinese group's plant abroad is run by a manager from home

	name, legal string
	base        string // what subsidiaries' names build on
	baseLong    string // the same with the long industry word (Chinese groups)
	roman       string // romanized base for legal names abroad
	domain      string
	mailStyle   int

	rev        float64 // this year's full-year revenue level, in yuan
	rank       float64 // 0 is the largest account
	growth     float64 // yearly revenue trend
	sow        float64 // share of wallet this year
	troubled   bool    // declining, complaining: the accounts risk views should catch
	lossMaking bool
	rising     bool
	reference  bool
	noCoach    bool
	spendKnown bool
	crossSell  float64 // share of revenue sold outside the main line, 0 for none

	created   time.Time
	nContacts int
	nActs     int
	lo, hi    int // its contacts in p.Contacts
}

// lang is 0 for Chinese text, 1 for English.
func (a *acct) lang() int {
	if a.people == "zh" || a.expatTop {
		return 0
	}
	return 1
}

const (
	revFloor    = 2_000_000 // yuan a year: the smallest key accounts
	paretoAlpha = 1.0       // Zipf: revenue ∝ 1/rank puts ~80 % of it in the top fifth of a few hundred accounts
	zhShare     = 2.0 / 3   // Chinese customers in the portfolio
)

// planAccounts decides the accounts' structure, language, country, industry
// and names, parents before their subsidiaries.
func (g *gen) planAccounts() {
	n := g.want.Accounts
	type unit struct {
		members int
		group   bool
		zh      bool
	}
	nGroups := max(2, n/14)
	var units []unit
	left := n
	for i := 0; i < nGroups; i++ {
		m := 2 + g.r.IntN(3)
		if i < 2 {
			m = 3 + g.r.IntN(2) // the demo's two groups span several countries
		}
		if n >= 300 && g.chance(0.3) {
			m += 1 + g.r.IntN(3)
		}
		// Groups alternate so even the demo shows a Chinese and a foreign one.
		units = append(units, unit{members: m, group: true, zh: i%5 != 1 && i%5 != 3})
		left -= m
	}
	for ; left > 0; left-- {
		units = append(units, unit{members: 1})
	}
	g.r.Shuffle(len(units), func(i, j int) { units[i], units[j] = units[j], units[i] })

	// Standalone accounts take whatever language share the groups leave, dealt
	// from a shuffled deck so the total is two-thirds Chinese at every size.
	zhLeft, solo := int(math.Round(zhShare*float64(n))), 0
	for _, u := range units {
		if u.group && u.zh {
			zhLeft -= u.members
		} else if !u.group {
			solo++
		}
	}
	langDeck := make([]bool, solo)
	for i := range min(max(zhLeft, 0), solo) {
		langDeck[i] = true
	}
	g.r.Shuffle(solo, func(i, j int) { langDeck[i], langDeck[j] = langDeck[j], langDeck[i] })

	g.accts = make([]acct, 0, n)
	deck := g.industryDeck(len(units))
	for _, u := range units {
		// Groups that span countries are manufacturers or forwarders.
		k := 0
		if j := slices.IndexFunc(deck, func(d string) bool { return groupIndustries[d] }); u.group && j >= 0 {
			k = j
		}
		ind := deck[k]
		deck = slices.Delete(deck, k, k+1)
		zh := u.zh
		if !u.group {
			zh, langDeck = langDeck[0], langDeck[1:]
		}
		if u.group {
			g.addGroup(u.members, zh, ind)
		} else {
			g.addStandalone(zh, ind)
		}
	}
}

var groupIndustries = map[string]bool{"industrial": true, "chemical": true, "electronics": true, "logistics": true, "automotive": true}

// industryDeck deals industries in proportion to their weights (shuffled),
// so that even 24 accounts show the intended mix.
func (g *gen) industryDeck(n int) []string {
	w := make([]float64, len(industryWeights))
	for i, x := range industryWeights {
		w[i] = float64(x.weight)
	}
	var deck []string
	for i, k := range spread(n, 0, w) {
		for range k {
			deck = append(deck, industryWeights[i].name)
		}
	}
	g.r.Shuffle(len(deck), func(i, j int) { deck[i], deck[j] = deck[j], deck[i] })
	return deck
}

func (g *gen) intlCountry() string {
	w := make([]int, len(intlCountryWeights))
	for i, x := range intlCountryWeights {
		w[i] = x.weight
	}
	return intlCountryWeights[g.weighted(w)].code
}

func (g *gen) addStandalone(zh bool, industry string) {
	a := acct{parent: -1, zh: zh, industry: industry}
	if zh {
		a.country = "CN"
		g.nameZh(&a)
	} else {
		a.country = g.intlCountry()
		g.nameEn(&a)
	}
	g.push(a)
}

// addGroup adds a parent and its subsidiaries: a Chinese group with plants in
// other Chinese cities and abroad, or a foreign group with a China plant and
// others, sometimes under an Asia-Pacific head office (three levels).
func (g *gen) addGroup(m int, zh bool, industry string) {
	pi := len(g.accts)
	p := acct{parent: -1, zh: zh, industry: industry, isParent: true}
	if zh {
		p.country = "CN"
		g.nameZh(&p)
	} else {
		p.country = pick(g, intlParentCtry)
		g.nameEn(&p)
	}
	g.push(p)
	usedCountry := map[string]bool{p.country: true}
	hub := -1
	if !zh && m >= 4 && p.country != "SG" && g.chance(0.5) {
		hub = len(g.accts)
		g.addSub(pi, pi, "SG", true)
		usedCountry["SG"] = true
	}
	for len(g.accts)-pi < m {
		last := len(g.accts)-pi == m-1
		var c string
		switch {
		case zh && last && len(usedCountry) == 1:
			c = g.freshCountry(zhAbroad, usedCountry) // a group abroad, not only at home
		case !zh && last && !usedCountry["CN"]:
			c = "CN" // we supply their China plant
		case zh && g.chance(0.5):
			c = "CN" // domestic plants are named by city, so CN may repeat
		case zh:
			c = g.freshCountry(zhAbroad, usedCountry)
		case !usedCountry["CN"] && g.chance(0.8):
			c = "CN"
		default:
			c = g.freshCountry(intlSubCountry, usedCountry)
		}
		usedCountry[c] = true
		parent := pi
		if hub >= 0 && asiaPacific[c] {
			parent = hub
		}
		g.addSub(pi, parent, c, false)
	}
	global := len(usedCountry) > 1
	for i := pi; i < len(g.accts); i++ {
		g.accts[i].global = global
	}
}

func (g *gen) freshCountry(from []string, used map[string]bool) string {
	for range 50 {
		if c := pick(g, from); !used[c] {
			return c
		}
	}
	for _, c := range from {
		if !used[c] {
			return c
		}
	}
	return from[0]
}

// addSub names a subsidiary of the group headed by top, reporting to parent.
func (g *gen) addSub(top, parent int, country string, hub bool) {
	t := &g.accts[top]
	a := acct{parent: parent, zh: t.zh, industry: t.industry, country: country,
		domain: t.domain, mailStyle: t.mailStyle, base: t.base}
	cz := countries[country]
	for try := 0; ; try++ {
		switch {
		case t.zh && country == "CN":
			city := pick(g, zhCities)
			a.name = t.base + "（" + city.zh + "）"
			a.legal = t.baseLong + "（" + city.zh + "）有限公司"
		case t.zh:
			a.name = t.base + "（" + cz.zh + "）"
			a.legal = t.roman + " (" + cz.en + ") " + cz.suffixes[0]
			a.expatTop = true
		case country == "CN":
			city := pick(g, intlChinaCities)
			a.name = t.base + " (" + city.py + ")"
			a.legal = a.name + " Co., Ltd."
		case hub:
			a.name = t.base + " Asia Pacific"
			a.legal = a.name + " " + cz.suffixes[0]
		default:
			a.name = t.base + " " + cz.en
			a.legal = a.name + " " + cz.suffixes[0] // subsidiaries take the plain local form
		}
		if !g.used[a.name] || try > 20 {
			break
		}
	}
	g.push(a)
}

func (g *gen) push(a acct) {
	g.used[a.name] = true
	g.used[a.base] = true
	a.people = countries[a.country].people
	g.accts = append(g.accts, a)
}

// nameZh composes a Chinese name the way Chinese companies are named: an
// optional city, a brand or region word, an industry word and a legal form,
// e.g. 深圳瑞芯电子科技有限公司, known day to day as 瑞芯电子.
func (g *gen) nameZh(a *acct) {
	words := zhIndustryWords[a.industry]
	for try := 0; ; try++ {
		w := pick(g, words)
		var core, py string
		var lead, second zhWord
		regional := false
		switch f := g.r.IntN(100); {
		case f < 55:
			lead = pick(g, zhBrands)
		case f < 72:
			lead, regional = pick(g, zhRegions), true
		default:
			lead, second = pick(g, zhBrands), pick(g, zhBrands)
		}
		// Prefer words no other customer has while there are some left.
		if lead == second || (try < 20 && (g.usedWord[lead.zh] || (second.zh != "" && g.usedWord[second.zh]))) {
			continue
		}
		core, py = lead.zh, lead.py
		if second.zh != "" {
			core, py = core+second.zh, py+" "+second.py
		}
		if try > 60 {
			// Crowded name space (size L): a second brand word keeps names unique.
			b := pick(g, zhBrands)
			core, py = core+b.zh, py+" "+b.py
		}
		short := core + w.short
		name := short
		if a.isParent {
			name = short + "集团"
		}
		if g.used[name] || g.used[short] {
			continue
		}
		city := pick(g, zhCities).zh
		if regional {
			city = ""
		}
		var suffix string
		switch {
		case a.isParent:
			suffix = pick(g, []string{"集团有限公司", "集团股份有限公司"})
		case g.chance(0.6):
			suffix = "有限公司"
		default:
			suffix = "股份有限公司"
		}
		a.legal = city + core + w.long + suffix
		a.name = name
		// Some teams file a customer under its full registered name.
		if !a.isParent && g.chance(0.1) && !g.used[a.legal] {
			a.name = a.legal
		}
		g.usedWord[lead.zh] = true
		if second.zh != "" {
			g.usedWord[second.zh] = true
		}
		a.base, a.baseLong = short, core+w.long
		a.roman = py + " " + w.en
		a.domain = slug(py)
		if g.chance(0.5) {
			a.domain += "-" + slug(firstWord(w.en))
		}
		a.domain += "." + pick(g, []string{"com.cn", "com", "cn"})
		a.mailStyle = g.r.IntN(3)
		return
	}
}

// nameEn composes an English name from a place word and a trade word, e.g.
// "Rhine Valley Chemicals" (legal: "Rhine Valley Chemicals GmbH").
func (g *gen) nameEn(a *acct) {
	cz := countries[a.country]
	cores := enIndustryWords[a.industry]
	for try := 0; ; try++ {
		desc := pick(g, genericDescs)
		if g.chance(0.65) {
			desc = pick(g, cz.descs)
		}
		if try > 40 {
			desc = pick(g, cz.descs) + " " + pick(g, genericDescs)
		}
		core := pick(g, cores)
		name := desc + " " + core
		if g.used[name] || g.used[name+" Group"] || (g.usedWord[desc] && try < 20) {
			continue
		}
		g.usedWord[desc] = true
		a.base = name
		a.name = name
		a.legal = name + " " + pick(g, cz.suffixes)
		if a.isParent && g.chance(0.4) {
			a.name = name + " Group"
		}
		a.domain = slug(desc) + slug(firstWord(core)) + "." + cz.tld
		a.mailStyle = g.r.IntN(3)
		return
	}
}

func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i > 0 {
		return s[:i]
	}
	return s
}

// slug folds a name to lower-case ASCII letters and digits for e-mail
// addresses and domains ("Müller" → "mueller", "de Jong" → "dejong").
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == 'ä' || r == 'æ':
			b.WriteString("ae")
		case r == 'ö' || r == 'ø':
			b.WriteString("oe")
		case r == 'ü':
			b.WriteString("ue")
		case r == 'ß':
			b.WriteString("ss")
		case strings.ContainsRune("àáâãå", r):
			b.WriteByte('a')
		case strings.ContainsRune("èéêë", r):
			b.WriteByte('e')
		case strings.ContainsRune("ìíîï", r):
			b.WriteByte('i')
		case strings.ContainsRune("òóôõ", r):
			b.WriteByte('o')
		case strings.ContainsRune("ùúû", r):
			b.WriteByte('u')
		case r == 'ç':
			b.WriteByte('c')
		case r == 'ñ':
			b.WriteByte('n')
		}
	}
	return b.String()
}

// sizeAccounts gives every account its revenue, trend and character. Revenue
// follows a Pareto curve over the accounts (group parents tend to the top),
// so a few accounts dominate and ABC analysis has something to show.
func (g *gen) sizeAccounts() {
	n := len(g.accts)
	score := make([]float64, n)
	order := make([]int, n)
	for i := range g.accts {
		a := &g.accts[i]
		score[i] = g.r.Float64()
		if a.isParent {
			score[i] += 0.9
		} else if a.parent >= 0 {
			score[i] += 0.15
		}
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int {
		switch {
		case score[x] > score[y]:
			return -1
		case score[x] < score[y]:
			return 1
		}
		return 0
	})
	for k, i := range order {
		q := (float64(k) + 0.5) / float64(n)
		a := &g.accts[i]
		a.rev = revFloor * math.Pow(q, -1/paretoAlpha) * g.between(0.85, 1.15)
		a.rank = float64(k) / float64(n)
	}

	// Fixed numbers of accounts with each character, so even the demo shows
	// every case the analyses look for. Troubled accounts lack a coach more often.
	g.mark(max(2, n/12), func(a *acct) bool { return !a.isParent }, func(a *acct) { a.troubled = true })
	g.mark(max(1, n/30), func(a *acct) bool { return !a.isParent && a.rank >= 0.6 }, func(a *acct) { a.lossMaking = true })
	g.mark(max(2, n/10), func(a *acct) bool { return !a.troubled && !a.lossMaking }, func(a *acct) { a.rising = true })
	g.mark(max(2, n/10), func(a *acct) bool { return !a.troubled }, func(a *acct) { a.reference = true })
	nNoCoach := max(2, n/10)
	nNoCoach -= g.mark(nNoCoach/2, func(a *acct) bool { return a.troubled }, func(a *acct) { a.noCoach = true })
	g.mark(nNoCoach, func(a *acct) bool { return !a.noCoach }, func(a *acct) { a.noCoach = true })

	for i := range g.accts {
		a := &g.accts[i]
		switch {
		case a.troubled:
			a.growth = g.between(-0.25, -0.08)
		case a.rising:
			a.growth = g.between(0.2, 0.45)
		default:
			a.growth = min(0.4, max(-0.2, 0.05+0.1*g.r.NormFloat64()))
		}
		a.sow = 0.08 + 0.6*g.r.Float64()
		if a.rank < 0.1 {
			a.sow *= 0.7 // the biggest customers spread their spend over more suppliers
		}
		if a.troubled {
			a.sow *= 0.8
		}
		a.spendKnown = g.chance(0.88)
		if g.chance(0.45) {
			a.crossSell = g.between(0.01, 0.06)
		}
	}
}

// mark sets up to k accounts that pass ok, in random order, and says how many.
func (g *gen) mark(k int, ok func(*acct) bool, set func(*acct)) int {
	done := 0
	for _, i := range g.r.Perm(len(g.accts)) {
		if done == k {
			break
		}
		if a := &g.accts[i]; ok(a) {
			set(a)
			done++
		}
	}
	return done
}

// buildAccounts turns the plan into account records.
func (g *gen) buildAccounts() {
	team := owners[:6]
	switch {
	case len(g.accts) > 1000:
		team = owners
	case len(g.accts) > 100:
		team = owners[:12]
	}
	g.team = team
	var zhTeam, intlTeam []owner
	for _, o := range team {
		if o.intl {
			intlTeam = append(intlTeam, o)
		} else {
			zhTeam = append(zhTeam, o)
		}
	}
	// Books are uneven by design (weights 6, 5, 4, 3, ...) but never empty:
	// each account goes to the manager least loaded for their weight, with
	// some noise.
	load := map[string]float64{}
	assign := func(t []owner) string {
		best, bestScore := "", math.Inf(1)
		for k, o := range t {
			if score := (load[o.name] + 2*g.r.Float64()) / float64(6-k%4); score < bestScore {
				best, bestScore = o.name, score
			}
		}
		return best
	}

	n := len(g.accts)
	// Accounts were entered one after another about four years ago, before
	// the first year of figures, parents first.
	first := time.Date(g.year-4, 11, 1, 1, 0, 0, 0, time.UTC)
	span := 40 * 24 * time.Hour
	g.p.Accounts = make([]account.Account, 0, n)
	for i := range g.accts {
		a := &g.accts[i]
		a.created = g.clamp(first.Add(span * time.Duration(i) / time.Duration(n)))
		var own string
		switch {
		case a.parent >= 0 && g.chance(0.6):
			own = g.p.Accounts[a.parent].Owner // the global account manager keeps the group
		case a.lang() == 1 && g.chance(0.85):
			own = assign(intlTeam)
		case a.lang() == 0 && g.chance(0.95):
			own = assign(zhTeam)
		default:
			own = assign(team)
		}
		load[own]++
		cz := countries[a.country]
		cur := cz.currencies[0]
		if len(cz.currencies) > 1 && !g.chance(cz.localShare) {
			cur = cz.currencies[1]
		}
		parentID := ""
		if a.parent >= 0 {
			parentID = g.p.Accounts[a.parent].ID
		}
		notes := ""
		if g.chance(0.3) {
			notes = pick(g, accountNotes[a.lang()])
		}
		updated := g.clamp(g.now.Add(-time.Duration(g.r.IntN(120*24)) * time.Hour))
		if updated.Before(a.created) {
			updated = a.created
		}
		acc := account.Account{
			Name: a.name, LegalName: a.legal, Industry: a.industry, Segment: g.segment(a),
			Country: a.country, Owner: own, ParentID: parentID, Currency: cur,
			Tags: g.tags(a), Notes: notes,
		}
		acc.ID = g.id(a.created)
		acc.CreatedAt, acc.UpdatedAt = a.created, updated
		g.p.Accounts = append(g.p.Accounts, acc)
	}
}

// publicShare is how many Chinese customers of an industry are state-owned
// utilities, builders and ports.
var publicShare = map[string]float64{"energy": 0.4, "construction": 0.3, "logistics": 0.1}

func (g *gen) segment(a *acct) string {
	if a.zh && !a.isParent && g.chance(publicShare[a.industry]) {
		return "public_sector"
	}
	switch {
	case a.rank < 0.12 || a.isParent:
		return "enterprise"
	case a.rank < 0.42:
		return "large"
	}
	return "mid_market"
}

func (g *gen) tags(a *acct) []string {
	t := []string{}
	if a.rank < 0.15 || (a.isParent && a.rank < 0.3) {
		t = append(t, tagStrategic)
	}
	if a.rising {
		t = append(t, tagDevelop)
	}
	if a.global {
		t = append(t, tagGlobal)
	}
	if a.reference {
		t = append(t, tagReference)
	}
	if a.troubled {
		t = append(t, tagAtRisk)
	}
	if g.chance(0.1) {
		t = append(t, tagPrice)
	}
	if g.chance(0.15) {
		t = append(t, tagFramework)
	}
	if a.sow > 0.6 && g.chance(0.5) {
		t = append(t, tagSole)
	}
	return t
}

// buildFigures writes four calendar years per account, the current one to
// date. Amounts are in the minor units of the account's currency.
func (g *gen) buildFigures() {
	t := g.now
	daysInYear := time.Date(g.year, 12, 31, 0, 0, 0, 0, time.UTC).YearDay()
	frac := float64(t.YearDay()) / float64(daysInYear)
	g.p.Figures = make([]account.YearFigures, 0, len(g.accts)*figureYears)
	for i := range g.accts {
		a := &g.accts[i]
		acc := &g.p.Accounts[i]
		cur := acc.Currency
		unit := perCNY[cur] * math.Pow10(money.Scale(cur))
		minor := func(yuan float64) int64 { return int64(math.Round(yuan * unit)) }

		gmBase := marginBase[a.industry] - 0.025*math.Log10(a.rev/revFloor) + 0.04*g.r.NormFloat64()
		gmBase = min(0.40, max(0.08, gmBase))
		var full [figureYears]float64 // full-year revenue in yuan
		for k := range full {
			full[k] = a.rev / math.Pow(1+a.growth, float64(figureYears-1-k)) * g.between(0.95, 1.05)
		}
		for k := range figureYears {
			year := g.year - (figureYears - 1) + k
			current := k == figureYears-1
			rev := full[k]
			if current {
				rev *= frac * g.between(0.92, 1.08)
			}
			gm := min(0.40, max(0.08, gmBase+0.015*g.r.NormFloat64()))
			if a.lossMaking {
				switch {
				case k >= figureYears-2:
					gm = g.between(-0.12, -0.02)
				default:
					gm = g.between(0.03, 0.09)
				}
			}
			sow := a.sow
			switch {
			case a.troubled:
				sow += 0.03 * float64(figureYears-1-k) // they used to buy more from us
			case a.growth > 0.1:
				sow -= 0.02 * float64(figureYears-1-k)
			}
			sow = min(0.8, max(0.05, sow+0.015*g.r.NormFloat64()))

			f := account.YearFigures{AccountID: acc.ID, Year: year, Currency: cur}
			f.Revenue = max(1, minor(rev))
			f.Margin = minor(rev * gm)
			if f.Margin > f.Revenue {
				f.Margin = f.Revenue
			}
			if k > 0 || g.chance(0.7) { // the oldest targets were not always recorded
				var target float64
				if current {
					target = full[k-1] * g.between(1.02, 1.15)
				} else {
					target = full[k] * g.between(0.9, 1.12)
				}
				f.RevenueTarget = minor(roundSig(target))
				f.MarginTarget = minor(roundSig(target * max(0.05, gmBase+g.between(0, 0.02))))
			}
			if a.spendKnown && (k > 0 || g.chance(0.8)) {
				f.CategorySpend = max(f.Revenue, minor(roundSig(rev/sow)))
			}
			if a.crossSell > 0 {
				f.CrossSellSales = minor(rev * (a.crossSell + 0.01*float64(k)))
			}

			created := time.Date(year, 1, 8, 2, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Second)
			updated := time.Date(year+1, 1, 20, 3, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Second)
			if current {
				updated = g.now.Add(-time.Duration(g.r.IntN(7*24)) * time.Hour)
			}
			created, updated = g.clamp(created), g.clamp(updated)
			if updated.Before(created) {
				updated = created
			}
			f.ID = g.id(created)
			f.CreatedAt, f.UpdatedAt = created, updated
			g.p.Figures = append(g.p.Figures, f)
		}
	}
}

// roundSig rounds to three significant digits, the way targets and
// estimates are written.
func roundSig(x float64) float64 {
	if x <= 0 {
		return 0
	}
	p := math.Pow10(int(math.Floor(math.Log10(x))) - 2)
	return math.Round(x/p) * p
}
