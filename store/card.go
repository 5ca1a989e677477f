package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/transparentcities/nazar/card"
)

// dateLayout is how card dates are stored: ISO, so they sort as text.
const dateLayout = "2006-01-02"

// CardProvider is the sqlite provider: card data from the imported exports.
// The exports' card numbers and dates of birth are stored as keyed hashes
// (store/sealed.go): the provider only ever looks them up, and a copy of the
// database then does not list the city's cardholders.
func (s *Store) CardProvider() card.Provider { return sqliteCards{s} }

type sqliteCards struct{ s *Store }

// Verify compares the date of birth of the card's holder.
func (p sqliteCards) Verify(ctx context.Context, number string, birth time.Time) error {
	var stored string
	err := p.s.db.QueryRowContext(ctx, `SELECT birth_date FROM card_cards WHERE number = ?`,
		p.s.hash(hashCard, number)).Scan(&stored)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return card.ErrNotFound
	case err != nil:
		return err
	case stored != p.s.birthHash(number, birth.Format(dateLayout)):
		return card.ErrMismatch
	}
	return nil
}

// Card returns a card's balance and status.
func (p sqliteCards) Card(ctx context.Context, number string) (card.Card, error) {
	c := card.Card{Number: number}
	var valid string
	var trips sql.NullInt64
	var updated int64
	err := p.s.db.QueryRowContext(ctx, `SELECT category, status, valid_until, balance, trips_left, pending, updated_at
		FROM card_cards WHERE number = ?`, p.s.hash(hashCard, number)).
		Scan(&c.Category, &c.Status, &valid, &c.Balance, &trips, &c.Pending, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return c, card.ErrNotFound
	}
	if err != nil {
		return c, err
	}
	c.ValidUntil, _ = time.Parse(dateLayout, valid) // zero when empty
	c.HasTrips, c.Trips = trips.Valid, int(trips.Int64)
	c.UpdatedAt = fromUnix(updated)
	return c, nil
}

// Operations returns the newest operations of a card, newest first.
func (p sqliteCards) Operations(ctx context.Context, number string, limit int) ([]card.Operation, error) {
	rows, err := p.s.db.QueryContext(ctx, `SELECT at, kind, amount, trips, place FROM card_operations
		WHERE number = ? ORDER BY at DESC LIMIT ?`, p.s.hash(hashCard, number), limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ops []card.Operation
	for rows.Next() {
		var op card.Operation
		var at int64
		if err := rows.Scan(&at, &op.Kind, &op.Amount, &op.Trips, &op.Place); err != nil {
			return nil, err
		}
		op.At = fromUnix(at)
		ops = append(ops, op)
	}
	return ops, rows.Err()
}

// Application returns an application's status when birth matches.
func (p sqliteCards) Application(ctx context.Context, no string, birth time.Time) (card.Application, error) {
	a := card.Application{No: no}
	var stored, date string
	err := p.s.db.QueryRowContext(ctx, `SELECT birth_date, category, status, status_date, pickup_point, reason
		FROM card_applications WHERE application_no = ?`, no).
		Scan(&stored, &a.Category, &a.Status, &date, &a.PickupPoint, &a.Reason)
	switch {
	case errors.Is(err, sql.ErrNoRows) || (err == nil && stored != p.s.birthHash(no, birth.Format(dateLayout))):
		// A wrong date reads as "not found", so guessing learns nothing.
		return card.Application{}, card.ErrNotFound
	case err != nil:
		return a, err
	}
	a.StatusDate, _ = time.Parse(dateLayout, date)
	return a, nil
}

// CardSet is the set of imported cards, for the operations import to name
// rows of unknown cards.
type CardSet struct {
	s      *Store
	hashes map[string]struct{}
}

// Has reports whether a card number was imported.
func (c CardSet) Has(number string) bool {
	_, ok := c.hashes[c.s.hash(hashCard, number)]
	return ok
}

// Len is the number of imported cards.
func (c CardSet) Len() int { return len(c.hashes) }

// CardNumbers returns the set of imported cards.
func (s *Store) CardNumbers(ctx context.Context) (CardSet, error) {
	set := CardSet{s: s, hashes: map[string]struct{}{}}
	rows, err := s.db.QueryContext(ctx, `SELECT number FROM card_cards`)
	if err != nil {
		return set, err
	}
	defer rows.Close()
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return set, err
		}
		set.hashes[n] = struct{}{}
	}
	return set, rows.Err()
}

func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dateLayout)
}
