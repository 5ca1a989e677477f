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
	read, err := s.prepared(ctx, `SELECT coalesce(max(version), 0) FROM data_versions WHERE name = ?`)
	if err != nil {
		return 0, err
	}
	var v int64
	err = read.QueryRowContext(ctx, DatasetBusinesses).Scan(&v)
	return v, err
}

// CouncilVersion changes with every council import (the last import's id;
// 0 before the first).
func (s *Store) CouncilVersion(ctx context.Context) (int64, error) {
	read, err := s.prepared(ctx, `SELECT coalesce(max(id), 0) FROM council_imports`)
	if err != nil {
		return 0, err
	}
	var v int64
	err = read.QueryRowContext(ctx).Scan(&v)
	return v, err
}
