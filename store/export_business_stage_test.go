package store

import "context"

// SetStagedBusinesses sets the most new or changed businesses an import
// writes in one transaction, for tests; restore puts the default back.
func SetStagedBusinesses(n int) (restore func()) {
	old := stagedBusinesses
	stagedBusinesses = n
	return func() { stagedBusinesses = old }
}

// SetStagedKeyed sets the most cards or card applications an import writes
// in one transaction, for tests; restore puts the default back.
func SetStagedKeyed(n int) (restore func()) {
	old := stagedKeyed
	stagedKeyed = n
	return func() { stagedKeyed = old }
}

// BusinessIndexMerged tells whether the business full-text index is in one
// segment: a 'merge' that must merge every segment there is finds nothing
// to do (fewer than two changes, as FTS5 documents). It writes nothing
// otherwise.
func (s *Store) BusinessIndexMerged(ctx context.Context) (bool, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return false, err
	}
	defer conn.Close()
	var before, after int64
	if err := conn.QueryRowContext(ctx, `SELECT total_changes()`).Scan(&before); err != nil {
		return false, err
	}
	if _, err := conn.ExecContext(ctx, `INSERT INTO business_fts(business_fts, rank) VALUES ('merge', -100000)`); err != nil {
		return false, err
	}
	if err := conn.QueryRowContext(ctx, `SELECT total_changes()`).Scan(&after); err != nil {
		return false, err
	}
	return after-before < 2, nil
}
