package transfer

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/currency"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"keystone/core/account"
	"keystone/core/calendar"
	"keystone/core/money"
)

// cellError is a cell that cannot be read as its field's type.
type cellError struct {
	rule    string
	params  map[string]any
	message string
}

func (e *cellError) Error() string { return e.message }

func badCell(rule string, params map[string]any, format string, args ...any) error {
	return &cellError{rule: rule, params: params, message: fmt.Sprintf(format, args...)}
}

// ParseDate reads the dates spreadsheets hold: ISO, 2024/3/1, 2024年3月1日,
// 3/1/2024 (month first, as Salesforce's US exports), 1.3.2024, with or
// without a time, and Excel's serial day numbers.
func ParseDate(s string) (calendar.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	if n, err := strconv.ParseFloat(s, 64); err == nil && n > 0 && n < 2958466 && !strings.ContainsAny(s, "-/") {
		if n < 20000 || n > 80000 { // 1954..2119: anything else is not a date
			return "", badCell("invalid_date", map[string]any{"value": s}, "%q is not a date", s)
		}
		t := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(n))
		return calendar.DateOf(t), nil
	}
	if i := strings.IndexAny(s, " T"); i > 0 && !strings.Contains(s, "年") {
		s = s[:i]
	}
	if isoDate(s) { // the common case, without the layouts below
		if t, err := time.Parse(time.DateOnly, s); err == nil {
			return calendar.DateOf(t), nil
		}
	}
	norm := dateSeparators.Replace(s)
	for _, layout := range []string{"2006-1-2", "1-2-2006", "2-1-2006"} {
		if layout == "2-1-2006" && !strings.Contains(s, ".") {
			continue // day first only for dotted dates (1.3.2024)
		}
		if layout == "1-2-2006" && strings.Contains(s, ".") {
			continue
		}
		if t, err := time.Parse(layout, norm); err == nil {
			return calendar.DateOf(t), nil
		}
	}
	return "", badCell("invalid_date", map[string]any{"value": s}, "%q is not a date (use 2024-03-31)", s)
}

var dateSeparators = strings.NewReplacer("年", "-", "月", "-", "日", "", "/", "-", ".", "-")

// isoDate reports whether s has the shape YYYY-MM-DD.
func isoDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range []byte(s) {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

var tenThousands = strings.NewReplacer("万", "", "亿", "")

// ParseAmount reads an amount in currency cur into minor units: "1,234.50",
// "¥1,234", "$ 99", "12.5万" (ten thousands), "(100)" is refused as negative.
func ParseAmount(s, cur string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	mult := 1.0
	clean := strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9', r == '.', r == '-', r == 'e', r == 'E', r == '+':
			return r
		}
		return -1
	}, tenThousands.Replace(s))
	if strings.Contains(s, "万") {
		mult = 1e4
	} else if strings.Contains(s, "亿") {
		mult = 1e8
	}
	if strings.ContainsAny(s, "()") || strings.HasPrefix(clean, "-") {
		return 0, badCell("negative", map[string]any{"value": s}, "the amount %q is negative", s)
	}
	v, err := strconv.ParseFloat(clean, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, badCell("invalid_number", map[string]any{"value": s}, "%q is not an amount", s)
	}
	minor := v * mult * math.Pow10(money.Scale(cur))
	if minor > 1e17 {
		return 0, badCell("amount_too_large", map[string]any{"value": s}, "the amount %q is too large", s)
	}
	return int64(math.Round(minor)), nil
}

// ParsePercent reads "35", "35%" or a fraction "0.35" as whole percent.
func ParsePercent(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	pct := strings.HasSuffix(s, "%")
	v, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(s, "%")), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, badCell("invalid_number", map[string]any{"value": s}, "%q is not a percentage", s)
	}
	if !pct && v > 0 && v < 1 && strings.Contains(s, ".") {
		v *= 100 // Excel keeps 35 % as 0.35
	}
	if v < 0 || v > 100 {
		return 0, badCell("out_of_range", map[string]any{"min": 0, "max": 100, "value": s}, "%q is not between 0 and 100 %%", s)
	}
	return int(math.Round(v)), nil
}

// ParseInt reads a whole number.
func ParseInt(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != math.Trunc(f) || math.Abs(f) > 1e9 {
		return 0, badCell("invalid_number", map[string]any{"value": s}, "%q is not a whole number", s)
	}
	return int(f), nil
}

