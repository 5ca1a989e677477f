package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"time"
)

// Digest is one digest built and queued.
type Digest struct {
	ID         int64
	From, To   time.Time
	Items      int
	Recipients int
	CreatedAt  time.Time
	Cancelled  bool
}

// LastDigest returns the newest digest; found is false before the first.
func (s *Store) LastDigest(ctx context.Context) (Digest, bool, error) {
	var d Digest
	var from, to, created int64
	err := s.db.QueryRowContext(ctx, `SELECT id, period_from, period_to, items, recipients, created_at, cancelled
		FROM digests ORDER BY id DESC LIMIT 1`).Scan(&d.ID, &from, &to, &d.Items, &d.Recipients, &created, &d.Cancelled)
	if errors.Is(err, sql.ErrNoRows) {
		return Digest{}, false, nil
	}
	d.From, d.To, d.CreatedAt = fromUnix(from), fromUnix(to), fromUnix(created)
	return d, err == nil, err
}

// DigestKey is the outbox key of a digest.
func DigestKey(id int64) string { return strconv.FormatInt(id, 10) }

// QueueDigest records a digest covering (from, to] and enqueues one push per
// recipient, all in one transaction: a crash leaves either the whole digest
// queued or none of it. pushes gets the new digest's outbox key.
func (s *Store) QueueDigest(ctx context.Context, from, to time.Time, items int,
	pushes func(key string) ([]Push, error)) (Digest, error) {
	d := Digest{From: from, To: to, Items: items, CreatedAt: s.now()}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO digests(period_from, period_to, items, recipients, created_at)
			VALUES (?, ?, ?, 0, ?)`, unix(from), unix(to), items, unix(d.CreatedAt))
		if err != nil {
			return err
		}
		if d.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		list, err := pushes(DigestKey(d.ID))
		if err != nil {
			return err
		}
		if d.Recipients, err = s.enqueueTx(ctx, tx, list); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE digests SET recipients = ? WHERE id = ?`, d.Recipients, d.ID)
		return err
	})
	return d, err
}

// CancelDigest stops the queued messages of a digest.
func (s *Store) CancelDigest(ctx context.Context, id int64) (int, error) {
	n, err := s.CancelOutbox(ctx, "digest", DigestKey(id))
	if err != nil {
		return 0, err
	}
	_, err = s.db.ExecContext(ctx, `UPDATE digests SET cancelled = 1 WHERE id = ?`, id)
	return n, err
}
