package handlers

import (
	"github.com/transparentcities/nazar/locales"
)

// MenuItem is one main-menu button: the message id of its label and the
// command it runs when pressed.
type MenuItem struct {
	Label   string
	Command string
}

// MainMenu lists the main-menu buttons, two per row, in this order. A
// feature appears here once it is built.
var MainMenu = []MenuItem{
	{locales.ID("card_menu_label"), "card"},
	{locales.ID("council_menu_label"), "council"},
	{locales.ID("business_menu_label"), "business"},
	{locales.ID("voucher_menu_label"), "voucher"},
	{locales.ID("menu_digest"), "digest"},
	{locales.ID("menu_services"), "services"},
	{locales.ID("menu_help"), "help"},
	{locales.ID("menu_language"), "language"},
	{locales.ID("menu_privacy"), "privacy"},
}

// MenuKeyboard renders the main menu in the user's language.
func MenuKeyboard(l *locales.Localizer) [][]KeyButton {
	var rows [][]KeyButton
	for i, item := range MainMenu {
		if i%2 == 0 {
			rows = append(rows, nil)
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], KeyButton{Text: l.T(item.Label)})
	}
	return rows
}

// WithMenu is a Response of one message that also shows the main menu.
func WithMenu(l *locales.Localizer, text string) Response {
	return Response{Replies: []Reply{{Text: text, Keyboard: MenuKeyboard(l)}}}
}
