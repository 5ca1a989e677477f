package bot_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/bottest"
	"github.com/transparentcities/nazar/bot/sandbox"
	"github.com/transparentcities/nazar/config"
)

func TestThreatReportEndToEndAndMarkedHandled(t *testing.T) {
	h := bottest.Start(t, withOperator)
	u := bottest.Uk
	h.Say(u, "/start")
	m := h.Say(u, "🤝 Послуги")
	assert.Contains(t, m.Text, "Міські послуги")
	assert.Contains(t, flattenInline(m), "🏙 Програма «Прозоре місто»", "info pages are listed too")
	m = h.Press(u, m, "🛡 Повідомити про інформаційну загрозу")
	assert.Contains(t, m.Text, "(1/3) Перешліть сюди підозрілий допис")

	assert.Contains(t, h.Say(u, "там був допис").Text, "Перешліть сюди допис", "neither a forward nor a link")
	m = forwardPost(t, h, u, "Терміново! Воду отруєно, не пийте з крана!", "fake_news_nm", 41)
	assert.Contains(t, m.Text, "(2/3)")
	assert.Contains(t, h.Say(u, "фейк").Text, "щонайменше 10 символів")
	m = h.Say(u, "Міськводоканал нічого такого не повідомляв, це паніка.")
	assert.Contains(t, m.Text, "(3/3)")
	m = sendPhoto(t, h, u, "AgACphoto1")
	assert.Contains(t, m.Text, "Перевірте звернення «🛡 Повідомити про інформаційну загрозу»")
	assert.Contains(t, m.Text, "переслано з: Фейки @fake_news_nm https://t.me/fake_news_nm/41")
	assert.Contains(t, m.Text, "Знімок екрана: 📷 фото додано")

	h.Press(u, m, "✅ Надіслати")
	assert.Contains(t, h.Message(u, m.ID).Text, "✅ Надіслано.", "the summary is closed in place")
	done := h.Last(u)
	assert.Contains(t, done.Text, "Повідомлення передано модераторам")
	assert.Contains(t, done.Text, "Номер вашого звернення: 1.")

	row := outboxRow(t, h, "1")
	assert.Equal(t, threatChat, row.ChatID)
	assert.Contains(t, row.Text, "Звернення №1: 🛡 Повідомити про інформаційну загрозу")
	assert.Contains(t, row.Text, "Оксана (id 501)")
	assert.Contains(t, row.Text, "https://t.me/fake_news_nm/41")
	assert.Contains(t, row.Text, "file_id AgACphoto1")

	ops := waitMessage(t, h, threatChat, "Звернення №1")
	require.Contains(t, flattenInline(ops), "✅ Позначити опрацьованим")

	// Someone in the chat who is not an admin cannot mark it.
	stranger := bottest.En
	pressInChat(t, h, stranger, ops, "✅ Позначити опрацьованим")
	assert.NotContains(t, h.Message(sandbox.User{ID: threatChat}, ops.ID).Text, "Опрацьовано")

	pressInChat(t, h, operator, ops, "✅ Позначити опрацьованим")
	edited := h.Message(sandbox.User{ID: threatChat}, ops.ID)
	assert.Contains(t, edited.Text, "✅ Опрацьовано 28.11.2026 12:00 (адміністратор 900).")
	assert.Empty(t, edited.Inline, "the button is gone")
	told := outboxRow(t, h, "1:handled")
	assert.Equal(t, u.ID, told.ChatID)
	assert.Contains(t, waitMessage(t, h, u.ID, "опрацьовано").Text,
		"✅ Ваше звернення №1 «🛡 Повідомити про інформаційну загрозу» опрацьовано.")

	audit, err := h.Store.AuditLog(t.Context(), 5)
	require.NoError(t, err)
	var actions []string
	for _, e := range audit {
		actions = append(actions, e.Action)
	}
	assert.Contains(t, actions, "form.handled")
	assert.Contains(t, actions, "refused:form.handled")
}

