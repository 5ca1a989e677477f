package bot_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/bottest"
	"github.com/transparentcities/nazar/bot/sandbox"
	"github.com/transparentcities/nazar/importer"
)

// startCouncil runs the bot with the demo council (demo/data/council) loaded.
func startCouncil(t *testing.T) *bottest.Harness {
	t.Helper()
	h := bottest.Start(t)
	_, err := importer.Run(t.Context(), importer.Env{Store: h.Store, Config: h.Config}, "council", "../demo/data/council")
	require.NoError(t, err)
	return h
}

func buttonTexts(m sandbox.Message) []string {
	var out []string
	for _, row := range m.Inline {
		for _, b := range row {
			out = append(out, b.Text)
		}
	}
	return out
}

func TestCouncilDeputySearch(t *testing.T) {
	h := startCouncil(t)
	u := bottest.Uk
	tests := []struct {
		name, say string
		want      []string
	}{
		{"Cyrillic surname", "/deputy Гнатюк", []string{"👤 Гнатюк Олександр Петрович", "Відвідуваність (пленарні дні):",
			"Фракційна дисципліна:", " з ", "\nВиборчий округ: № 1\n"}},
		{"the prompt's example (issue 19)", "/deputy Муль", []string{"👤 Мульчак Наталія Олегівна"}},
		{"the prompt's Latin example", "/deputy Mul", []string{"👤 Мульчак Наталія Олегівна"}},
		{"Latin transliteration", "/deputy hnatiuk", []string{"👤 Гнатюк Олександр Петрович"}},
		{"part of a patronymic, any case", "/deputy ПЕТРОВИЧ", []string{"Гнатюк Олександр Петрович"}},
		{"deep link by open-data id", "/start dep_NM-001", []string{"👤 Гнатюк Олександр Петрович"}},
		{"no match", "/deputy Шевченко", []string{"Депутата «Шевченко» не знайдено"}},
		{"SQL-looking text", "/deputy '; DROP TABLE council_deputies; --", []string{"не знайдено"}},
		{"4,000 characters", "/deputy " + strings.Repeat("Ж", 4000), []string{"Нікого не знайдено"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := h.Say(u, tt.say)
			for _, w := range tt.want {
				assert.Contains(t, m.Text, w)
			}
		})
	}
	n, err := h.Store.SearchDeputies(t.Context(), mustQuery(t, "ко"))
	require.NoError(t, err)
	assert.NotEmpty(t, n, "nothing was dropped")
	assert.Contains(t, h.Say(u, "/menu").Text, "Головне меню", "the bot still answers")
}

func TestCouncilSharedNameGivesButtons(t *testing.T) {
	h := startCouncil(t)
	m := h.Say(bottest.Uk, "/deputy Коваль")
	assert.Equal(t, "Знайдено депутатів: 2. Оберіть:", m.Text)
	assert.Equal(t, []string{"Коваль Ірина Степанівна · Рух за Нове Місто", "Коваль Петро Іванович · Зелена громада"},
		buttonTexts(m))
	card := h.Press(bottest.Uk, m, "Коваль Петро Іванович · Зелена громада")
	assert.Equal(t, m.ID, card.ID, "the card replaces the list")
	assert.Contains(t, card.Text, "👤 Коваль Петро Іванович")

	// Without an argument the bot asks, and the next message is the name.
	assert.Contains(t, h.Say(bottest.Uk, "/deputy").Text, "Напишіть прізвище")
	assert.Contains(t, h.Say(bottest.Uk, "Kovalʼ Iryna").Text, "👤 Коваль Ірина Степанівна")
}

func TestCouncilVotesPagesEditInPlace(t *testing.T) {
	h := startCouncil(t)
	card := h.Say(bottest.Uk, "/deputy Гнатюк")
	votes := h.Press(bottest.Uk, card, "🗳 Голосування")
	assert.Equal(t, card.ID, votes.ID)
	assert.Contains(t, votes.Text, "голосування 1–10 з 51, спершу найновіші")
	assert.Contains(t, votes.Text, "19.11.2026 ·", "the newest session first")
	next := h.Press(bottest.Uk, votes, "▶")
	assert.Equal(t, card.ID, next.ID)
	assert.Contains(t, next.Text, "голосування 11–20 з 51")
	assert.Equal(t, []string{"◀", "▶", "👤 Картка"}, buttonTexts(next))
}

