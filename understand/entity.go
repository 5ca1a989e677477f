package understand

// Entity kinds.
const (
	KindDeputy     = "deputy"      // Value: the name words to search; IDs: the deputies
	KindCategory   = "category"    // Value: a category id
	KindEDRPOU     = "edrpou"      // Value: 8 digits; Valid: the check digit is right
	KindCardNumber = "card_number" // Value: the digits (Luhn-valid)
	KindAppNumber  = "app_number"  // Value: upper-cased ("LV-2026-000123")
	KindWords      = "words"       // Value: words to search (decisions, business names)
)

// Entity is the thing an intent acts on.
type Entity struct {
	Kind  string
	Value string
	IDs   []int64
	Valid bool
}

// Intents whose entity comes from the message, not from trigger words.
const (
	IntentDeputy      = "council.deputy"
	IntentDecisions   = "council.decisions"
	IntentCategory    = "business.category"
	IntentNear        = "business.near"
	IntentSearch      = "business.search"
	IntentEDRPOU      = "business.edrpou"
	IntentCardLink    = "card.link"
	IntentCardReady   = "card.ready"
	IntentVoucherStat = "voucher.status"
)
