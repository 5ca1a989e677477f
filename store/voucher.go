package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/transparentcities/nazar/voucher"
)

// tax_id holds the keyed hash of the tax id (store/sealed.go), tax_id_masked its masked form.
const voucherCols = `application_no, applicant_type, tax_id, tax_id_masked, applicant_name, category, expenses, status,
	status_date, approved, comment`

// VoucherApplication finds an application by its number and the applicant's
// tax id. A wrong tax id is not found, exactly like an unknown number, so
// that nobody can probe which applications exist.
func (s *Store) VoucherApplication(ctx context.Context, no, taxID string) (voucher.Application, bool, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+voucherCols+` FROM voucher_applications
		WHERE application_no = ? AND tax_id = ?`, no, s.hash(hashTax, taxID))
	return scanPublicVoucher(row)
}

// VoucherByNumber finds an application by number alone (for admins).
func (s *Store) VoucherByNumber(ctx context.Context, no string) (voucher.Application, bool, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+voucherCols+` FROM voucher_applications WHERE application_no = ?`, no)
	return scanPublicVoucher(row)
}

type voucherRow interface{ Scan(dest ...any) error }

// storedVoucherApp is an application as its row holds it: with the keyed
// hash of the tax id, which never leaves the store.
type storedVoucherApp struct {
	voucher.Application
	taxHash string
}

// scanPublicVoucher reads an application for the store's callers, without
// the tax id's hash.
func scanPublicVoucher(row voucherRow) (voucher.Application, bool, error) {
	a, found, err := scanVoucher(row)
	return a.Application, found, err
}

func scanVoucher(row voucherRow) (storedVoucherApp, bool, error) {
	var a storedVoucherApp
	var date string
	err := row.Scan(&a.No, &a.Applicant, &a.taxHash, &a.TaxIDMasked, &a.Name, &a.Category, &a.Expenses, &a.Status, &date,
		&a.Approved, &a.Comment)
	if errors.Is(err, sql.ErrNoRows) {
		return storedVoucherApp{}, false, nil
	}
	a.StatusDate = voucherDate(date)
	return a, err == nil, err
}

// VoucherHistory lists an application's status changes, oldest first.
func (s *Store) VoucherHistory(ctx context.Context, no string) ([]voucher.StatusChange, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, status, status_date, comment FROM voucher_history
		WHERE application_no = ? ORDER BY id`, no)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []voucher.StatusChange
	for rows.Next() {
		c := voucher.StatusChange{No: no}
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
