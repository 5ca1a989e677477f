package importer

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/transparentcities/nazar/csvin"
	kop "github.com/transparentcities/nazar/money" // "money" is a helper of this package
	"github.com/transparentcities/nazar/privacy"
	"github.com/transparentcities/nazar/taxid"
	"github.com/transparentcities/nazar/voucher"
)

var _ = register("vouchers", importVouchers)

var voucherColumns = []string{"application_no", "applicant_type", "tax_id", "applicant_name", "category",
	"expenses_uah", "status", "status_date", "approved_uah", "comment"}

// importVouchers loads business-voucher applications (SPEC §8 vouchers).
// A changed status is pushed to the users who checked the application, in
// the import's transaction, once per change.
func importVouchers(ctx context.Context, env Env, path string) (Summary, error) {
	f, err := openFile(env, path)
	if err != nil {
		return Summary{}, err
	}
	if err := f.Require("application_no", "applicant_type", "tax_id", "expenses_uah", "status"); err != nil {
		return Summary{}, err
	}
	f.Known(voucherColumns...)
	apps, err := readVouchers(f, env.Config.Voucher.Categories)
	if err != nil {
		return Summary{}, err
	}
	res, err := env.Store.ImportVouchers(ctx, apps)
	if err != nil {
		return Summary{}, err
	}
	var sum Summary
	sum.Rows = len(apps)
	sum.Addf("%s read, %d new, %d changed, %s, %s queued", Count(len(apps), "application", "applications"),
		res.New, res.Changed, Count(res.StatusChanges, "status change", "status changes"),
		Count(res.Pushes, "status message", "status messages"))
	noteFile(f, &sum)
	return sum, nil
}

// readVouchers parses every row, collecting up to csvin.MaxErrors problems;
// an application number twice in one file is one of them.
func readVouchers(f *csvin.File, categories []string) ([]voucher.Application, error) {
	return rows[voucher.Application]{
		parse:    func(row csvin.Row) (voucher.Application, error) { return parseVoucher(row, categories) },
		id:       func(a voucher.Application) string { return a.No },
		idColumn: "application_no",
	}.read(f)
}

func parseVoucher(row csvin.Row, categories []string) (voucher.Application, error) {
	var a voucher.Application
	var err error
	var ok bool
	if a.No, ok = voucher.NormalizeNumber(row.Get("application_no")); !ok {
		return a, row.Errorf("application_no", "%q is not 3-32 letters, digits, dashes or slashes", row.Get("application_no"))
	}
	if a.Applicant, err = codeOf(row, "applicant_type", voucher.ApplicantTypes, voucherLabels); err != nil {
		return a, err
	}
	if a.TaxID, err = voucherTaxID(row, a.Applicant); err != nil {
		return a, err
	}
	a.Name, a.Comment = row.Get("applicant_name"), row.Get("comment")
	if a.Category = strings.ToLower(row.Get("category")); a.Category != "" && !slices.Contains(categories, a.Category) {
		return a, row.Errorf("category", "%q is not one of voucher.categories (%s)", row.Get("category"),
			strings.Join(categories, ", "))
	}
	if a.Expenses, err = voucherAmount(row, "expenses_uah", false); err != nil {
		return a, err
	}
	if a.Status, err = codeOf(row, "status", voucher.Statuses, voucherLabels); err != nil {
		return a, err
	}
	if d := row.Get("status_date"); d != "" {
		if a.StatusDate, err = csvin.ParseDate(d); err != nil {
			return a, row.Errorf("status_date", "%v", err)
		}
	}
	if a.Approved, err = voucherAmount(row, "approved_uah", true); err != nil {
		return a, err
	}
	switch {
	case a.Approved > a.Expenses:
		return a, row.Errorf("approved_uah", "is more than expenses_uah")
	case a.Approved == 0 && voucher.CarriesAmount(a.Status):
		return a, row.Errorf("approved_uah", "an %s application needs the approved amount", a.Status)
	}
	return a, nil
}

// voucherTaxID checks the tax id's checksum and kind; the value is never
// echoed in full (errors end up in terminals and logs).
func voucherTaxID(row csvin.Row, applicant string) (string, error) {
	id, err := voucher.CheckTaxID(applicant, row.Get("tax_id"))
	masked := privacy.MaskTaxID(id)
	switch {
	case errors.Is(err, voucher.ErrWrongKind):
		return id, row.Errorf("tax_id", "%s is the wrong kind for applicant_type %s (fop: RNOKPP, 10 digits; legal: EDRPOU, 8 digits)",
			masked, applicant)
	case errors.Is(err, taxid.ErrChecksum):
		return id, row.Errorf("tax_id", "%s: the check digit does not match", masked)
	case err != nil:
		return id, row.Errorf("tax_id", "%v (value not shown)", err)
	}
	return id, nil
}

// voucherAmount reads UAH as people write them ("12 500,50") into kopiykas.
func voucherAmount(row csvin.Row, col string, optional bool) (int64, error) {
	if row.Get(col) == "" && optional {
		return 0, nil
	}
	v, err := kop.Parse(row.Get(col))
	if err != nil {
		return 0, row.Errorf(col, "%q: %v", row.Get(col), err)
	}
	return v, nil
}
