package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// seenUpdatesKeep is how long handled update ids are remembered: Telegram
// keeps unconfirmed updates for 24 hours, so twice that is safe.
const seenUpdatesKeep = 48 * time.Hour

// IncomingUpdate is an update as it arrived: its id and its JSON body.
type IncomingUpdate struct {
	ID   int64
	Body []byte
}

// AcceptUpdate records one update before it is handled and reports whether
// it is new (AcceptUpdates).
func (s *Store) AcceptUpdate(ctx context.Context, updateID int64, body []byte) (bool, error) {
	fresh, err := s.AcceptUpdates(ctx, []IncomingUpdate{{ID: updateID, Body: body}})
	if err != nil {
		return false, err
	}
	return fresh[0], nil
}

// AcceptUpdates records updates (each id with its JSON body, sealed: it
// holds what the resident typed) before they are handled, all in one
// transaction, and reports for each whether it is new. A redelivered update
// (after a restart, or a webhook retry) reports false and is not stored
// again. One transaction for a whole getUpdates answer costs about what one
// update alone would.
func (s *Store) AcceptUpdates(ctx context.Context, updates []IncomingUpdate) ([]bool, error) {
	fresh := make([]bool, len(updates))
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO seen_updates(update_id, at, body) VALUES (?, ?, ?)`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		at := unix(s.now())
		for i, u := range updates {
			res, err := stmt.ExecContext(ctx, u.ID, at, s.seal(sealUpdate, u.Body))
			if err != nil {
				return err
			}
			n, err := res.RowsAffected()
			if err != nil {
				return err
			}
			fresh[i] = n == 1
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return fresh, nil
}

// UpdatesHandled drops the stored bodies of handled updates; their ids stay
// for de-duplication.
func (s *Store) UpdatesHandled(ctx context.Context, ids []int64) error {
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), 500)]
		ids = ids[len(chunk):]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		_, err := s.db.ExecContext(ctx, `UPDATE seen_updates SET body = NULL WHERE body IS NOT NULL AND update_id IN (?`+
			strings.Repeat(",?", len(chunk)-1)+`)`, args...)
		if err != nil {
			return err
		}
	}
	return nil
}

// TakeUnhandledUpdates returns, oldest first, the bodies of updates accepted
// but never handled (the process died first), and forgets them in the same
// transaction: each is replayed once, so an update that kills the process
// cannot do it again on every start. A body that cannot be opened (damaged
// on disk) is left out and reported in the error beside the others.
func (s *Store) TakeUnhandledUpdates(ctx context.Context) ([][]byte, error) {
	var bodies [][]byte
	var bad []error
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT body FROM seen_updates WHERE body IS NOT NULL ORDER BY update_id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var sealed []byte
			if err := rows.Scan(&sealed); err != nil {
				return err
			}
			body, err := s.open(sealUpdate, sealed)
			if err != nil {
				bad = append(bad, err)
				continue
			}
			bodies = append(bodies, body)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE seen_updates SET body = NULL WHERE body IS NOT NULL`)
		return err
	})
	if err != nil {
		return nil, err
	}
	if len(bad) > 0 {
		return bodies, fmt.Errorf("%d stored updates unreadable, dropped: %w", len(bad), bad[0])
	}
	return bodies, nil
}

// PruneUpdates forgets update ids older than two days.
func (s *Store) PruneUpdates(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM seen_updates WHERE at < ?`, unix(s.now().Add(-seenUpdatesKeep)))
	return err
}
