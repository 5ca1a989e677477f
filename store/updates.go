package store

import (
	"context"
	"time"
)

// seenUpdatesKeep is how long handled update ids are remembered: Telegram
// keeps unconfirmed updates for 24 hours, so twice that is safe.
const seenUpdatesKeep = 48 * time.Hour

// MarkUpdate records an update id as handled and reports whether it was new.
// A redelivered update (after a restart, or a webhook retry) reports false.
func (s *Store) MarkUpdate(ctx context.Context, updateID int64) (bool, error) {
	res, err := s.db.ExecContext(ctx, `INSERT OR IGNORE INTO seen_updates(update_id, at) VALUES (?, ?)`,
		updateID, unix(s.now()))
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// PruneUpdates forgets update ids older than two days.
func (s *Store) PruneUpdates(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM seen_updates WHERE at < ?`, unix(s.now().Add(-seenUpdatesKeep)))
	return err
}
