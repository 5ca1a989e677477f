package store

import (
	"context"
	"database/sql"
	"encoding/json"
)

// SeedSubscribers creates users subscribed to the digest (every topic) in
// one transaction: a fixture for tests, benchmarks and load runs, where
// thousands of subscribers one transaction each would take minutes.
func (s *Store) SeedSubscribers(ctx context.Context, users []SeenUser) error {
	now := unix(s.now())
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for _, u := range users {
			if _, err := tx.ExecContext(ctx, `INSERT INTO users(id, chat_id, first_name, language, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`, u.ID, u.ChatID, u.FirstName, u.Language, now, now); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO digest_subscribers(user_id, chat_id, subscribed_at) VALUES (?, ?, ?)
				ON CONFLICT(user_id) DO NOTHING`, u.ID, u.ChatID, now); err != nil {
				return err
			}
		}
		return nil
	})
}

// SeedSubscriberRange creates n users with ids (and chats) from first on,
// their languages taking turns from languages, all subscribed to the digest
// (every topic), in one transaction of two statements: a million
// subscribers for a benchmark in seconds, without a Go list of them.
func (s *Store) SeedSubscriberRange(ctx context.Context, first int64, n int, languages []string) error {
	now := unix(s.now())
	langs, err := json.Marshal(languages)
	if err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i + 1 < ?)
			INSERT INTO users(id, chat_id, first_name, language, created_at, updated_at)
			SELECT ? + i, ? + i, 'S', json_extract(?, '$[' || (i % ?) || ']'), ?, ?
			FROM k WHERE true ON CONFLICT(id) DO NOTHING`, n, first, first, string(langs), len(languages), now, now); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO digest_subscribers(user_id, chat_id, subscribed_at)
			SELECT id, chat_id, ? FROM users WHERE id >= ? AND id < ? ON CONFLICT(user_id) DO NOTHING`, now, first, first+int64(n))
		return err
	})
}