func TestIncubatorWithContactCancelAndRestartMidForm(t *testing.T) {
	h := bottest.Start(t, withOperator)
	u := bottest.En
	m := h.Say(u, "/start form_incubator")
	assert.Contains(t, m.Text, "(1/5) What is your name?", "the deep link opens the form")
	h.Say(u, "Ann Smith")
	assert.Contains(t, h.Last(u).Text, "(2/5) Share your phone number")
	assert.True(t, askedForContact(h, u.ID), "the contact button is offered")

	m = h.Say(u, "/cancel")
	assert.Contains(t, m.Text, "Cancelled")
	assert.NotEmpty(t, m.Keyboard, "the menu is back")
	assert.Contains(t, h.Say(u, "Ann Smith").Text, "I have no answer to that yet", "the form is over")

	h.Say(u, "/services incubator")
	assert.Contains(t, h.Say(u, "Al").Text, "at least 3 characters")
	h.Say(u, "Ann Smith")
	h.Restart()
	m = sendContact(h, u, "380671234567")
	assert.Contains(t, m.Text, "(3/5) Describe your business idea", "the form resumed after the restart")
	m = h.Say(u, "Zero-waste coffee kiosks at the city's tram stops.")
	assert.Contains(t, m.Text, "(4/5) What stage")
	m = h.Press(u, m, "🛠 Prototype")
	assert.Contains(t, m.Text, "(5/5) Do you have a website")
	assert.Contains(t, h.Say(u, "no site yet").Text, "does not look like a link")
	m = h.Press(u, h.SB.Messages(u.ID)[len(h.SB.Messages(u.ID))-2], "⏭ Skip")
	for _, want := range []string{"Name: Ann Smith", "Phone: +380671234567", "Stage: 🛠 Prototype", "Website: —"} {
		assert.Contains(t, m.Text, want)
	}
	h.Press(u, m, "✅ Send")
	assert.Contains(t, h.Last(u).Text, "Application received!")

	row := outboxRow(t, h, "1")
	assert.Equal(t, incubatorChat, row.ChatID)
	assert.Contains(t, row.Text, "Телефон: +380671234567", "operators read it in the default language")
	assert.Contains(t, row.Text, "Стадія: 🛠 Прототип")
}

func askedForContact(h *bottest.Harness, chat int64) bool {
	calls := h.SB.Calls("sendMessage")
	for i := len(calls) - 1; i >= 0; i-- {
		if calls[i].Params["chat_id"] == strconv.FormatInt(chat, 10) {
			return strings.Contains(calls[i].Params["reply_markup"], `"request_contact":true`)
		}
	}
	return false
}

func TestInterpreterSlotConfirmationAndReminder(t *testing.T) {
	h := bottest.Start(t, withOperator)
	u := bottest.Uk
	m := h.Say(u, "/services")
	m = h.Press(u, m, "🤟 Перекладач жестової мови в ЦНАП")
	m = h.Press(u, m, "ЦНАП, вул. Шевченка, 1")
	assert.Contains(t, h.SB.Messages(u.ID)[m.ID-2].Text, "✔ ЦНАП, вул. Шевченка, 1", "the choice is shown in place")
	assert.Contains(t, m.Text, "(2/3) Оберіть зручний час")
	assert.Contains(t, m.Text, "понеділок: 09:00–13:00, 14:00–17:00")
	require.Contains(t, flattenInline(m), "30.11.2026 09:00", "Saturday noon: the first free slot is Monday 9:00")

	assert.Contains(t, h.Say(u, "29.11.2026 10:00").Text, "У цей час центр не працює")
	assert.Contains(t, h.Say(u, "завтра").Text, "Не вдалося прочитати дату")
	m = h.Press(u, m, "30.11.2026 10:00")
	assert.Contains(t, m.Text, "(3/3)")
	m = h.Say(u, "-")
	assert.Contains(t, m.Text, "Час: 30.11.2026 10:00")
	h.Press(u, m, "✅ Надіслати")
	done := h.Last(u)
	assert.Contains(t, done.Text, "Запит на відеосеанс з перекладачем прийнято")
	assert.Contains(t, done.Text, "Нагадаємо вам 30.11.2026 09:00.")

	assert.Equal(t, interpreterChat, outboxRow(t, h, "1").ChatID)
	waitMessage(t, h, interpreterChat, "Час: 30.11.2026 10:00")
	reminder := outboxRow(t, h, "1:reminder", "queued")
	assert.Equal(t, u.ID, reminder.ChatID)
	assert.Contains(t, reminder.Text, "⏰ Нагадування")
	// Queued with the operators' message, which is out: the reminder waits for its time.
	assert.Equal(t, "queued", outboxRow(t, h, "1:reminder").Status, "not before its time")

	h.Clock.Set(time.Date(2026, 11, 30, 7, 0, 0, 0, time.UTC)) // 09:00 Kyiv
	assert.Contains(t, waitMessage(t, h, u.ID, "⏰").Text, "— 30.11.2026 10:00.")
}

func TestQuotaPerUserPerForm(t *testing.T) {
	h := bottest.Start(t, withOperator, func(c *config.Config) { c.Forms.MaxPerDay = 1 })
	u := bottest.Uk
	submitThreat(t, h, u)
	m := h.Say(u, "/services threat")
	assert.Contains(t, m.Text, "Ви вже надіслали 1 звернення цією формою за добу")
	assert.Contains(t, m.Text, "після 29.11.2026 12:00")
	m = h.Say(u, "/services incubator")
	assert.Contains(t, m.Text, "(1/5)", "the limit is per form")
	h.Clock.Advance(24*time.Hour + time.Minute)
	assert.Contains(t, submitThreat(t, h, u).Text, "Номер вашого звернення: 2.")
}
