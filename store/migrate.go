package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Migrate applies, in file-name order, every embedded migration not applied
// yet, each in its own transaction, and returns the names it applied. Then
// it seals the rows an older version wrote in clear (store/sealed_legacy.go).
func (s *Store) Migrate(ctx context.Context) ([]string, error) {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)`); err != nil {
		return nil, fmt.Errorf("create schema_migrations: %w", err)
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var applied []string
	for _, path := range names {
		name := strings.TrimPrefix(path, "migrations/")
		done, err := s.applyMigration(ctx, path, name)
		if err != nil {
			return applied, fmt.Errorf("migration %s: %w", name, err)
		}
		if done {
			applied = append(applied, name)
		}
	}
	_, err = s.sealLegacy(ctx)
	return applied, err
}

func (s *Store) applyMigration(ctx context.Context, path, name string) (bool, error) {
	body, err := migrations.ReadFile(path)
	if err != nil {
		return false, err
	}
	applied := false
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM schema_migrations WHERE name = ?", name).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			return err
		}
		applied = true
		_, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations(name, applied_at) VALUES (?, ?)", name, unix(s.now()))
		return err
	})
	return applied, err
}
