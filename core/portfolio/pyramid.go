package portfolio

import (
	"slices"
)

// Served is what the value pyramid needs of an account: revenue, gross
// margin and cost to serve in the reporting currency (minor units).
type Served struct {
	AccountID   string `json:"accountId"`
	Revenue     int64  `json:"revenue"`
	Margin      int64  `json:"margin"`
	CostToServe int64  `json:"costToServe"`
}

// Level is one band of the customer value pyramid.
type Level struct {
	Band     string   `json:"band"`
	Count    int      `json:"count"`
	Revenue  int64    `json:"revenue"`
	Margin   int64    `json:"margin"`
	Cost     int64    `json:"cost"`
	Profit   int64    `json:"profit"` // margin − cost to serve
	Return   float64  `json:"return"` // profit ÷ revenue, %
	Accounts []string `json:"accounts"`
}

// BandOf is the band a revenue falls in: the first (highest) whose Min it
// reaches; bands go from the highest down and the last starts at zero.
func BandOf(bands []Band, revenue int64) string {
	for _, b := range bands {
		if revenue >= b.Min {
			return b.Key
		}
	}
	if len(bands) == 0 {
		return ""
	}
	return bands[len(bands)-1].Key // negative revenue (credit notes) sits at the bottom
}

// Pyramid sums accounts per revenue band, highest band first. Its point is
// the courses': the bottom often loses money once cost to serve is counted.
func Pyramid(bands []Band, accounts []Served) []Level {
	out := make([]Level, len(bands))
	idx := make(map[string]int, len(bands))
	for i, b := range bands {
		out[i] = Level{Band: b.Key, Accounts: []string{}}
		idx[b.Key] = i
	}
	for _, a := range accounts {
		i, ok := idx[BandOf(bands, a.Revenue)]
		if !ok {
			continue
		}
		l := &out[i]
		l.Count++
		l.Revenue += a.Revenue
		l.Margin += a.Margin
		l.Cost += a.CostToServe
		l.Accounts = append(l.Accounts, a.AccountID)
	}
	for i := range out {
		l := &out[i]
		l.Profit = l.Margin - l.Cost
		if l.Revenue != 0 {
			l.Return = round2(float64(l.Profit) / float64(l.Revenue) * 100)
		}
		slices.Sort(l.Accounts)
	}
	return out
}
