package importer

import (
	"slices"
	"strings"

	"github.com/transparentcities/nazar/card"
	"github.com/transparentcities/nazar/csvin"
	"github.com/transparentcities/nazar/voucher"
)

// codeOf reads a coded column: the code itself or one of its Ukrainian
// labels, in any case, with runs of spaces read as one (SPEC §8: labels in
// any case and gender).
func codeOf(row csvin.Row, col string, allowed []string, labels map[string]string) (string, error) {
	v := strings.ToLower(row.Get(col))
	if slices.Contains(allowed, v) {
		return v, nil // the common case, without allocating: millions of rows give the code itself
	}
	if code, ok := labels[strings.Join(strings.Fields(v), " ")]; ok {
		v = code
	}
	if !slices.Contains(allowed, v) {
		return v, row.Errorf(col, "%q is not one of %s", row.Get(col), strings.Join(allowed, ", "))
	}
	return v, nil
}

// cardLabels are the Ukrainian words accepted for card statuses,
// application statuses and operation kinds; a label of another column's
// code is still refused by that column's list.
var cardLabels = map[string]string{
	"активна": card.StatusActive, "активний": card.StatusActive, "діє": card.StatusActive,
	"заблокована": card.StatusBlocked, "заблокований": card.StatusBlocked, "заблоковано": card.StatusBlocked,
	"прострочена": card.StatusExpired, "прострочений": card.StatusExpired, "термін дії минув": card.StatusExpired,

	"подана": card.AppSubmitted, "подано": card.AppSubmitted, "поданий": card.AppSubmitted,
	"у виробництві": card.AppInProduction, "в виробництві": card.AppInProduction,
	"виготовляється": card.AppInProduction,
	"готова":         card.AppReady, "готовий": card.AppReady, "готово": card.AppReady,
	"видана": card.AppIssued, "видано": card.AppIssued, "виданий": card.AppIssued,
	"відхилена": card.AppRejected, "відхилено": card.AppRejected, "відхилений": card.AppRejected,

	"поповнення": "topup", "поїздка": "ride", "проїзд": "ride", "коригування": "correction", "корекція": "correction",
}

// voucherLabels are the Ukrainian words accepted for applicant types and
// voucher statuses.
var voucherLabels = map[string]string{
	"фоп": voucher.FOP, "фізична особа-підприємець": voucher.FOP,
	"юо": voucher.Legal, "юрособа": voucher.Legal, "юридична особа": voucher.Legal,
	"подано": voucher.Submitted, "подана": voucher.Submitted, "на розгляді": voucher.UnderReview,
	"схвалено": voucher.Approved, "схвалена": voucher.Approved, "відхилено": voucher.Rejected,
	"відхилена": voucher.Rejected, "виплачено": voucher.Paid, "виплачена": voucher.Paid,
}
