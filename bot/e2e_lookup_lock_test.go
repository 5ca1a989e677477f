package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/bottest"
	"github.com/transparentcities/nazar/bot/sandbox"
	"github.com/transparentcities/nazar/config"
)

// Issue 14 §2: every lookup that reveals personal data has the attempt lock
// of card linking: 5 failures per user, and 5 per application (whoever made
// them, from however many chats), within 24 hours lock further tries; an
// unknown number and a wrong date or tax id are answered alike; deleting
// one's data lifts no lock; admins see the locks in /admin.

// guessers are residents, each in their own chat, probing one application.
func guessers(first int64, n int) []sandbox.User {
	out := make([]sandbox.User, n)
	for i := range out {
		out[i] = sandbox.User{ID: first + int64(i), FirstName: "Гість", LanguageCode: "uk"}
	}
	return out
}

var lockAdmin = sandbox.User{ID: 920, FirstName: "Ірина", LanguageCode: "uk"}

// deleteMyData is /privacy → delete → confirm.
func deleteMyData(h *bottest.Harness, u sandbox.User) {
	m := h.Say(u, "/privacy")
	m = h.Press(u, m, "🗑 Видалити мої дані")
	h.Press(u, m, "Так, видалити")
}

func TestCardReadyCheckLocksPerUserAndPerApplication(t *testing.T) {
	h := startCard(t, func(c *config.Config) { c.Admins = []int64{lockAdmin.ID} })
	ask := func(u sandbox.User, no, birth string) string {
		m := h.Say(u, "/card")
		m = h.Press(u, m, "⏳ Чи готова моя картка")
		if m.Text != "Напишіть номер заяви (наприклад, SC-2026-000123)." {
			return m.Text // locked before a number is asked
		}
		if m = h.Say(u, no); m.Text != "Тепер дату народження заявника у форматі ДД.ММ.РРРР (наприклад, 05.03.1980)." {
			return m.Text
		}
		return h.Say(u, birth).Text
	}
	const locked = "🔒 Забагато невдалих спроб. Перевірити заяву можна буде після"
	g := guessers(801, 8)

	// No oracle: an unknown number and a wrong date get the same answer.
	unknown := ask(g[0], "SC-2026-999999", "23.08.1958")
	wrongDate := ask(g[1], "SC-2026-000103", "24.08.1958")
	assert.Equal(t, unknown, wrongDate)
	assert.Contains(t, unknown, "не знайдено")
	assert.Contains(t, unknown, "Залишилося 4 спроби")

	// Per user: one resident trying many numbers is stopped at the fifth failure.
	for i, no := range []string{"SC-2026-000101", "SC-2026-000102", "SC-2026-000104", "SC-2026-000105"} {
		text := ask(g[0], no, "01.01.1970")
		if i < 3 {
			assert.NotContains(t, text, locked)
		} else {
			assert.Contains(t, text, locked, "the fifth failure locks")
		}
	}
	assert.Contains(t, ask(g[0], "SC-2026-000103", "23.08.1958"), locked, "even with the right date")

	// Per application: one guess each from four more chats locks SC-2026-000103
	// (g[1] already failed on it once), even for its owner with the right date.
	for _, u := range g[2:6] {
		ask(u, "SC-2026-000103", "01.01.1970")
	}
	assert.Contains(t, h.Last(g[5]).Text, locked)
	assert.Contains(t, ask(bottest.Uk, "SC-2026-000103", "23.08.1958"), locked)
	assert.Contains(t, ask(bottest.Uk, "SC-2026-000102", "09.01.2010"), "Статус: виготовляється",
		"another application is not locked")

	// Admins see both locks.
	panel := h.Say(lockAdmin, "/admin").Text
	assert.Contains(t, panel, "🔒 Блокування спроб зараз (2):")
	assert.Contains(t, panel, "заява на картку · SC-2026-000103 · до ")
	assert.Contains(t, panel, "заява на картку · користувач 801 · до ")

	// Deleting one's data lifts no lock.
	deleteMyData(h, g[0])
	assert.Contains(t, ask(g[0], "SC-2026-000101", "12.06.1990"), locked)

	// A day later the owner gets the answer.
	h.Clock.Advance(24*time.Hour + time.Minute)
	assert.Contains(t, ask(bottest.Uk, "SC-2026-000103", "23.08.1958"), "Статус: готова")
	assert.Contains(t, h.Say(lockAdmin, "/admin").Text, "🔒 Блокувань спроб зараз немає.")
}

