package handlers

import "github.com/transparentcities/nazar/locales"

// Feature declares the commands every section relies on, their menu
// buttons, the language and privacy buttons.
func (c *Core) Feature() Feature {
	return Feature{
		Name: "core",
		Commands: []Command{
			{Name: "start", Description: locales.ID("cmd_start"), Run: c.Start, Order: 10},
			{Name: "menu", Description: locales.ID("cmd_menu"), Run: c.Menu, Order: 20},
			{Name: "help", Description: locales.ID("cmd_help"), Run: c.Help, Order: 30},
			{Name: "language", Description: locales.ID("cmd_language"), Run: c.Language, Order: 900},
			{Name: "privacy", Description: locales.ID("cmd_privacy"), Run: c.Privacy, Order: 910},
			{Name: "cancel", Description: locales.ID("cmd_cancel"), Run: c.Cancel, Order: 920},
		},
		Menu: []MenuItem{
			{Label: locales.ID("menu_help"), Command: "help", Order: 900},
			{Label: locales.ID("menu_language"), Command: "language", Order: 910},
			{Label: locales.ID("menu_privacy"), Command: "privacy", Order: 920},
		},
		Buttons: map[string]Func{string(langNS): c.LanguageButton, string(privacyNS): c.PrivacyButton},
	}
}

// Feature declares /admin: routed for everyone (a refusal is audited),
// listed nowhere.
func (a *Admin) Feature() Feature {
	return Feature{Name: "admin", Commands: []Command{{Name: "admin", Run: a.Panel, Hidden: true}}}
}

// The language buttons: "1|lang|set|<code>".
type langAction string

const (
	langNS  Namespace[langAction] = "lang"
	langSet langAction            = "set"
)

// The /privacy buttons: ask to delete, then delete or keep.
type privacyAction string

const (
	privacyNS     Namespace[privacyAction] = "privacy"
	privacyAsk    privacyAction            = "ask"
	privacyDelete privacyAction            = "delete"
	privacyKeep   privacyAction            = "keep"
)
