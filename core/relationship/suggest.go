package relationship

import (
	"math"

	"keystone/core/account"
)

// Indicator names of a suggestion's signals.
const (
	SignalContacts    = "contacts"          // how many people in how many departments: bow-tie → diamond
	SignalShare       = "share_of_wallet"   // this year's share of wallet
	SignalSupplier    = "supplier_status"   // none / approved / preferred / sole
	SignalInformation = "information"       // information shared
	SignalPlanning    = "joint_planning"    // joint planning
	SignalPricing     = "pricing"           // price-driven → value-based
	SignalDecline     = "phase_decline"     // warning: the lifecycle is in decline
	SignalShareFall   = "share_falling"     // warning: share of wallet fell by a third or more
	SignalPriceBack   = "price_driven_deep" // warning: price-driven again at partnership or beyond
)

// Contact shapes.
const (
	BowTie  = "bow_tie" // one or two people, one function: all goes through the buyer
	Growing = "growing" // links into a second function
	Diamond = "diamond" // many peer-to-peer links across functions
)

// Signal is one indicator and the stage it points to.
type Signal struct {
	Indicator string  `json:"indicator"`
	Value     string  `json:"value"`  // the enumerated value, or the contact shape
	Number    float64 `json:"number"` // contacts, or share of wallet in percent
	Extra     int     `json:"extra"`  // departments, for the contacts signal
	Stage     string  `json:"stage"`  // the stage it points to; "" for warnings
}

// Suggestion is the stage Keystone suggests and why.
type Suggestion struct {
	Stage    string   `json:"stage"` // "" when too little is known
	Signals  []Signal `json:"signals"`
	Warnings []Signal `json:"warnings"` // uncoupling signs
	// Differs is true when a confirmed stage exists and the suggestion is another.
	Differs bool `json:"differs"`
}

// Evidence is what the suggestion reads.
type Evidence struct {
	Profile  Profile
	Contacts []account.Contact
	// Share and PrevShare are this and last year's share of wallet in percent.
	Share, PrevShare           float64
	ShareKnown, PrevShareKnown bool
}

// minSignals is how many indicators a suggestion needs.
const minSignals = 2

// Suggest proposes a development stage from the indicators of DOMAIN.md
// §3: each known indicator points to a stage (share of wallet by the
// settings' cuts), the suggestion is their mean, rounded half down; two or
// more uncoupling signs suggest uncoupling instead.
func Suggest(e Evidence, set Settings) Suggestion {
	s := Suggestion{Signals: []Signal{}, Warnings: []Signal{}}
	if sig, ok := contactSignal(e.Contacts); ok {
		s.Signals = append(s.Signals, sig)
	}
	if e.ShareKnown {
		r := 0
		for r < len(set.ShareCuts) && e.Share >= set.ShareCuts[r] {
			r++
		}
		s.Signals = append(s.Signals, Signal{Indicator: SignalShare, Number: round1(e.Share), Stage: Stages[r]})
	}
	ind := e.Profile.Indicators
	for _, x := range []struct {
		name, v string
		list    []string
		ranks   []int
	}{
		{SignalSupplier, ind.SupplierStatus, SupplierStatuses, []int{0, 1, 2, 3}},
		{SignalInformation, ind.InformationShared, InformationLevels, []int{0, 1, 3, 4}},
		{SignalPlanning, ind.JointPlanning, PlanningLevels, []int{0, 2, 3, 4}},
		{SignalPricing, ind.PricingBasis, PricingBases, []int{1, 2, 3, 4}},
	} {
		if i := index(x.list, x.v); i >= 0 {
			s.Signals = append(s.Signals, Signal{Indicator: x.name, Value: x.v, Stage: Stages[x.ranks[i]]})
		}
	}

	if e.Profile.Phase == "decline" {
		s.Warnings = append(s.Warnings, Signal{Indicator: SignalDecline, Value: "decline"})
	}
	if e.ShareKnown && e.PrevShareKnown && e.PrevShare > 0 && e.Share <= e.PrevShare*2/3 {
		s.Warnings = append(s.Warnings, Signal{Indicator: SignalShareFall, Number: round1(e.Share), Extra: int(math.Round(e.PrevShare))})
	}
	if ind.PricingBasis == "price_driven" && Rank(e.Profile.Stage) >= Rank(Partnership) {
		s.Warnings = append(s.Warnings, Signal{Indicator: SignalPriceBack, Value: e.Profile.Stage})
	}

	switch {
	case len(s.Warnings) >= 2:
		s.Stage = Uncoupling
	case len(s.Signals) >= minSignals:
		sum := 0
		for _, sig := range s.Signals {
			sum += Rank(sig.Stage)
		}
		// a tie between two stages goes to the lower: a stage is not to be overclaimed
		s.Stage = Stages[int(math.Ceil(float64(sum)/float64(len(s.Signals))-0.5))]
	}
	s.Differs = e.Profile.Stage != "" && s.Stage != "" && s.Stage != e.Profile.Stage
	return s
}

// contactSignal reads the shape of the decision chain: the people still at
// the customer that we have at least made contact with, and their functions.
func contactSignal(contacts []account.Contact) (Signal, bool) {
	n, deps := 0, map[string]bool{}
	for _, c := range contacts {
		if c.Deleted() || c.Left || c.RelationshipLevel < 1 {
			continue
		}
		n++
		if c.Department != "" {
			deps[c.Department] = true
		}
	}
	if len(contacts) == 0 {
		return Signal{}, false
	}
	d := len(deps)
	sig := Signal{Indicator: SignalContacts, Number: float64(n), Extra: d}
	switch {
	case n <= 1:
		sig.Value, sig.Stage = BowTie, PreKAM
	case n <= 3 || d <= 1:
		sig.Value, sig.Stage = BowTie, Early
	case d == 2:
		sig.Value, sig.Stage = Growing, Mid
	case d >= 5 && n >= 8:
		sig.Value, sig.Stage = Diamond, Synergistic
	default:
		sig.Value, sig.Stage = Diamond, Partnership
	}
	return sig, true
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }
