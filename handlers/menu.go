package handlers

import (
	"github.com/transparentcities/nazar/locales"
)

// MenuKeyboard renders the main menu (the features' menu items, in order)
// in a language, two buttons per row.
func MenuKeyboard(menu []MenuItem, l *locales.Localizer) [][]KeyButton {
	var rows [][]KeyButton
	for i, item := range menu {
		if i%2 == 0 {
			rows = append(rows, nil)
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], KeyButton{Text: l.T(item.Label)})
	}
	return rows
}

// WithMenu is a Response of one message that also shows the main menu.
func WithMenu(l *locales.Localizer, text string) Response {
	return Response{Replies: []Reply{{Text: text, Menu: l}}}
}
