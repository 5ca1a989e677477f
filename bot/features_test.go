package bot_test

import (
	"log/slog"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot"
	"github.com/transparentcities/nazar/bot/bottest"
	"github.com/transparentcities/nazar/locales"
)

// The router's tables, the menu, /help and setMyCommands are derived from
// the features' declarations (Features.List). These are the tables as they
// were written by hand before: everything routed then is routed now, in the
// same order where order shows.
func TestFeaturesDeriveTheRoutes(t *testing.T) {
	h := bottest.Start(t)
	f, err := bot.NewFeatures(h.Config, h.Store, slog.Default())
	require.NoError(t, err)
	r := bot.NewRoutes(f)

	assert.ElementsMatch(t, []string{"start", "menu", "help", "language", "privacy", "cancel", "admin", "digest",
		"services", "council", "deputy", "business", "edrpou", "card", "voucher", "learn"}, keys(r.Commands))
	assert.ElementsMatch(t, []string{"lang", "privacy", "dg", "dga", "form", "cn", "dep", "bz", "card", "vc", "vca",
		"crs", "u"}, keys(r.Buttons))
	assert.ElementsMatch(t, []string{"dgitem", "form", "council", "bz", "card", "voucher", "vadmin", "u"}, keys(r.Steps))
	assert.Equal(t, map[string]string{"digest": "digest", "services": "services", "form_": "services",
		"council": "council", "dep_": "deputy", "business": "business", "card": "card", "voucher": "voucher",
		"learn": "learn", "course_": "learn"}, r.DeepLinks)
	for name, h := range r.Commands {
		assert.NotNil(t, h, name)
	}

	var menu []string
	for _, item := range r.Menu {
		menu = append(menu, item.Label+" "+item.Command)
	}
	assert.Equal(t, []string{"card_menu_label card", "council_menu_label council", "business_menu_label business",
		"voucher_menu_label voucher", "menu_digest digest", "menu_services services", "menu_help help",
		"menu_language language", "menu_privacy privacy"}, menu, "the main menu, two a row, in this order")

	var listed []string
	for _, c := range f.Catalog.Listed() {
		listed = append(listed, c.Name+" "+c.Description)
	}
	assert.Equal(t, []string{"start cmd_start", "menu cmd_menu", "help cmd_help", "card card_cmd",
		"council council_cmd", "deputy council_cmd_deputy", "business business_cmd", "edrpou business_cmd_edrpou",
		"voucher voucher_cmd", "digest cmd_digest", "services cmd_services", "learn cmd_learn",
		"language cmd_language", "privacy cmd_privacy", "cancel cmd_cancel"}, listed,
		"/help and setMyCommands list these, in this order; /admin is routed but not listed")
	assert.Contains(t, f.Catalog.HelpTopics, "metrics")
	assert.Len(t, f.Catalog.Admin, 5, "digest, forms, courses, voucher, understand rows in the admin panel")
	assert.ElementsMatch(t, []string{"digest", "voucher", "deputy", "card", "form", "course"}, keys(f.Catalog.Pushes))
}

// Every listed command and menu item has its text in every language.
func TestFeaturesAreDescribedInEveryLanguage(t *testing.T) {
	h := bottest.Start(t)
	f, err := bot.NewFeatures(h.Config, h.Store, slog.Default())
	require.NoError(t, err)
	for _, lang := range locales.Supported {
		ids := locales.IDs(lang)
		for _, c := range f.Catalog.Listed() {
			assert.True(t, ids[c.Description], "%s: /%s has no description %q", lang, c.Name, c.Description)
		}
		for _, item := range f.Catalog.Menu {
			assert.True(t, ids[item.Label], "%s: menu item of /%s has no label %q", lang, item.Command, item.Label)
		}
		params := bot.CommandsParams(f.Catalog.Listed(), lang)
		assert.Len(t, params.Commands, len(f.Catalog.Listed()))
	}
	// Two features' menu labels must not read the same: a label is how the
	// router knows which button was pressed.
	for _, lang := range locales.Supported {
		l := locales.New(lang)
		var labels []string
		for _, item := range f.Catalog.Menu {
			labels = append(labels, l.T(item.Label))
		}
		slices.Sort(labels)
		assert.Len(t, slices.Compact(labels), len(f.Catalog.Menu), lang)
	}
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
