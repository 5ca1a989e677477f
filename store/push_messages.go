package store

import "time"

// The messages a push can carry as data (Push.Message), each with the type
// of its arguments (Push.Args). The sender renders them in the recipient's
// language when it sends them (handlers/pushes.go holds one renderer per
// message; a test checks that every message here has one). Producers — the
// importer, the store's own import transactions, the card alert check —
// only fill in the arguments: none of them renders text.
const (
	MsgVoucherStatus = "voucher_status" // voucher.StatusChange: an application's status changed
	MsgCouncilFollow = "council_follow" // council.News: new votes of a followed deputy
	MsgCardLow       = "card_low"       // CardLowArgs: a linked card's balance fell below the threshold
	MsgCardExpiry    = "card_expiry"    // CardExpiryArgs: a linked card expires soon
	MsgCardRejected  = "card_rejected"  // CardApplicationArgs: a watched application was rejected
	MsgCardReady     = "card_ready"     // CardApplicationArgs: a watched application is ready for pick-up
)

// PushMessages lists every message above.
var PushMessages = []string{MsgVoucherStatus, MsgCouncilFollow, MsgCardLow, MsgCardExpiry, MsgCardRejected,
	MsgCardReady}

// CardLowArgs are the arguments of MsgCardLow. Card is already masked.
type CardLowArgs struct {
	Card               string
	Balance, Threshold int64 // kopiykas
}

// CardExpiryArgs are the arguments of MsgCardExpiry. Card is already masked;
// Days is how many days the card had left on the day the alert was due (0 or
// less: it expires that day).
type CardExpiryArgs struct {
	Card       string
	ValidUntil time.Time
	Days       int
}

// CardApplicationArgs are the arguments of MsgCardRejected and MsgCardReady:
// the application, the reason of a rejection, and the pick-up point's code
// (its name is looked up in the recipient's language when it is rendered).
type CardApplicationArgs struct {
	No     string
	Reason string `json:",omitempty"`
	Point  string `json:",omitempty"`
}