// ParseBool reads yes/no in both languages.
func ParseBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "no", "n", "false", "0", "否", "不", "无", "×":
		return false, nil
	case "yes", "y", "true", "1", "是", "有", "√", "✓", "x":
		return true, nil
	}
	return false, badCell("invalid_bool", map[string]any{"value": s}, "%q is neither yes nor no", s)
}

// SplitList splits "a; b, c、d" into its entries.
func SplitList(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool {
		return r == ';' || r == ',' || r == '、' || r == '，' || r == '；' || r == '|' || r == '\n'
	})
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

var (
	countriesOnce sync.Once
	countries     map[string]string // folded name or code -> ISO code
)

func loadCountries() {
	countries = map[string]string{}
	en, zh := display.English.Regions(), display.Chinese.Regions()
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			if !account.ValidCountry(code) {
				continue
			}
			r := language.MustParseRegion(code)
			countries[normHeader(code)] = code
			for _, n := range []string{en.Name(r), zh.Name(r)} {
				if n != "" {
					countries[normHeader(n)] = code
				}
			}
		}
	}
	for name, code := range map[string]string{
		"USA": "US", "United States of America": "US", "U.S.": "US", "America": "US", "美国": "US",
		"UK": "GB", "Great Britain": "GB", "England": "GB", "英国": "GB",
		"中国大陆": "CN", "中华人民共和国": "CN", "Mainland China": "CN", "PRC": "CN", "P.R. China": "CN",
		"香港": "HK", "中国香港": "HK", "澳门": "MO", "中国澳门": "MO", "台湾": "TW", "中国台湾": "TW",
		"Korea": "KR", "South Korea": "KR", "韩国": "KR", "Russia": "RU", "俄罗斯": "RU", "Vietnam": "VN", "越南": "VN",
		"德国": "DE", "法国": "FR", "日本": "JP", "新加坡": "SG", "印度": "IN", "意大利": "IT", "西班牙": "ES", "荷兰": "NL",
	} {
		countries[normHeader(name)] = code
	}
}

// ParseCountry reads an ISO code or a country's English or Chinese name.
func ParseCountry(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	countriesOnce.Do(loadCountries)
	if code, ok := countries[normHeader(s)]; ok {
		return code, nil
	}
	return "", badCell("invalid_country", map[string]any{"value": s}, "%q is not a country Keystone knows (use a name or a code such as CN, DE, US)", s)
}

// CurrencyOf is the currency of a country ("" when none).
func CurrencyOf(country string) string {
	r, err := language.ParseRegion(country)
	if err != nil {
		return ""
	}
	u, ok := currency.FromRegion(r)
	if !ok {
		return ""
	}
	return u.String()
}

// ParseCurrency reads an ISO code or a common name or sign.
func ParseCurrency(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	switch strings.ToUpper(s) {
	case "RMB", "人民币", "元", "¥", "￥":
		return "CNY", nil
	case "$", "US$", "美元":
		return "USD", nil
	case "€", "欧元":
		return "EUR", nil
	case "£", "英镑":
		return "GBP", nil
	case "日元", "円":
		return "JPY", nil
	case "港币", "港元", "HK$":
		return "HKD", nil
	}
	if code := strings.ToUpper(s); money.ValidCurrency(code) {
		return code, nil
	}
	return "", badCell("invalid_currency", map[string]any{"value": s}, "%q is not a currency code (use CNY, EUR, USD…)", s)
}

// enum matches a cell to one of keys through the synonyms of each key
// (the key itself always counts).
func enum(s string, keys []string, synonyms map[string][]string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	n := normHeader(s)
	for _, k := range keys {
		if normHeader(k) == n {
			return k, nil
		}
		for _, syn := range synonyms[k] {
			if normHeader(syn) == n {
				return k, nil
			}
		}
	}
	return "", badCell("unknown_value", map[string]any{"value": s, "allowed": keys}, "%q is not one of %s", s, strings.Join(keys, ", "))
}

