package review

import (
	"keystone/core/calendar"
)

// Snapshot is the account's data as it stood when the review was filled:
// one section per area. A section is nil when its area holds nothing for
// the account — the PDF then leaves it out rather than print blanks.
// Amounts are in minor units of the currency named beside them.
type Snapshot struct {
	TakenOn      calendar.Date `json:"takenOn"`
	Account      AccountInfo   `json:"account"`
	Performance  *Performance  `json:"performance,omitempty"`
	Satisfaction *Satisfaction `json:"satisfaction,omitempty"`
	Portfolio    *Portfolio    `json:"portfolio,omitempty"`
	Relationship *Relationship `json:"relationship,omitempty"`
	Partnership  *Partnership  `json:"partnership,omitempty"`
	Switching    *Switching    `json:"switching,omitempty"`
	Deals        *Deals        `json:"deals,omitempty"`
	Program      *Program      `json:"program,omitempty"`
	Risk         *Risk         `json:"risk,omitempty"`
	Actions      *Actions      `json:"actions,omitempty"`
}

// AccountInfo is who the review is about.
type AccountInfo struct {
	Name      string `json:"name"`
	LegalName string `json:"legalName"`
	Owner     string `json:"owner"`
	Industry  string `json:"industry"`
	Segment   string `json:"segment"`
	Country   string `json:"country"`
	Currency  string `json:"currency"`
}

// YearRow is one year of figures, in the account's currency.
type YearRow struct {
	Year          int     `json:"year"`
	Currency      string  `json:"currency"`
	Revenue       int64   `json:"revenue"`
	RevenueTarget int64   `json:"revenueTarget"` // 0 = none
	Margin        int64   `json:"margin"`
	MarginTarget  int64   `json:"marginTarget"`
	CategorySpend int64   `json:"categorySpend"` // 0 = unknown
	Share         float64 `json:"share"`         // share of wallet, percent
	ShareKnown    bool    `json:"shareKnown"`
	CrossSell     int64   `json:"crossSell"`
}

// Performance is the review year against its targets and the years before it
// (up to three, oldest first, ending with the review's year).
type Performance struct {
	Years []YearRow `json:"years"`
	// Reporting is the review year's revenue in the reporting currency;
	// ReportingKnown is false when there is no rate.
	Reporting      int64  `json:"reporting"`
	ReportingCur   string `json:"reportingCurrency"`
	ReportingKnown bool   `json:"reportingKnown"`
}

// Current is the row of the review's year, nil when that year has no figures.
func (p *Performance) Current(year int) *YearRow {
	for i := range p.Years {
		if p.Years[i].Year == year {
			return &p.Years[i]
		}
	}
	return nil
}

// Attainment is actual ÷ target in percent; ok is false without a target.
func Attainment(actual, target int64) (float64, bool) {
	if target <= 0 {
		return 0, false
	}
	return float64(actual) * 100 / float64(target), true
}

// Growth is the change from prev to cur in percent; ok is false when prev is not positive.
func Growth(prev, cur int64) (float64, bool) {
	if prev <= 0 {
		return 0, false
	}
	return float64(cur-prev) * 100 / float64(prev), true
}

// DimensionGap is one SERVQUAL dimension of the latest survey.
type DimensionGap struct {
	Key         string `json:"key"`
	Expectation int    `json:"expectation"`
	Perception  int    `json:"perception"`
	Gap         int    `json:"gap"`
	Weight      int    `json:"weight"`
}

// Satisfaction is the latest satisfaction (SERVQUAL) survey.
type Satisfaction struct {
	SurveyedOn calendar.Date  `json:"surveyedOn"`
	Weighted   float64        `json:"weighted"`   // −6 … +6
	Attraction float64        `json:"attraction"` // 0–100
	Gaps       []DimensionGap `json:"gaps"`
	Surveys    int            `json:"surveys"`
}

// Dot is another account on the portfolio matrix, unnamed.
type Dot struct {
	X    float64 `json:"x"` // strength
	Y    float64 `json:"y"` // attractiveness
	Size float64 `json:"size"`
}

// Portfolio is the account's place in the portfolio.
type Portfolio struct {
	Tier           string        `json:"tier"`
	TierEn         string        `json:"tierEn"`
	TierZh         string        `json:"tierZh"`
	TierAssigned   bool          `json:"tierAssigned"`
	Scored         bool          `json:"scored"`
	ScoredOn       calendar.Date `json:"scoredOn"`
	Attractiveness float64       `json:"attractiveness"`
	Strength       float64       `json:"strength"`
	Quadrant       string        `json:"quadrant"`
	Cut            float64       `json:"cut"`
	Size           float64       `json:"size"`
	Others         []Dot         `json:"others"`
	Accounts       int           `json:"accounts"` // accounts in the portfolio
	Rank           int           `json:"rank"`     // by revenue, 1 = largest; 0 = unknown
}

// Relationship is the stage and the three relationship dimensions.
type Relationship struct {
	Phase          string `json:"phase"`
	Stage          string `json:"stage"`
	Suggested      string `json:"suggested"`
	Organizational string `json:"organizational"`
	Extensive      string `json:"extensive"`
	Levels         [6]int `json:"levels"`
	Supportive     int    `json:"supportive"`
	DecisionMakers int    `json:"decisionMakers"`
	Contacts       int    `json:"contacts"`
}

