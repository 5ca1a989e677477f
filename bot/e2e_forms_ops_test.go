package bot_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	nazarapp "github.com/transparentcities/nazar/app"
	"github.com/transparentcities/nazar/bot"
	"github.com/transparentcities/nazar/bot/bottest"
	"github.com/transparentcities/nazar/clock"
	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/store/storetest"
)

const goodForm = `
forms:
  - id: f1
    title: {uk: "Форма", en: "Form"}
    confirmation: {uk: "Дякуємо", en: "Thanks"}
    operators_chat: -100
    steps:
      - id: s1
        type: text
        label: {uk: "Т", en: "T"}
        question: {uk: "Питання?", en: "Question?"}
`

func TestInvalidFormsFileStopsStartUp(t *testing.T) {
	tests := []struct {
		name, from, to, want string
	}{
		{"unknown step type", "type: text", "type: essay", `form "f1" step "s1": unknown step type "essay"`},
		{"missing translation", `question: {uk: "Питання?", en: "Question?"}`, `question: {uk: "Питання?"}`,
			`form "f1" step "s1": question: missing translation "en"`},
		{"duplicate id", "forms:\n", "forms:\n" + strings.TrimPrefix(goodForm, "\nforms:\n"), `form "f1": duplicate id "f1"`},
		{"bad chat id", "operators_chat: -100", "operators_chat: 0", `form "f1": operators_chat: bad chat id`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "forms.yaml")
			require.NoError(t, os.WriteFile(path, []byte(strings.Replace(goodForm, tt.from, tt.to, 1)), 0o600))
			cfg := config.Default()
			cfg.Telegram.Token, cfg.Telegram.APIURL = bottest.Token, "http://127.0.0.1:1"
			cfg.Forms.File = path
			st := storetest.Open(t, clock.NewFake(bottest.Epoch).Now)
			_, err := nazarapp.NewBot(cfg, st, bot.Options{})
			require.Error(t, err)
			assert.Contains(t, err.Error(), "forms file "+path+": "+tt.want)
		})
	}
	t.Run("a valid file starts", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "forms.yaml")
		require.NoError(t, os.WriteFile(path, []byte(goodForm), 0o600))
		h := bottest.Start(t, func(c *config.Config) { c.Forms.File = path })
		m := h.Say(bottest.En, "/services")
		assert.Equal(t, []string{"Form", "🎓 Learning"}, flattenInline(m), "the form, then the courses")
	})
}

func TestSubmissionsSurviveAnUnreachableOperatorsChat(t *testing.T) {
	h := bottest.Start(t, withOperator)
	h.SB.BlockChats(threatChat) // the bot was removed from the moderators' group: 403
	u := bottest.Uk
	assert.Contains(t, submitThreat(t, h, u).Text, "Номер вашого звернення: 1.", "the user is served anyway")
	row := outboxRow(t, h, "1", "inactive", "failed")
	assert.Contains(t, row.Error, "Forbidden")
	sub, err := h.Store.Submission(t.Context(), 1)
	require.NoError(t, err)
	assert.Equal(t, "https://t.me/fakes/77", sub.Answers["post"], "stored")
	assert.Contains(t, submitThreat(t, h, bottest.En).Text, "Your request number: 2.")

	panel := h.Say(operator, "/admin")
	require.Contains(t, flattenInline(panel), "📨 Неопрацьовані звернення: 2 (не доставлено: 2)")
	list := h.Press(operator, panel, "📨 Неопрацьовані звернення: 2 (не доставлено: 2)")
	assert.Contains(t, list.Text, "Неопрацьовані звернення: 2, з них не доставлено операторам: 2.")
	assert.Contains(t, list.Text, "#1 · threat · 28.11.2026 12:00 · не доставлено (forbidden, Forbidden: bot was blocked")
	assert.Contains(t, list.Text, "#2 · threat · 28.11.2026 12:00 · не доставлено (forbidden, Forbidden: bot was blocked")

	h.SB.UnblockChats(threatChat) // the bot is back in the group
	assert.Contains(t, h.Press(operator, list, "🔁 Надіслати операторам ще раз").Text, "Знову в черзі: 2")
	waitMessage(t, h, threatChat, "Звернення №1")
	waitMessage(t, h, threatChat, "Звернення №2")
	outboxRow(t, h, "2", "sent")
	panel = h.Say(operator, "/admin")
	assert.Contains(t, flattenInline(panel), "📨 Неопрацьовані звернення: 2 (не доставлено: 0)")
}

func TestPrivacyListsSubmissionsAndPagesOpen(t *testing.T) {
	h := bottest.Start(t)
	u := bottest.Uk
	submitThreat(t, h, u)
	assert.Contains(t, h.Say(u, "/privacy").Text, "• 1 звернення до міських служб")

	m := h.Say(u, "/services")
	page := h.Press(u, m, "🏙 Програма «Прозоре місто»")
	assert.Equal(t, m.ID, page.ID, "the page opens in place")
	assert.Contains(t, page.Text, "Міська програма відкритості")
	require.NotEmpty(t, page.Inline)
	assert.Equal(t, "https://nove-misto.example.org/opendata", page.Inline[0][0].URL)
	back := h.Press(u, page, "◀ Назад")
	assert.Contains(t, back.Text, "Міські послуги")
}
