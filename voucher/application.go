package voucher

import "time"

// Application is one business-voucher application. Amounts are in
// kopiykas. TaxID is the applicant's RNOKPP or EDRPOU as given to the
// store's ImportVouchers; the store keeps only its keyed hash and its masked
// form, so an application read back has TaxID "" and TaxIDMasked set.
type Application struct {
	No          string
	Applicant   string // fop | legal
	TaxID       string
	TaxIDMasked string // for display: privacy.MaskTaxID of the tax id, e.g. "••••••42"
	Name        string
	Category    string
	Expenses    int64
	Status      string
	StatusDate  time.Time // zero when unknown
	Approved    int64
	Comment     string
}

// StatusChange is one status change of an application, as its history
// records it and as its push tells subscribers.
type StatusChange struct {
	ID       int64 // history id: the push key's part that makes each change push once
	No       string
	Status   string
	Date     time.Time // zero when unknown
	Approved int64
	Comment  string
}
