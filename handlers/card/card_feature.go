package card

import (
	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/locales"
)

// Feature declares the card section: /card, its menu button, the card
// buttons and conversations, /start card and the card pushes.
func (c *Card) Feature() handlers.Feature {
	return handlers.Feature{
		Name:      "card",
		Commands:  []handlers.Command{{Name: "card", Description: locales.ID("card_cmd"), Run: c.Menu, Order: 100}},
		Menu:      []handlers.MenuItem{{Label: locales.ID("card_menu_label"), Command: "card", Order: 100}},
		Buttons:   map[string]handlers.Func{string(CardNS): c.Button},
		Steps:     map[string]handlers.Func{ConvCard: c.Step},
		DeepLinks: []handlers.DeepLink{{Payload: "card", Command: "card"}},
		Pushes:    []string{"card"},
	}
}

// The card buttons: "1|card|<action>|<link id>|…" for a linked card.
type cardAction string

const (
	CardNS          handlers.Namespace[cardAction] = "card"
	cardMenu        cardAction                     = "m"
	CardHowto       cardAction                     = "how"
	cardCategory    cardAction                     = "cat" // category code
	CardReady       cardAction                     = "rdy" // ask for an application number
	cardWatch       cardAction                     = "w"   // push when it is ready
	CardLink        cardAction                     = "lnk" // ask for a card number
	CardMine        cardAction                     = "my"
	cardBalance     cardAction                     = "bal" // link id
	cardOperations  cardAction                     = "ops" // link id
	cardUnlink      cardAction                     = "unl" // link id: ask
	cardUnlinkYes   cardAction                     = "unly"
	cardUnlinkNo    cardAction                     = "unln" // in old messages only: answered as out of date
	cardAlerts      cardAction                     = "al"   // link id
	cardAlertToggle cardAction                     = "alt"  // link id, l (low balance) or e (expiry)
	cardThreshold   cardAction                     = "thr"  // link id: ask for an amount
)

// cardButton is a button about one linked card: its id comes first.
func cardButton(l *locales.Localizer, label string, a cardAction, id int64, args ...string) handlers.Button {
	return CardNS.Button(l, label, a, append([]string{handlers.Itoa(id)}, args...)...)
}
