package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// VoucherApplication is one business-voucher application. Amounts are in
// kopiykas. TaxID is the applicant's RNOKPP or EDRPOU as given to
// ImportVouchers; the store keeps only its keyed hash and its masked form,
// so an application read back has TaxID "" and TaxIDMasked set.
type VoucherApplication struct {
	No          string
	Applicant   string // fop | legal
	TaxID       string
	TaxIDMasked string // for display: privacy.MaskTaxID of the tax id, e.g. "••••••42"
	taxHash     string
	Name        string
	Category    string
	Expenses    int64
	Status      string
	StatusDate  time.Time // zero when unknown
	Approved    int64
	Comment     string
}

// VoucherChange is one status change of an application, as its history
// records it and as its push tells subscribers.
type VoucherChange struct {
	ID       int64 // history id: the push key's part that makes each change push once
	No       string
	Status   string
	Date     time.Time // zero when unknown
	Approved int64
	Comment  string
}

// VoucherPushText renders the push telling a subscriber about a change, in
// the subscriber's language.
type VoucherPushText func(lang string, c VoucherChange) string

// tax_id holds the keyed hash of the tax id (store/sealed.go), tax_id_masked its masked form.
const voucherCols = `application_no, applicant_type, tax_id, tax_id_masked, applicant_name, category, expenses, status,
	status_date, approved, comment`

// VoucherApplication finds an application by its number and the applicant's
// tax id. A wrong tax id is not found, exactly like an unknown number, so
// that nobody can probe which applications exist.
func (s *Store) VoucherApplication(ctx context.Context, no, taxID string) (VoucherApplication, bool, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+voucherCols+` FROM voucher_applications
		WHERE application_no = ? AND tax_id = ?`, no, s.hash(hashTax, taxID))
	return scanVoucher(row)
}

// VoucherByNumber finds an application by number alone (for admins).
func (s *Store) VoucherByNumber(ctx context.Context, no string) (VoucherApplication, bool, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+voucherCols+` FROM voucher_applications WHERE application_no = ?`, no)
	return scanVoucher(row)
}

type voucherRow interface{ Scan(dest ...any) error }

func scanVoucher(row voucherRow) (VoucherApplication, bool, error) {
	var a VoucherApplication
	var date string
	err := row.Scan(&a.No, &a.Applicant, &a.taxHash, &a.TaxIDMasked, &a.Name, &a.Category, &a.Expenses, &a.Status, &date,
		&a.Approved, &a.Comment)
	if errors.Is(err, sql.ErrNoRows) {
		return VoucherApplication{}, false, nil
	}
	a.StatusDate = voucherDate(date)
	return a, err == nil, err
}

// VoucherHistory lists an application's status changes, oldest first.
func (s *Store) VoucherHistory(ctx context.Context, no string) ([]VoucherChange, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, status, status_date, comment FROM voucher_history
		WHERE application_no = ? ORDER BY id`, no)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []VoucherChange
	for rows.Next() {
		c := VoucherChange{No: no}
		var date string
		if err := rows.Scan(&c.ID, &c.Status, &date, &c.Comment); err != nil {
			return nil, err
		}
		c.Date = voucherDate(date)
		out = append(out, c)
	}
	return out, rows.Err()
}

// SubscribeVoucher makes a user hear about the application's status
// changes; subscribing twice is a no-op.
func (s *Store) SubscribeVoucher(ctx context.Context, userID, chatID int64, no string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO voucher_subscriptions(user_id, chat_id, application_no, created_at)
		VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`, userID, chatID, no, unix(s.now()))
	return err
}

// UnsubscribeVoucher stops the pushes about one application; found is
// false when the user was not subscribed.
func (s *Store) UnsubscribeVoucher(ctx context.Context, userID int64, no string) (bool, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM voucher_subscriptions WHERE user_id = ? AND application_no = ?`,
		userID, no)
	if err != nil {
		return false, err
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

// VoucherSubscriptions lists the application numbers a user follows.
func (s *Store) VoucherSubscriptions(ctx context.Context, userID int64) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT application_no FROM voucher_subscriptions WHERE user_id = ?
		ORDER BY application_no`, userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var no string
		if err := rows.Scan(&no); err != nil {
			return nil, err
		}
		out = append(out, no)
	}
	return out, rows.Err()
}

// voucherDate reads a stored ISO date; empty (unknown) is the zero time.
func voucherDate(s string) time.Time {
	t, _ := time.Parse(time.DateOnly, s)
	return t
}

// voucherDateText stores a date as ISO text, the zero time as "".
func voucherDateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}