var industrySynonyms = map[string][]string{
	"industrial":   {"工业制造", "工业", "制造", "制造业", "Manufacturing", "Machinery", "Industrial Automation", "MACHINERY", "MECHANICAL_OR_INDUSTRIAL_ENGINEERING"},
	"chemical":     {"化工", "化学", "Chemicals", "CHEMICALS"},
	"electronics":  {"电子", "电子电器", "Electronics", "Semiconductors", "CONSUMER_ELECTRONICS", "SEMICONDUCTORS"},
	"logistics":    {"物流", "运输", "Transportation", "Shipping", "LOGISTICS_AND_SUPPLY_CHAIN", "TRANSPORTATION_TRUCKING_RAILROAD"},
	"automotive":   {"汽车", "汽车制造", "Automotive", "AUTOMOTIVE"},
	"energy":       {"能源", "电力", "Energy", "Utilities", "Oil & Gas", "OIL_ENERGY", "UTILITIES", "RENEWABLES_ENVIRONMENT"},
	"healthcare":   {"医疗健康", "医疗", "医药", "Healthcare", "Biotechnology", "Pharmaceuticals", "HOSPITAL_HEALTH_CARE", "PHARMACEUTICALS", "MEDICAL_DEVICES"},
	"food":         {"食品饮料", "食品", "Food & Beverage", "FOOD_BEVERAGES", "FOOD_PRODUCTION"},
	"technology":   {"信息技术", "科技", "技术", "互联网", "软件", "Technology", "Telecommunications", "Software", "COMPUTER_SOFTWARE", "INFORMATION_TECHNOLOGY_AND_SERVICES", "INTERNET", "TELECOMMUNICATIONS"},
	"construction": {"建筑工程", "建筑", "Construction", "Engineering", "CONSTRUCTION", "BUILDING_MATERIALS"},
	"retail":       {"零售", "Retail", "RETAIL", "CONSUMER_GOODS"},
	"other":        {"其他", "Other", "Not For Profit", "Government"},
}

var segmentSynonyms = map[string][]string{
	"enterprise":    {"集团客户", "集团", "Enterprise"},
	"large":         {"大型企业", "Large", "Large enterprise"},
	"mid_market":    {"中型企业", "Mid-market", "Mid market", "SMB"},
	"public_sector": {"公共部门", "政府", "Public sector", "Government"},
}

var roleSynonyms = map[string][]string{
	"economic":   {"经济决策者", "经济买家", "决策者", "Economic buyer", "Decision Maker"},
	"technical":  {"技术把关者", "技术买家", "Technical buyer", "Evaluator"},
	"user":       {"使用者", "用户", "User buyer", "End user"},
	"financial":  {"财务决策者", "财务", "Financial buyer", "Budget holder"},
	"coach":      {"教练", "Champion"},
	"influencer": {"影响者", "Influencer"},
}

var stanceSynonyms = map[string][]string{
	"supporter": {"支持者", "支持", "Support", "Supportive"},
	"neutral":   {"中立"},
	"opponent":  {"反对者", "反对", "Opposed", "Against"},
}

var influenceSynonyms = map[string][]string{
	"high":   {"高", "H"},
	"medium": {"中", "M", "Mid"},
	"low":    {"低", "L"},
}

var activitySynonyms = map[string][]string{
	"visit":     {"拜访", "走访", "Visit", "Site visit", "On-site"},
	"call":      {"电话", "Call", "Phone call", "CALL"},
	"meeting":   {"会议", "会面", "Meeting", "MEETING"},
	"event":     {"活动", "Event"},
	"service":   {"服务", "Service"},
	"complaint": {"投诉", "Complaint"},
}

var outcomeSynonyms = map[string][]string{
	"won":         {"赢单", "赢", "成交", "Won", "Closed Won", "closedwon"},
	"lost":        {"丢单", "输单", "输", "Lost", "Closed Lost", "closedlost"},
	"no_decision": {"无决定", "未决策", "No decision"},
	"withdrawn":   {"撤回", "放弃", "Withdrawn"},
	"invalid":     {"无效", "重复", "Invalid", "Duplicate"},
}

// The usual stage names of other tools, by the Keystone stage they fit
// (Salesforce's standard sales process and HubSpot's default pipeline).
var stageSynonyms = map[string][]string{
	"information":    {"Prospecting", "appointmentscheduled", "Appointment Scheduled", "线索", "初步接触"},
	"qualification":  {"Qualification", "qualifiedtobuy", "Qualified To Buy", "需求确认"},
	"solution":       {"Needs Analysis", "Value Proposition", "presentationscheduled", "Presentation Scheduled", "方案", "方案设计"},
	"recommendation": {"Id. Decision Makers", "Perception Analysis", "decisionmakerboughtin", "Decision Maker Bought-In"},
	"needs":          {},
	"key_person":     {},
	"negotiation":    {"Proposal/Price Quote", "Negotiation/Review", "contractsent", "Contract Sent", "谈判", "商务谈判"},
	"intent":         {"Closed Won", "closedwon", "Closed Lost", "closedlost", "赢单", "丢单"},
}

// closedStage tells the outcome a tool's stage name implies ("" for an open stage).
func closedStage(s string) string {
	switch normHeader(s) {
	case "closedwon", "赢单":
		return "won"
	case "closedlost", "丢单":
		return "lost"
	}
	return ""
}
