package sample

import (
	"math"
	"strconv"
	"strings"
	"time"

	"keystone/core/account"
)

// Levels of the customer's org chart.
const (
	lvTop = iota
	lvDeputy
	lvHead
	lvManager
	lvStaff
)

// slot is a position in an org chart: a department, a level and the slot it
// reports to.
type slot struct {
	dept  string
	level int
	boss  int // -1 for the top person
}

// person is what activities need to know about a contact.
type person struct {
	weight   int // how often the supplier's team deals with them
	leftBack int // they left this many days ago; 0 = still there
	lastBack int // most recent activity with them, in days back; -1 = none
}

const minContacts = 3 // an economic buyer, a coach and someone who uses the product

// buildContacts gives every account its decision chain; larger accounts get
// more people, and the total is exact.
func (g *gen) buildContacts() {
	w := make([]float64, len(g.accts))
	for i := range g.accts {
		w[i] = math.Pow(g.accts[i].rev/revFloor, 0.45) * g.between(0.8, 1.25)
	}
	counts := spread(g.want.Contacts, minContacts, w)
	g.p.Contacts = make([]account.Contact, 0, g.want.Contacts)
	g.people = make([]person, 0, g.want.Contacts)
	names, mails := map[string]bool{}, map[string]bool{}
	var slots []slot
	var roles []string
	for i := range g.accts {
		a := &g.accts[i]
		a.nContacts = counts[i]
		a.lo = len(g.p.Contacts)
		order, ok := deptOrder[a.industry]
		if !ok {
			order = deptOrder[""]
		}
		slots = g.orgChart(slots[:0], counts[i], order)
		if cap(roles) < len(slots) {
			roles = make([]string, len(slots))
		}
		roles = roles[:len(slots)]
		clear(names)
		clear(mails)
		g.contactsFor(i, slots, roles, names, mails)
		a.hi = len(g.p.Contacts)
	}
}

// orgChart lays out k positions: the top person, a deputy in larger
// companies, department heads, their managers, then staff, mostly in the
// departments a supplier works with day to day.
func (g *gen) orgChart(slots []slot, k int, order []string) []slot {
	slots = append(slots, slot{level: lvTop, boss: -1})
	deputy := -1
	if k >= 12 {
		deputy = 1
		slots = append(slots, slot{level: lvDeputy, boss: 0})
	}
	var head, mgr [16]int
	for d, name := range order {
		if len(slots) == k {
			return slots
		}
		boss := 0
		if deputy >= 0 && depts[name].underDeputy {
			boss = deputy
		}
		head[d] = len(slots)
		slots = append(slots, slot{dept: name, level: lvHead, boss: boss})
	}
	for d, name := range order {
		if len(slots) == k {
			return slots
		}
		mgr[d] = len(slots)
		slots = append(slots, slot{dept: name, level: lvManager, boss: head[d]})
	}
	for len(slots) < k {
		d := g.r.IntN(len(order) + 3)
		if d >= len(order) {
			d -= len(order) // the first three departments get double weight
		}
		slots = append(slots, slot{dept: order[d], level: lvStaff, boss: mgr[d]})
	}
	return slots
}

