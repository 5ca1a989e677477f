package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Conversation is the persisted state of a multi-step flow of one user in one chat.
type Conversation struct {
	ChatID, UserID int64
	Feature, Step  string
	Data           map[string]string
	ExpiresAt      time.Time
}

// Conversation returns the conversation of (chat, user), expired or not: the
// caller decides, so that an expired one can be answered with "expired".
func (s *Store) Conversation(ctx context.Context, chatID, userID int64) (Conversation, bool, error) {
	var c Conversation
	var data []byte
	var expires int64
	err := s.db.QueryRowContext(ctx, `SELECT chat_id, user_id, feature, step, data, expires_at
		FROM conversations WHERE chat_id = ? AND user_id = ?`, chatID, userID).
		Scan(&c.ChatID, &c.UserID, &c.Feature, &c.Step, &data, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return Conversation{}, false, nil
	}
	if err != nil {
		return Conversation{}, false, err
	}
	plain, err := s.open(sealConversation, data)
	if err != nil {
		return Conversation{}, false, fmt.Errorf("conversation of chat %d: %w", chatID, err)
	}
	if err := json.Unmarshal(plain, &c.Data); err != nil {
		return Conversation{}, false, fmt.Errorf("conversation data of chat %d: %w", chatID, err)
	}
	c.ExpiresAt = fromUnix(expires)
	return c, true, nil
}

// SaveConversation stores (replacing) the conversation of (chat, user). Its
// data is sealed: a flow's fields hold what the user typed (a date of birth,
// a card number).
func (s *Store) SaveConversation(ctx context.Context, c Conversation) error {
	if c.Data == nil {
		c.Data = map[string]string{}
	}
	data, err := json.Marshal(c.Data)
	if err != nil {
		return err
	}
	_, err = s.db.ExecContext(ctx, `INSERT INTO conversations(chat_id, user_id, feature, step, data, expires_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(chat_id, user_id) DO UPDATE SET feature = excluded.feature, step = excluded.step,
			data = excluded.data, expires_at = excluded.expires_at, updated_at = excluded.updated_at`,
		c.ChatID, c.UserID, c.Feature, c.Step, s.seal(sealConversation, data), unix(c.ExpiresAt), unix(s.now()))
	return err
}

// DeleteConversation ends the conversation of (chat, user), if any.
func (s *Store) DeleteConversation(ctx context.Context, chatID, userID int64) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM conversations WHERE chat_id = ? AND user_id = ?`, chatID, userID)
	return err
}
