package handlers

import "github.com/transparentcities/nazar/locales"

// Feature declares the city services: /services, its menu button, the
// forms' buttons and conversation, the admin panel's row, /start services
// and /start form_<id>, and the pushes to operators and applicants.
func (f *Forms) Feature() Feature {
	return Feature{
		Name:     "services",
		Commands: []Command{{Name: "services", Description: locales.ID("cmd_services"), Run: f.Services, Order: 600}},
		Menu:     []MenuItem{{Label: locales.ID("menu_services"), Command: "services", Order: 600}},
		Buttons:  map[string]Func{string(formNS): f.Button},
		Steps:    map[string]Func{convForm: f.Step},
		DeepLinks: []DeepLink{{Payload: "services", Command: "services"},
			{Payload: "form_", Command: "services"}},
		Admin:  f.AdminButtons,
		Pushes: []string{"form"},
	}
}

// The services' buttons: "1|form|<action>|…".
type formsAction string

const (
	formNS      Namespace[formsAction] = convForm
	formList    formsAction            = "ls"   // the Services list
	formPage    formsAction            = "pg"   // page id
	formStart   formsAction            = "go"   // form id
	formChoice  formsAction            = "ch"   // form id, step id, option id
	formSkip    formsAction            = "sk"   // form id, step id
	formSlot    formsAction            = "at"   // form id, step id, unix seconds
	formSend    formsAction            = "ok"   // form id
	formRestart formsAction            = "re"   // form id
	formCancel  formsAction            = "no"   // form id
	formHandled formsAction            = "done" // submission id: an operator handled it
	formAdmin   formsAction            = "adm"  // the unhandled submissions
	formResend  formsAction            = "rs"   // queue the undelivered ones again
)
