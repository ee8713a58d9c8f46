// Package portfolio is how a firm chooses its key accounts and where to
// invest (DOMAIN.md §2): the attractiveness and relative-strength scorecards
// and their matrix, tiers, Pareto/ABC classes, the customer value pyramid,
// customer lifetime value and the perceived value × lifetime value classes.
// Everything here is a pure function over figures the caller gathers.
package portfolio

import (
	"fmt"
	"math"
	"strings"

	"keystone/core/fault"
)

// Criterion is one line of a scorecard with its weight (weights sum to 100).
type Criterion struct {
	Key    string `json:"key"`
	En     string `json:"en"`
	Zh     string `json:"zh"`
	Weight int    `json:"weight"`
}

// Tier is one rung of the tier set the firm controls.
type Tier struct {
	Key string `json:"key"`
	En  string `json:"en"`
	Zh  string `json:"zh"`
	// KeyAccount tiers are counted against the portfolio's healthy size.
	KeyAccount bool `json:"keyAccount"`
}

// Band is a revenue band of the value pyramid: accounts with revenue at or
// above Min (reporting currency, minor units) and below the next band's Min.
type Band struct {
	Key string `json:"key"`
	En  string `json:"en"`
	Zh  string `json:"zh"`
	Min int64  `json:"min"`
}

// Settings are the portfolio model's criteria, cuts and label lists. The
// defaults follow DOMAIN.md §2; the cut at 5.5 and the 80/95 ABC limits are
// the literature's, the pyramid bands and the CPV cut are Keystone's own.
type Settings struct {
	Attractiveness []Criterion `json:"attractiveness"`
	Strength       []Criterion `json:"strength"`
	// Cut splits both matrix axes (1–10): at or above is "high".
	Cut float64 `json:"cut"`
	// Tiers, best first, and the tier each quadrant suggests.
	Tiers          []Tier            `json:"tiers"`
	QuadrantTier   map[string]string `json:"quadrantTier"`
	MaxKeyAccounts int               `json:"maxKeyAccounts"`
	// ABC limits as cumulative percentages.
	ClassA float64 `json:"classA"`
	ClassB float64 `json:"classB"`
	// Pyramid bands, highest first.
	Bands []Band `json:"bands"`
	// CPV × CLV: perceived value (1–10) at or above CPVCut is high; CLV at or
	// above the portfolio's median is high unless CLVCut (minor units) is set.
	CPVCut float64 `json:"cpvCut"`
	CLVCut int64   `json:"clvCut"`
	// CLV defaults for accounts without their own inputs.
	Retention float64 `json:"retention"`
	Discount  float64 `json:"discount"`
}

// Quadrants of the portfolio matrix.
const (
	Strategic  = "strategic"  // high attractiveness, high strength: invest for growth
	Star       = "star"       // high attractiveness, low strength: invest selectively to build strength
	Status     = "status"     // low attractiveness, high strength: maintain, control cost to serve
	Streamline = "streamline" // low/low: serve efficiently or exit
)

// Quadrants lists the matrix quadrants.
var Quadrants = []string{Strategic, Star, Status, Streamline}

// DefaultSettings are the shipped defaults.
func DefaultSettings() Settings {
	return Settings{
		Attractiveness: []Criterion{
			{"future_revenue", "Future revenue and profit", "未来销售收入和利润", 25},
			{"financial_security", "Financial security", "财务安全", 15},
			{"relationship", "Mutual relationship", "相互关系", 15},
			{"influence", "Influence / reference value", "影响力", 15},
			{"growth", "Growth potential", "增长潜力", 15},
			{"budget", "Purchase budget", "采购预算", 15},
		},
		Strength: []Criterion{
			{"product_fit", "Product fit", "产品匹配度", 25},
			{"service", "Service and support", "服务与支持", 15},
			{"price", "Price competitiveness", "价格竞争力", 15},
			{"reputation", "Reputation", "品牌声誉", 15},
			{"relationship_depth", "Relationship depth", "关系深度", 15},
			{"know_how", "Know-how", "专业知识", 15},
		},
		Cut: 5.5,
		Tiers: []Tier{
			{"strategic", "Strategic key account", "战略大客户", true},
			{"key", "Key account", "重点客户", true},
			{"develop", "Development account", "发展客户", false},
			{"maintain", "Maintenance account", "维持客户", false},
		},
		QuadrantTier:   map[string]string{Strategic: "strategic", Star: "key", Status: "develop", Streamline: "maintain"},
		MaxKeyAccounts: 50,
		ClassA:         80,
		ClassB:         95,
		Bands: []Band{
			{"top", "Top", "顶层客户", 50_000_000_00},
			{"large", "Large", "大客户", 10_000_000_00},
			{"medium", "Medium", "中客户", 2_000_000_00},
			{"small", "Small", "小客户", 0},
		},
		CPVCut:    5.5,
		Retention: 0.8,
		Discount:  0.1,
	}
}

