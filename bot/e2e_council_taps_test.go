package bot_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/bottest"
)

// Compare lists the votes where the two deputies voted unlike, paged in
// place; their number is what the agreement leaves out (issue 19).
func TestCouncilCompareListsTheVotesTheyDifferedOn(t *testing.T) {
	h := startCouncil(t)
	u := bottest.En
	card := h.Say(u, "/deputy Hnatiuk")
	h.Press(u, card, "⚖️ Compare")
	m := h.Say(u, "Kovalʼ")
	m = h.Press(u, m, "Коваль Петро Іванович · Зелена громада")
	agree := regexp.MustCompile(`Agreement: [\d.]+% — (\d+) of (\d+)`).FindStringSubmatch(m.Text)
	require.NotNil(t, agree, m.Text)
	num, _ := strconv.Atoi(agree[1])
	den, _ := strconv.Atoi(agree[2])
	require.Greater(t, den-num, councilPageSize, "the demo pair differs on more than a page: %s", m.Text)
	assert.Contains(t, m.Text, "Where they voted differently: 1–10 of "+strconv.Itoa(den-num)+", newest first.")
	assert.Regexp(t, `\n    Гнатюк: (for|against|abstained|did not vote) · Коваль: (for|against|abstained|did not vote) · decision: `, m.Text)
	assert.Equal(t, 10, strings.Count(m.Text, "\n    Гнатюк: "))
	assert.Equal(t, []string{"▶", "👤 Гнатюк Олександр Петрович", "👤 Коваль Петро Іванович"}, buttonTexts(m))

	next := h.Press(u, m, "▶")
	assert.Equal(t, m.ID, next.ID, "the page is edited in place")
	assert.Contains(t, next.Text, "Where they voted differently: 11–")
	assert.Contains(t, next.Text, "Agreement: ", "the agreement stays on every page")
	assert.Equal(t, "◀", buttonTexts(next)[0])
}

const councilPageSize = 10

// Deputies in faction lists and leaderboards, and decisions and drafts in
// their lists, open with one tap (issue 19).
func TestCouncilListsOpenWithOneTap(t *testing.T) {
	h := startCouncil(t)
	u := bottest.Uk

	m := h.Press(u, h.Say(u, "/council"), "👥 Фракції")
	m = h.Press(u, m, "Нова сила (3)")
	assert.Contains(t, buttonTexts(m), "👤 Рудницький Степан Ілліч", "a former member who deviated")
	card := h.Press(u, m, buttonTexts(m)[0])
	assert.Contains(t, card.Text, "👤 ")
	assert.Contains(t, card.Text, "Фракційна дисципліна:")

	m = h.Press(u, h.Say(u, "/council"), "📉 Рейтинги")
	m = h.Press(u, m, "Найнижча відвідуваність")
	assert.Equal(t, "1. Лисенко Софія Андріївна", buttonTexts(m)[0])
	card = h.Press(u, m, "1. Лисенко Софія Андріївна")
	assert.Contains(t, card.Text, "👤 Лисенко Софія Андріївна")

	m = h.Press(u, h.Say(u, "/council"), "✅ Ухвалені рішення")
	first := buttonTexts(m)[0]
	require.True(t, strings.HasPrefix(first, "✅ "), first)
	roll := h.Press(u, m, first)
	assert.Contains(t, roll.Text, "Рух за Нове Місто — лінія:", "the decision's roll call")

	m = h.Press(u, h.Say(u, "/council"), "✅ Ухвалені рішення")
	h.Press(u, m, "🔤 За словами")
	m = h.Say(u, "бюджет")
	require.True(t, strings.HasPrefix(buttonTexts(m)[0], "✅ "), "found decisions open too")

	m = h.Press(u, h.Say(u, "/council"), "📝 Проєкти на розгляді")
	item := h.Press(u, m, buttonTexts(m)[0])
	assert.Contains(t, item.Text, "Про затвердження Стратегії розвитку Нового Міста до 2035 року")
}