// Gap is a partnership component below (or far above) what the type calls for.
type Gap struct {
	Component string `json:"component"`
	Today     string `json:"today"`
	Required  string `json:"required"`
}

// Partnership is the latest partnership assessment.
type Partnership struct {
	AssessedOn calendar.Date  `json:"assessedOn"`
	Type       string         `json:"type"`
	D          int            `json:"d"`
	F          int            `json:"f"`
	ScaleMax   int            `json:"scaleMax"`
	Ours       map[string]int `json:"ours"`     // driver → score
	Customer   map[string]int `json:"customer"` // driver → score
	Gaps       []Gap          `json:"gaps"`
}

// LeverRow is one lever of the switching-cost plan.
type LeverRow struct {
	Key      string `json:"key"`
	Strength int    `json:"strength"`
	Target   int    `json:"target"`
	Actions  int    `json:"actions"`
	Done     int    `json:"done"`
	Overdue  int    `json:"overdue"`
	Percent  int    `json:"percent"`
}

// Switching is the latest switching-cost index and the plan's progress.
type Switching struct {
	AssessedOn calendar.Date `json:"assessedOn"`
	Assessed   bool          `json:"assessed"`
	Barrier    float64       `json:"barrier"`
	Procedural float64       `json:"procedural"`
	Financial  float64       `json:"financial"`
	Relational float64       `json:"relational"`
	PlanName   string        `json:"planName"`
	Levers     []LeverRow    `json:"levers"`
}

// Reason is a win-loss reason with its bilingual label.
type Reason struct {
	Key   string  `json:"key"`
	En    string  `json:"en"`
	Zh    string  `json:"zh"`
	Deals int     `json:"deals"`
	Value int64   `json:"value"` // reporting currency
	Share float64 `json:"share"`
}

// Deal is one deal closed in the period.
type Deal struct {
	Title    string        `json:"title"`
	Outcome  string        `json:"outcome"`
	ClosedOn calendar.Date `json:"closedOn"`
	Currency string        `json:"currency"`
	Value    int64         `json:"value"`
	ReasonEn string        `json:"reasonEn"`
	ReasonZh string        `json:"reasonZh"`
	Winner   string        `json:"winner"`
}

// Deals is the opportunities won and lost in the period.
type Deals struct {
	Currency   string   `json:"currency"` // reporting
	Won        int      `json:"won"`
	Lost       int      `json:"lost"`
	NoDecision int      `json:"noDecision"`
	WinRate    float64  `json:"winRate"`
	RateKnown  bool     `json:"rateKnown"`
	WonValue   int64    `json:"wonValue"`
	LostValue  int64    `json:"lostValue"`
	Open       int      `json:"open"`
	OpenValue  int64    `json:"openValue"`
	Reasons    []Reason `json:"reasons"`
	List       []Deal   `json:"list"`
}

// Program is the global account program's status.
type Program struct {
	Manager  string   `json:"manager"`
	Status   string   `json:"status"`
	Health   string   `json:"health"`
	Findings []string `json:"findings"` // English, the rule's message
	// Rules are the same findings with their figures, so a Chinese page can
	// word them; reviews frozen before they were kept have only Findings.
	Rules     []Finding `json:"rules,omitempty"`
	Countries int       `json:"countries"`
	Currency  string    `json:"currency"`
	Target    int64     `json:"target"`
	Actual    int64     `json:"actual"`
	Renewal   string    `json:"renewal"` // alert level, "" = none
}

// Finding is one program-health rule that fired.
type Finding struct {
	Rule    string         `json:"rule"`
	Level   string         `json:"level"`
	Params  map[string]any `json:"params"`
	Message string         `json:"message"`
}

// Warning is one decline warning that fired.
type Warning struct {
	Key     string         `json:"key"`
	Weight  int            `json:"weight"`
	Params  map[string]any `json:"params"`
	Message string         `json:"message"`
}

// Risk is the account's decline warnings.
type Risk struct {
	Score    int       `json:"score"`
	Level    string    `json:"level"`
	Warnings []Warning `json:"warnings"`
}

// Actions counts the account's actions.
type Actions struct {
	Open    int    `json:"open"`
	Overdue int    `json:"overdue"`
	Done    int    `json:"done"` // completed in the period
	Next    []Todo `json:"next"` // the first open ones by due date
}

// Todo is an open action.
type Todo struct {
	Title string        `json:"title"`
	Owner string        `json:"owner"`
	Due   calendar.Date `json:"due"`
	Area  string        `json:"area"`
}

// Sections lists the sections present, in print order.
func (s Snapshot) Sections() []string {
	var out []string
	add := func(ok bool, name string) {
		if ok {
			out = append(out, name)
		}
	}
	add(s.Performance != nil, "performance")
	add(s.Satisfaction != nil, "satisfaction")
	add(s.Portfolio != nil, "portfolio")
	add(s.Relationship != nil, "relationship")
	add(s.Partnership != nil, "partnership")
	add(s.Switching != nil, "switching")
	add(s.Deals != nil, "deals")
	add(s.Program != nil, "program")
	add(s.Risk != nil, "risk")
	add(s.Actions != nil, "actions")
	return out
}
