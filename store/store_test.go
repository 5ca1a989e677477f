package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/clock"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/store/storetest"
)

var t0 = time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)

func TestOpenCreatesFolderAndMigratesOnce(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nested", "dir", "nazar.db")
	s, err := store.Open(path, store.Options{})
	require.NoError(t, err)
	defer s.Close()

	applied, err := s.Migrate(ctx)
	require.NoError(t, err)
	assert.NotEmpty(t, applied)
	again, err := s.Migrate(ctx)
	require.NoError(t, err)
	assert.Empty(t, again, "a second migrate applies nothing")
	assert.NoError(t, s.Ping(ctx))
}

func TestCheckpointEmptiesTheLog(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nazar.db")
	s, err := store.Open(path, store.Options{})
	require.NoError(t, err)
	defer s.Close()
	_, err = s.Migrate(ctx)
	require.NoError(t, err)
	require.NoError(t, s.Checkpoint(ctx))
	fi, err := os.Stat(path + "-wal")
	require.NoError(t, err)
	assert.Zero(t, fi.Size(), "the migrations' log was folded into the database")
}

func TestOpenRejectsEmptyPath(t *testing.T) {
	_, err := store.Open("", store.Options{})
	assert.Error(t, err)
}

func TestTouchUserKeepsChosenLanguage(t *testing.T) {
	ctx := context.Background()
	s := storetest.Open(t, clock.NewFake(t0).Now)

	u, err := s.TouchUser(ctx, store.SeenUser{ID: 7, ChatID: 7, FirstName: "Оля", Language: "en"})
	require.NoError(t, err)
	assert.Equal(t, "en", u.Language)
	assert.Equal(t, t0, u.CreatedAt)

	u, err = s.TouchUser(ctx, store.SeenUser{ID: 7, ChatID: 7, FirstName: "Оля", Language: "uk"})
	require.NoError(t, err)
	assert.Equal(t, "uk", u.Language, "language follows Telegram until chosen")
	u, err = s.TouchUser(ctx, store.SeenUser{ID: 7, ChatID: 7, FirstName: "Ольга", Language: "uk"})
	require.NoError(t, err)
	assert.Equal(t, "Ольга", u.FirstName, "a known user's new name is stored at once, not after the hourly refresh")

	require.NoError(t, s.SetLanguage(ctx, 7, "en"))
	u, err = s.TouchUser(ctx, store.SeenUser{ID: 7, ChatID: 7, Language: "uk"})
	require.NoError(t, err)
	assert.Equal(t, "en", u.Language, "a chosen language wins over language_code")
	assert.True(t, u.LanguageSet)
}

func TestConversationRoundTripAndCascade(t *testing.T) {
	ctx := context.Background()
	s := storetest.Open(t, clock.NewFake(t0).Now)
	_, err := s.TouchUser(ctx, store.SeenUser{ID: 5, ChatID: 5, Language: "uk"})
	require.NoError(t, err)

	_, found, err := s.Conversation(ctx, 5, 5)
	require.NoError(t, err)
	assert.False(t, found)

	c := store.Conversation{ChatID: 5, UserID: 5, Feature: "demo", Step: "name",
		Data: map[string]string{"a": "б"}, ExpiresAt: t0.Add(15 * time.Minute)}
	require.NoError(t, s.SaveConversation(ctx, c))
	got, found, err := s.Conversation(ctx, 5, 5)
	require.NoError(t, err)
	require.True(t, found)
	assert.Equal(t, c, got)

	require.NoError(t, s.DeleteUser(ctx, 5))
	_, found, err = s.Conversation(ctx, 5, 5)
	require.NoError(t, err)
	assert.False(t, found, "deleting the user deletes their conversation")
}

func TestConversationNeedsKnownUser(t *testing.T) {
	s := storetest.Open(t, nil)
	err := s.SaveConversation(context.Background(), store.Conversation{ChatID: 1, UserID: 99, Feature: "x", Step: "y"})
	assert.Error(t, err, "foreign keys are on")
}

