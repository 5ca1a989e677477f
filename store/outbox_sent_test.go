package store_test

import (
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/store"
)

// Sixteen workers record their sends at once: the records are written
// together, and each worker's own record is committed when its call
// returns, with its message id.
func TestOutboxSentFromManyWorkersAtOnce(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "nazar.db")
	s := openMigrated(t, path, store.Options{})
	defer s.Close()
	const workers, each = 16, 25
	var pushes []store.Push
	for i := range workers * each {
		pushes = append(pushes, store.Push{Kind: "digest", Key: "d", ChatID: int64(1000 + i), Text: "t"})
	}
	_, err := s.Enqueue(ctx, pushes...)
	require.NoError(t, err)
	items, err := s.ClaimOutbox(ctx, workers*each, nil)
	require.NoError(t, err)
	require.Len(t, items, workers*each)

	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(items); i += workers {
				if !assert.NoError(t, s.OutboxSent(ctx, items[i].ID, int(items[i].ChatID))) {
					return
				}
				assert.Equal(t, 1, countRows(t, path, fmt.Sprintf(
					`SELECT count(*) FROM outbox WHERE id = %d AND status = 'sent' AND message_id = %d`,
					items[i].ID, items[i].ChatID)), "committed when the call returns")
			}
		})
	}
	wg.Wait()
	assert.Equal(t, workers*each, countRows(t, path, `SELECT count(*) FROM outbox WHERE status = 'sent' AND message_id = chat_id`))
}
