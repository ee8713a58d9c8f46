package portfolio

import (
	"cmp"
	"math"
	"math/big"
	"slices"
)

// ABC classes of the Pareto analysis (帕累托二八).
const (
	ClassA = "A"
	ClassB = "B"
	ClassC = "C"
)

// Valued is an account's revenue or margin (reporting currency, minor units).
type Valued struct {
	AccountID string `json:"accountId"`
	Value     int64  `json:"value"`
}

// Ranked is one account's place on the concentration curve.
type Ranked struct {
	Valued
	Rank       int     `json:"rank"`       // 1 = largest
	Share      float64 `json:"share"`      // % of the total
	Cumulative float64 `json:"cumulative"` // % of the total up to and including this account
	Class      string  `json:"class"`
}

// ClassSummary is one class's count and value.
type ClassSummary struct {
	Class string  `json:"class"`
	Count int     `json:"count"`
	Value int64   `json:"value"`
	Share float64 `json:"share"` // % of the total
}

// ABC sorts accounts by value, largest first, and classes them: an account
// is A while the accounts before it hold less than limitA % of the total (so
// the largest account is always A and class A reaches the limit), B while
// they hold less than limitB %, else C. Accounts with equal values share the
// class of the first of them, so a tie is never split. Accounts with no
// positive value are C and do not count in the total.
func ABC(in []Valued, limitA, limitB float64) ([]Ranked, []ClassSummary) {
	rows := make([]Ranked, len(in))
	total := new(big.Int)
	for i, v := range in {
		rows[i] = Ranked{Valued: v}
		if v.Value > 0 {
			total.Add(total, big.NewInt(v.Value))
		}
	}
	slices.SortStableFunc(rows, func(a, b Ranked) int {
		return cmp.Or(cmp.Compare(b.Value, a.Value), cmp.Compare(a.AccountID, b.AccountID))
	})
	totalF, _ := new(big.Float).SetInt(total).Float64()
	before := new(big.Int)
	for i := range rows {
		r := &rows[i]
		r.Rank = i + 1
		switch {
		case r.Value <= 0:
			r.Class = ClassC
		case i > 0 && rows[i-1].Value == r.Value:
			r.Class = rows[i-1].Class
		case below(before, total, limitA):
			r.Class = ClassA
		case below(before, total, limitB):
			r.Class = ClassB
		default:
			r.Class = ClassC
		}
		if r.Value > 0 {
			before.Add(before, big.NewInt(r.Value))
			r.Share = pct(float64(r.Value), totalF)
		}
		cum, _ := new(big.Float).SetInt(before).Float64()
		r.Cumulative = pct(cum, totalF)
	}
	sums := []ClassSummary{{Class: ClassA}, {Class: ClassB}, {Class: ClassC}}
	for _, r := range rows {
		s := &sums[map[string]int{ClassA: 0, ClassB: 1, ClassC: 2}[r.Class]]
		s.Count++
		if r.Value > 0 {
			s.Value += r.Value
		}
	}
	for i := range sums {
		sums[i].Share = pct(float64(sums[i].Value), totalF)
	}
	return rows, sums
}

// below reports part/total < limit % exactly, in integers: amounts in minor
// units overflow float precision long before a portfolio is large.
func below(part, total *big.Int, limit float64) bool {
	if total.Sign() == 0 {
		return false
	}
	bps := big.NewInt(int64(math.Round(limit * 100))) // the limit in basis points
	lhs := new(big.Int).Mul(part, big.NewInt(10_000))
	rhs := new(big.Int).Mul(total, bps)
	return lhs.Cmp(rhs) < 0
}

func pct(part, total float64) float64 {
	if total == 0 {
		return 0
	}
	return round2(part / total * 100)
}
