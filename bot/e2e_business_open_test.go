package bot_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/bottest"
	"github.com/transparentcities/nazar/bot/sandbox"
	"github.com/transparentcities/nazar/hours"
)

// sundayNoon is a Sunday in Kyiv: the demo pharmacies are mostly shut, the
// cafés open.
func sundayNoon(t *testing.T) time.Time {
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	require.NoError(t, err)
	return time.Date(2026, 11, 29, 12, 0, 0, 0, kyiv)
}

// openDemo counts the demo businesses whose row passes pick and that are
// open at t.
func openDemo(t *testing.T, at time.Time, pick func(map[string]string) bool) (open, all int) {
	for _, r := range demoRows(t) {
		if !pick(r) {
			continue
		}
		all++
		if s, err := hours.Parse(r["hours"]); err == nil && !s.Empty() && s.IsOpen(at) {
			open++
		}
	}
	return open, all
}

// listedLines are the numbered lines of a list message.
func listedLines(m sandbox.Message) []string {
	var out []string
	for _, l := range strings.Split(m.Text, "\n") {
		if regexp.MustCompile(`^\d+\. `).MatchString(l) {
			out = append(out, l)
		}
	}
	return out
}

func assertAllOpen(t *testing.T, m sandbox.Message) {
	t.Helper()
	lines := listedLines(m)
	require.NotEmpty(t, lines, m.Text)
	for _, l := range lines {
		assert.Contains(t, l, "🟢 відчинено", l)
	}
}

// Search, a section's list and near me offer the businesses open now
// (issue 19): the button edits the list in place, every line is open, the
// count is that of the demo rows open at the clock, and a button brings
// every business back.
func TestBusinessOpenNowFilter(t *testing.T) {
	h := startBusiness(t)
	u := bottest.Uk
	at := sundayNoon(t)
	h.Clock.Set(at)

	t.Run("search", func(t *testing.T) {
		all := h.Say(u, "/business аптека")
		open := h.Press(u, all, "🟢 Лише відчинені зараз")
		assert.Equal(t, all.ID, open.ID, "edited in place")
		assert.Contains(t, open.Text, "🟢 Відчинені зараз — неділя, 12:00 за місцевим часом")
		assertAllOpen(t, open)
		back := h.Press(u, open, "📋 Усі, відчинені чи ні")
		assert.Equal(t, listedLines(all), listedLines(back))
	})

	t.Run("section", func(t *testing.T) {
		m := h.Press(u, h.Say(u, "/business"), "🗂 Галузі (КВЕД)")
		m = pressPrefix(t, h, m, "G · ")
		m = pressPrefix(t, h, m, "47 · ")
		m = h.Press(u, m, "🟢 Лише відчинені зараз")
		want, all := openDemo(t, at, func(r map[string]string) bool { return strings.HasPrefix(r["kved"], "47.") })
		require.Less(t, want, all, "the clock leaves some of the division shut")
		assert.Contains(t, m.Text, "з "+strconv.Itoa(want)+", за назвою")
		assertAllOpen(t, m)
	})

	t.Run("near me", func(t *testing.T) {
		m := nearAnswer(h, u, 49.8402, 24.0301)
		assert.Contains(t, listedLines(m)[0], "Аптека «Здоров'я» · 0 м", "shut on Sunday, but listed")
		h.Press(u, m, "🟢 Лише відчинені зараз")
		m = h.Message(u, m.ID) // the list is edited; the menu message stays last
		assertAllOpen(t, m)
		assert.NotContains(t, m.Text, "Аптека «Здоров'я»")
		assert.Contains(t, buttonTexts(m), "📋 Усі, відчинені чи ні")
	})

	t.Run("none open", func(t *testing.T) {
		m := h.Say(u, "/edrpou 21560766") // the pharmacy: shut on Sunday
		require.Contains(t, m.Text, "🔴 зачинено")
		m = h.Say(u, "/business Здоров'я")
		m = h.Press(u, m, "🟢 Лише відчинені зараз")
		assert.Contains(t, m.Text, "Зараз жодне з них не відчинене.")
		assert.Contains(t, buttonTexts(m), "📋 Усі, відчинені чи ні")
	})
}

// English words of a category find the Ukrainian businesses of its KVED
// class, through the understanding layer's word lists (issue 19).
func TestBusinessEnglishCategoryWords(t *testing.T) {
	h := startBusiness(t)
	m := h.Say(bottest.En, "/business pharmacy")
	_, pharmacies := openDemo(t, sundayNoon(t), func(r map[string]string) bool { return r["kved"] == "47.73" })
	assert.Contains(t, m.Text, "🏢 pharmacies: "+strconv.Itoa(pharmacies)+" records")
	assert.Contains(t, m.Text, "Аптека «Здоров'я»")

	h.Press(bottest.En, h.Say(bottest.En, "/business"), "🔎 Search")
	m = h.Say(bottest.En, "coffee")
	assert.Contains(t, m.Text, "🏢 coffee shops: ")
	assert.Contains(t, m.Text, "Кав'ярня")

	// A word that also matches names keeps the name search and offers the category.
	m = h.Say(bottest.Uk, "/business аптека")
	assert.Regexp(t, `знайдено \d+ запис`, m.Text)
	assert.Equal(t, "🏢 аптеки", buttonTexts(m)[0])
}
