package forms

import (
	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/locales"
)

// Feature declares the city services: /services, its menu button, the
// forms' buttons and conversation, the admin panel's row, /start services
// and /start form_<id>, and the pushes to operators and applicants.
func (f *Forms) Feature() handlers.Feature {
	return handlers.Feature{
		Name:     "services",
		Commands: []handlers.Command{{Name: "services", Description: locales.ID("cmd_services"), Run: f.Services, Order: 600}},
		Menu:     []handlers.MenuItem{{Label: locales.ID("menu_services"), Command: "services", Order: 600}},
		Buttons:  map[string]handlers.Func{string(FormNS): f.Button},
		Steps:    map[string]handlers.Func{convForm: f.Step},
		DeepLinks: []handlers.DeepLink{{Payload: "services", Command: "services"},
			{Payload: "form_", Command: "services"}},
		Admin:  f.AdminButtons,
		Pushes: []string{"form"},
	}
}

// The services' buttons: "1|form|<action>|…".
type FormsAction string

const (
	FormNS      handlers.Namespace[FormsAction] = convForm
	formList    FormsAction                     = "ls"   // the Services list
	FormPage    FormsAction                     = "pg"   // page id
	FormStart   FormsAction                     = "go"   // form id
	formChoice  FormsAction                     = "ch"   // form id, step id, option id
	formSkip    FormsAction                     = "sk"   // form id, step id
	formSlot    FormsAction                     = "at"   // form id, step id, unix seconds
	formSend    FormsAction                     = "ok"   // form id
	formRestart FormsAction                     = "re"   // form id
	formCancel  FormsAction                     = "no"   // form id
	formHandled FormsAction                     = "done" // submission id: an operator handled it
	formAdmin   FormsAction                     = "adm"  // the unhandled submissions
	formResend  FormsAction                     = "rs"   // queue the undelivered ones again
)
