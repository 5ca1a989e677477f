package sandbox_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"testing"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/sandbox"
)

func pngOf(t *testing.T, w, h int) []byte {
	var buf bytes.Buffer
	require.NoError(t, png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, w, h))))
	return buf.Bytes()
}

// sendPhoto with an upload arrives as multipart with a file part, the way
// the library sends it; the sandbox reads the picture's size.
func TestSendPhotoMultipartUpload(t *testing.T) {
	s := newServer(t)
	b := newBot(t, s)
	ctx := context.Background()
	msg, err := b.SendPhoto(ctx, &bot.SendPhotoParams{ChatID: alice.ID, Caption: "📊 Графік",
		Photo: &models.InputFileUpload{Filename: "chart.png", Data: bytes.NewReader(pngOf(t, 900, 600))},
		ReplyMarkup: &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{
			{{Text: "↩", CallbackData: "cn|m"}}}}})
	require.NoError(t, err)
	require.Len(t, msg.Photo, 1)
	assert.Equal(t, 900, msg.Photo[0].Width)
	assert.Equal(t, "📊 Графік", msg.Caption)
	got := s.Messages(alice.ID)
	require.Len(t, got, 1)
	assert.Equal(t, "sendPhoto", got[0].Method)
	require.NotNil(t, got[0].Photo)
	assert.Equal(t, sandbox.Photo{Format: "png", Width: 900, Height: 600, Bytes: got[0].Photo.Bytes, Caption: "📊 Графік"},
		*got[0].Photo)
	assert.Equal(t, [][]sandbox.Button{{{Text: "↩", Data: "cn|m"}}}, got[0].Inline)

	_, err = b.SendPhoto(ctx, &bot.SendPhotoParams{ChatID: alice.ID,
		Photo: &models.InputFileUpload{Filename: "x.png", Data: bytes.NewReader([]byte("not a picture"))}})
	assert.ErrorContains(t, err, "IMAGE_PROCESS_FAILED")
	_, err = b.SendPhoto(ctx, &bot.SendPhotoParams{ChatID: alice.ID, Photo: &models.InputFileString{Data: "AgAD-file-id"}})
	require.NoError(t, err)
	assert.Equal(t, "AgAD-file-id", s.Messages(alice.ID)[1].Photo.Ref)
}

func TestSetChatMenuButtonAndWebAppButtons(t *testing.T) {
	s := newServer(t)
	b := newBot(t, s)
	ctx := context.Background()
	_, err := b.SetChatMenuButton(ctx, &bot.SetChatMenuButtonParams{MenuButton: models.MenuButtonWebApp{
		Type: models.MenuButtonTypeWebApp, Text: "Мапа", WebApp: models.WebAppInfo{URL: "https://bot.example.org/app/"}}})
	require.NoError(t, err)
	assert.Equal(t, map[int64]sandbox.MenuButton{0: {Type: "web_app", Text: "Мапа", URL: "https://bot.example.org/app/"}},
		s.MenuButtons())
	_, err = b.SetChatMenuButton(ctx, &bot.SetChatMenuButtonParams{MenuButton: models.MenuButtonWebApp{
		Type: models.MenuButtonTypeWebApp, Text: "Мапа", WebApp: models.WebAppInfo{URL: "http://bot.example.org/app/"}}})
	assert.ErrorContains(t, err, "BUTTON_URL_INVALID", "Telegram opens Mini Apps over https only")

	_, err = b.SendMessage(ctx, &bot.SendMessageParams{ChatID: alice.ID, Text: "Мапа", ReplyMarkup: &models.InlineKeyboardMarkup{
		InlineKeyboard: [][]models.InlineKeyboardButton{{{Text: "🗺", WebApp: &models.WebAppInfo{URL: "https://bot.example.org/app/"}}}}}})
	require.NoError(t, err)
	assert.Equal(t, "https://bot.example.org/app/", s.Messages(alice.ID)[0].Inline[0][0].WebApp)
	_, err = b.SendMessage(ctx, &bot.SendMessageParams{ChatID: alice.ID, Text: "Мапа", ReplyMarkup: &models.InlineKeyboardMarkup{
		InlineKeyboard: [][]models.InlineKeyboardButton{{{Text: "🗺", WebApp: &models.WebAppInfo{URL: "http://x.org/"}}}}}})
	assert.ErrorContains(t, err, "BUTTON_URL_INVALID")
}
