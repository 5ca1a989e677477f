package digest

import (
	digestdom "github.com/transparentcities/nazar/digest"

	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/clock"
	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
)

// staleLastDigest answers LastDigest with what it was before another starter
// queued: the read of an admin's "send now" that raced the cron job.
type staleLastDigest struct{ *store.Store }

func (staleLastDigest) LastDigest(context.Context) (digestdom.Digest, bool, error) {
	return digestdom.Digest{}, false, nil
}

// The admin who loses the race for a window is told, in their language,
// that the period's digest is already queued, and nothing more is queued.
func TestAdminSendNowLosingTheRaceSaysAlreadyQueued(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 30, 10, 0, 0, 0, kyiv)
	job, st := newJob(t, clock.NewFake(now))
	_, err := st.TouchUser(ctx, store.SeenUser{ID: 1, ChatID: 1, Language: "uk"})
	require.NoError(t, err)
	require.NoError(t, st.Subscribe(ctx, 1, 1))
	_, err = st.SaveDigestItems(ctx, []digestdom.Item{{ID: "n1", Topic: "news", Title: "Сквер",
		PublishedAt: now.Add(-time.Hour)}})
	require.NoError(t, err)
	won, sent, err := job.Send(ctx, now) // the cron job, first
	require.NoError(t, err)
	require.True(t, sent)

	stale := &DigestJob{Store: staleLastDigest{st}, City: job.City, Location: kyiv}
	admin := &DigestAdmin{Store: st, Job: stale}
	for lang, want := range map[string]string{"uk": "уже в черзі", "en": "already queued or sent"} {
		resp, err := admin.sendNow(ctx, &handlers.Request{UserID: 9, L: locales.New(lang), Now: now.Add(time.Second)})
		require.NoError(t, err)
		require.Len(t, resp.Replies, 1)
		assert.Contains(t, resp.Replies[0].Text, want)
		assert.Contains(t, resp.Replies[0].Text, "1", "names the digest that holds the period")
	}
	counts, err := st.OutboxCounts(ctx, "digest", "")
	require.NoError(t, err)
	assert.Equal(t, won.Recipients, counts["queued"], "the losers queued nothing")
}
