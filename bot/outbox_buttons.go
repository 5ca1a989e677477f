package bot

import (
	"github.com/go-telegram/bot/models"

	"github.com/transparentcities/nazar/store"
)

// pushMarkup is the inline keyboard of an outbox row, or nil for none (a nil
// interface, so the library leaves reply_markup out of the request).
func pushMarkup(rows [][]store.PushButton) models.ReplyMarkup {
	if len(rows) == 0 {
		return nil
	}
	kb := make([][]models.InlineKeyboardButton, len(rows))
	for i, row := range rows {
		for _, b := range row {
			kb[i] = append(kb[i], models.InlineKeyboardButton{Text: b.Text, CallbackData: b.Data})
		}
	}
	return &models.InlineKeyboardMarkup{InlineKeyboard: kb}
}
