package sandbox_test

import (
	"context"
	"testing"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/sandbox"
)

func inlineKB(text, data string) *models.InlineKeyboardMarkup {
	return &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{{{Text: text, CallbackData: data}}}}
}

func TestSendThenEdit(t *testing.T) {
	s := newServer(t)
	b := newBot(t, s)
	ctx := context.Background()

	sent, err := b.SendMessage(ctx, &bot.SendMessageParams{
		ChatID: alice.ID, Text: "<b>Привіт</b>", ParseMode: models.ParseModeHTML, ReplyMarkup: inlineKB("Так", "yes"),
	})
	require.NoError(t, err)
	assert.Equal(t, 1, sent.ID)
	assert.Equal(t, alice.ID, sent.Chat.ID)
	assert.NotZero(t, sent.Date)
	require.NotNil(t, sent.ReplyMarkup)
	assert.Equal(t, "yes", sent.ReplyMarkup.InlineKeyboard[0][0].CallbackData)

	yes := [][]sandbox.Button{{{Text: "Так", Data: "yes"}}}
	steps := []struct {
		name      string
		messageID int
		text      string
		markup    models.ReplyMarkup
		wantErr   string
		wantText  string
		wantKB    [][]sandbox.Button
		wantEdits int
	}{
		{name: "new text keeps keyboard", messageID: 1, text: "Оновлено", markup: inlineKB("Так", "yes"),
			wantText: "Оновлено", wantKB: yes, wantEdits: 1},
		{name: "identical edit", messageID: 1, text: "Оновлено", markup: inlineKB("Так", "yes"),
			wantErr: "message is not modified", wantText: "Оновлено", wantKB: yes, wantEdits: 1},
		{name: "unknown message", messageID: 99, text: "x",
			wantErr: "message to edit not found", wantText: "Оновлено", wantKB: yes, wantEdits: 1},
		{name: "no markup drops keyboard", messageID: 1, text: "Оновлено",
			wantText: "Оновлено", wantEdits: 2},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			_, err := b.EditMessageText(ctx, &bot.EditMessageTextParams{
				ChatID: alice.ID, MessageID: st.messageID, Text: st.text, ReplyMarkup: st.markup,
			})
			if st.wantErr != "" {
				assert.ErrorIs(t, err, bot.ErrorBadRequest)
				assert.ErrorContains(t, err, st.wantErr)
			} else {
				assert.NoError(t, err)
			}
			last, ok := s.Last(alice.ID)
			require.True(t, ok)
			assert.Equal(t, st.wantText, last.Text)
			assert.Equal(t, st.wantKB, last.Inline)
			assert.Equal(t, st.wantEdits, last.Edits)
		})
	}
}

func TestEditReplyMarkup(t *testing.T) {
	s := newServer(t)
	b := newBot(t, s)
	ctx := context.Background()
	sent, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: alice.ID, Text: "Оберіть", ReplyMarkup: inlineKB("A", "a")})
	require.NoError(t, err)

	_, err = b.EditMessageReplyMarkup(ctx, &bot.EditMessageReplyMarkupParams{
		ChatID: alice.ID, MessageID: sent.ID, ReplyMarkup: inlineKB("B", "b")})
	require.NoError(t, err)
	_, err = b.EditMessageReplyMarkup(ctx, &bot.EditMessageReplyMarkupParams{
		ChatID: alice.ID, MessageID: sent.ID, ReplyMarkup: inlineKB("B", "b")})
	assert.ErrorContains(t, err, "message is not modified")

	msgs := s.Messages(alice.ID)
	require.Len(t, msgs, 1)
	assert.Equal(t, [][]sandbox.Button{{{Text: "B", Data: "b"}}}, msgs[0].Inline)
	assert.Equal(t, 1, msgs[0].Edits)
	assert.Equal(t, "Оберіть", msgs[0].Text)
}