func TestCouncilSessionToRollCall(t *testing.T) {
	h := startCouncil(t)
	m := h.Say(bottest.Uk, "/council")
	assert.Contains(t, m.Text, "Депутатів: 32 · фракцій: 4 · сесій: 3 · поіменних голосувань: 51")
	m = h.Press(bottest.Uk, m, "📅 Сесії")
	m = h.Press(bottest.Uk, m, "19.11.2026 · 14 сесія (позачергова)")
	assert.Contains(t, m.Text, "Питань порядку денного: 11")
	item := m.Inline[1][0].Text
	m = h.Press(bottest.Uk, m, item)
	assert.Contains(t, m.Text, "Голосування з цього питання:")
	m = h.Press(bottest.Uk, m, m.Inline[0][0].Text)
	assert.Contains(t, m.Text, "Рух за Нове Місто — лінія:")
	assert.Contains(t, m.Text, "Позафракційні\n")
	assert.Contains(t, m.Text, "Рудницький Степан Ілліч", "switched into Рух on 15.10.2026")
	rux := m.Text[strings.Index(m.Text, "Рух за Нове Місто —"):]
	assert.Contains(t, rux[:strings.Index(rux, "\n\n")], "Рудницький")
}

func TestCouncilCompareAndHelpMetrics(t *testing.T) {
	h := startCouncil(t)
	card := h.Say(bottest.En, "/deputy Hnatiuk")
	assert.Contains(t, card.Text, "Attendance (sitting days): 100.0% — 3 of 3")
	m := h.Press(bottest.En, card, "⚖️ Compare")
	assert.Contains(t, m.Text, "Compare Гнатюк Олександр Петрович with whom?")
	m = h.Say(bottest.En, "Kovalʼ")
	assert.Equal(t, "Deputies found: 2. Pick one:", m.Text)
	m = h.Press(bottest.En, m, "Коваль Ірина Степанівна · Рух за Нове Місто")
	assert.Regexp(t, `Agreement: \d+\.\d% — \d+ of \d+`, m.Text)

	help := h.Say(bottest.En, "/help metrics")
	assert.Contains(t, help.Text, "Discipline = 1 − deviations ÷ votes with a line")
	assert.Contains(t, h.Say(bottest.En, "/help").Text, "/deputy", "plain /help still lists the commands")
}

func TestCouncilDecisionsDraftsFactionsLeaders(t *testing.T) {
	h := startCouncil(t)
	m := h.Say(bottest.Uk, "/start council")
	m = h.Press(bottest.Uk, m, "✅ Ухвалені рішення")
	assert.Contains(t, m.Text, "✅ Ухвалені рішення, спершу найновіші (1–10 з")
	m = h.Press(bottest.Uk, m, "🔤 За словами")
	m = h.Say(bottest.Uk, "бюджет")
	assert.Contains(t, m.Text, "«бюджет»")
	assert.Contains(t, m.Text, "бюджет")

	m = h.Say(bottest.Uk, "/council")
	m = h.Press(bottest.Uk, m, "📝 Проєкти на розгляді")
	assert.Contains(t, m.Text, "Про затвердження Стратегії розвитку Нового Міста до 2035 року")

	m = h.Say(bottest.Uk, "/council")
	m = h.Press(bottest.Uk, m, "👥 Фракції")
	m = h.Press(bottest.Uk, m, "Нова сила (3)")
	assert.Contains(t, m.Text, "Згуртованість:")
	assert.Contains(t, m.Text, "Рудницький Степан Ілліч —", "a former member's deviations stay with the faction")

	m = h.Say(bottest.Uk, "/council")
	m = h.Press(bottest.Uk, m, "📉 Рейтинги")
	m = h.Press(bottest.Uk, m, "Найнижча відвідуваність")
	assert.Contains(t, m.Text, "1. Лисенко Софія Андріївна — 66,7\u00a0% — 2 з 3")
	assert.Contains(t, m.Text, "Відвідуваність — частка пленарних днів", "the definition is shown")
}
