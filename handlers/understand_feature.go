package handlers

// Feature declares the typed questions: the "u" buttons (a reading picked
// from several, a category's pages, the admins' list of phrasings not
// understood), the "near what" conversation and the admin panel's row.
// Text nobody expects comes here too (bot.NewRoutes).
func (u *Understand) Feature() Feature {
	return Feature{
		Name:    "understand",
		Buttons: map[string]Func{string(uNS): u.Button},
		Steps:   map[string]Func{convUnderstand: u.Step},
		Admin:   u.AdminButtons,
	}
}

// The typed questions' buttons: "1|u|<action>|<arg>". Besides these, every
// intent has its own action code in askActions (understand_actions.go), and
// a form or an info page of the catalog is "f<id>" or "p<id>".
type uAction string

const (
	uNS       Namespace[uAction] = convUnderstand
	uMisses   uAction            = "mis" // the admins' list
	uCategory uAction            = "cl"  // category id, page
	uNearest  uAction            = "cn"  // category id: ask for a location
)
