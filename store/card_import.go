package store

import (
	"context"
	"database/sql"
)

// ImportCards upserts cards by number in one transaction and returns how
// many were new or changed.
func (s *Store) ImportCards(ctx context.Context, cards []CardRecord) (int, error) {
	const q = `INSERT INTO card_cards(number, holder_name, birth_date, category, status, valid_until, balance,
		trips_left, pending, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(number) DO UPDATE SET holder_name = excluded.holder_name, birth_date = excluded.birth_date,
			category = excluded.category, status = excluded.status, valid_until = excluded.valid_until,
			balance = excluded.balance, trips_left = excluded.trips_left, pending = excluded.pending,
			updated_at = excluded.updated_at
		WHERE (holder_name, birth_date, category, status, valid_until, balance, trips_left,
			pending, updated_at) IS NOT (excluded.holder_name, excluded.birth_date, excluded.category, excluded.status,
			excluded.valid_until, excluded.balance, excluded.trips_left, excluded.pending, excluded.updated_at)`
	return s.importRows(ctx, q, len(cards), func(i int) []any {
		c := cards[i]
		var trips any
		if c.HasTrips {
			trips = c.Trips
		}
		return []any{c.Number, c.Holder, c.Birth.Format(dateLayout), c.Category, c.Status, dateText(c.ValidUntil),
			c.Balance, trips, c.Pending, unix(c.UpdatedAt)}
	})
}

// ImportCardOperations adds operations, all or none, and returns how many
// were new; an operation already stored (same card, time, kind, amount,
// trips and place) is skipped, so importing a file again changes nothing.
// A large import is built in a scratch database first (card_stage.go) so
// that the bot does not wait for it.
func (s *Store) ImportCardOperations(ctx context.Context, ops []OperationRecord) (int, error) {
	if len(ops) > bigImport {
		return s.importOperationsStaged(ctx, ops)
	}
	return s.insertOperations(ctx, ops)
}

// insertOperations adds operations in one transaction.
func (s *Store) insertOperations(ctx context.Context, ops []OperationRecord) (int, error) {
	const q = `INSERT INTO card_operations(number, at, kind, amount, trips, place) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT DO NOTHING`
	return s.importRows(ctx, q, len(ops), func(i int) []any {
		o := ops[i]
		return []any{o.Number, unix(o.At), o.Kind, o.Amount, o.Trips, o.Place}
	})
}

// ImportCardApplications upserts applications by number in one transaction.
func (s *Store) ImportCardApplications(ctx context.Context, apps []ApplicationRecord) (int, error) {
	const q = `INSERT INTO card_applications(application_no, birth_date, category, status, status_date,
		pickup_point, reason) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(application_no) DO UPDATE SET birth_date = excluded.birth_date, category = excluded.category,
			status = excluded.status, status_date = excluded.status_date, pickup_point = excluded.pickup_point,
			reason = excluded.reason
		WHERE (birth_date, category, status, status_date, pickup_point, reason) IS NOT (excluded.birth_date,
			excluded.category, excluded.status, excluded.status_date, excluded.pickup_point, excluded.reason)`
	return s.importRows(ctx, q, len(apps), func(i int) []any {
		a := apps[i]
		return []any{a.No, a.Birth.Format(dateLayout), a.Category, a.Status, dateText(a.StatusDate),
			a.PickupPoint, a.Reason}
	})
}

// bigImport is the row count above which an import enlarges the page cache.
const bigImport = 50_000

// importRows runs one prepared statement for n rows in one transaction and
// counts the rows it changed.
func (s *Store) importRows(ctx context.Context, query string, n int, args func(i int) []any) (int, error) {
	changed := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		// A large import spills a small page cache to the WAL over and over;
		// a bigger cache for this connection keeps the write in memory
		// until commit, and is put back afterwards.
		if n > bigImport {
			if _, err := tx.ExecContext(ctx, `PRAGMA cache_size = -262144`); err != nil {
				return err
			}
			defer tx.ExecContext(context.WithoutCancel(ctx), `PRAGMA cache_size = -2000`) //nolint:errcheck // best effort
		}
		stmt, err := tx.PrepareContext(ctx, query)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for i := range n {
			res, err := stmt.ExecContext(ctx, args(i)...)
			if err != nil {
				return err
			}
			k, _ := res.RowsAffected()
			changed += int(k)
		}
		return nil
	})
	return changed, err
}
