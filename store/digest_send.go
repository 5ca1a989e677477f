package store

import (
	"github.com/transparentcities/nazar/digest"

	"context"
	"database/sql"
	"errors"
	"strconv"
	"time"
)

// LastDigest returns the newest digest; found is false before the first.
func (s *Store) LastDigest(ctx context.Context) (digest.Digest, bool, error) {
	d, err := s.digestWhere(ctx, `id = (SELECT max(id) FROM digests)`)
	if errors.Is(err, sql.ErrNoRows) {
		return digest.Digest{}, false, nil
	}
	return d, err == nil, err
}

func (s *Store) digestWhere(ctx context.Context, where string, args ...any) (digest.Digest, error) {
	var d digest.Digest
	var from, to, created int64
	err := s.db.QueryRowContext(ctx, `SELECT id, follows, period_from, period_to, items, recipients, created_at, cancelled
		FROM digests WHERE `+where, args...).Scan(&d.ID, &d.Follows, &from, &to, &d.Items, &d.Recipients, &created, &d.Cancelled)
	d.From, d.To, d.CreatedAt = fromUnix(from), fromUnix(to), fromUnix(created)
	return d, err
}

// DigestKey is the outbox key of a digest.
func DigestKey(id int64) string { return strconv.FormatInt(id, 10) }

// ErrDigestWindowTaken is QueueDigest's answer to a starter that lost the
// race for a window: another one queued (or already sent) its digest.
var ErrDigestWindowTaken = errors.New("the digest of this period is already queued or sent")

// QueueDigest records a digest covering (from, to], the window that follows
// the digest with id follows (0: the very first), and enqueues pushes under
// the new digest's outbox key (their Key is set here), all in one
// transaction: a crash leaves either the whole digest queued or none of it.
//
// The window is claimed first, by the unique index on digests.follows, so
// that however many starters race (in any number of processes), one queues
// it; the others get ErrDigestWindowTaken with the digest that holds it.
func (s *Store) QueueDigest(ctx context.Context, follows int64, from, to time.Time, items int,
	pushes []Push) (digest.Digest, error) {
	return s.queueDigest(ctx, follows, from, to, items, func(tx *sql.Tx, key string) (int, error) {
		keyed := make([]Push, len(pushes))
		for i, p := range pushes {
			p.Key = key
			keyed[i] = p
		}
		return s.enqueueTx(ctx, tx, keyed)
	})
}

// queueDigest claims the window and lets fill queue the digest's pushes
// (under its outbox key) in the same transaction; fill reports how many.
func (s *Store) queueDigest(ctx context.Context, follows int64, from, to time.Time, items int,
	fill func(tx *sql.Tx, key string) (int, error)) (digest.Digest, error) {
	d := digest.Digest{Follows: follows, From: from, To: to, Items: items, CreatedAt: s.now()}
	taken := false
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO digests(follows, period_from, period_to, items, recipients, created_at)
			VALUES (?, ?, ?, ?, 0, ?) ON CONFLICT(follows) DO NOTHING`, follows, unix(from), unix(to), items, unix(d.CreatedAt))
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			taken = err == nil
			return err
		}
		if d.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		if d.Recipients, err = fill(tx, DigestKey(d.ID)); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE digests SET recipients = ? WHERE id = ?`, d.Recipients, d.ID)
		return err
	})
	if err != nil || !taken {
		return d, err
	}
	holder, err := s.digestWhere(ctx, `follows = ?`, follows)
	return holder, errors.Join(ErrDigestWindowTaken, err)
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
