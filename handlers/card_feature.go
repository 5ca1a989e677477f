package handlers

import "github.com/transparentcities/nazar/locales"

// Feature declares the card section: /card, its menu button, the card
// buttons and conversations, /start card and the card pushes.
func (c *Card) Feature() Feature {
	return Feature{
		Name:      "card",
		Commands:  []Command{{Name: "card", Description: locales.ID("card_cmd"), Run: c.Menu, Order: 100}},
		Menu:      []MenuItem{{Label: locales.ID("card_menu_label"), Command: "card", Order: 100}},
		Buttons:   map[string]Func{string(cardNS): c.Button},
		Steps:     map[string]Func{convCard: c.Step},
		DeepLinks: []DeepLink{{Payload: "card", Command: "card"}},
		Pushes:    []string{"card"},
	}
}

// The card buttons: "1|card|<action>|<link id>|…" for a linked card.
type cardAction string

const (
	cardNS          Namespace[cardAction] = "card"
	cardMenu        cardAction            = "m"
	cardHowto       cardAction            = "how"
	cardCategory    cardAction            = "cat" // category code
	cardReady       cardAction            = "rdy" // ask for an application number
	cardWatch       cardAction            = "w"   // push when it is ready
	cardLink        cardAction            = "lnk" // ask for a card number
	cardMine        cardAction            = "my"
	cardBalance     cardAction            = "bal" // link id
	cardOperations  cardAction            = "ops" // link id
	cardUnlink      cardAction            = "unl" // link id: ask
	cardUnlinkYes   cardAction            = "unly"
	cardUnlinkNo    cardAction            = "unln" // in old messages only: answered as out of date
	cardAlerts      cardAction            = "al"   // link id
	cardAlertToggle cardAction            = "alt"  // link id, l (low balance) or e (expiry)
	cardThreshold   cardAction            = "thr"  // link id: ask for an amount
)

// cardButton is a button about one linked card: its id comes first.
func cardButton(l *locales.Localizer, label string, a cardAction, id int64, args ...string) Button {
	return cardNS.Button(l, label, a, append([]string{itoa(id)}, args...)...)
}
