package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/transparentcities/nazar/privacy"
)

// VoucherImportResult counts what an import of the vouchers dataset did.
type VoucherImportResult struct {
	New, Changed, StatusChanges, Pushes int
}

// ImportVouchers upserts applications by number in one transaction. A new
// application starts its history; a changed status adds a history row and
// queues, in the same transaction, one push per subscriber rendered by
// text. Importing the same file again changes nothing and pushes nothing.
func (s *Store) ImportVouchers(ctx context.Context, apps []VoucherApplication, text VoucherPushText) (VoucherImportResult, error) {
	var res VoucherImportResult
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res = VoucherImportResult{}
		for _, a := range apps {
			if err := s.importVoucher(ctx, tx, a, text, &res); err != nil {
				return fmt.Errorf("application %s: %w", a.No, err)
			}
		}
		return nil
	})
	return res, err
}

func (s *Store) importVoucher(ctx context.Context, tx *sql.Tx, a VoucherApplication, text VoucherPushText,
	res *VoucherImportResult) error {
	old, found, err := scanVoucher(tx.QueryRowContext(ctx, `SELECT `+voucherCols+`
		FROM voucher_applications WHERE application_no = ?`, a.No))
	if err != nil {
		return err
	}
	a = s.storedVoucher(a)
	if found && sameVoucher(old, a) {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO voucher_applications(`+voucherCols+`, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(application_no) DO UPDATE SET applicant_type = excluded.applicant_type, tax_id = excluded.tax_id,
			tax_id_masked = excluded.tax_id_masked, applicant_name = excluded.applicant_name, category = excluded.category, expenses = excluded.expenses,
			status = excluded.status, status_date = excluded.status_date, approved = excluded.approved,
			comment = excluded.comment, updated_at = excluded.updated_at`,
		a.No, a.Applicant, a.taxHash, a.TaxIDMasked, a.Name, a.Category, a.Expenses, a.Status, voucherDateText(a.StatusDate),
		a.Approved, a.Comment, unix(s.now())); err != nil {
		return err
	}
	if !found {
		res.New++
		_, err := s.addVoucherHistory(ctx, tx, a, "import", 0)
		return err
	}
	res.Changed++
	if old.Status == a.Status {
		return nil
	}
	res.StatusChanges++
	change, err := s.addVoucherHistory(ctx, tx, a, "import", 0)
	if err != nil {
		return err
	}
	n, err := s.voucherPushes(ctx, tx, change, text)
	res.Pushes += n
	return err
}

// storedVoucher is an imported application as the store keeps it: the tax
// id replaced by its keyed hash and its masked form.
func (s *Store) storedVoucher(a VoucherApplication) VoucherApplication {
	a.taxHash, a.TaxIDMasked, a.TaxID = s.hash(hashTax, a.TaxID), privacy.MaskTaxID(a.TaxID), ""
	return a
}

// sameVoucher compares applications field by field, dates by their day
// (a parsed date and a stored one may differ in location only).
func sameVoucher(a, b VoucherApplication) bool {
	da, db := voucherDateText(a.StatusDate), voucherDateText(b.StatusDate)
	a.StatusDate, b.StatusDate = time.Time{}, time.Time{}
	return a == b && da == db
}

// addVoucherHistory records the application's current status as a change.
func (s *Store) addVoucherHistory(ctx context.Context, tx *sql.Tx, a VoucherApplication, source string,
	adminID int64) (VoucherChange, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO voucher_history(application_no, status, status_date, comment,
		source, admin_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		a.No, a.Status, voucherDateText(a.StatusDate), a.Comment, source, adminID, unix(s.now()))
	if err != nil {
		return VoucherChange{}, err
	}
	id, err := res.LastInsertId()
	return VoucherChange{ID: id, No: a.No, Status: a.Status, Date: a.StatusDate, Approved: a.Approved,
		Comment: a.Comment}, err
}

// voucherPushes queues the change for every subscriber of its application.
// The key names the application and the history row, so each change pushes
// once to each subscriber however often the producer runs.
func (s *Store) voucherPushes(ctx context.Context, tx *sql.Tx, c VoucherChange, text VoucherPushText) (int, error) {
	if text == nil {
		return 0, errors.New("voucher pushes need a text renderer")
	}
	rows, err := tx.QueryContext(ctx, `SELECT v.chat_id, u.language FROM voucher_subscriptions v
		JOIN users u ON u.id = v.user_id WHERE v.application_no = ? ORDER BY v.user_id`, c.No)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var pushes []Push
	key := c.No + ":" + strconv.FormatInt(c.ID, 10)
	for rows.Next() {
		var chat int64
		var lang string
		if err := rows.Scan(&chat, &lang); err != nil {
			return 0, err
		}
		pushes = append(pushes, Push{Kind: "voucher", Key: key, ChatID: chat, Text: text(lang, c)})
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	rows.Close()
	return s.enqueueTx(ctx, tx, pushes)
}

// ErrVoucherStatusSame: an admin picked the status the application has.
var ErrVoucherStatusSame = errors.New("the application already has this status")

// ErrVoucherNotFound: no application with that number.
var ErrVoucherNotFound = errors.New("no such application")

// SetVoucherStatus is an admin's status change: the application, its
// history, the audit entry and the subscribers' pushes commit together.
// approved, when positive, replaces the approved amount.
func (s *Store) SetVoucherStatus(ctx context.Context, adminID int64, no, status, comment string, approved int64,
	day time.Time, text VoucherPushText) (VoucherChange, int, error) {
	var change VoucherChange
	var pushed int
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		a, found, err := scanVoucher(tx.QueryRowContext(ctx, `SELECT `+voucherCols+`
			FROM voucher_applications WHERE application_no = ?`, no))
		switch {
		case err != nil:
			return err
		case !found:
			return ErrVoucherNotFound
		case a.Status == status:
			return ErrVoucherStatusSame
		}
		a.Status, a.Comment, a.StatusDate = status, comment, day
		if approved > 0 {
			a.Approved = approved
		}
		if _, err := tx.ExecContext(ctx, `UPDATE voucher_applications SET status = ?, status_date = ?, comment = ?,
			approved = ?, updated_at = ? WHERE application_no = ?`,
			a.Status, voucherDateText(day), a.Comment, a.Approved, unix(s.now()), no); err != nil {
			return err
		}
		if change, err = s.addVoucherHistory(ctx, tx, a, "admin", adminID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO audit(admin_id, action, detail, at) VALUES (?, ?, ?, ?)`,
			adminID, "voucher.status", no+" → "+status, unix(s.now())); err != nil {
			return err
		}
		pushed, err = s.voucherPushes(ctx, tx, change, text)
		return err
	})
	return change, pushed, err
}
