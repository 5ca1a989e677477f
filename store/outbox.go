package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// Push is one message to deliver through the outbox. Text is final: the
// producer renders it in the recipient's language.
type Push struct {
	Kind   string // digest, voucher, deputy, card, form
	Key    string // what it is about; (Kind, Key, ChatID) is unique
	ChatID int64
	Text   string
	// NotBefore delays the push (a reminder before a booked slot); zero
	// means now. The sender takes a row only once its next_at has passed.
	NotBefore time.Time
	// Buttons are inline buttons under the message (the operators' "mark
	// handled"); a long text gets them on its last part.
	Buttons [][]PushButton
}

// Enqueue adds pushes to the outbox in one transaction and returns how many
// were new: a push already queued or sent (same kind, key and chat) is
// skipped, so a retried producer never sends twice.
func (s *Store) Enqueue(ctx context.Context, pushes ...Push) (int, error) {
	added := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		added, err = s.enqueueTx(ctx, tx, pushes)
		return err
	})
	return added, err
}

// enqueueTx is Enqueue inside a caller's transaction, so that an import and
// the pushes it causes commit together or not at all.
func (s *Store) enqueueTx(ctx context.Context, tx *sql.Tx, pushes []Push) (int, error) {
	if len(pushes) == 0 {
		return 0, nil
	}
	ins, err := tx.PrepareContext(ctx, `INSERT INTO outbox(kind, key, chat_id, body_id, status, next_at, created_at, buttons)
		VALUES (?, ?, ?, ?, CASE WHEN EXISTS (SELECT 1 FROM inactive_chats WHERE chat_id = ?) THEN 'inactive' ELSE 'queued' END, ?, ?, ?)
		ON CONFLICT (kind, key, chat_id) DO NOTHING`)
	if err != nil {
		return 0, err
	}
	defer ins.Close()
	bodies := map[string]int64{}
	now := s.now()
	added := 0
	for _, p := range pushes {
		if p.Kind == "" || p.Key == "" || p.Text == "" {
			return added, errors.New("outbox: a push needs a kind, a key and a text")
		}
		bodyID, ok := bodies[p.Text]
		if !ok {
			if bodyID, err = s.storeBody(ctx, tx, p.Text); err != nil {
				return added, err
			}
			bodies[p.Text] = bodyID
		}
		nextAt := now
		if p.NotBefore.After(now) {
			nextAt = p.NotBefore
		}
		res, err := ins.ExecContext(ctx, p.Kind, p.Key, p.ChatID, bodyID, p.ChatID, nextAt.UnixMilli(), unix(now),
			encodeButtons(p.Buttons))
		if err != nil {
			return added, err
		}
		n, _ := res.RowsAffected()
		added += int(n)
	}
	return added, nil
}

// storeBody stores a text once (a digest to thousands shares one row),
// sealed: the operators' copy of a form holds what the resident typed. The
// text is found again by its keyed hash.
func (s *Store) storeBody(ctx context.Context, tx *sql.Tx, text string) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO outbox_bodies(hash, text) VALUES (?, ?)
		ON CONFLICT(hash) DO UPDATE SET hash = excluded.hash RETURNING id`,
		s.hash(hashOutbox, text), s.sealString(sealOutbox, text)).Scan(&id)
	return id, err
}

// bodyText opens a stored outbox text.
func (s *Store) bodyText(sealed []byte) (string, error) {
	text, err := s.open(sealOutbox, sealed)
	return string(text), err
}

// SetChatInactive stops every push to a chat (it blocked the bot or is gone)
// and marks its waiting pushes inactive.
func (s *Store) SetChatInactive(ctx context.Context, chatID int64, reason string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO inactive_chats(chat_id, reason, at) VALUES (?, ?, ?)
			ON CONFLICT(chat_id) DO UPDATE SET reason = excluded.reason, at = excluded.at`,
			chatID, reason, unix(s.now())); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE digest_subscribers SET active = 0 WHERE chat_id = ?`, chatID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE outbox SET status = 'inactive', error = ?
			WHERE chat_id = ? AND status IN ('queued', 'sending')`, reason, chatID)
		return err
	})
}

// SetChatActive lets pushes reach a chat again (the user unblocked the bot).
func (s *Store) SetChatActive(ctx context.Context, chatID int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM inactive_chats WHERE chat_id = ?`, chatID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE digest_subscribers SET active = 1 WHERE chat_id = ?`, chatID)
		return err
	})
}

// ChatInactive reports whether pushes to a chat are stopped.
func (s *Store) ChatInactive(ctx context.Context, chatID int64) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM inactive_chats WHERE chat_id = ?`, chatID).Scan(&n)
	return n > 0, err
}
