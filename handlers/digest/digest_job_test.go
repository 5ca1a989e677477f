package digest

import (
	digestdom "github.com/transparentcities/nazar/digest"

	"context"
	"testing"
	"time"

	"github.com/robfig/cron/v3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/clock"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/store/storetest"
)

var kyiv = mustZone("Europe/Kyiv")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// The schedule is in city time: 10:00 Kyiv on Mondays is 07:00 UTC in
// summer and 08:00 UTC in winter; the week of the switch (25 Oct 2026) too.
func TestDigestScheduleAcrossDST(t *testing.T) {
	sched, err := cron.ParseStandard("0 10 * * 1")
	require.NoError(t, err)
	tests := []struct {
		now  time.Time
		want time.Time
	}{
		{time.Date(2026, 10, 14, 12, 0, 0, 0, time.UTC), time.Date(2026, 10, 19, 7, 0, 0, 0, time.UTC)},
		{time.Date(2026, 10, 24, 12, 0, 0, 0, time.UTC), time.Date(2026, 10, 26, 8, 0, 0, 0, time.UTC)}, // DST ends Sun 25 Oct
		{time.Date(2026, 3, 28, 12, 0, 0, 0, time.UTC), time.Date(2026, 3, 30, 7, 0, 0, 0, time.UTC)},   // DST starts Sun 29 Mar
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, sched.Next(tt.now.In(kyiv)).UTC(), "after %s", tt.now)
	}
}

func newJob(t *testing.T, clk *clock.Fake) (*DigestJob, *store.Store) {
	st := storetest.Open(t, clk.Now)
	return &DigestJob{Store: st, City: "Нове Місто", Location: kyiv}, st
}

func TestDigestPeriodsFollowEachOtherThroughDSTWeek(t *testing.T) {
	ctx := context.Background()
	// Monday 19 Oct 10:00 EEST, then Monday 26 Oct 10:00 EET: the week is 169 hours long.
	first := time.Date(2026, 10, 19, 10, 0, 0, 0, kyiv)
	second := time.Date(2026, 10, 26, 10, 0, 0, 0, kyiv)
	clk := clock.NewFake(first)
	job, st := newJob(t, clk)
	_, err := st.TouchUser(ctx, store.SeenUser{ID: 1, ChatID: 1, Language: "uk"})
	require.NoError(t, err)
	require.NoError(t, st.Subscribe(ctx, 1, 1))
	_, err = st.SaveDigestItems(ctx, []digestdom.Item{
		{ID: "old", Topic: "news", Title: "Старе", PublishedAt: first.Add(-8 * 24 * time.Hour)},
		{ID: "w1", Topic: "news", Title: "Перший тиждень", PublishedAt: first.Add(-time.Hour)},
		{ID: "w2", Topic: "news", Title: "Другий тиждень", PublishedAt: second.Add(-time.Minute)},
		{ID: "later", Topic: "news", Title: "Потім", PublishedAt: second.Add(time.Minute)},
	})
	require.NoError(t, err)

	plan, err := job.Plan(ctx, first)
	require.NoError(t, err)
	assert.True(t, first.Add(-7*24*time.Hour).Equal(plan.From), "the very first digest covers 7 days")
	require.Len(t, plan.Items, 1)
	assert.Equal(t, "w1", plan.Items[0].ID)
	d, sent, err := job.Send(ctx, first)
	require.NoError(t, err)
	require.True(t, sent)

	plan, err = job.Plan(ctx, second)
	require.NoError(t, err)
	assert.True(t, d.To.Equal(plan.From), "the next digest starts where the previous ended")
	assert.Equal(t, 169*time.Hour, plan.To.Sub(plan.From))
	require.Len(t, plan.Items, 1)
	assert.Equal(t, "w2", plan.Items[0].ID)
	text := job.Render(locales.New("uk"), plan, digestdom.Topics)
	assert.Contains(t, text, "19.10.2026 – 26.10.2026")
	assert.NotContains(t, text, "Потім")
}

func TestDigestRenderFiltersByTopicAndLanguage(t *testing.T) {
	job := &DigestJob{City: "Nove Misto", Location: kyiv}
	now := time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)
	plan := DigestPlan{From: now.Add(-7 * 24 * time.Hour), To: now, Items: []digestdom.Item{
		{Topic: "news", Lang: "uk", Title: "Лише українською"},
		{Topic: "news", Title: "For everyone", URL: "https://x.example"},
		{Topic: "transport", Lang: "en", Title: "Tram"},
		councilItem([]string{"Про бюджет", "Про парки"}, now),
	}}
	en := job.Render(locales.New("en"), plan, []string{"news", "council"})
	assert.Contains(t, en, "Nove Misto digest")
	assert.Contains(t, en, "• For everyone\n  https://x.example")
	assert.NotContains(t, en, "Лише українською")
	assert.NotContains(t, en, "Tram", "transport is not among the topics")
	assert.Contains(t, en, "The council adopted 2 decisions:\n  Про бюджет\n  Про парки")
	assert.Empty(t, job.Render(locales.New("uk"), plan, []string{"transport"}), "the only transport item is English")
}
