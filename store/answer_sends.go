package store

import (
	"context"
	"database/sql"
	"time"
)

// answerSendsKept is how long answer_sends keeps its rows: the pace's window
// is at most a second (digest.rate_per_second is at least 1); the rest is room
// for a slow start.
const answerSendsKept = 10 * time.Second

// RecordAnswerSends stores that n answers to residents went out since the
// last call, stamped now (as OutboxSent stamps sent_at: once the send has
// returned), and drops rows older than answerSendsKept. RecentSendAges reads
// them beside the outbox's sends.
func (s *Store) RecordAnswerSends(ctx context.Context, n int) error {
	if n <= 0 {
		return nil
	}
	now := s.now().UnixMilli()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO answer_sends (at, count) VALUES (?, ?)`, now, n); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM answer_sends WHERE at < ?`, now-answerSendsKept.Milliseconds())
		return err
	})
}

// recentAnswerSends appends to ages how long ago, in milliseconds before
// now, each answer of the window after since went out.
func (s *Store) recentAnswerSends(ctx context.Context, since, now int64, ages []time.Duration) ([]time.Duration, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT at, count FROM answer_sends WHERE at > ?`, since)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var at int64
		var n int
		if err := rows.Scan(&at, &n); err != nil {
			return nil, err
		}
		for range n {
			ages = append(ages, time.Duration(max(0, now-at))*time.Millisecond)
		}
	}
	return ages, rows.Err()
}
