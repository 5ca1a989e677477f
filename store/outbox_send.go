package store

import (
	"context"
	"database/sql"
	"strings"
	"time"
)

// OutboxItem is a claimed push, ready to render and send.
type OutboxItem struct {
	ID        int64
	Kind, Key string
	ChatID    int64
	// Message and Args are a push queued as data: the sender renders them in
	// Language, the recipient's language now ("" when the chat is no user's:
	// the sender falls back as the router does). Text is a literal push.
	Message   string
	Args      []byte
	Language  string
	Text      string
	Attempts  int
	PartsSent int
	Buttons   [][]PushButton // under the last part
}

// RecoverOutbox returns rows a previous process claimed but never settled
// (it crashed while sending) to the queue, and reports how many. Rows
// settled as sent are never touched, so a confirmed message is never sent
// twice; a message whose send was in flight at the crash is sent again.
func (s *Store) RecoverOutbox(ctx context.Context) (int, error) {
	res, err := s.db.ExecContext(ctx, `UPDATE outbox SET status = 'queued', claimed_at = NULL WHERE status = 'sending'`)
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	return int(n), err
}

// RecentSendAges is how long ago, by the store's clock, each message of the
// last window went out: outbox rows sent within it, rows still marked as being
// sent (a process killed mid-send may have delivered them a moment ago; they
// count as just sent), at most inFlight of them (a sender has no more requests
// in flight than workers; it claims more rows than that ahead of them), and
// answers to residents (RecordAnswerSends). Read before RecoverOutbox.
func (s *Store) RecentSendAges(ctx context.Context, window time.Duration, inFlight int) ([]time.Duration, error) {
	now := s.now().UnixMilli()
	rows, err := s.db.QueryContext(ctx, `SELECT sent_at FROM outbox WHERE sent_at IS NOT NULL AND sent_at > ?
		UNION ALL SELECT ? FROM (SELECT 1 FROM outbox WHERE status = 'sending' LIMIT ?)`,
		now-window.Milliseconds(), now, inFlight)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ages []time.Duration
	for rows.Next() {
		var at int64
		if err := rows.Scan(&at); err != nil {
			return nil, err
		}
		ages = append(ages, time.Duration(max(0, now-at))*time.Millisecond)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return s.recentAnswerSends(ctx, now-window.Milliseconds(), now, ages)
}

// ClaimOutbox marks up to limit due rows as being sent and returns them, at
// most one per chat (the per-chat pace is one message a second anyway), and
// none for a chat listed in busy (a chat with a message in flight).
func (s *Store) ClaimOutbox(ctx context.Context, limit int, busy []int64) ([]OutboxItem, error) {
	s.sendMu.Lock()
	defer s.sendMu.Unlock()
	var items []OutboxItem
	now := s.now()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		q := `SELECT o.id, o.kind, o.key, o.chat_id, b.text, o.attempts, o.parts_sent, o.buttons, o.message,
				CASE WHEN o.message = '' THEN '' ELSE
					coalesce((SELECT u.language FROM users u WHERE u.chat_id = o.chat_id LIMIT 1), '') END
			FROM outbox o JOIN outbox_bodies b ON b.id = o.body_id
			WHERE o.status = 'queued' AND o.next_at <= ?`
		args := []any{now.UnixMilli()}
		if len(busy) > 0 {
			q += ` AND o.chat_id NOT IN (?` + strings.Repeat(",?", len(busy)-1) + `)`
			for _, c := range busy {
				args = append(args, c)
			}
		}
		q += ` ORDER BY o.next_at, o.id LIMIT ?`
		args = append(args, limit*2)
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return err
		}
		seen := map[int64]bool{}
		for rows.Next() && len(items) < limit {
			var it OutboxItem
			var buttons string
			var body []byte
			if err := rows.Scan(&it.ID, &it.Kind, &it.Key, &it.ChatID, &body, &it.Attempts, &it.PartsSent,
				&buttons, &it.Message, &it.Language); err != nil {
				rows.Close()
				return err
			}
			if err := s.openBody(&it.Text, &it.Args, it.Message, body); err != nil {
				rows.Close()
				return err
			}
			it.Buttons = decodeButtons(buttons)
			if !seen[it.ChatID] {
				seen[it.ChatID] = true
				items = append(items, it)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, it := range items {
			if _, err := tx.ExecContext(ctx, `UPDATE outbox SET status = 'sending', claimed_at = ? WHERE id = ?`,
				now.UnixMilli(), it.ID); err != nil {
				return err
			}
		}
		return nil
	})
	return items, err
}

// OutboxPartSent records that one part of a long message went out, so a
// resumed send continues after it.
func (s *Store) OutboxPartSent(ctx context.Context, id int64, parts int) error {
	s.sendMu.Lock()
	defer s.sendMu.Unlock()
	_, err := s.db.ExecContext(ctx, `UPDATE outbox SET parts_sent = ? WHERE id = ?`, parts, id)
	return err
}