func TestAcceptUpdateDeduplicatesAndPrunes(t *testing.T) {
	ctx := context.Background()
	clk := clock.NewFake(t0)
	s := storetest.Open(t, clk.Now)

	fresh, err := s.AcceptUpdate(ctx, 100, []byte(`{"update_id":100}`))
	require.NoError(t, err)
	assert.True(t, fresh)
	require.NoError(t, s.UpdatesHandled(ctx, []int64{100}))
	fresh, err = s.AcceptUpdate(ctx, 100, []byte(`{"update_id":100}`))
	require.NoError(t, err)
	assert.False(t, fresh, "a handled update is not handled again")

	clk.Advance(49 * time.Hour)
	require.NoError(t, s.PruneUpdates(ctx))
	fresh, err = s.AcceptUpdate(ctx, 100, nil)
	require.NoError(t, err)
	assert.True(t, fresh, "pruned after two days")
}

func TestUnhandledUpdatesAreReplayedOnce(t *testing.T) {
	ctx := context.Background()
	s := storetest.Open(t, clock.NewFake(t0).Now)
	for id := int64(1); id <= 3; id++ {
		_, err := s.AcceptUpdate(ctx, id, []byte(fmt.Sprintf(`{"update_id":%d}`, id)))
		require.NoError(t, err)
	}
	require.NoError(t, s.UpdatesHandled(ctx, []int64{2}))

	bodies, err := s.TakeUnhandledUpdates(ctx)
	require.NoError(t, err)
	assert.Equal(t, [][]byte{[]byte(`{"update_id":1}`), []byte(`{"update_id":3}`)}, bodies, "oldest first, handled left out")
	bodies, err = s.TakeUnhandledUpdates(ctx)
	require.NoError(t, err)
	assert.Empty(t, bodies, "taken once")
	fresh, err := s.AcceptUpdate(ctx, 3, []byte(`{"update_id":3}`))
	require.NoError(t, err)
	assert.False(t, fresh, "a replayed update is still known, so a redelivery is not handled twice")
}

// What a resident typed (here a card number) is sealed from the moment the
// update is stored: neither the database file nor its write-ahead log ever
// holds it in clear, handled or not, and a replay still reads it back.
func TestStoredUpdateIsNeverInClearOnDisk(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nazar.db")
	s, err := store.Open(path, store.Options{Now: clock.NewFake(t0).Now})
	require.NoError(t, err)
	defer s.Close()
	_, err = s.Migrate(ctx)
	require.NoError(t, err)
	secret := "4111 1111 1111 1111"
	body := func(id int64) []byte {
		return []byte(fmt.Sprintf(`{"update_id":%d,"message":{"text":"%s"}}`, id, secret))
	}
	for id := int64(1); id <= 3; id++ {
		_, err = s.AcceptUpdate(ctx, id, body(id))
		require.NoError(t, err)
	}
	require.NoError(t, s.UpdatesHandled(ctx, []int64{1, 3}))
	for _, suffix := range []string{"", "-wal"} {
		raw, err := os.ReadFile(path + suffix)
		require.NoError(t, err)
		assert.NotContains(t, string(raw), secret, "nazar.db%s while the update waits", suffix)
	}
	bodies, err := s.TakeUnhandledUpdates(ctx)
	require.NoError(t, err)
	assert.Equal(t, [][]byte{body(2)}, bodies, "the replay reads the text back")
}

func TestUpdatesHandledTakesAnyNumberOfIDs(t *testing.T) {
	ctx := context.Background()
	s := storetest.Open(t, clock.NewFake(t0).Now)
	var ids []int64
	for id := int64(1); id <= 1201; id++ {
		_, err := s.AcceptUpdate(ctx, id, []byte(fmt.Sprintf(`{"update_id":%d}`, id)))
		require.NoError(t, err)
		if id != 777 {
			ids = append(ids, id)
		}
	}
	require.NoError(t, s.UpdatesHandled(ctx, ids))
	bodies, err := s.TakeUnhandledUpdates(ctx)
	require.NoError(t, err)
	assert.Equal(t, [][]byte{[]byte(`{"update_id":777}`)}, bodies)
}

func TestAuditNewestFirst(t *testing.T) {
	ctx := context.Background()
	s := storetest.Open(t, clock.NewFake(t0).Now)
	require.NoError(t, s.Audit(ctx, 1, "first", ""))
	require.NoError(t, s.Audit(ctx, 2, "second", "d"))
	log, err := s.AuditLog(ctx, 10)
	require.NoError(t, err)
	require.Len(t, log, 2)
	assert.Equal(t, "second", log[0].Action)
	assert.Equal(t, int64(2), log[0].AdminID)
}
