package handlers

import "github.com/transparentcities/nazar/locales"

// Feature declares the business directory: /business, /edrpou, its menu
// button, the directory's buttons and conversations and /start business.
// A location shared outside any conversation also comes here (bot.NewRoutes).
func (b *Business) Feature() Feature {
	return Feature{
		Name: "business",
		Commands: []Command{
			{Name: "business", Description: locales.ID("business_cmd"), Run: b.Menu, Order: 300},
			{Name: "edrpou", Description: locales.ID("business_cmd_edrpou"), Run: b.EDRPOU, Order: 310},
		},
		Menu:      []MenuItem{{Label: locales.ID("business_menu_label"), Command: "business", Order: 300}},
		Buttons:   map[string]Func{string(bzNS): b.Button},
		Steps:     map[string]Func{convBusiness: b.Step},
		DeepLinks: []DeepLink{{Payload: "business", Command: "business"}},
	}
}

// convBusiness is the directory's conversation (steps: words, edrpou, near).
const convBusiness = "bz"

// The directory's buttons: "1|bz|<action>|…".
type bzAction string

const (
	bzNS       Namespace[bzAction] = "bz"
	bzMenu     bzAction            = "m"
	bzFind     bzAction            = "find" // ask for words
	bzEDRPOU   bzAction            = "edr"  // ask for a code
	bzNear     bzAction            = "near" // ask for a location
	bzCard     bzAction            = "c"    // business id
	bzSections bzAction            = "sec"
	bzSection  bzAction            = "s"  // section code: its divisions
	bzList     bzAction            = "l"  // s|d, code, page
	bzListOpen bzAction            = "lo" // the same, open now only
	bzSearch   bzAction            = "q"  // page, words
	// The same, open now only.
	bzSearchOpen bzAction = "qo"
	bzNearAt     bzAction = "na" // lat, lon: the near-me list again
	bzNearOpen   bzAction = "no" // lat, lon: the near-me list, open now only
)
