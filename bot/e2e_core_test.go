package bot_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/bottest"
	"github.com/transparentcities/nazar/bot/sandbox"
	"github.com/transparentcities/nazar/config"
)

func TestStartAnswersInTheUsersLanguage(t *testing.T) {
	h := bottest.Start(t, func(c *config.Config) { c.DefaultLanguage = "en" })
	assert.Contains(t, h.Say(bottest.Uk, "/start").Text, "Вітаю, Оксана!")
	assert.Contains(t, h.Say(bottest.En, "/start").Text, "Hello, Ann!")

	other := sandbox.User{ID: 503, FirstName: "Pierre", LanguageCode: "fr"}
	m := h.Say(other, "/start")
	assert.Contains(t, m.Text, "Hello, Pierre!", "an unsupported language gets default_language")
	assert.Contains(t, flatten(m.Keyboard), "ℹ️ Help", "the main menu comes with the greeting")
}

func TestLanguageSwitchIsRemembered(t *testing.T) {
	h := bottest.Start(t)
	m := h.Say(bottest.Uk, "/language")
	assert.Equal(t, "Оберіть мову:", m.Text)
	h.Press(bottest.Uk, m, "English")
	assert.Equal(t, "Language changed: English.", h.Message(bottest.Uk, m.ID).Text, "edited in place")
	assert.Equal(t, "Main menu. Pick a section:", h.Last(bottest.Uk).Text)

	// Telegram still says "uk"; the choice wins, also after a restart.
	h.Restart()
	assert.Contains(t, h.Say(bottest.Uk, "/start").Text, "Hello, Оксана!")
}

func TestMenuButtonsAndUnknownText(t *testing.T) {
	h := bottest.Start(t)
	h.Say(bottest.Uk, "/start")
	assert.Contains(t, h.Say(bottest.Uk, "ℹ️ Довідка").Text, "/privacy")
	// Text that matches nothing gets a helpful line and the sections as
	// buttons (docs/understand.md), an unknown command the hint and the menu.
	m := h.Say(bottest.Uk, "як справи?")
	assert.Contains(t, m.Text, "не знайшов відповіді")
	assert.NotContains(t, m.Text, "не зрозумів")
	require.NotEmpty(t, m.Inline)
	m = h.Say(bottest.Uk, "/nosuchcommand")
	assert.Contains(t, m.Text, "не зрозумів")
	require.NotEmpty(t, m.Keyboard)
	assert.Contains(t, h.Say(bottest.Uk, "/help@nazar_test_bot").Text, "/language", "the @BotName suffix is stripped")
}

func TestStaleAndGarbageButtonsAreAnsweredPolitely(t *testing.T) {
	h := bottest.Start(t)
	m := h.Say(bottest.Uk, "/start")
	for _, data := range []string{"0|dep|votes|1", "garbage", "1|nosuchfeature|x", "1|lang|set|fr"} {
		h.PressData(bottest.Uk, m.ID, data)
	}
	answers := h.SB.CallbackAnswers()
	require.Len(t, answers, 4, "every press is answered")
	for _, a := range answers {
		assert.Contains(t, a.Text, "застаріла")
	}
	assert.Contains(t, h.Say(bottest.Uk, "/menu").Text, "Головне меню", "nothing broke")
}

func TestPrivacyShowsAndDeletes(t *testing.T) {
	h := bottest.Start(t)
	h.Say(bottest.En, "/start")
	m := h.Say(bottest.En, "/privacy")
	assert.Contains(t, m.Text, "language: English")
	assert.Contains(t, m.Text, "first contact: 28 Nov 2026")
	m = h.Press(bottest.En, m, "🗑 Delete my data")
	m = h.Press(bottest.En, m, "Yes, delete")
	assert.Equal(t, "Done: your data has been deleted.", m.Text)
	_, found, err := h.Store.UserByID(t.Context(), bottest.En.ID)
	require.NoError(t, err)
	assert.False(t, found)
}

func TestSetMyCommandsInBothLanguages(t *testing.T) {
	h := bottest.Start(t)
	require.True(t, h.SB.WaitFor(5e9, func() bool { return len(h.SB.Commands()) == 2 }))
	cmds := h.SB.Commands()
	assert.Equal(t, "start", cmds["uk"][0].Command)
	assert.Equal(t, "почати та показати меню", cmds["uk"][0].Description)
	assert.Equal(t, "start and show the menu", cmds["en"][0].Description)
}

func flatten(rows [][]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r...)
	}
	return out
}

// A direct answer survives three failed tries in a row (5xx, a dropped
// connection, a short 429): the user still gets it, once.
func TestAnswerIsRetriedThroughTransientFailures(t *testing.T) {
	h := bottest.Start(t)
	h.SB.Fail("sendMessage", 2, 502, "", 0)
	h.SB.Fail("sendMessage", 1, 429, "", 1)
	m := h.Say(bottest.En, "/start")
	assert.Contains(t, m.Text, "Hello, Ann!")
	assert.Len(t, h.SB.Messages(bottest.En.ID), 1)
}

// A 429 says when to try again: an answer waits out as many as it takes
// within the handler's deadline, and the transient-failure tries are not
// spent on them.
func TestAnswerWaitsOutARunOf429s(t *testing.T) {
	h := bottest.Start(t)
	h.SB.Fail("sendMessage", 4, 429, "", 1)
	h.SB.Fail("sendMessage", 2, 502, "", 0)
	start := time.Now()
	m := h.Say(bottest.En, "/start")
	assert.Contains(t, m.Text, "Hello, Ann!")
	assert.Len(t, h.SB.Messages(bottest.En.ID), 1)
	assert.GreaterOrEqual(t, time.Since(start), 4*time.Second, "each retry_after was honoured")
}

// poll_timeout is the wait Telegram holds a getUpdates open for; a bot that
// asked for less would poll in a busy loop.
func TestGetUpdatesLongPollsForPollTimeout(t *testing.T) {
	h := bottest.Start(t) // poll_timeout: 1s
	require.True(t, h.SB.WaitFor(5*time.Second, func() bool { return len(h.SB.Calls("getUpdates")) > 0 }))
	polls := h.SB.Calls("getUpdates")
	assert.Equal(t, "1", polls[0].Params["timeout"])
	time.Sleep(1500 * time.Millisecond)
	assert.LessOrEqual(t, len(h.SB.Calls("getUpdates")), 4, "one poll per second, not a busy loop")
}