// OutboxSent settles a row as delivered.
func (s *Store) OutboxSent(ctx context.Context, id int64, messageID int) error {
	// Stamped before waiting for the lock and the database: a restart seeds
	// its pace with these times (RecentSendAges), and a stamp taken after
	// other workers' claims and writes (tens of milliseconds at 1,000 a
	// second) kept that many sends in its window too long.
	at := s.now().UnixMilli()
	s.sendMu.Lock()
	defer s.sendMu.Unlock()
	_, err := s.db.ExecContext(ctx, `UPDATE outbox SET status = 'sent', sent_at = ?, message_id = ?, error = ''
		WHERE id = ?`, at, messageID, id)
	return err
}

// OutboxRetry puts a row back in the queue, not before `after` from now;
// countAttempt is false for a 429 (Telegram's pace, not the row's fault).
func (s *Store) OutboxRetry(ctx context.Context, id int64, after time.Duration, countAttempt bool, reason string) error {
	s.sendMu.Lock()
	defer s.sendMu.Unlock()
	inc := 0
	if countAttempt {
		inc = 1
	}
	_, err := s.db.ExecContext(ctx, `UPDATE outbox SET status = 'queued', claimed_at = NULL, attempts = attempts + ?,
		next_at = ?, error = ? WHERE id = ? AND status = 'sending'`, inc, s.now().Add(after).UnixMilli(), reason, id)
	return err
}

// OutboxFailed settles a row as undeliverable, with the reason.
func (s *Store) OutboxFailed(ctx context.Context, id int64, reason string) error {
	s.sendMu.Lock()
	defer s.sendMu.Unlock()
	_, err := s.db.ExecContext(ctx, `UPDATE outbox SET status = 'failed', error = ? WHERE id = ?`, reason, id)
	return err
}

// OutboxCounts counts rows by status, optionally of one kind and key ("" for all).
func (s *Store) OutboxCounts(ctx context.Context, kind, key string) (map[string]int, error) {
	q := `SELECT status, count(*) FROM outbox WHERE (? = '' OR kind = ?) AND (? = '' OR key = ?) GROUP BY status`
	rows, err := s.db.QueryContext(ctx, q, kind, kind, key, key)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	counts := map[string]int{"queued": 0, "sending": 0, "sent": 0, "failed": 0, "inactive": 0, "cancelled": 0}
	for rows.Next() {
		var st string
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, err
		}
		counts[st] = n
	}
	return counts, rows.Err()
}

// CancelOutbox cancels the rows of one kind and key not sent yet.
func (s *Store) CancelOutbox(ctx context.Context, kind, key string) (int, error) {
	res, err := s.db.ExecContext(ctx, `UPDATE outbox SET status = 'cancelled' WHERE kind = ? AND key = ? AND status = 'queued'`,
		kind, key)
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	return int(n), err
}

// OutboxRow is a row as tests and admins see it: a literal Text, or a
// Message with its JSON Args.
type OutboxRow struct {
	ID        int64
	Kind, Key string
	ChatID    int64
	Message   string
	Args      []byte
	Text      string
	Status    string
	Error     string
}

// OutboxFor lists the rows of a kind ("" for all) to a chat (0 for all), oldest first.
func (s *Store) OutboxFor(ctx context.Context, kind string, chatID int64) ([]OutboxRow, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT o.id, o.kind, o.key, o.chat_id, o.message, b.text, o.status, o.error
		FROM outbox o JOIN outbox_bodies b ON b.id = o.body_id
		WHERE (? = '' OR o.kind = ?) AND (? = 0 OR o.chat_id = ?) ORDER BY o.id`, kind, kind, chatID, chatID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []OutboxRow
	for rows.Next() {
		var r OutboxRow
		var body []byte
		if err := rows.Scan(&r.ID, &r.Kind, &r.Key, &r.ChatID, &r.Message, &body, &r.Status, &r.Error); err != nil {
			return nil, err
		}
		if err := s.openBody(&r.Text, &r.Args, r.Message, body); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// openBody opens a stored body into the text of a literal push or the
// arguments of a message.
func (s *Store) openBody(text *string, args *[]byte, message string, sealed []byte) error {
	plain, err := s.bodyText(sealed)
	if err != nil {
		return err
	}
	if message == "" {
		*text = plain
	} else {
		*args = []byte(plain)
	}
	return nil
}

// OutboxDue counts pushes being sent or due now (not those waiting for a
// later time): the console waits for them, so that a message a resident's
// action caused (an operators' notification) shows before the next prompt.
func (s *Store) OutboxDue(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM outbox
		WHERE status = 'sending' OR (status = 'queued' AND next_at <= ?)`, s.now().UnixMilli()).Scan(&n)
	return n, err
}
