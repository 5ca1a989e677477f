package store

import (
	"context"
	"fmt"
	"os"
	"strings"
)

// SetStagedVotes makes council imports of more than n named-list rows
// stage council_votes (-1: every import) and returns the restore.
func SetStagedVotes(n int) (restore func()) {
	old := stagedVotes
	stagedVotes = n
	return func() { stagedVotes = old }
}

// SetStagedTitles makes council imports that write more than n agenda
// items stage the titles' index (-1: every import) and returns the restore.
func SetStagedTitles(n int) (restore func()) {
	old := stagedTitles
	stagedTitles = n
	return func() { stagedTitles = old }
}

// Dump returns every row of table, one string each, in the table's order,
// for tests that compare two databases.
func (s *Store) Dump(ctx context.Context, table string) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT * FROM `+table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		out = append(out, strings.TrimSuffix(fmt.Sprintln(vals...), "\n"))
	}
	return out, rows.Err()
}

// ScratchMode opens an import's scratch database beside s, as an import
// does, and returns its file mode.
func (s *Store) ScratchMode(ctx context.Context) (os.FileMode, error) {
	path := s.path + scratchSuffix
	defer removeScratch(path)
	sc, err := openScratch(ctx, path, s.now, s.keys)
	if err != nil {
		return 0, err
	}
	defer sc.Close()
	fi, err := os.Stat(path)
	if err != nil {
		return 0, err
	}
	return fi.Mode().Perm(), nil
}
