package opportunity

import (
	"fmt"
	"regexp"
	"strings"

	"keystone/core/fault"
)

// Label is a setting's text in both UI languages.
type Label struct {
	En string `json:"en"`
	Zh string `json:"zh"`
}

// Stage is one pipeline stage with its default win probability (percent).
type Stage struct {
	Key         string `json:"key"`
	Label       Label  `json:"label"`
	Probability int    `json:"probability"`
}

// Reason groups: a decision reason explains a win or a loss; a no-decision
// reason explains why the customer bought from nobody.
const (
	GroupDecision   = "decision"
	GroupNoDecision = "no_decision"
)

// Reason is one entry of the single reason list wins and losses share.
type Reason struct {
	Key   string `json:"key"`
	Label Label  `json:"label"`
	Group string `json:"group"`
}

// Settings are the area's model settings (DOMAIN.md §7), versioned.
type Settings struct {
	Stages  []Stage  `json:"stages"`
	Reasons []Reason `json:"reasons"`
	// StalledDays: an open deal whose stage has not changed for longer is stalled.
	StalledDays int `json:"stalledDays"`
}

// Limits of the settings.
const (
	MinStages      = 2
	MaxStages      = 12
	MaxReasons     = 40
	MinStalledDays = 7
	MaxStalledDays = 365
)

// Defaults are the courses' eight key-account stages and the customer
// decision values as reasons. The stage probabilities and the 45 stalled
// days are *reconstructed*: the courses name the stages, not the numbers.
func Defaults() Settings {
	return Settings{
		Stages: []Stage{
			{"information", Label{"Information gathering", "信息收集"}, 5},
			{"qualification", Label{"Qualification", "过滤"}, 10},
			{"solution", Label{"Solution shaping", "方案打磨"}, 20},
			{"recommendation", Label{"Brand recommendation", "品牌推荐"}, 35},
			{"needs", Label{"Needs discovery", "挖掘需求"}, 50},
			{"key_person", Label{"Key-person meeting", "关键人私约"}, 65},
			{"negotiation", Label{"Commercial negotiation", "商务公关"}, 80},
			{"intent", Label{"Intent reached", "意向达成"}, 90},
		},
		Reasons: []Reason{
			{"price", Label{"Economic value (price, total cost)", "经济价值（价格/总成本）"}, GroupDecision},
			{"time", Label{"Time value (delivery, speed)", "时间价值（交期/速度）"}, GroupDecision},
			{"quality", Label{"Quality value", "质量价值"}, GroupDecision},
			{"advisory", Label{"Advisory value (expertise)", "顾问价值（专业能力）"}, GroupDecision},
			{"image", Label{"Corporate image value", "企业形象价值"}, GroupDecision},
			{"relationship", Label{"Relationship value", "关系价值"}, GroupDecision},
			{"product_fit", Label{"Product fit", "产品匹配度"}, GroupDecision},
			{"service", Label{"Service", "服务"}, GroupDecision},
			{"no_need", Label{"No need", "不需要"}, GroupNoDecision},
			{"no_trust", Label{"No trust", "不相信"}, GroupNoDecision},
			{"no_budget", Label{"No budget", "没预算"}, GroupNoDecision},
			{"no_urgency", Label{"No urgency", "不着急"}, GroupNoDecision},
		},
		StalledDays: 45,
	}
}

var keyPattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)

// Normalize trims labels and keys.
func (s *Settings) Normalize() {
	for i := range s.Stages {
		st := &s.Stages[i]
		st.Key = strings.TrimSpace(st.Key)
		st.Label.En, st.Label.Zh = strings.TrimSpace(st.Label.En), strings.TrimSpace(st.Label.Zh)
	}
	for i := range s.Reasons {
		r := &s.Reasons[i]
		r.Key = strings.TrimSpace(r.Key)
		r.Label.En, r.Label.Zh = strings.TrimSpace(r.Label.En), strings.TrimSpace(r.Label.Zh)
	}
}

// Validate checks the settings: 2–12 stages and up to 40 reasons with
// unique keys and both labels, probabilities 0–100, at least one decision
// reason, stalled days 7–365.
func (s *Settings) Validate() error {
	s.Normalize()
	var c fault.Checker
	if n := len(s.Stages); n < MinStages || n > MaxStages {
		c.Add("stages", "count", map[string]any{"min": MinStages, "max": MaxStages, "value": n},
			"between %d and %d stages are needed (got %d)", MinStages, MaxStages, n)
	}
	keys := map[string]bool{}
	for i, st := range s.Stages {
		f := fmt.Sprintf("stages[%d].", i)
		checkKey(&c, f+"key", st.Key, keys)
		checkLabel(&c, f+"label", st.Label)
		c.Range(f+"probability", int64(st.Probability), 0, 100)
	}
	if len(s.Reasons) > MaxReasons {
		c.Add("reasons", "too_many", map[string]any{"max": MaxReasons}, "at most %d reasons", MaxReasons)
	}
	keys = map[string]bool{}
	decision := 0
	for i, r := range s.Reasons {
		f := fmt.Sprintf("reasons[%d].", i)
		checkKey(&c, f+"key", r.Key, keys)
		checkLabel(&c, f+"label", r.Label)
		c.OneOf(f+"group", r.Group, false, GroupDecision, GroupNoDecision)
		if r.Group == GroupDecision {
			decision++
		}
	}
	if decision == 0 {
		c.Add("reasons", "required", nil, "at least one reason for wins and losses is needed")
	}
	c.Range("stalledDays", int64(s.StalledDays), MinStalledDays, MaxStalledDays)
	return c.Err()
}

func checkKey(c *fault.Checker, field, key string, seen map[string]bool) {
	switch {
	case key == "":
		c.Add(field, "required", nil, "%s is required", field)
	case !keyPattern.MatchString(key):
		c.Add(field, "key_format", map[string]any{"value": key}, "%q must be lower-case letters, digits and _ (at most 40)", key)
	case seen[key]:
		c.Add(field, "duplicate", map[string]any{"value": key}, "%q is used twice", key)
	}
	seen[key] = true
}

func checkLabel(c *fault.Checker, field string, l Label) {
	if c.Required(field+".en", l.En) {
		c.MaxLen(field+".en", l.En, 80)
	}
	if c.Required(field+".zh", l.Zh) {
		c.MaxLen(field+".zh", l.Zh, 80)
	}
}

// StageIndex is the position of a stage key in the list, -1 when absent.
func (s *Settings) StageIndex(key string) int {
	for i, st := range s.Stages {
		if st.Key == key {
			return i
		}
	}
	return -1
}

// Reason returns a reason by key.
func (s *Settings) Reason(key string) (Reason, bool) {
	for _, r := range s.Reasons {
		if r.Key == key {
			return r, true
		}
	}
	return Reason{}, false
}
