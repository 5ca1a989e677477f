package bot_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/bottest"
	"github.com/transparentcities/nazar/bot/sandbox"
)

func TestCardIsMyCardReady(t *testing.T) {
	h := startCard(t)
	u := bottest.Uk
	ask := func(no, birth string) sandbox.Message {
		m := h.Say(u, "/card")
		h.Press(u, m, "⏳ Чи готова моя картка")
		h.Say(u, no)
		return h.Say(u, birth)
	}
	m := ask("SC-2026-000103", "23.08.1958")
	assert.Equal(t, "📄 Заява SC-2026-000103\nСтатус: готова — можна забирати (з 27.11.2026)\n"+
		"📍 Забрати картку: ЦНАП «Центральний», вул. Шевченка, 12, Нове Місто", m.Text)
	// Issue 19: the answer has a way back to the card menu.
	assert.Contains(t, h.Press(u, m, "↩ Картка").Text, "Що вас цікавить?")
	assert.Contains(t, ask("sc-2026-000105", "05.03.1980").Text, "Статус: відмовлено (з 18.11.2026)\nПричина: Не додано посвідчення")
	assert.Contains(t, ask("SC-2026-000104", "30.10.2005").Text, "Статус: видано")
	assert.Contains(t, ask("SC-2026-000103", "24.08.1958").Text, "не знайдено", "a wrong date reveals nothing")
	assert.Contains(t, ask("SC-2026-999999", "23.08.1958").Text, "не знайдено")

	// Before ready the bot offers to notify; the import that makes it ready does.
	m = ask("SC-2026-000102", "09.01.2010")
	assert.Contains(t, m.Text, "Статус: виготовляється")
	m = h.Press(u, m, "🔔 Повідомити, коли буде готова")
	assert.Contains(t, m.Text, "напишу, щойно картка буде готова")
	m = ask("SC-2026-000101", "12.06.1990")
	assert.Contains(t, m.Text, "Статус: подано")
	h.Press(u, m, "🔔 Повідомити, коли буде готова")
	before := len(h.SB.Messages(u.ID))
	sum := importCard(t, h, "card-applications", writeCSV(t, "apps.csv",
		"application_no,birth_date,category,status,status_date,pickup_point,reason\n"+
			"SC-2026-000102,09.01.2010,pupil,ready,2026-11-28,transport-office,\n"+
			"SC-2026-000101,12.06.1990,resident,відхилена,2026-11-28,,Немає реєстрації в місті\n"))
	assert.Contains(t, sum.String(), "2 card alerts queued")
	assert.ElementsMatch(t, []string{
		"🔔 Картка за заявою SC-2026-000102 готова! Забрати: Центр обслуговування пасажирів, вул. Вокзальна, 3, Нове Місто",
		"🔔 Заяву SC-2026-000101 на картку відхилено.\nПричина: Немає реєстрації в місті",
	}, newTexts(t, h, u, before, 2))
	sum = importCard(t, h, "card-applications", "../demo/data/card/card_applications.csv")
	assert.NotContains(t, sum.String(), "alerts queued", "told once")
}

