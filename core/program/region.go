package program

import "golang.org/x/text/language"

// Region is a group of countries the roll-ups add up by. Keys are what the
// UI translates; En and Zh are the names for documents made outside the UI.
type Region struct {
	Key string `json:"key"`
	En  string `json:"en"`
	Zh  string `json:"zh"`
}

// Regions in the order roll-ups list them. Greater China comes first: most
// users sell from there. The map follows the UN M49 regions, so every ISO
// 3166 country has exactly one region.
var Regions = []Region{
	{"greater_china", "Greater China", "大中华区"},
	{"asia_pacific", "Asia Pacific", "亚太"},
	{"europe", "Europe", "欧洲"},
	{"north_america", "North America", "北美"},
	{"latin_america", "Latin America", "拉丁美洲"},
	{"middle_east_africa", "Middle East & Africa", "中东和非洲"},
	{"other", "Other", "其他"},
}

var (
	greaterChina = map[string]bool{"CN": true, "HK": true, "MO": true, "TW": true}
	m49          = func(code string) language.Region { return language.MustParseRegion(code) }
	asia         = m49("142")
	westernAsia  = m49("145")
	oceania      = m49("009")
	europe       = m49("150")
	northAmerica = m49("021")
	latinAmerica = m49("419")
	africa       = m49("002")
)

// RegionOf is the region key of an ISO 3166 country code ("other" when unknown).
func RegionOf(country string) string {
	if greaterChina[country] {
		return "greater_china"
	}
	r, err := language.ParseRegion(country)
	if err != nil {
		return "other"
	}
	switch {
	case westernAsia.Contains(r) || africa.Contains(r):
		return "middle_east_africa"
	case asia.Contains(r) || oceania.Contains(r):
		return "asia_pacific"
	case europe.Contains(r):
		return "europe"
	case northAmerica.Contains(r):
		return "north_america"
	case latinAmerica.Contains(r):
		return "latin_america"
	}
	return "other"
}
