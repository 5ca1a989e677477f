package store

import (
	"context"
	"database/sql"
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
