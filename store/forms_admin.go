package store

import (
	"context"
	"database/sql"

	"github.com/transparentcities/nazar/forms"
)

// pendingFrom joins unhandled submissions to their operators' outbox row
// (kind "form", key "<id>", the operators' chat).
const pendingFrom = `FROM submissions s
	LEFT JOIN outbox o ON o.kind = 'form' AND o.key = CAST(s.id AS TEXT) AND o.chat_id = s.operators_chat
	WHERE s.handled_at IS NULL`

// UnhandledSubmissions counts the submissions nobody has handled yet and
// the undelivered ones among them, and lists up to limit of them, oldest first.
func (s *Store) UnhandledSubmissions(ctx context.Context, limit int) (list []forms.PendingSubmission, total, undelivered int, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT count(*),
		coalesce(sum(coalesce(o.status, 'failed') IN ('failed', 'inactive', 'cancelled')), 0) `+pendingFrom).
		Scan(&total, &undelivered)
	if err != nil || limit <= 0 {
		return nil, total, undelivered, err
	}
	// A push queued after its chat was marked gone has no error of its own:
	// the chat's reason explains it.
	rows, err := s.db.QueryContext(ctx, `SELECT s.id, s.form, s.created_at, coalesce(o.status, ''),
		coalesce(nullif(o.error, ''), (SELECT reason FROM inactive_chats i WHERE i.chat_id = s.operators_chat), '') `+
		pendingFrom+` ORDER BY s.id LIMIT ?`, limit)
	if err != nil {
		return nil, 0, 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var p forms.PendingSubmission
		var created int64
		if err := rows.Scan(&p.ID, &p.Form, &created, &p.Delivery, &p.Error); err != nil {
			return nil, 0, 0, err
		}
		p.CreatedAt = fromUnix(created)
		list = append(list, p)
	}
	return list, total, undelivered, rows.Err()
}

// ResendSubmissions queues again the operators' messages of unhandled
// submissions that were not delivered (failed, or their chat was marked
// gone after a 403), and lets those chats receive pushes again: an admin
// presses it once the bot is back in the operators' chat. It returns how
// many messages were queued.
func (s *Store) ResendSubmissions(ctx context.Context) (int, error) {
	n := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		ids, chats, err := undeliveredTx(ctx, tx)
		if err != nil {
			return err
		}
		for _, chat := range chats {
			if _, err := tx.ExecContext(ctx, `DELETE FROM inactive_chats WHERE chat_id = ?`, chat); err != nil {
				return err
			}
		}
		now := s.now().UnixMilli()
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, `UPDATE outbox SET status = 'queued', attempts = 0, error = '',
				claimed_at = NULL, next_at = ? WHERE id = ?`, now, id); err != nil {
				return err
			}
		}
		n = len(ids)
		return nil
	})
	return n, err
}

// undeliveredTx returns the outbox rows to resend and their distinct chats.
func undeliveredTx(ctx context.Context, tx *sql.Tx) (ids, chats []int64, err error) {
	rows, err := tx.QueryContext(ctx, `SELECT o.id, o.chat_id `+pendingFrom+
		` AND o.status IN ('failed', 'inactive', 'cancelled') ORDER BY o.id`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	seen := map[int64]bool{}
	for rows.Next() {
		var id, chat int64
		if err := rows.Scan(&id, &chat); err != nil {
			return nil, nil, err
		}
		ids = append(ids, id)
		if !seen[chat] {
			seen[chat] = true
			chats = append(chats, chat)
		}
	}
	return ids, chats, rows.Err()
}

// submissionCount counts a user's stored submissions, for /privacy.
func (s *Store) submissionCount(ctx context.Context, userID int64) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM submissions WHERE user_id = ?`, userID).Scan(&n)
	return n, err
}
