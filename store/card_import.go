package store

import (
	"context"
	"database/sql"
	"slices"
	"strings"

	"github.com/transparentcities/nazar/card"
)

// ImportCards upserts cards by number in one transaction and returns how
// many were new or changed. Numbers and dates of birth are stored as keyed
// hashes (see CardProvider). A large import goes through a scratch
// database (cards_stage.go) so that the bot does not wait for it.
func (s *Store) ImportCards(ctx context.Context, cards []card.Record) (int, error) {
	const q = `INSERT INTO card_cards(number, holder_name, birth_date, category, status, valid_until, balance,
		trips_left, pending, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(number) DO UPDATE SET holder_name = excluded.holder_name, birth_date = excluded.birth_date,
			category = excluded.category, status = excluded.status, valid_until = excluded.valid_until,
			balance = excluded.balance, trips_left = excluded.trips_left, pending = excluded.pending,
			updated_at = excluded.updated_at
		WHERE (holder_name, birth_date, category, status, valid_until, balance, trips_left,
			pending, updated_at) IS NOT (excluded.holder_name, excluded.birth_date, excluded.category, excluded.status,
			excluded.valid_until, excluded.balance, excluded.trips_left, excluded.pending, excluded.updated_at)`
	keys := make([]string, len(cards))
	for i, c := range cards {
		keys[i] = s.hash(hashCard, c.Number)
	}
	order := keyOrder(keys, nil)
	row := func(i int) []any {
		k := order[i]
		c := cards[k]
		var trips any
		if c.HasTrips {
			trips = c.Trips
		}
		birth := s.birthHash(c.Number, c.Birth.Format(dateLayout))
		return []any{keys[k], c.Holder, birth, c.Category, c.Status, dateText(c.ValidUntil),
			c.Balance, trips, c.Pending, unix(c.UpdatedAt)}
	}
	if len(cards) > stagedKeyed && !repeatsKey(len(cards), func(i int) string { return keys[order[i]] }) {
		return s.importKeyedStaged(ctx, keyedImport{table: "card_cards", key: "number", cols: cardColumns,
			n: len(cards), row: driverRow(row)})
	}
	return s.importRows(ctx, q, len(cards), row)
}

// ImportCardOperations adds operations, all or none, and returns how many
// were new; an operation already stored (same card, time, kind, amount,
// trips and place) is skipped, so importing a file again changes nothing.
// Card numbers are stored as keyed hashes. A large import is built in a
// scratch database first (card_stage.go) so that the bot does not wait for
// it.
func (s *Store) ImportCardOperations(ctx context.Context, ops []card.OperationRecord) (int, error) {
	h := s.hashOperations(ops)
	if len(ops) > bigImport {
		return s.importOperationsStaged(ctx, h)
	}
	return s.insertOperations(ctx, h)
}

// hashedOperations are operations with each card number's keyed hash, in
// the order to write them (see keyOrder).
type hashedOperations struct {
	ops   []card.OperationRecord
	keys  []string // keys[i] is the hash of ops[i].Number
	order []int
}

// row is the i-th operation to write, as card_operations stores it.
func (h hashedOperations) row(i int, args []any) []any {
	k := h.order[i]
	o := h.ops[k]
	return append(args, h.keys[k], unix(o.At), o.Kind, o.Amount, int64(o.Trips), o.Place)
}

func (s *Store) hashOperations(ops []card.OperationRecord) hashedOperations {
	hashes := map[string]string{} // a card has many operations: hash each number once
	keys := make([]string, len(ops))
	for i, o := range ops {
		h, ok := hashes[o.Number]
		if !ok {
			h = s.hash(hashCard, o.Number)
			hashes[o.Number] = h
		}
		keys[i] = h
	}
	order := keyOrder(keys, func(a, b int) int { return ops[a].At.Compare(ops[b].At) })
	return hashedOperations{ops: ops, keys: keys, order: order}
}

// insertOperations adds operations in one transaction.
func (s *Store) insertOperations(ctx context.Context, h hashedOperations) (int, error) {
	const q = `INSERT INTO card_operations(number, at, kind, amount, trips, place) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT DO NOTHING`
	return s.importRows(ctx, q, len(h.ops), func(i int) []any { return h.row(i, make([]any, 0, 6)) })
}

// keyOrder returns the row indices ordered by their keyed hash, then by
// then (when not nil), keeping file order among equals (the last of a
// repeated card still wins). Rows written in key order fill the table's
// B-tree from left to right; in file order the random hashes would split
// pages all over it (an import of 200,000 cards took four times as long).
func keyOrder(keys []string, then func(a, b int) int) []int {
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if c := strings.Compare(keys[a], keys[b]); c != 0 || then == nil {
			return c
		}
		return then(a, b)
	})
	return order
}

// ImportCardApplications upserts applications by number in one transaction
// (a large import as ImportCards does).
func (s *Store) ImportCardApplications(ctx context.Context, apps []card.ApplicationRecord) (int, error) {
	const q = `INSERT INTO card_applications(application_no, birth_date, category, status, status_date,
		pickup_point, reason) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(application_no) DO UPDATE SET birth_date = excluded.birth_date, category = excluded.category,
			status = excluded.status, status_date = excluded.status_date, pickup_point = excluded.pickup_point,
			reason = excluded.reason
		WHERE (birth_date, category, status, status_date, pickup_point, reason) IS NOT (excluded.birth_date,
			excluded.category, excluded.status, excluded.status_date, excluded.pickup_point, excluded.reason)`
	row := func(i int) []any {
		a := apps[i]
		return []any{a.No, s.birthHash(a.No, a.Birth.Format(dateLayout)), a.Category, a.Status, dateText(a.StatusDate),
			a.PickupPoint, a.Reason}
	}
	if len(apps) > stagedKeyed && !repeatsKey(len(apps), func(i int) string { return apps[i].No }) {
		return s.importKeyedStaged(ctx, keyedImport{table: "card_applications", key: "application_no",
			cols: applicationColumns, n: len(apps), row: driverRow(row)})
	}
	return s.importRows(ctx, q, len(apps), row)
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
