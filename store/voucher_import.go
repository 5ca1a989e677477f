package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/transparentcities/nazar/privacy"
	"github.com/transparentcities/nazar/voucher"
)

// VoucherImportResult counts what an import of the vouchers dataset did.
type VoucherImportResult struct {
	New, Changed, StatusChanges, Pushes int
}

// ImportVouchers upserts applications by number in one transaction. A new
// application starts its history; a changed status adds a history row and
// queues, in the same transaction, one push per subscriber (MsgVoucherStatus,
// rendered when it is sent). Importing the same file again changes nothing and pushes nothing.
func (s *Store) ImportVouchers(ctx context.Context, apps []voucher.Application) (VoucherImportResult, error) {
	var res VoucherImportResult
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res = VoucherImportResult{}
		for _, a := range apps {
			if err := s.importVoucher(ctx, tx, a, &res); err != nil {
				return fmt.Errorf("application %s: %w", a.No, err)
			}
		}
		return nil
	})
	return res, err
}

func (s *Store) importVoucher(ctx context.Context, tx *sql.Tx, a voucher.Application, res *VoucherImportResult) error {
	old, found, err := scanVoucher(tx.QueryRowContext(ctx, `SELECT `+voucherCols+`
		FROM voucher_applications WHERE application_no = ?`, a.No))
	if err != nil {
		return err
	}
	st := s.storedVoucher(a)
	if found && sameVoucher(old, st) {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO voucher_applications(`+voucherCols+`, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(application_no) DO UPDATE SET applicant_type = excluded.applicant_type, tax_id = excluded.tax_id,
			tax_id_masked = excluded.tax_id_masked, applicant_name = excluded.applicant_name, category = excluded.category, expenses = excluded.expenses,
			status = excluded.status, status_date = excluded.status_date, approved = excluded.approved,
			comment = excluded.comment, updated_at = excluded.updated_at`,
		st.No, st.Applicant, st.taxHash, st.TaxIDMasked, st.Name, st.Category, st.Expenses, st.Status, voucherDateText(st.StatusDate),
		st.Approved, st.Comment, unix(s.now())); err != nil {
		return err
	}
	if !found {
		res.New++
		_, err := s.addVoucherHistory(ctx, tx, st.Application, "import", 0)
		return err
	}
	res.Changed++
	if old.Status == st.Status {
		return nil
	}
	res.StatusChanges++
	change, err := s.addVoucherHistory(ctx, tx, st.Application, "import", 0)
	if err != nil {
		return err
	}
	n, err := s.voucherPushes(ctx, tx, change)
	res.Pushes += n
	return err
}

// storedVoucher is an imported application as the store keeps it: the tax
// id replaced by its keyed hash and its masked form.
func (s *Store) storedVoucher(a voucher.Application) storedVoucherApp {
	hash := s.hash(hashTax, a.TaxID)
	a.TaxIDMasked, a.TaxID = privacy.MaskTaxID(a.TaxID), ""
	return storedVoucherApp{Application: a, taxHash: hash}
}

// sameVoucher compares applications field by field, dates by their day
// (a parsed date and a stored one may differ in location only).
func sameVoucher(a, b storedVoucherApp) bool {
	da, db := voucherDateText(a.StatusDate), voucherDateText(b.StatusDate)
	a.StatusDate, b.StatusDate = time.Time{}, time.Time{}
	return a == b && da == db
}

// addVoucherHistory records the application's current status as a change.
func (s *Store) addVoucherHistory(ctx context.Context, tx *sql.Tx, a voucher.Application, source string,
	adminID int64) (voucher.StatusChange, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO voucher_history(application_no, status, status_date, comment,
		source, admin_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		a.No, a.Status, voucherDateText(a.StatusDate), a.Comment, source, adminID, unix(s.now()))
	if err != nil {
		return voucher.StatusChange{}, err
	}
	id, err := res.LastInsertId()
	return voucher.StatusChange{ID: id, No: a.No, Status: a.Status, Date: a.StatusDate, Approved: a.Approved,
		Comment: a.Comment}, err
}

// voucherPushes queues the change for every subscriber of its application.
// The key names the application and the history row, so each change pushes
// once to each subscriber however often the producer runs.
func (s *Store) voucherPushes(ctx context.Context, tx *sql.Tx, c voucher.StatusChange) (int, error) {
	rows, err := tx.QueryContext(ctx, `SELECT v.chat_id FROM voucher_subscriptions v
		JOIN users u ON u.id = v.user_id WHERE v.application_no = ? ORDER BY v.user_id`, c.No)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var pushes []Push
	key := c.No + ":" + strconv.FormatInt(c.ID, 10)
	for rows.Next() {
		var chat int64
		if err := rows.Scan(&chat); err != nil {
			return 0, err
		}
		pushes = append(pushes, Push{Kind: "voucher", Key: key, ChatID: chat, Message: MsgVoucherStatus, Args: c})
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
	day time.Time) (voucher.StatusChange, int, error) {
	var change voucher.StatusChange
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
		if change, err = s.addVoucherHistory(ctx, tx, a.Application, "admin", adminID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO audit(admin_id, action, detail, at) VALUES (?, ?, ?, ?)`,
			adminID, "voucher.status", no+" → "+status, unix(s.now())); err != nil {
			return err
		}
		pushed, err = s.voucherPushes(ctx, tx, change)
		return err
	})
	return change, pushed, err
}
