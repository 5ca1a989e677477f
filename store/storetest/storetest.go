// Package storetest opens a fresh, migrated SQLite file per test.
package storetest

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/store"
)

// Open returns a migrated store on a new file in the test's temp dir, closed
// when the test ends. now may be nil for the real clock.
func Open(tb testing.TB, now func() time.Time) *store.Store {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "nazar.db")
	s, err := store.Open(path, store.Options{Now: now})
	require.NoError(tb, err)
	tb.Cleanup(func() { s.Close() })
	_, err = s.Migrate(context.Background())
	require.NoError(tb, err)
	return s
}
