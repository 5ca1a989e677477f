package handlers

import (
	"errors"

	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/money"
	"github.com/transparentcities/nazar/voucher"
)

// calcType takes the applicant type and asks for the expenses.
func (v *Voucher) calcType(req *Request) Response {
	t := req.Callback.Data.Arg(0)
	if applicantIDs[t] == "" {
		return Response{Answer: StaleButton(req.L)}
	}
	return Response{Next: Step(convVoucher, "exp", map[string]string{"type": t}), Replies: []Reply{{
		Text: req.L.T("voucher_calc_ask_expenses", map[string]any{"Applicant": req.L.T(applicantIDs[t])}), Edit: true}}}
}

// moneyErrorIDs say what is wrong with a typed amount.
var moneyErrorIDs = map[error]string{
	money.ErrEmpty:     locales.ID("voucher_amount_empty"),
	money.ErrSyntax:    locales.ID("voucher_amount_syntax"),
	money.ErrNegative:  locales.ID("voucher_amount_negative"),
	money.ErrZero:      locales.ID("voucher_amount_zero"),
	money.ErrPrecision: locales.ID("voucher_amount_precision"),
	money.ErrTooLarge:  locales.ID("voucher_amount_too_large"),
}

// moneyError is the localized reason an amount was refused.
func moneyError(l *locales.Localizer, err error) string {
	for e, id := range moneyErrorIDs {
		if errors.Is(err, e) {
			return l.T(id, map[string]any{"Max": l.Money(money.Max)})
		}
	}
	return l.T("voucher_amount_syntax")
}

// calcExpenses reads the expenses and shows the voucher, the own part and
// which rule decided.
func (v *Voucher) calcExpenses(req *Request) Response {
	t := req.Conv.Data["type"]
	expenses, err := money.Parse(req.Text)
	if err != nil {
		return Response{Next: req.Conv, Replies: []Reply{{Text: moneyError(req.L, err)}}}
	}
	res, err := voucher.Calculate(v.Rules, t, expenses)
	if err != nil { // an applicant type from an older version of the bot
		return WithMenu(req.L, req.L.T("conv_expired"))
	}
	return Response{Replies: []Reply{{Text: voucherResultText(req.L, t, v.Rules.ShareBP, res), Buttons: [][]Button{{
		vcNS.Button(req.L, "voucher_btn_calc_again", vcCalc), vcNS.Button(req.L, "voucher_btn_status", vcStatus),
	}}}}}
}

// voucherResultText explains a calculation line by line.
func voucherResultText(l *locales.Localizer, applicant string, bp int64, r voucher.Result) string {
	rule := locales.ID("voucher_calc_rule_share")
	if r.Rule == voucher.RuleCap {
		rule = locales.ID("voucher_calc_rule_cap")
	}
	data := map[string]any{
		"Applicant": l.T(applicantIDs[applicant]),
		"Expenses":  l.Money(r.Expenses),
		"Share":     voucherShare(l, bp),
		"ShareSum":  l.Money(r.Share),
		"Cap":       l.Money(r.Cap),
		"Voucher":   l.Money(r.Voucher),
		"Own":       l.Money(r.Own),
	}
	return l.T("voucher_calc_result", data) + "\n" + l.T(rule, data)
}