func (g *gen) contactsFor(i int, slots []slot, roles []string, names, mails map[string]bool) {
	a := &g.accts[i]
	acc := &g.p.Accounts[i]
	k := len(slots)
	titleLang := 1
	if a.people == "zh" {
		titleLang = 0
	}

	for j, s := range slots {
		switch s.level {
		case lvTop:
			roles[j] = "economic"
		case lvDeputy:
			roles[j] = "user"
		default:
			roles[j] = depts[s.dept].role
			if s.level == lvStaff && g.chance(0.5) {
				roles[j] = "influencer"
			}
		}
	}
	// In larger companies the money is often released below the top.
	econ := 0
	if k >= 10 && g.chance(0.35) {
		for j, s := range slots {
			if s.level == lvDeputy || (s.level == lvHead && s.dept == "proc") {
				econ = j
				break
			}
		}
		if econ != 0 {
			roles[0], roles[econ] = "influencer", "economic"
		}
	}
	coaches := 0
	if !a.noCoach {
		coaches = 1
		if k >= 15 && g.chance(0.3) {
			coaches = 2
		}
	}
	for range coaches {
		var cand, cw []int
		for j, s := range slots {
			if j == econ || s.level <= lvDeputy || roles[j] == "coach" {
				continue
			}
			cand = append(cand, j)
			cw = append(cw, [...]int{lvHead: 1, lvManager: 3, lvStaff: 2}[s.level])
		}
		if len(cand) > 0 {
			roles[cand[g.weighted(cw)]] = "coach"
		}
	}
	subs := make([]int, k)
	for _, s := range slots {
		if s.boss >= 0 {
			subs[s.boss]++
		}
	}

	span := g.now.Add(-30*24*time.Hour).Sub(a.created) - time.Hour
	for j, s := range slots {
		c := account.Contact{AccountID: acc.ID, BuyingRole: roles[j]}
		expat := a.expatTop && (s.level == lvTop || (s.level == lvHead && s.dept == "fin"))
		c.Name, c.Email = g.personName(a, expat, names, mails)
		c.Title, c.Department = g.title(a, s, titleLang, k)
		if s.boss >= 0 {
			c.ReportsTo = g.p.Contacts[a.lo+s.boss].ID
		}
		g.judge(a, &c, s)

		p := person{weight: 1, lastBack: -1}
		switch {
		case c.BuyingRole == "economic" || c.BuyingRole == "coach":
			p.weight = 5
		case s.level == lvTop || c.Influence == "high":
			p.weight = 3
		case c.Influence == "medium":
			p.weight = 2
		}
		if subs[j] == 0 && s.level >= lvHead && c.BuyingRole != "coach" && c.BuyingRole != "economic" && g.chance(0.05) {
			c.Left = true
			p.leftBack = 90 + g.r.IntN(contactDays-90)
			c.Notes = [2]string{"已离职。", "Has left the company."}[a.lang()]
		} else if g.chance(0.15) {
			c.Notes = pick(g, [2][]string{zhContactNotes, enContactNotes}[a.lang()])
		}
		if g.chance(0.25) {
			c.Birthday = g.birthday()
		}
		if g.chance(0.3) {
			c.Interests = g.interests(titleLang)
		}
		if g.chance(0.8) {
			c.Phone = g.phone(a.country)
		}

		created := a.created.Add(2 * time.Hour)
		if j > 0 && span > 0 {
			created = a.created.Add(time.Duration(g.r.Int64N(int64(span))))
		}
		created = g.clamp(created)
		c.ID = g.id(created)
		c.CreatedAt, c.UpdatedAt = created, created
		g.p.Contacts = append(g.p.Contacts, c)
		g.people = append(g.people, p)
	}
}

// judge sets how the person stands toward us: stance, influence and
// relationship level, gloomier on troubled accounts.
func (g *gen) judge(a *acct, c *account.Contact, s slot) {
	sup, neu := 0.47, 0.40
	if a.troubled {
		sup, neu = 0.25, 0.45
	}
	if c.BuyingRole == "economic" {
		sup, neu = 0.5, 0.4
		if a.troubled {
			sup, neu = 0.2, 0.5
		}
	}
	switch x := g.r.Float64(); {
	case c.BuyingRole == "coach" || x < sup:
		c.Stance = "supporter"
	case x < sup+neu:
		c.Stance = "neutral"
	default:
		c.Stance = "opponent"
	}

	x := g.r.Float64()
	switch {
	case c.BuyingRole == "economic" || s.level <= lvDeputy:
		c.Influence = "high"
	case s.level == lvHead:
		c.Influence = pickShare(x, 0.35, 0.9)
	case c.BuyingRole == "coach":
		c.Influence = pickShare(x, 0.15, 1)
	case s.level == lvManager:
		c.Influence = pickShare(x, 0.1, 0.65)
	default:
		c.Influence = pickShare(x, 0, 0.3)
	}

	x = g.r.Float64()
	switch {
	case c.BuyingRole == "coach":
		c.RelationshipLevel = 4 + g.r.IntN(2)
	case c.Stance == "supporter":
		c.RelationshipLevel = 3 + btoi(x >= 0.4) + btoi(x >= 0.8)
	case c.Stance == "neutral":
		c.RelationshipLevel = 1 + btoi(x >= 0.1) + btoi(x >= 0.6)
	default:
		c.RelationshipLevel = 1 + btoi(x >= 0.6)
	}
}

