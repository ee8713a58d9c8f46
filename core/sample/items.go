package sample

import (
	"hash/fnv"
	"math/rand/v2"

	"keystone/core/record"
)

// Item is one record of an area beyond the basics (assessments,
// opportunities, switching-cost plans ...). It is an account child when
// Global is false, else a global record of its kind (an action made by an
// area is global, like every action). The loader stores items by kind
// without knowing the areas.
type Item struct {
	AccountID string
	Kind      string
	ID        string
	Global    bool
	Value     record.Record // a pointer to the record, with its envelope set
}

// area is one area's part of the generator. Each draws from its own random
// stream (seeded from the portfolio seed and the area's name), so adding or
// changing one area never shifts another's data.
type area struct {
	name  string
	build func(g *gen, r *rand.Rand) []Item
}

// areas run in this order after the basics are built.
var areas = []area{
	{"partnership", (*gen).buildPartnership},
	{"switching", (*gen).buildSwitching},
	{"opportunity", (*gen).buildOpportunities},
	{"program", (*gen).buildPrograms},
	{"portfolio", (*gen).buildPortfolio},
}

func (g *gen) buildAreas() {
	for _, a := range areas {
		h := fnv.New64a()
		_, _ = h.Write([]byte(a.name))
		r := rand.New(rand.NewPCG(g.seed, h.Sum64()))
		g.p.Items = append(g.p.Items, a.build(g, r)...)
	}
}

// ItemsOf returns the values of the items of one kind, in generation order.
func ItemsOf[T any](p Portfolio, kind string) []*T {
	var out []*T
	for _, it := range p.Items {
		if it.Kind != kind {
			continue
		}
		if v, ok := any(it.Value).(*T); ok {
			out = append(out, v)
		}
	}
	return out
}
