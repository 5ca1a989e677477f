package config

import (
	"math"
	"regexp"
	"time"
)

// VoucherConfig holds the business-voucher programme rules (SPEC §7,
// docs/voucher.md). Amounts are whole hryvnias here; the calculator works
// in kopiykas.
type VoucherConfig struct {
	SharePercent float64  `yaml:"share_percent"` // share of eligible expenses covered, at most two decimals
	CapFopUAH    int64    `yaml:"cap_fop_uah"`   // most a sole proprietor (ФОП) gets
	CapLegalUAH  int64    `yaml:"cap_legal_uah"` // most a legal entity gets
	Categories   []string `yaml:"categories"`    // eligible expense category codes, in display order
	Opens        string   `yaml:"opens"`         // first day applications are accepted, YYYY-MM-DD
	Closes       string   `yaml:"closes"`        // last day applications are accepted, YYYY-MM-DD
}

// voucherCodeRe is the shape of an expense category code (a message id
// suffix: voucher_cat_<code>).
var voucherCodeRe = regexp.MustCompile(`^[a-z][a-z0-9_]{0,23}$`)

// MaxVoucherCapUAH bounds the caps: a city programme for small businesses
// that pays more than ten million per applicant is a typo.
const MaxVoucherCapUAH = 10_000_000

// ShareBasisPoints is share_percent in hundredths of a percent (50 → 5000),
// the integer the calculator multiplies by.
func (v VoucherConfig) ShareBasisPoints() int64 { return int64(math.Round(v.SharePercent * 100)) }

// Window returns the application window's first and last day (zero when
// the dates do not parse; Validate rejects that first).
func (v VoucherConfig) Window() (opens, closes time.Time) {
	opens, _ = time.Parse(time.DateOnly, v.Opens)
	closes, _ = time.Parse(time.DateOnly, v.Closes)
	return opens, closes
}

func (v VoucherConfig) validate(ch checker) {
	ch.floatRange("share_percent", v.SharePercent, 0.01, 100)
	if bp := v.SharePercent * 100; !math.IsNaN(bp) && math.Abs(bp-math.Round(bp)) > 1e-6 {
		ch.add("share_percent", "must have at most two decimals, got %g", v.SharePercent)
	}
	if v.CapFopUAH < 1 || v.CapFopUAH > MaxVoucherCapUAH {
		ch.add("cap_fop_uah", "must be between 1 and %d, got %d", MaxVoucherCapUAH, v.CapFopUAH)
	}
	if v.CapLegalUAH < 1 || v.CapLegalUAH > MaxVoucherCapUAH {
		ch.add("cap_legal_uah", "must be between 1 and %d, got %d", MaxVoucherCapUAH, v.CapLegalUAH)
	}
	if len(v.Categories) == 0 {
		ch.add("categories", "must list at least one category code")
	}
	seen := map[string]bool{}
	for _, code := range v.Categories {
		switch {
		case !voucherCodeRe.MatchString(code):
			ch.add("categories", "%q must be 1-24 characters of a-z 0-9 _, starting with a letter", code)
		case seen[code]:
			ch.add("categories", "duplicate code %q", code)
		}
		seen[code] = true
	}
	opens, errO := time.Parse(time.DateOnly, v.Opens)
	closes, errC := time.Parse(time.DateOnly, v.Closes)
	if errO != nil {
		ch.add("opens", "must be a date YYYY-MM-DD, got %q", v.Opens)
	}
	if errC != nil {
		ch.add("closes", "must be a date YYYY-MM-DD, got %q", v.Closes)
	}
	if errO == nil && errC == nil && closes.Before(opens) {
		ch.add("closes", "must not be before opens (%s), got %s", v.Opens, v.Closes)
	}
}
