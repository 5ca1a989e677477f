package store

import (
	"context"
	"database/sql"
)

// Dataset names of data_versions.
const (
	DatasetBusinesses = "businesses"
)

// bumpDataVersion raises a dataset's counter within an import's transaction.
func bumpDataVersion(ctx context.Context, tx *sql.Tx, name string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO data_versions(name, version) VALUES (?, 1)
		ON CONFLICT(name) DO UPDATE SET version = version + 1`, name)
	return err
}

// BusinessesVersion changes whenever an import changes the business
// directory (0 before the first).
func (s *Store) BusinessesVersion(ctx context.Context) (int64, error) {
	var v int64
	err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM data_versions WHERE name = ?`,
		DatasetBusinesses).Scan(&v)
	return v, err
}

// CouncilVersion changes with every council import (the last import's id;
// 0 before the first).
func (s *Store) CouncilVersion(ctx context.Context) (int64, error) {
	var v int64
	err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM council_imports`).Scan(&v)
	return v, err
}