// pickShare reads x in [0,1) as high below hi, medium below med, else low.
func pickShare(x, hi, med float64) string {
	switch {
	case x < hi:
		return "high"
	case x < med:
		return "medium"
	}
	return "low"
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// personName draws a name unique within the account in its staff's locale
// (a Chinese manager abroad when expat) and the e-mail address the
// company's convention gives it.
func (g *gen) personName(a *acct, expat bool, names, mails map[string]bool) (name, mail string) {
	locale := a.people
	if expat {
		locale = "zh"
	} else if locale != "zh" && locale != "en" && g.chance(0.1) {
		locale = "en" // international staff
	} else if locale == "my" && g.chance(0.4) {
		locale = "sg" // Malaysia's Chinese community
	}
	var local string
	for try := 0; ; try++ {
		if locale == "zh" {
			s, gv := pick(g, zhSurnames), pick(g, zhGiven)
			name = s.zh + gv.zh
			switch a.mailStyle {
			case 0:
				local = gv.py + "." + s.py
			case 1:
				local = s.py + gv.py
			default:
				local = s.py + "." + gv.py
			}
		} else {
			ns := peopleNames[locale]
			given, family := pick(g, ns[0]), pick(g, ns[1])
			name = given + " " + family
			if a.mailStyle == 1 {
				local = slug(given)[:1] + slug(family)
			} else {
				local = slug(given) + "." + slug(family)
			}
		}
		if !names[name] || try > 30 {
			break
		}
	}
	names[name] = true
	base := local
	for n := 2; mails[local]; n++ {
		local = base + strconv.Itoa(n)
	}
	mails[local] = true
	return name, local + "@" + a.domain
}

// title gives a position's title and department in the staff's language;
// small companies call their department heads managers.
func (g *gen) title(a *acct, s slot, lang, size int) (title, dept string) {
	if s.level <= lvDeputy {
		dept = [2]string{zhMgmt, enMgmt}[lang]
		switch {
		case s.level == lvDeputy:
			title = pick(g, [2][]string{zhDeputy, enDeputy}[lang])
		case a.isParent && lang == 0:
			title = pick(g, zhTopGrp)
		case a.isParent:
			title = "CEO"
		case a.parent >= 0:
			title = [2]string{"总经理", "General Manager"}[lang] // a subsidiary's head
		default:
			title = pick(g, [2][]string{zhTop, enTop}[lang])
		}
		return title, dept
	}
	d := depts[s.dept]
	head, mgr, staff := d.zhHead, d.zhMgr, d.zhStaff
	dept = d.zhName
	if lang == 1 {
		head, mgr, staff = d.enHead, d.enMgr, d.enStaff
		dept = d.enName
	}
	switch {
	case s.level == lvHead && size > 6:
		title = pick(g, head)
	case s.level <= lvManager:
		title = pick(g, mgr)
	default:
		title = pick(g, staff)
	}
	return title, dept
}

var monthDays = [12]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func (g *gen) birthday() string {
	m := g.r.IntN(12)
	d := 1 + g.r.IntN(monthDays[m])
	return string([]byte{byte('0' + (m+1)/10), byte('0' + (m+1)%10), '-', byte('0' + d/10), byte('0' + d%10)})
}

func (g *gen) interests(lang int) string {
	list, sep := zhInterests, "、"
	if lang == 1 {
		list, sep = enInterests, ", "
	}
	first := pick(g, list)
	if g.chance(0.4) {
		if second := pick(g, list); second != first {
			return first + sep + second
		}
	}
	return first
}

// phone writes a plausible number: Chinese mobiles, elsewhere a number
// after the country code.
func (g *gen) phone(country string) string {
	var b strings.Builder
	b.WriteByte('+')
	b.WriteString(countries[country].phone)
	digits := func(n int) {
		for range n {
			b.WriteByte(byte('0' + g.r.IntN(10)))
		}
	}
	if country == "CN" {
		b.WriteString(" 1")
		b.WriteByte(pick(g, []byte("35789")))
		digits(1)
		b.WriteByte(' ')
		digits(4)
		b.WriteByte(' ')
		digits(4)
		return b.String()
	}
	if country == "US" {
		b.WriteByte(' ')
		b.WriteByte(byte('2' + g.r.IntN(8)))
		digits(2)
		b.WriteByte(' ')
		digits(3)
		b.WriteByte(' ')
		digits(4)
		return b.String()
	}
	// Area codes never start with 0 once the country code is written.
	b.WriteByte(' ')
	b.WriteByte(byte('1' + g.r.IntN(9)))
	digits(1 + g.r.IntN(2))
	b.WriteByte(' ')
	digits(3)
	b.WriteByte(' ')
	digits(4)
	return b.String()
}
