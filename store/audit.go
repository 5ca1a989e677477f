package store

import (
	"context"
	"time"
)

// AuditEntry is one recorded admin action.
type AuditEntry struct {
	ID      int64
	AdminID int64
	Action  string
	Detail  string
	At      time.Time
}

// Audit records an admin action (or a refused attempt at one).
func (s *Store) Audit(ctx context.Context, adminID int64, action, detail string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO audit(admin_id, action, detail, at) VALUES (?, ?, ?, ?)`,
		adminID, action, detail, unix(s.now()))
	return err
}

// AuditLog returns the newest audit entries first.
func (s *Store) AuditLog(ctx context.Context, limit int) ([]AuditEntry, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, admin_id, action, detail, at FROM audit ORDER BY id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var at int64
		if err := rows.Scan(&e.ID, &e.AdminID, &e.Action, &e.Detail, &at); err != nil {
			return nil, err
		}
		e.At = fromUnix(at)
		out = append(out, e)
	}
	return out, rows.Err()
}
