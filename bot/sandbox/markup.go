package sandbox

import (
	"encoding/json"
	"strings"

	"github.com/go-telegram/bot/models"
)

// maxCallbackData is Telegram's limit on callback_data, in bytes.
const maxCallbackData = 64

// Button is one inline keyboard button as the bot sent it.
type Button struct {
	Text   string
	Data   string // callback_data
	URL    string
	WebApp string // the web_app button's URL
}

// markup is a decoded reply_markup of any of the supported kinds.
type markup struct {
	inline   [][]Button
	keyboard [][]string
	remove   bool
}

// wireMarkup covers the reply_markup variants the project uses.
type wireMarkup struct {
	InlineKeyboard [][]models.InlineKeyboardButton `json:"inline_keyboard"`
	Keyboard       [][]json.RawMessage             `json:"keyboard"`
	RemoveKeyboard bool                            `json:"remove_keyboard"`
}

// parseMarkup decodes a reply_markup JSON string; empty means none.
func parseMarkup(raw string) (markup, *apiError) {
	if raw == "" {
		return markup{}, nil
	}
	var w wireMarkup
	if err := json.Unmarshal([]byte(raw), &w); err != nil {
		return markup{}, badRequest("can't parse reply keyboard markup JSON object")
	}
	mk := markup{remove: w.RemoveKeyboard}
	for _, row := range w.InlineKeyboard {
		var out []Button
		for _, b := range row {
			if aerr := checkInlineButton(b); aerr != nil {
				return markup{}, aerr
			}
			out = append(out, Button{Text: b.Text, Data: b.CallbackData, URL: b.URL, WebApp: webAppURL(b.WebApp)})
		}
		mk.inline = append(mk.inline, out)
	}
	for _, row := range w.Keyboard {
		texts, aerr := keyboardRow(row)
		if aerr != nil {
			return markup{}, aerr
		}
		mk.keyboard = append(mk.keyboard, texts)
	}
	return mk, nil
}

// checkInlineButton rejects what Telegram rejects, so bot bugs surface in tests.
func checkInlineButton(b models.InlineKeyboardButton) *apiError {
	hasAction := b.CallbackData != "" || b.URL != "" || b.WebApp != nil || b.LoginURL != nil ||
		b.SwitchInlineQuery != "" || b.SwitchInlineQueryCurrentChat != "" ||
		b.SwitchInlineQueryChosenChat != nil || b.CopyText.Text != "" || b.CallbackGame != nil || b.Pay
	switch {
	case b.Text == "":
		return badRequest("BUTTON_TEXT_INVALID")
	case len(b.CallbackData) > maxCallbackData:
		return badRequest("BUTTON_DATA_INVALID")
	case b.WebApp != nil && !strings.HasPrefix(b.WebApp.URL, "https://"):
		return badRequest("BUTTON_URL_INVALID") // Telegram opens Mini Apps over https only
	case !hasAction:
		return badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard")
	}
	return nil
}

// keyboardRow accepts buttons as objects or, as the API also allows, bare strings.
func keyboardRow(row []json.RawMessage) ([]string, *apiError) {
	texts := make([]string, 0, len(row))
	for _, raw := range row {
		var text string
		// A button is a string or an object; trying the string first on an
		// object would build an error for nothing on every button.
		if len(raw) == 0 || raw[0] != '"' || json.Unmarshal(raw, &text) != nil {
			var b models.KeyboardButton
			if err := json.Unmarshal(raw, &b); err != nil {
				return nil, badRequest("can't parse keyboard button")
			}
			text = b.Text
		}
		if text == "" {
			return nil, badRequest("keyboard button text is empty")
		}
		texts = append(texts, text)
	}
	return texts, nil
}

// applyTo copies the markup into a message.
func (mk markup) applyTo(m Message) Message {
	m.Inline, m.Keyboard, m.RemoveKeyboard = mk.inline, mk.keyboard, mk.remove
	return m
}

// inlineModel renders an inline keyboard the way Telegram echoes it in
// results; reply keyboards are never echoed.
func inlineModel(rows [][]Button) *models.InlineKeyboardMarkup {
	if len(rows) == 0 {
		return nil
	}
	out := &models.InlineKeyboardMarkup{InlineKeyboard: make([][]models.InlineKeyboardButton, len(rows))}
	for i, row := range rows {
		for _, b := range row {
			out.InlineKeyboard[i] = append(out.InlineKeyboard[i],
				models.InlineKeyboardButton{Text: b.Text, CallbackData: b.Data, URL: b.URL, WebApp: webAppInfo(b.WebApp)})
		}
	}
	return out
}

func webAppURL(w *models.WebAppInfo) string {
	if w == nil {
		return ""
	}
	return w.URL
}

func webAppInfo(url string) *models.WebAppInfo {
	if url == "" {
		return nil
	}
	return &models.WebAppInfo{URL: url}
}