// One resident's success resets nothing of the others' failures on the same
// application: the lock still comes at the fifth.
func TestCardReadySuccessResetsNoOneElsesFailures(t *testing.T) {
	h := startCard(t)
	ask := func(u sandbox.User, birth string) string {
		m := h.Say(u, "/card")
		h.Press(u, m, "⏳ Чи готова моя картка")
		h.Say(u, "SC-2026-000101")
		return h.Say(u, birth).Text
	}
	g := guessers(831, 5)
	for _, u := range g[:3] {
		assert.Contains(t, ask(u, "01.01.1970"), "не знайдено")
	}
	assert.Contains(t, ask(bottest.Uk, "12.06.1990"), "Статус: подано", "the owner's check")
	assert.Contains(t, ask(g[3], "01.01.1970"), "Залишилася 1 спроба", "four failures on the application")
	assert.Contains(t, ask(g[4], "01.01.1970"), "🔒 Забагато невдалих спроб")
}

func TestVoucherStatusLocksPerUserAndPerApplication(t *testing.T) {
	h := startVoucher(t)
	status := func(u sandbox.User, no, tax string) string {
		m := h.Say(u, "/voucher "+no)
		if strings.HasPrefix(m.Text, "🔒") {
			return m.Text // locked before the tax id is asked
		}
		return h.Say(u, tax).Text
	}
	const locked = "🔒 Забагато невдалих спроб. Перевірити заявку на ваучер можна буде після"
	g := guessers(851, 8)

	// No oracle: an unknown number and someone else's public EDRPOU on a real
	// application get the same answer but for the number they name.
	unknown := status(g[0], "LV-2026-000777", "42345678")
	wrongTax := status(g[1], demoLegalNo, "42345678")
	assert.Equal(t, unknown, strings.ReplaceAll(wrongTax, demoLegalNo, "LV-2026-000777"))
	assert.Contains(t, unknown, "Залишилося 4 спроби")

	// Per user: sequential numbers with a public EDRPOU.
	for i, no := range []string{"LV-2026-000778", "LV-2026-000779", "LV-2026-000780", "LV-2026-000781"} {
		text := status(g[0], no, "42345678")
		if i < 3 {
			assert.NotContains(t, text, locked)
		} else {
			assert.Contains(t, text, locked, "the fifth failure locks")
		}
	}
	assert.Contains(t, status(g[0], demoLegalNo, demoLegalTax), locked, "even with the right tax id")
	m := h.Say(g[0], "/voucher")
	assert.Contains(t, h.Press(g[0], m, "📄 Статус заявки").Text, locked, "the status button too")

	// Per application, from several chats.
	for _, u := range g[2:6] {
		status(u, demoLegalNo, "42345678")
	}
	assert.Contains(t, h.Last(g[5]).Text, locked)
	assert.Contains(t, status(bottest.Uk, demoLegalNo, demoLegalTax), locked, "the applicant too, for a day")
	subs, err := h.Store.VoucherSubscriptions(t.Context(), g[5].ID)
	require.NoError(t, err)
	assert.Empty(t, subs, "no guess subscribed anyone")

	panel := h.Say(voucherAdmin, "/admin").Text
	assert.Contains(t, panel, "статус ваучера · "+demoLegalNo+" · до ")
	assert.Contains(t, panel, "статус ваучера · користувач 851 · до ")

	deleteMyData(h, g[0])
	assert.Contains(t, status(g[0], "LV-2026-000104", "42345678"), locked, "deleting one's data lifts no lock")

	h.Clock.Advance(24*time.Hour + time.Minute)
	assert.Contains(t, status(bottest.Uk, demoLegalNo, demoLegalTax), "📄 Заявка LV-2026-000102")
}
