package bot

import (
	"bytes"
	"context"
	"strings"
	"time"
	"unicode/utf16"

	tg "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/transparentcities/nazar/handlers"
)

// API is the part of the Bot API that Nazar uses; *bot.Bot implements it and
// tests may replace it.
type API interface {
	SendMessage(ctx context.Context, p *tg.SendMessageParams) (*models.Message, error)
	EditMessageText(ctx context.Context, p *tg.EditMessageTextParams) (*models.Message, error)
	AnswerCallbackQuery(ctx context.Context, p *tg.AnswerCallbackQueryParams) (bool, error)
	SendVenue(ctx context.Context, p *tg.SendVenueParams) (*models.Message, error)
	SendPhoto(ctx context.Context, p *tg.SendPhotoParams) (*models.Message, error)
	SetMyCommands(ctx context.Context, p *tg.SetMyCommandsParams) (bool, error)
}

// maxMessageLen is Telegram's limit on a message's text, in UTF-16 units.
const maxMessageLen = 4096

// sendReply sends (or edits into place) one reply of a handler, splitting
// text that is over Telegram's limit at line breaks.
func sendReply(ctx context.Context, api API, chatID int64, editID int, r handlers.Reply) error {
	if r.Venue != nil {
		return withRetry(ctx, func() error {
			_, err := api.SendVenue(ctx, &tg.SendVenueParams{ChatID: chatID, Latitude: r.Venue.Lat,
				Longitude: r.Venue.Lon, Title: r.Venue.Title, Address: r.Venue.Address})
			return err
		})
	}
	markup := replyMarkup(r)
	if r.Photo != nil {
		return sendPhoto(ctx, api, chatID, r.Photo, markup)
	}
	var mode models.ParseMode
	if r.HTML {
		mode = models.ParseModeHTML
	}
	if r.Edit && editID != 0 {
		inline, _ := markup.(*models.InlineKeyboardMarkup)
		err := withRetry(ctx, func() error {
			p := &tg.EditMessageTextParams{ChatID: chatID, MessageID: editID, Text: r.Text, ParseMode: mode}
			if inline != nil {
				p.ReplyMarkup = inline
			}
			_, err := api.EditMessageText(ctx, p)
			return err
		})
		if outcome, _ := Classify(err); outcome != Rejected {
			return nil
		}
		// The message is too old or gone: send the reply as a new message.
	}
	parts := SplitText(r.Text, maxMessageLen)
	for i, part := range parts {
		p := &tg.SendMessageParams{ChatID: chatID, Text: part, ParseMode: mode}
		if i == len(parts)-1 && markup != nil {
			p.ReplyMarkup = markup
		}
		if err := withRetry(ctx, func() error { _, err := api.SendMessage(ctx, p); return err }); err != nil {
			return err
		}
	}
	return nil
}

// sendPhoto uploads a picture (multipart: a new reader for every try).
func sendPhoto(ctx context.Context, api API, chatID int64, p *handlers.Photo, markup models.ReplyMarkup) error {
	return withRetry(ctx, func() error {
		params := &tg.SendPhotoParams{ChatID: chatID, Caption: p.Caption}
		if p.URL != "" {
			params.Photo = &models.InputFileString{Data: p.URL}
		} else {
			params.Photo = &models.InputFileUpload{Filename: "chart.png", Data: bytes.NewReader(p.PNG)}
		}
		if markup != nil {
			params.ReplyMarkup = markup
		}
		_, err := api.SendPhoto(ctx, params)
		return err
	})
}

// directRetries is how many more tries a direct answer gets after a
// transient failure; the user is waiting, so the waits stay short (0.3 s,
// 0.6 s, 1.2 s, then 2 s). Three were too few: the soak's 7 % of failing
// calls left about one answer in 40,000 unsent, an apology that itself
// failed, and a resident with nothing.
const directRetries = 5

// maxDirectBackoff caps the wait between tries after transient failures.
const maxDirectBackoff = 2 * time.Second

// maxDirectWait is the longest 429 retry_after a direct answer waits out.
const maxDirectWait = 5 * time.Second

// withRetry calls a Bot API method for a direct answer. A 429 says when to
// try again, so it is waited out (up to maxDirectWait each time) for as long
// as the handler's deadline allows: an answer a few seconds late is better
// than none. Transient failures get directRetries more tries.
func withRetry(ctx context.Context, call func() error) error {
	err := call()
	backoff, transientLeft := 300*time.Millisecond, directRetries
	for {
		outcome, wait := Classify(err)
		switch {
		case outcome == NotModified:
			return nil
		case outcome == RetryLater && wait <= maxDirectWait:
		case outcome == Transient && transientLeft > 0 && ctx.Err() == nil:
			transientLeft--
			wait, backoff = backoff, min(2*backoff, maxDirectBackoff)
		default:
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(wait):
		}
		err = call()
	}
}

func replyMarkup(r handlers.Reply) models.ReplyMarkup {
	switch {
	case len(r.Buttons) > 0:
		rows := make([][]models.InlineKeyboardButton, len(r.Buttons))
		for i, row := range r.Buttons {
			for _, b := range row {
				btn := models.InlineKeyboardButton{Text: b.Text, CallbackData: b.Data, URL: b.URL}
				if b.WebApp != "" {
					btn.WebApp = &models.WebAppInfo{URL: b.WebApp}
				}
				rows[i] = append(rows[i], btn)
			}
		}
		return &models.InlineKeyboardMarkup{InlineKeyboard: rows}
	case len(r.Keyboard) > 0:
		rows := make([][]models.KeyboardButton, len(r.Keyboard))
		for i, row := range r.Keyboard {
			for _, b := range row {
				rows[i] = append(rows[i], models.KeyboardButton{Text: b.Text,
					RequestLocation: b.RequestLocation, RequestContact: b.RequestContact})
			}
		}
		return &models.ReplyKeyboardMarkup{Keyboard: rows, ResizeKeyboard: true, IsPersistent: true}
	case r.RemoveKeyboard:
		return &models.ReplyKeyboardRemove{RemoveKeyboard: true}
	}
	return nil
}

// SplitText cuts text into parts of at most limit UTF-16 units, preferring
// line breaks, so that a long list arrives whole in several messages.
func SplitText(text string, limit int) []string {
	if len(text) <= limit { // a rune never takes more UTF-16 units than UTF-8 bytes
		return []string{text}
	}
	var parts []string
	for utf16Len(text) > limit {
		cut := cutPoint(text, limit)
		parts = append(parts, strings.TrimRight(text[:cut], "\n"))
		text = strings.TrimLeft(text[cut:], "\n")
	}
	return append(parts, text)
}

// cutPoint is the byte offset of the last line break within limit UTF-16
// units, or the limit itself when the text has no line break there.
func cutPoint(text string, limit int) int {
	units, lastBreak, end := 0, -1, 0
	for i, r := range text {
		n := utf16.RuneLen(r)
		if units+n > limit {
			break
		}
		units += n
		end = i + len(string(r))
		if r == '\n' {
			lastBreak = end
		}
	}
	if lastBreak > 0 {
		return lastBreak
	}
	return end
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r) // -1 never: range yields U+FFFD for invalid bytes
	}
	return n
}
