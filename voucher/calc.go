// Package voucher holds the business-voucher programme (SPEC §7) as pure
// functions: the rules, the calculator, application statuses and their
// timeline, and the checks of what an applicant types. No I/O.
package voucher

import (
	"errors"
	"time"

	"github.com/transparentcities/nazar/money"
)

// Applicant types, as in the vouchers dataset (SPEC §8).
const (
	FOP   = "fop"   // sole proprietor (ФОП), files under an RNOKPP
	Legal = "legal" // legal entity, identified by its EDRPOU
)

// ApplicantTypes lists the applicant types in the order they are offered.
var ApplicantTypes = []string{FOP, Legal}

// Rules are the programme rules from configuration.
type Rules struct {
	ShareBP    int64            // share of expenses in basis points: 5000 = 50 %
	Caps       map[string]int64 // kopiykas, by applicant type
	Categories []string         // eligible expense category codes
	Opens      time.Time        // first day applications are accepted (a date)
	Closes     time.Time        // last day applications are accepted (a date)
}

// Rule names which limit decided a voucher.
type Rule int

const (
	// RuleShare: the voucher is the share of the expenses.
	RuleShare Rule = iota
	// RuleCap: the share reached the cap of the applicant type, so the cap is paid.
	RuleCap
)

// Result is one calculation; all amounts in kopiykas.
type Result struct {
	Expenses int64
	Share    int64 // share × expenses, rounded to the kopiyka
	Cap      int64 // the cap of the applicant type
	Voucher  int64 // min(Share, Cap)
	Own      int64 // Expenses − Voucher: what the applicant pays
	Rule     Rule
}

// Errors of Calculate.
var (
	ErrApplicantType = errors.New("unknown applicant type")
	ErrExpenses      = errors.New("expenses must be positive and at most money.Max")
)

// Calculate computes the voucher for expenses (kopiykas) of an applicant
// type: min(share × expenses, cap), the share rounded half up to the
// kopiyka (see ShareOf), and the applicant's own part. When the share
// equals or exceeds the cap the cap is what applies (Rule = RuleCap).
func Calculate(r Rules, applicant string, expenses int64) (Result, error) {
	limit, ok := r.Caps[applicant]
	if !ok {
		return Result{}, ErrApplicantType
	}
	if expenses <= 0 || expenses > money.Max {
		return Result{}, ErrExpenses
	}
	res := Result{Expenses: expenses, Share: ShareOf(expenses, r.ShareBP), Cap: limit}
	res.Voucher, res.Rule = res.Share, RuleShare
	if res.Share >= limit {
		res.Voucher, res.Rule = limit, RuleCap
	}
	res.Own = expenses - res.Voucher
	return res, nil
}

// ShareOf is expenses × bp / 10 000 rounded to the nearest kopiyka, a half
// kopiyka up (the usual accounting rule): 50 % of 0,01 грн is 0,01 грн and
// 50 % of 100 000,01 грн is 50 000,01 грн. Exact integer arithmetic: with
// expenses ≤ money.Max (10¹¹) and bp ≤ 10 000 the product stays below 2⁶³.
func ShareOf(expenses, bp int64) int64 {
	return (expenses*bp + 5000) / 10000
}

// WindowState says where a day is relative to the application window.
type WindowState int

const (
	WindowNotYet WindowState = iota // before the first day
	WindowOpen                      // applications are accepted
	WindowClosed                    // after the last day
)

// Window tells whether applications are accepted on the calendar day of
// now (taken in now's own location: convert to the city's zone first).
func (r Rules) Window(now time.Time) WindowState {
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	opens := time.Date(r.Opens.Year(), r.Opens.Month(), r.Opens.Day(), 0, 0, 0, 0, time.UTC)
	closes := time.Date(r.Closes.Year(), r.Closes.Month(), r.Closes.Day(), 0, 0, 0, 0, time.UTC)
	switch {
	case day.Before(opens):
		return WindowNotYet
	case day.After(closes):
		return WindowClosed
	}
	return WindowOpen
}

// Eligible reports whether a category code is one the programme covers.
func (r Rules) Eligible(category string) bool {
	for _, c := range r.Categories {
		if c == category {
			return true
		}
	}
	return false
}
