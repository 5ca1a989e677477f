package bot_test

import (
	"github.com/transparentcities/nazar/digest"

	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/bottest"
	"github.com/transparentcities/nazar/bot/sandbox"
	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/importer"
	"github.com/transparentcities/nazar/store"
)

var admin = bottest.En
var asAdmin = func(c *config.Config) { c.Admins = []int64{admin.ID} }

func TestDigestPanelSubscribeTopicsAndNextTime(t *testing.T) {
	h := bottest.Start(t)
	m := h.Say(bottest.Uk, "/digest")
	assert.Contains(t, m.Text, "Ви ще не підписані")
	// Saturday 28 Nov 2026 12:00 Kyiv → Monday 30 Nov 10:00.
	assert.Contains(t, m.Text, "Наступний дайджест: понеділок, 30.11.2026 10:00 (час громади «Nazar Demo»).")

	m = h.Press(bottest.Uk, m, "🔔 Підписатися")
	assert.Contains(t, m.Text, "Ви підписані")
	m = h.Press(bottest.Uk, m, "✅ Транспорт")
	assert.Contains(t, flattenInline(m), "▫️ Транспорт", "toggled off, edited in place")
	sub, found, err := h.Store.Subscription(t.Context(), bottest.Uk.ID)
	require.NoError(t, err)
	require.True(t, found)
	assert.Equal(t, []string{"news", "business", "council"}, sub.Topics)

	m = h.Press(bottest.Uk, m, "🔕 Відписатися")
	assert.Contains(t, m.Text, "Ви ще не підписані")
}

func TestDigestGoesOnlyToMatchingSubscribers(t *testing.T) {
	h := bottest.Start(t)
	ctx := t.Context()
	seedItems(t, h, "news", "business")

	// Uk: all topics; En: transport only (no item); 503: never subscribed.
	for _, u := range []int64{bottest.Uk.ID, bottest.En.ID} {
		_, err := h.Store.TouchUser(ctx, store.SeenUser{ID: u, ChatID: u, Language: map[int64]string{501: "uk", 502: "en"}[u]})
		require.NoError(t, err)
		require.NoError(t, h.Store.Subscribe(ctx, u, u))
	}
	require.NoError(t, h.Store.SetTopics(ctx, bottest.En.ID, []string{"transport"}))

	d, sent, err := h.App.Features().DigestJob.Send(ctx, h.Clock.Now())
	require.NoError(t, err)
	require.True(t, sent)
	assert.Equal(t, 1, d.Recipients)
	msgs, err := h.SB.WaitMessages(bottest.Uk.ID, 1, 10*time.Second)
	require.NoError(t, err)
	assert.Contains(t, msgs[0].Text, "Дайджест громади")
	assert.Contains(t, msgs[0].Text, "Ярмарок")
	assert.Empty(t, h.SB.Messages(bottest.En.ID), "no item matches transport")

	// Nothing new since: nothing is queued.
	_, sent, err = h.App.Features().DigestJob.Send(ctx, h.Clock.Now().Add(time.Hour))
	require.NoError(t, err)
	assert.False(t, sent)
}

func seedItems(t *testing.T, h *bottest.Harness, topics ...string) {
	var items []digest.Item
	for i, topic := range topics {
		items = append(items, digest.Item{ID: fmt.Sprintf("it%d", i), Topic: topic, Title: "Ярмарок " + topic,
			Body: "Субота, площа Ринок", PublishedAt: h.Clock.Now().Add(-time.Hour), Source: "import"})
	}
	_, err := h.Store.SaveDigestItems(t.Context(), items)
	require.NoError(t, err)
}

func TestAdminDigestItemFlow(t *testing.T) {
	h := bottest.Start(t, asAdmin)
	panel := h.Say(admin, "/admin")
	m := h.Press(admin, panel, "📝 New digest item")
	m = h.Press(admin, m, "Transport")
	assert.Contains(t, m.Text, "Send the title")

	assert.Contains(t, h.Say(admin, "  ").Text, "must not be empty", "a blank title is refused")
	h.Say(admin, "Tram 3 returns")
	h.Say(admin, "From Monday the tram runs again.")
	assert.Contains(t, h.Say(admin, "ftp://example.org/x").Text, "not an http:// or https:// link")
	assert.Contains(t, h.Say(admin, "javascript:alert(1)").Text, "not an http:// or https:// link")
	preview := h.Say(admin, "https://city.example/tram")
	assert.Contains(t, preview.Text, "• Tram 3 returns")
	m = h.Press(admin, preview, "✅ Publish")
	assert.Contains(t, m.Text, "Published")

	items, err := h.Store.DigestItemsBetween(t.Context(), h.Clock.Now().Add(-time.Hour), h.Clock.Now())
	require.NoError(t, err)
	require.Len(t, items, 1)
	assert.Equal(t, "transport", items[0].Topic)
	assert.Equal(t, "https://city.example/tram", items[0].URL)
	log, err := h.Store.AuditLog(t.Context(), 5)
	require.NoError(t, err)
	assert.Equal(t, "digest.publish", log[0].Action)
}

