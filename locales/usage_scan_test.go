package locales

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// These tests run the usage scanner on a throw-away module to prove it finds
// what it must, ignores what it must, and fails on undefined ids.

var fixtureModule = map[string]string{
	"go.mod": "module example.com/m\n\ngo 1.26\n",
	"handlers/menu.go": `package handlers

import loc "example.com/m/locales"

// A comment mentioning l.T("in_comment") must be ignored.
var buttons = []string{loc.ID("menu_help"), loc.ID("menu_about")}

func reply(l *loc.Localizer, id string) string {
	_ = "l.T(\"in_string\")"
	_ = l.T(id) // not a literal: covered by the ID markers
	return l.T(
		"start_greeting",
	) + l.N("items_count", 3, nil)
}
`,
	"locales/x.go":           "package locales\n\nvar ids = []string{ID(`weekday_0`)}\n",
	"other/x.go":             "package other\n\nfunc f() { _ = ID(\"not_a_marker\") }\n",
	"handlers/menu_test.go":  "package handlers\n\nvar _ = l.T(\"only_in_test\")\n",
	"handlers/testdata/x.go": "package x\n\nvar _ = l.T(\"in_testdata\")\n",
	"vendor/v/x.go":          "package v\n\nvar _ = l.T(\"in_vendor\")\n",
	".hidden/x.go":           "package x\n\nvar _ = l.T(\"in_hidden\")\n",
	"handlers/notes.txt":     "l.T(\"in_text_file\")\n",
}

func writeFixture(t *testing.T) string {
	root := t.TempDir()
	for name, body := range fixtureModule {
		path := filepath.Join(root, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(body), 0o644))
	}
	return root
}

func TestCollectUsagesFindsLiteralIDs(t *testing.T) {
	used, err := collectUsages(writeFixture(t))
	require.NoError(t, err)
	got := map[string]string{}
	for _, u := range used {
		got[u.id] = u.kind + " " + u.pos
	}
	assert.Equal(t, map[string]string{
		"menu_help":      "ID handlers/menu.go:6",
		"menu_about":     "ID handlers/menu.go:6",
		"start_greeting": "T handlers/menu.go:12",
		"items_count":    "N handlers/menu.go:13",
		"weekday_0":      "ID locales/x.go:3",
	}, got)
}

func TestCheckUsagesReportsUndefinedAndMisusedIDs(t *testing.T) {
	cat, problems := parseCatalog(files)
	require.Empty(t, problems)
	used := []usage{
		{id: "language_name", kind: "T", pos: "a.go:1"},
		{id: "items_count", kind: "N", pos: "a.go:2"},
		{id: "no_such_id", kind: "ID", pos: "a.go:3"},
		{id: "items_count", kind: "T", pos: "a.go:4"},
		{id: "language_name", kind: "N", pos: "a.go:5"},
	}
	assert.Equal(t, []string{
		`a.go:3: ID("no_such_id"): id missing in uk`,
		`a.go:3: ID("no_such_id"): id missing in en`,
		`a.go:4: T("items_count"): plural message, use N`,
		`a.go:5: N("language_name"): not a plural message, use T`,
	}, checkUsages(cat, used), strings.Join(checkUsages(cat, used), "\n"))
}