// Validate checks weights sum to 100, keys are unique and cuts are sane.
func (s *Settings) Validate() error {
	var c fault.Checker
	checkCriteria(&c, "attractiveness", s.Attractiveness)
	checkCriteria(&c, "strength", s.Strength)
	if !(s.Cut >= 1 && s.Cut <= 10) {
		c.Add("cut", "out_of_range", map[string]any{"min": 1, "max": 10, "value": s.Cut}, "the matrix cut must lie between 1 and 10")
	}
	tiers := map[string]bool{}
	if len(s.Tiers) == 0 {
		c.Add("tiers", "required", nil, "at least one tier is needed")
	}
	for i, t := range s.Tiers {
		f := fmt.Sprintf("tiers[%d]", i)
		if c.Required(f+".key", t.Key) && tiers[t.Key] {
			c.Add(f+".key", "duplicate", map[string]any{"value": t.Key}, "tier %q is listed twice", t.Key)
		}
		tiers[t.Key] = true
		c.Required(f+".en", t.En)
		c.Required(f+".zh", t.Zh)
	}
	for _, q := range Quadrants {
		if t, ok := s.QuadrantTier[q]; !ok || !tiers[t] {
			c.Add("quadrantTier."+q, "unknown_value", map[string]any{"value": t}, "the %s quadrant must suggest one of the tiers", q)
		}
	}
	c.Range("maxKeyAccounts", int64(s.MaxKeyAccounts), 1, 10_000)
	if !(s.ClassA > 0 && s.ClassA < s.ClassB && s.ClassB < 100) {
		c.Add("classB", "order", map[string]any{"a": s.ClassA, "b": s.ClassB}, "the ABC limits must rise: 0 < A < B < 100")
	}
	for i, b := range s.Bands {
		f := fmt.Sprintf("bands[%d]", i)
		c.Required(f+".key", b.Key)
		c.NonNegative(f+".min", b.Min)
		if i > 0 && b.Min >= s.Bands[i-1].Min {
			c.Add(f+".min", "order", nil, "pyramid bands must go from the highest revenue down")
		}
	}
	if len(s.Bands) > 0 && s.Bands[len(s.Bands)-1].Min != 0 {
		c.Add(fmt.Sprintf("bands[%d].min", len(s.Bands)-1), "order", nil, "the lowest pyramid band must start at zero")
	}
	if !(s.CPVCut >= 1 && s.CPVCut <= 10) {
		c.Add("cpvCut", "out_of_range", map[string]any{"min": 1, "max": 10, "value": s.CPVCut}, "the perceived-value cut must lie between 1 and 10")
	}
	c.NonNegative("clvCut", s.CLVCut)
	if err := CheckRates(s.Retention, s.Discount); err != nil {
		for _, is := range fault.As(err).Issues {
			c.Add(is.Field, is.Rule, is.Params, "%s", is.Message)
		}
	}
	return c.Err()
}

func checkCriteria(c *fault.Checker, field string, cs []Criterion) {
	if len(cs) == 0 || len(cs) > 12 {
		c.Add(field, "out_of_range", map[string]any{"min": 1, "max": 12, "value": len(cs)}, "a scorecard needs 1 to 12 criteria")
		return
	}
	sum, seen := 0, map[string]bool{}
	for i, cr := range cs {
		f := fmt.Sprintf("%s[%d]", field, i)
		if c.Required(f+".key", cr.Key) && seen[cr.Key] {
			c.Add(f+".key", "duplicate", map[string]any{"value": cr.Key}, "criterion %q is listed twice", cr.Key)
		}
		seen[cr.Key] = true
		if strings.TrimSpace(cr.En) == "" && strings.TrimSpace(cr.Zh) == "" {
			c.Add(f+".en", "required", nil, "a criterion needs a name")
		}
		c.Range(f+".weight", int64(cr.Weight), 0, 100)
		sum += cr.Weight
	}
	if sum != 100 {
		c.Add(field, "weights_sum", map[string]any{"sum": sum}, "the %s weights add up to %d; they must add up to 100", field, sum)
	}
}

// round2 rounds to two decimals, the precision indices are shown in.
func round2(v float64) float64 { return math.Round(v*100) / 100 }