func TestPressRoundTrip(t *testing.T) {
	s := newServer(t)
	b, got := startBot(t, s, func(ctx context.Context, b *bot.Bot, u *models.Update) {
		if u.CallbackQuery != nil {
			_, _ = b.AnswerCallbackQuery(ctx, &bot.AnswerCallbackQueryParams{
				CallbackQueryID: u.CallbackQuery.ID, Text: "Отримано: " + u.CallbackQuery.Data, ShowAlert: true})
		}
	})
	sent, err := b.SendMessage(context.Background(), &bot.SendMessageParams{
		ChatID: alice.ID, Text: "Оберіть", ReplyMarkup: inlineKB("Так", "yes")})
	require.NoError(t, err)

	updateID, queryID := s.Press(alice, sent.ID, "yes")
	u := recv(t, got)
	require.NotNil(t, u.CallbackQuery)
	assert.Equal(t, updateID, u.ID)
	assert.Equal(t, queryID, u.CallbackQuery.ID)
	assert.Equal(t, "yes", u.CallbackQuery.Data)
	assert.Equal(t, alice.ID, u.CallbackQuery.From.ID)
	require.NotNil(t, u.CallbackQuery.Message.Message)
	assert.Equal(t, "Оберіть", u.CallbackQuery.Message.Message.Text)
	assert.Equal(t, sent.ID, u.CallbackQuery.Message.Message.ID)
	assert.Equal(t, "yes", u.CallbackQuery.Message.Message.ReplyMarkup.InlineKeyboard[0][0].CallbackData)

	require.True(t, s.WaitFor(10*time.Second, func() bool { return len(s.CallbackAnswers()) == 1 }))
	assert.Equal(t, []sandbox.CallbackAnswer{{ID: queryID, Text: "Отримано: yes", ShowAlert: true}}, s.CallbackAnswers())
}

func TestVenueLocationAndKeyboards(t *testing.T) {
	s := newServer(t)
	b := newBot(t, s)
	ctx := context.Background()

	_, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: alice.ID, Text: "Де ви?", ReplyMarkup: &models.ReplyKeyboardMarkup{
		Keyboard: [][]models.KeyboardButton{{{Text: "📍 Локація", RequestLocation: true}}, {{Text: "☎️", RequestContact: true}}},
	}})
	require.NoError(t, err)
	venue, err := b.SendVenue(ctx, &bot.SendVenueParams{ChatID: alice.ID, Latitude: 50.45, Longitude: 30.52,
		Title: "Київрада", Address: "Хрещатик, 36", ReplyMarkup: &models.ReplyKeyboardRemove{RemoveKeyboard: true}})
	require.NoError(t, err)
	require.NotNil(t, venue.Venue)
	assert.Equal(t, "Київрада", venue.Venue.Title)
	_, err = b.SendLocation(ctx, &bot.SendLocationParams{ChatID: alice.ID, Latitude: 1.5, Longitude: -2.25})
	require.NoError(t, err)

	msgs := s.Messages(alice.ID)
	require.Len(t, msgs, 3)
	assert.Equal(t, [][]string{{"📍 Локація"}, {"☎️"}}, msgs[0].Keyboard)
	assert.Equal(t, sandbox.Message{ChatID: alice.ID, ID: 2, RemoveKeyboard: true, Method: "sendVenue",
		Venue: &sandbox.Venue{Lat: 50.45, Lon: 30.52, Title: "Київрада", Address: "Хрещатик, 36"}}, msgs[1])
	assert.Equal(t, sandbox.Message{ChatID: alice.ID, ID: 3, Method: "sendLocation",
		Location: &sandbox.Location{Lat: 1.5, Lon: -2.25}}, msgs[2])
	assert.Equal(t, map[int64]int{alice.ID: 3}, s.Stats().SentPerChat)
}

func TestCommandsPerLanguage(t *testing.T) {
	s := newServer(t)
	b := newBot(t, s)
	ctx := context.Background()
	uk := []models.BotCommand{{Command: "deputy", Description: "Мій депутат"}}
	en := []models.BotCommand{{Command: "deputy", Description: "My deputy"}, {Command: "help", Description: "Help"}}

	_, err := b.SetMyCommands(ctx, &bot.SetMyCommandsParams{Commands: en})
	require.NoError(t, err)
	_, err = b.SetMyCommands(ctx, &bot.SetMyCommandsParams{Commands: uk, LanguageCode: "uk"})
	require.NoError(t, err)
	assert.Equal(t, map[string][]models.BotCommand{"": en, "uk": uk}, s.Commands())

	_, err = b.SetMyCommands(ctx, &bot.SetMyCommandsParams{Commands: []models.BotCommand{{Command: "Bad-Name", Description: "x"}}})
	assert.ErrorIs(t, err, bot.ErrorBadRequest)
	_, err = b.DeleteMyCommands(ctx, &bot.DeleteMyCommandsParams{LanguageCode: "uk"})
	require.NoError(t, err)
	assert.Equal(t, map[string][]models.BotCommand{"": en}, s.Commands())
}

func TestGetMe(t *testing.T) {
	s := newServer(t)
	me, err := newBot(t, s).GetMe(context.Background())
	require.NoError(t, err)
	assert.Equal(t, int64(1), me.ID)
	assert.True(t, me.IsBot)
	assert.Equal(t, "nazar_test_bot", me.Username)
}
