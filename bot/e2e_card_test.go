package bot_test

import (
	"fmt"
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

// Demo cards (demo/data/card/README.md).
const (
	studentCard  = "9876 5400 0000 0031" // balance 123.45, 40 trips, 50.00 pending
	studentBirth = "05.03.2004"
	veteranCard  = "9876 5400 0000 0049" // balance 12.40, valid until 15.12.2026
	veteranBirth = "20.11.1975"
)

// startCard runs the bot with the demo card data imported.
func startCard(t *testing.T, opts ...func(*config.Config)) *bottest.Harness {
	t.Helper()
	h := bottest.Start(t, opts...)
	importCard(t, h, "cards", "../demo/data/card/cards.csv")
	importCard(t, h, "card-operations", "../demo/data/card/card_operations.csv")
	importCard(t, h, "card-applications", "../demo/data/card/card_applications.csv")
	return h
}

func importCard(t *testing.T, h *bottest.Harness, dataset, path string) importer.Summary {
	t.Helper()
	sum, err := importer.Run(t.Context(), importer.Env{Store: h.Store, Config: h.Config}, dataset, path)
	require.NoError(t, err)
	return sum
}

// linkCard walks /card → link → number → date and returns the last message.
func linkCard(h *bottest.Harness, u sandbox.User, number, birth string) sandbox.Message {
	m := h.Say(u, "/card")
	h.Press(u, m, btnLink(u))
	h.Say(u, number)
	return h.Say(u, birth)
}

func btnLink(u sandbox.User) string {
	if u.LanguageCode == "en" {
		return "➕ Link a card"
	}
	return "➕ Прив’язати картку"
}

func TestCardHowToFlowWithVenuePin(t *testing.T) {
	h := startCard(t)
	u := bottest.Uk
	m := h.Say(u, "/start card")
	assert.Contains(t, m.Text, "Соціальна картка мешканця")
	m = h.Press(u, m, "📋 Як отримати картку")
	assert.Equal(t, "📋 Як отримати картку. Оберіть категорію:", m.Text)
	assert.Contains(t, buttonTexts(m), "Багатодітна родина")
	page := m.ID
	h.Press(u, m, "Учень")
	cat := h.Message(u, page)
	assert.Contains(t, cat.Text, "📋 Учень")
	assert.Contains(t, cat.Text, "• Довідка зі школи")
	assert.Contains(t, cat.Text, "💰 Вартість: 50 грн")
	assert.Contains(t, cat.Text, "📅 Строк дії: до кінця навчального року")
	assert.Contains(t, cat.Text, "⏱ Виготовлення: до 7 робочих днів")
	assert.Contains(t, cat.Text, "ЦНАП «Центральний» — вул. Шевченка, 12")
	var venues []*sandbox.Venue
	for _, msg := range h.SB.Messages(u.ID) {
		if msg.Method == "sendVenue" {
			venues = append(venues, msg.Venue)
		}
	}
	require.Len(t, venues, 2, "one pin per service point of the category")
	assert.Equal(t, "ЦНАП «Центральний»", venues[0].Title)
	assert.InDelta(t, 49.84195, venues[0].Lat, 1e-6)
	assert.InDelta(t, 24.03155, venues[0].Lon, 1e-6)
	assert.Equal(t, "Центр обслуговування пасажирів", venues[1].Title)

	// The same in English, from the main-menu button.
	m = h.Say(bottest.En, "💳 Social card")
	m = h.Press(bottest.En, m, "📋 How to get a card")
	h.Press(bottest.En, m, "Pensioner")
	assert.Contains(t, h.Message(bottest.En, m.ID).Text, "💰 Price: free")
	msgs := h.SB.Messages(bottest.En.ID)
	require.GreaterOrEqual(t, len(msgs), 2)
	assert.Equal(t, "Administrative Service Centre (Central)", msgs[len(msgs)-2].Venue.Title)
	assert.Equal(t, "48 Svobody Ave, Nove Misto · Tue–Sat 09:00–18:00", msgs[len(msgs)-1].Venue.Address)
}

func TestCardLinkLockThenBalance(t *testing.T) {
	h := startCard(t)
	u := bottest.Uk
	m := h.Say(u, "/card")
	h.Press(u, m, "➕ Прив’язати картку")
	assert.Contains(t, h.Say(u, studentCard).Text, "Картка •••• 0031. Для перевірки")
	for i, left := range []string{"4 спроби", "3 спроби", "2 спроби", "1 спроба"} {
		assert.Contains(t, h.Say(u, "01.01.2000").Text, left, "try %d", i+1)
	}
	assert.Contains(t, h.Say(u, "02.01.2000").Text, "🔒 Забагато невдалих спроб. Прив’язати картку можна буде після 29.11.2026 12:00")

	// Locked: the right date never gets a chance, for any card.
	m = h.Say(u, "/card")
	assert.Contains(t, h.Press(u, m, "➕ Прив’язати картку").Text, "🔒 Забагато невдалих спроб")
	h.Clock.Advance(24*time.Hour - time.Minute)
	m = h.Say(u, "/card")
	assert.Contains(t, h.Press(u, m, "➕ Прив’язати картку").Text, "🔒", "still locked a minute before")

	h.Clock.Advance(time.Minute)
	bal := linkCard(h, u, studentCard, studentBirth)
	lines := strings.Split(bal.Text, "\n")
	assert.Equal(t, []string{
		"💳 •••• 0031 · Студент",
		"Баланс: 123,45\u00a0грн",
		"Поїздок: 40",
		"⏳ Очікує запису: 50,00\u00a0грн — буде записано на картку під час наступного прикладання до валідатора.",
		"Статус: активна",
		"Дійсна до: 31.08.2027",
		"Дані станом на 28.11.2026 08:30",
	}, lines, "the imported figures, the pending top-up on its own line")
	msgs := h.SB.Messages(u.ID)
	assert.Equal(t, "✅ Картку •••• 0031 прив’язано.", msgs[len(msgs)-2].Text)

	ops := h.Press(u, bal, "🧾 Останні операції")
	opLines := strings.Split(ops.Text, "\n")
	require.Len(t, opLines, 11, "a title and the last 10 operations")
	assert.Equal(t, "27.11.2026 18:40 · поїздка · −1 поїздка · Трамвай №2, зуп. Площа Ринок", opLines[1])
	assert.Equal(t, "26.11.2026 19:15 · поповнення · +100,00\u00a0грн · Онлайн-поповнення", opLines[3])

	// Unlink.
	bal = h.Press(u, ops, "↩ Баланс")
	m = h.Press(u, bal, "❌ Відв’язати")
	assert.Contains(t, m.Text, "Відв’язати картку •••• 0031?")
	m = h.Press(u, m, "Так, відв’язати")
	assert.Equal(t, "Картку •••• 0031 відв’язано.", m.Text)
	m = h.Press(u, m, "💳 Мої картки")
	assert.Equal(t, "У вас ще немає прив’язаних карток.", m.Text)
}

func TestCardLockPerCardStopsTheRightDate(t *testing.T) {
	h := startCard(t)
	owner, guesser := bottest.Uk, bottest.En
	// The owner reaches the date step first…
	m := h.Say(owner, "/card")
	h.Press(owner, m, btnLink(owner))
	h.Say(owner, studentCard)
	// …while someone else fails five times on the same card.
	for range 5 {
		linkCard(h, guesser, studentCard, "01.01.1999")
	}
	assert.Contains(t, h.Last(guesser).Text, "🔒 Too many failed attempts")
	assert.Contains(t, h.Say(owner, studentBirth).Text, "🔒 Забагато невдалих спроб", "the card is locked, even for the right date")
	h.Clock.Advance(24 * time.Hour)
	assert.Contains(t, linkCard(h, owner, studentCard, studentBirth).Text, "Баланс: 123,45")
}

func TestCardOtherUsersLinkStaysTheirs(t *testing.T) {
	h := startCard(t)
	assert.Contains(t, linkCard(h, bottest.Uk, studentCard, studentBirth).Text, "Баланс: 123,45")
	links, err := h.Store.CardLinks(t.Context(), bottest.Uk.ID)
	require.NoError(t, err)
	require.Len(t, links, 1)
	ukLink := links[0].ID

	// Another user presses a balance button carrying the first user's link id.
	m := h.Say(bottest.En, "/card")
	before := len(h.SB.Messages(bottest.En.ID))
	for _, action := range []string{"bal", "ops", "al", "unly"} {
		h.PressData(bottest.En, m.ID, fmt.Sprintf("1|card|%s|%d", action, ukLink))
		answers := h.SB.CallbackAnswers()
		assert.Equal(t, "This card is not among yours. Open /card again.", answers[len(answers)-1].Text, action)
	}
	assert.Len(t, h.SB.Messages(bottest.En.ID), before, "nothing about the card was shown")
	assert.Equal(t, m.Text, h.Message(bottest.En, m.ID).Text, "and nothing was edited")
	still, err := h.Store.CardLinks(t.Context(), bottest.Uk.ID)
	require.NoError(t, err)
	assert.Len(t, still, 1, "nor unlinked")

	// Verifying it themselves gives them their own link.
	assert.Contains(t, linkCard(h, bottest.En, studentCard, studentBirth).Text, "Balance: UAH\u00a0123.45")
}

func TestCardBadInput(t *testing.T) {
	h := startCard(t)
	u := bottest.Uk
	m := h.Say(u, "/card")
	h.Press(u, m, "➕ Прив’язати картку")
	numbers := []struct{ say, want string }{
		{"9876 abcd 0000 0031", "лише цифри"},
		{"9876 5400", "Замало цифр: номер картки має 16 цифр"},
		{"9876 5400 0000 0031 5", "Забагато цифр"},
		{"9876 5400 0000 0032", "Такого номера картки не буває"},
	}
	for _, tt := range numbers {
		assert.Contains(t, h.Say(u, tt.say).Text, tt.want, tt.say)
	}
	assert.Contains(t, h.Say(u, studentCard).Text, "дату народження")
	dates := []struct{ say, want string }{
		{"31.02.1980", "Такої дати не існує"},
		{"01.01.2031", "не може бути в майбутньому"},
		{"вчора", "Не схоже на дату"},
		{"1.1.1850", "не раніше 1900"},
	}
	for _, tt := range dates {
		assert.Contains(t, h.Say(u, tt.say).Text, tt.want, tt.say)
	}
	byUser, _, err := h.Store.LookupFailures(t.Context(), store.LookupCard, u.ID, "")
	require.NoError(t, err)
	assert.Empty(t, byUser, "bad input is not a failed verification")
	assert.Contains(t, h.Say(u, "2004-03-05").Text, "Баланс: 123,45", "ISO is accepted too")
}

// Issue 19: a blocked card's balance says what to do about it.
func TestCardBlockedSaysWhatToDo(t *testing.T) {
	h := startCard(t)
	m := linkCard(h, bottest.Uk, "9876 5400 0000 0064", "28.02.1969")
	assert.Contains(t, m.Text, "Статус: заблокована\n🔒 Картку заблоковано: оплатити нею проїзд не вийде.")
	assert.Contains(t, m.Text, "«📋 Як отримати картку»")
	m = linkCard(h, bottest.En, studentCard, studentBirth)
	assert.NotContains(t, m.Text, "blocked")
}