// Switching an alert on checks the card at once (issue 19): a balance
// already under the threshold alerts now, an expiring card says in how
// many days; an import then tells nothing twice, and a new drop after the
// balance came back alerts again.
func TestCardAlertsThroughTheOutbox(t *testing.T) {
	h := startCard(t)
	u := bottest.En
	bal := linkCard(h, u, veteranCard, veteranBirth)
	assert.Contains(t, bal.Text, "Balance: UAH\u00a012.40")
	m := h.Press(u, bal, "🔔 Alerts")
	assert.Contains(t, m.Text, "▫️ Balance below UAH\u00a020.00")

	page := m.ID // the alerts page is edited; pushes come after it
	before := len(h.SB.Messages(u.ID))
	h.Press(u, m, "Low balance: off")
	assert.Equal(t, []string{"🔔 Card •••• 0049 has UAH\u00a012.40 left — below UAH\u00a020.00."},
		newTexts(t, h, u, before, 1), "the balance is already under the threshold")
	before = len(h.SB.Messages(u.ID))
	h.Press(u, h.Message(u, page), "Expiry: off")
	assert.Equal(t, []string{"🔔 Card •••• 0049 is valid until 15 Dec 2026: 17 days left. Remember to renew it in time."},
		newTexts(t, h, u, before, 1), "the card expires within 30 days of 28 Nov")
	m = h.Message(u, page)
	assert.Contains(t, m.Text, "✅ Balance below UAH\u00a020.00\n✅ Card expiry")
	h.Press(u, m, "✏️ Balance threshold")
	assert.Contains(t, h.Say(u, "abc").Text, "An amount from 0 to 100000 UAH")
	h.Say(u, "15,50")
	assert.Contains(t, h.Last(u).Text, "✅ Balance below UAH\u00a015.50")

	sum := importCard(t, h, "cards", "../demo/data/card/cards.csv")
	assert.NotContains(t, sum.String(), "alerts queued", "told at switch-on, not again by the import")

	row := func(balance string) string {
		return writeCSV(t, "cards.csv", "card_number,holder_name,birth_date,category,status,valid_until,balance_uah,"+
			"trips_left,pending_uah,updated_at\n9876 5400 0000 0049,Мельник Василь Олегович,1975-11-20,veteran,active,"+
			"2026-12-15,"+balance+",,,2026-11-29T08:30:00+02:00\n")
	}
	assert.NotContains(t, importCard(t, h, "cards", row("30.00")).String(), "alerts queued", "back above: re-armed")
	before = len(h.SB.Messages(u.ID))
	sum = importCard(t, h, "cards", row("9.00"))
	assert.Contains(t, sum.String(), "1 card alert queued")
	assert.Equal(t, []string{"🔔 Card •••• 0049 has UAH\u00a09.00 left — below UAH\u00a015.50."}, newTexts(t, h, u, before, 1))
}

func TestCardPrivacyListsAndDeletesLinks(t *testing.T) {
	h := startCard(t)
	u := bottest.Uk
	linkCard(h, u, studentCard, studentBirth)
	linkCard(h, u, veteranCard, veteranBirth)
	m := h.Say(u, "/privacy")
	assert.Contains(t, m.Text, "• прив’язані картки: •••• 0031, •••• 0049")
	m = h.Press(u, m, "🗑 Видалити мої дані")
	h.Press(u, m, "Так, видалити")
	links, err := h.Store.CardLinks(t.Context(), u.ID)
	require.NoError(t, err)
	assert.Empty(t, links)
	m = h.Say(u, "/card")
	assert.Equal(t, "У вас ще немає прив’язаних карток.", h.Press(u, m, "💳 Мої картки").Text)
}

// TestCardLogsNeverShowNumbersOrBirthDates runs the card flows and reads
// every log line the bot wrote (handlers/card_test.go checks the card code
// masks on its own, without the scrubbing logger).
func TestCardLogsNeverShowNumbersOrBirthDates(t *testing.T) {
	h := startCard(t)
	u := bottest.Uk
	for range 5 {
		linkCard(h, u, studentCard, "01.01.2000")
	}
	h.Clock.Advance(25 * time.Hour)
	bal := linkCard(h, u, studentCard, studentBirth)
	h.Press(u, bal, "🧾 Останні операції")
	linkCard(h, u, veteranCard, veteranBirth)
	m := h.Say(u, "/card")
	h.Press(u, m, "⏳ Чи готова моя картка")
	h.Say(u, "SC-2026-000103")
	h.Say(u, "23.08.1958")
	h.Say(u, "/privacy")
	require.NoError(t, h.Stop())

	logs := h.Log.String()
	require.Contains(t, logs, `"msg":"card linked","user":501,"card":"•••• 0031"`, "the card code did log")
	secrets := []string{"9876540000000031", "9876 5400 0000 0031", "9876540000000049", "9876 5400 0000 0049",
		"05.03.2004", "2004-03-05", "01.01.2000", "2000-01-01", "20.11.1975", "1975-11-20", "23.08.1958", "1958-08-23"}
	for _, s := range secrets {
		assert.NotContains(t, logs, s)
	}
	assert.NotRegexp(t, regexp.MustCompile(`\d{12,}`), logs, "no long digit runs at all")
}

// newTexts waits for n messages to user after the first before and returns their texts.
func newTexts(t *testing.T, h *bottest.Harness, u sandbox.User, before, n int) []string {
	t.Helper()
	msgs, err := h.SB.WaitMessages(u.ID, before+n, 10*time.Second)
	require.NoError(t, err)
	var texts []string
	for _, m := range msgs[before:] {
		texts = append(texts, m.Text)
	}
	return texts
}

func writeCSV(t *testing.T, name, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(strings.TrimLeft(body, "\n")), 0o600))
	return path
}
