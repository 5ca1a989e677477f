package store_test

import (
	"github.com/transparentcities/nazar/digest"

	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/store/storetest"
)

// The set-based digest queue: each (language, topics) audience is listed
// once (and so rendered once by the job), every active subscriber of an audience with a text gets its text in
// user id order, and stopped chats, paused subscriptions and audiences
// with nothing to read get nothing.
func TestQueueSubscriberDigestRendersEachAudienceOnce(t *testing.T) {
	ctx := t.Context()
	s := storetest.Open(t, nil)
	var users []store.SeenUser
	for id := int64(1); id <= 8; id++ {
		users = append(users, store.SeenUser{ID: id, ChatID: id, FirstName: "S", Language: []string{"uk", "en"}[id%2]})
	}
	require.NoError(t, s.SeedSubscribers(ctx, users))
	require.NoError(t, s.SetTopics(ctx, 3, []string{"council"})) // en, council only: nothing to read
	require.NoError(t, s.SetTopics(ctx, 4, []string{"news"}))    // uk, news only
	require.NoError(t, s.SetChatInactive(ctx, 6, "blocked"))     // stopped chat

	rendered := map[string]int{}
	render := func(a digest.Audience) string {
		topics := strings.Join(a.Topics, ",")
		rendered[a.Language+"|"+topics]++
		if topics == "council" {
			return ""
		}
		return a.Language + " digest: " + topics
	}
	t0 := time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)
	audiences, err := s.DigestAudiences(ctx)
	require.NoError(t, err)
	var texts []digest.AudienceText
	for _, a := range audiences {
		texts = append(texts, digest.AudienceText{Audience: a, Text: render(a)})
	}
	d, err := s.QueueSubscriberDigest(ctx, 0, t0.Add(-7*24*time.Hour), t0, 2, texts)
	require.NoError(t, err)
	assert.Equal(t, 6, d.Recipients, "8 subscribers less the stopped chat and the one with nothing to read")
	assert.Equal(t, map[string]int{"en|council": 1, "en|news,business,transport,council": 1,
		"uk|news": 1, "uk|news,business,transport,council": 1}, rendered)

	rows, err := s.OutboxFor(ctx, "digest", 0)
	require.NoError(t, err)
	var got []string
	for _, r := range rows {
		assert.Equal(t, store.DigestKey(d.ID), r.Key)
		assert.Equal(t, "queued", r.Status)
		got = append(got, strings.Fields(r.Text)[0]+" "+strings.Fields(r.Text)[2]+" "+string(rune('0'+r.ChatID)))
	}
	assert.Equal(t, []string{
		"en news,business,transport,council 1", "uk news,business,transport,council 2",
		"uk news 4", "en news,business,transport,council 5", "en news,business,transport,council 7",
		"uk news,business,transport,council 8"}, got, "in user id order")

	again, err := s.QueueSubscriberDigest(ctx, 0, t0.Add(-7*24*time.Hour), t0, 2, texts)
	require.ErrorIs(t, err, store.ErrDigestWindowTaken)
	assert.Equal(t, d.ID, again.ID)
}
