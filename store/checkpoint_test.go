package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// A commit does not checkpoint in the writer's connection, however large the
// log grows (SQLite's automatic checkpoint would, at 1,000 pages, syncing the
// database file before the writer's statement returned); the background
// checkpoint copies the log into the database file soon after.
func TestCommitsLeaveTheCheckpointToTheBackground(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		every time.Duration
		moved bool
	}{{"no background checkpoint yet", time.Hour, false}, {"background checkpoint", 10 * time.Millisecond, true}} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "nazar.db")
			s, err := Open(path, Options{Key: make([]byte, 32), CheckpointEvery: tc.every})
			require.NoError(t, err)
			defer s.Close()
			_, err = s.db.ExecContext(ctx, `CREATE TABLE filler(x BLOB)`)
			require.NoError(t, err)
			time.Sleep(50 * time.Millisecond) // the table is in the database file (or not) before we measure
			before := fileSize(t, path)
			for range 1_500 { // ~1,500 pages of log: past SQLite's automatic checkpoint
				_, err = s.db.ExecContext(ctx, `INSERT INTO filler VALUES (?)`, []byte(strings.Repeat("x", 4000)))
				require.NoError(t, err)
			}
			time.Sleep(100 * time.Millisecond)
			grown := fileSize(t, path) - before
			if tc.moved {
				require.Greater(t, grown, int64(5_000_000), "the log was copied into the database file")
			} else {
				require.Zero(t, grown, "no writer copied the log into the database file")
			}
		})
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	require.NoError(t, err)
	return fi.Size()
}