func TestNonAdminIsRefusedAndAudited(t *testing.T) {
	h := bottest.Start(t)
	assert.Contains(t, h.Say(bottest.Uk, "/admin").Text, "лише адміністраторам")
	m := h.Say(bottest.Uk, "/start")
	h.PressData(bottest.Uk, m.ID, "1|dga|send")
	log, err := h.Store.AuditLog(t.Context(), 5)
	require.NoError(t, err)
	require.Len(t, log, 2)
	assert.Equal(t, "refused:digest.send", log[0].Action)
	assert.Equal(t, "refused:admin.panel", log[1].Action)
}

func TestDigestItemsImportRefusesABadFile(t *testing.T) {
	h := bottest.Start(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "items.csv")
	require.NoError(t, os.WriteFile(bad, []byte("id;topic;title;url;published_at\n"+
		"a1;news;Ok;https://x.example;2026-11-27T10:00:00+02:00\n"+
		"a2;weather;Rain;;2026-11-27T10:00:00+02:00\n"+
		"a3;news;Link;ftp://x;2026-11-27\n"), 0o600))
	_, err := importer.Run(t.Context(), importer.Env{Store: h.Store, Config: h.Config}, "digest-items", bad)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "items.csv:3:2: topic:")
	assert.Contains(t, err.Error(), "items.csv:4:4: url:")
	items, err := h.Store.DigestItemsBetween(t.Context(), time.Time{}, h.Clock.Now().Add(time.Hour))
	require.NoError(t, err)
	assert.Empty(t, items, "a bad file changes nothing")
}

func flattenInline(m sandbox.Message) []string {
	var out []string
	for _, row := range m.Inline {
		for _, b := range row {
			out = append(out, b.Text)
		}
	}
	return out
}

// Issue 19: /privacy lists the digest subscription and its topics, in the
// same bullet list as everything else stored.
func TestPrivacyListsTheDigestSubscriptionAndTopics(t *testing.T) {
	h := bottest.Start(t)
	u := bottest.Uk
	m := h.Say(u, "/digest")
	m = h.Press(u, m, "🔔 Підписатися")
	h.Press(u, m, "✅ Транспорт")
	text := h.Say(u, "/privacy").Text
	assert.Contains(t, text, "\n• підписані на дайджест; теми: Новини, Бізнес, Рада\n")
	for _, line := range strings.Split(strings.Split(text, "\n\n")[0], "\n")[1:] {
		assert.True(t, strings.HasPrefix(line, "• "), "one list format: %q", line)
	}

	m = h.Say(u, "/digest")
	for _, topic := range []string{"✅ Новини", "✅ Бізнес", "✅ Рада"} {
		m = h.Press(u, m, topic)
	}
	assert.Contains(t, h.Say(u, "/privacy").Text, "• підписані на дайджест, але жодної теми не обрано")
}

// Issue 19: 🗞 shows the last digest sent, also to someone who subscribed
// after it went out, and says so plainly before the first one.
func TestDigestPanelShowsTheLastDigestSent(t *testing.T) {
	h := bottest.Start(t)
	u := bottest.Uk
	m := h.Say(u, "/digest")
	h.Press(u, m, "🗞 Останній дайджест")
	answers := h.SB.CallbackAnswers()
	require.NotEmpty(t, answers)
	assert.Equal(t, "Дайджестів ще не було — перший прийде за розкладом.", answers[len(answers)-1].Text)

	seedItems(t, h, "news", "transport")
	_, sent, err := h.App.Features().DigestJob.Send(t.Context(), h.Clock.Now())
	require.NoError(t, err)
	require.True(t, sent)

	m = h.Say(u, "/digest")
	last := h.Press(u, m, "🗞 Останній дайджест")
	assert.NotEqual(t, m.ID, last.ID, "a new message, the panel stays")
	assert.Contains(t, last.Text, "📰 Дайджест громади «Nazar Demo»")
	assert.Contains(t, last.Text, "Ярмарок news")
	assert.Contains(t, last.Text, "Ярмарок transport")
}

// Issue 19: the admin panel's audit lines are in the city's time (the fake
// clock is 10:00 UTC, 12:00 in Kyiv).
func TestAdminAuditTimesAreCityTime(t *testing.T) {
	h := bottest.Start(t, asAdmin)
	h.Say(admin, "/admin")
	m := h.Say(admin, "/admin")
	assert.Contains(t, m.Text, "28 Nov 2026, 12:00 · 502 · admin.panel")
	assert.NotContains(t, m.Text, "10:00")
}
