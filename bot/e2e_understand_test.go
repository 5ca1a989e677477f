package bot_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/bottest"
	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/importer"
)

// startCity runs the bot with the demo directory and council loaded and
// the names for typed questions refreshed, as the background check does
// after an import.
func startCity(t *testing.T, opts ...func(*config.Config)) *bottest.Harness {
	t.Helper()
	h := bottest.Start(t, opts...)
	env := importer.Env{Store: h.Store, Config: h.Config}
	_, err := importer.Run(t.Context(), env, "businesses", demoBusinesses)
	require.NoError(t, err)
	_, err = importer.Run(t.Context(), env, "council", "../demo/data/council")
	require.NoError(t, err)
	require.NoError(t, h.App.RefreshNames(t.Context()))
	return h
}

func TestTypedNearestPharmacyAsksLocationThenAnswers(t *testing.T) {
	h := startCity(t)
	ask := h.Say(bottest.Uk, "де найближча аптека?")
	assert.Contains(t, ask.Text, "Надішліть свою локацію")
	assert.Contains(t, ask.Text, "найближчі аптеки")
	require.NotEmpty(t, ask.Keyboard, "a keyboard with the share-location button")
	assert.Equal(t, "📍 Надіслати мою локацію", ask.Keyboard[0][0])

	near := h.Location(bottest.Uk, 49.8402, 24.0301)
	assert.Contains(t, near.Text, "📍 Найближчі аптеки")
	assert.Contains(t, near.Text, "1. Аптека «Здоров'я»")
	for _, line := range strings.Split(near.Text, "\n")[2:] {
		assert.Contains(t, line, "Аптека", "only pharmacies: %q", line)
	}
	// A second location is answered the same way; text is a new question.
	assert.Contains(t, h.Location(bottest.Uk, 49.8420, 24.0325).Text, "Найближчі аптеки")
	assert.Contains(t, h.Say(bottest.Uk, "баланс картки").Text, "У вас ще немає прив’язаних карток")
}

func TestTypedQuestionsReachTheFeatures(t *testing.T) {
	h := startCity(t)
	tests := []struct {
		name, say string
		user      string
		want      string
	}{
		{"card balance", "баланс картки", "uk", "У вас ще немає прив’язаних карток"},
		{"deputy in the nominative", "як голосував Гнатюк", "uk", "👤 Гнатюк Олександр Петрович"},
		{"deputy in the genitive", "голосування Гнатюка", "uk", "👤 Гнатюк Олександр Петрович"},
		{"deputy in the instrumental, with a typo", "депутат Гнатюкомм", "uk", "👤 Гнатюк Олександр Петрович"},
		{"deputy in Latin", "how did Hnatiuk vote", "en", "👤 Гнатюк Олександр Петрович"},
		{"section word and a part of a name", "депутат Муль", "uk", "👤 Мульчак Наталія Олегівна"},
		{"section word and the whole name", "депутат Мульчак", "uk", "👤 Мульчак Наталія Олегівна"},
		{"section word and a part of a name in Latin", "deputy Mul", "en", "👤 Мульчак Наталія Олегівна"},
		{"shared surname gives the choice", "Коваля", "uk", "Знайдено депутатів: 2"},
		{"pharmacy in English", "pharmacy", "en", "🏢 pharmacies:"},
		{"category in Ukrainian", "кав’ярня", "uk", "🏢 кав'ярні:"},
		{"business by name with a typo", "Смеричка", "uk", "Продуктовий магазин «Смерічка»"},
		{"bare EDRPOU", "21560766", "uk", "Аптека «Здоров'я»"},
		{"who skips sessions", "хто прогулює сесії", "uk", "відвідуваність"},
		{"voucher calculator", "калькулятор ваучера", "uk", "ФОП"},
		{"voucher application typed bare", "LV-2026-000101", "uk", "LV-2026-000101"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := bottest.Uk
			if tt.user == "en" {
				u = bottest.En
			}
			m := h.Say(u, tt.say)
			all := m.Text + "\n" + strings.Join(buttonTexts(m), "\n")
			assert.Contains(t, all, tt.want)
			assert.NotContains(t, all, "не зрозумів")
		})
	}
}

func TestTypedPharmacyListsPharmacies(t *testing.T) {
	h := startCity(t)
	m := h.Say(bottest.En, "pharmacy")
	assert.Regexp(t, `🏢 pharmacies: \d+ records`, m.Text)
	assert.Contains(t, m.Text, "Аптека «Здоров'я»")
	assert.Contains(t, buttonTexts(m), "📍 Nearest pharmacies")
	ask := h.Press(bottest.En, m, "📍 Nearest pharmacies")
	assert.Contains(t, ask.Text, "Share your location")
	assert.Contains(t, h.Location(bottest.En, 49.8402, 24.0301).Text, "1. Аптека «Здоров'я»")
}

func TestTypedAmbiguousQuestionOffersReadings(t *testing.T) {
	h := startCity(t)
	m := h.Say(bottest.Uk, "ваучер картка")
	assert.Equal(t, "Уточніть, будь ласка, що саме ви шукаєте:", m.Text)
	assert.Equal(t, []string{"💳 Соціальна картка", "💼 Бізнес-ваучери"}, buttonTexts(m))
	card := h.Press(bottest.Uk, m, "💳 Соціальна картка")
	assert.Contains(t, buttonTexts(card), "📋 Як отримати картку")
}

func TestTypedGibberishShowsSectionsAndAdminsSeeItCounted(t *testing.T) {
	h := startCity(t, func(c *config.Config) { c.Admins = []int64{bottest.Uk.ID} })
	for range 2 {
		m := h.Say(bottest.Uk, "ывфапрол 3123456789 тел 0671234567")
		assert.Contains(t, m.Text, "оберіть розділ")
		assert.NotContains(t, m.Text, "не зрозумів")
		assert.Equal(t, []string{"💳 Соціальна картка", "🏛 Міська рада", "🏢 Бізнес-довідник", "💼 Бізнес-ваучери",
			"📰 Дайджест", "🤝 Послуги"}, buttonTexts(m))
	}
	council := h.Press(bottest.Uk, h.Last(bottest.Uk), "🏛 Міська рада")
	assert.Contains(t, buttonTexts(council), "🔎 Знайти депутата")

	panel := h.Say(bottest.Uk, "/admin")
	list := h.Press(bottest.Uk, panel, "❓ Нерозпізнані запити")
	assert.Contains(t, list.Text, "2 × ывфапрол ••••••••## тел ••••••••##")
	assert.NotContains(t, list.Text, "3123456789", "the tax id is masked")
	assert.NotContains(t, list.Text, "1234567")

	// Not for residents.
	h.Say(bottest.En, "ывфапрол")
	m := h.Say(bottest.En, "/admin")
	assert.NotContains(t, m.Text+strings.Join(buttonTexts(m), ""), "not understood")
}
