package locales

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
)

// These tests feed broken message files to the completeness checker to prove
// that it fails, and says where, for each kind of mistake.

const (
	okUK = "hello = \"Привіт, {{.Name}}\"\n[apples]\none = \"{{.Count}} яблуко\"\nfew = \"{{.Count}} яблука\"\nmany = \"{{.Count}} яблук\"\nother = \"{{.Count}} яблука\"\n"
	okEN = "hello = \"Hi, {{.Name}}\"\n[apples]\none = \"one apple\"\nother = \"{{.Count}} apples\"\n"
)

func checkFiles(files map[string]string) []string {
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	cat, problems := parseCatalog(fsys)
	return append(problems, checkCatalog(cat)...)
}

func TestCheckerAcceptsValidFiles(t *testing.T) {
	assert.Empty(t, checkFiles(map[string]string{"a.uk.toml": okUK, "a.en.toml": okEN}))
}

func TestCheckerReportsProblems(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"id missing in en", map[string]string{"a.uk.toml": "extra = \"x\"\n" + okUK, "a.en.toml": okEN}, "a.uk.toml: extra: missing in en"},
		{"id missing in uk", map[string]string{"a.uk.toml": "x = \"1\"", "a.en.toml": "x = \"1\"\ny = \"2\""}, "a.en.toml: y: missing in uk"},
		{"missing file pair", map[string]string{"a.uk.toml": okUK, "a.en.toml": okEN, "b.uk.toml": "z = \"1\""}, "b.en.toml: missing"},
		{"uk lacks few", map[string]string{"a.uk.toml": "[n]\none = \"{{.Count}} a\"\nmany = \"b\"\nother = \"c\"", "a.en.toml": "[n]\none = \"a\"\nother = \"b\""}, `n: missing plural form "few"`},
		{"en lacks one", map[string]string{"a.uk.toml": okUK, "a.en.toml": "hello = \"Hi, {{.Name}}\"\n[apples]\nother = \"x\"\nmany = \"y\""}, `apples: missing plural form "one"`},
		{"en has dead form", map[string]string{"a.uk.toml": okUK, "a.en.toml": okEN + "few = \"{{.Count}} apples\"\n"}, `plural form "few" is never used in en`},
		{"uk one without count", map[string]string{"a.uk.toml": "[n]\none = \"одне\"\nfew = \"a\"\nmany = \"b\"\nother = \"c\"", "a.en.toml": "[n]\none = \"a\"\nother = \"b\""}, `form "one" must contain {{.Count}}`},
		{"plural only in one language", map[string]string{"a.uk.toml": okUK, "a.en.toml": "hello = \"Hi, {{.Name}}\"\napples = \"apples\""}, "plural in one language"},
		{"broken template", map[string]string{"a.uk.toml": "x = \"{{.Name\"", "a.en.toml": "x = \"{{.Name}}\""}, "a.uk.toml: x: form \"other\""},
		{"unknown function", map[string]string{"a.uk.toml": "x = \"{{upper .Name}}\"", "a.en.toml": "x = \"{{.Name}}\""}, "a.uk.toml: x:"},
		{"field mismatch", map[string]string{"a.uk.toml": "x = \"{{.Nme}}\"", "a.en.toml": "x = \"{{.Name}}\""}, "a.en.toml: x: uses data fields [Name] but uk uses [Nme]"},
		{"template fails to execute", map[string]string{"a.uk.toml": "x = \"{{index .Name 99}}\"", "a.en.toml": "x = \"{{index .Name 99}}\""}, "index out of range"},
		{"dotted id", map[string]string{"a.uk.toml": "\"menu.help\" = \"x\"", "a.en.toml": "\"menu.help\" = \"x\""}, "snake_case without dots"},
		{"nested table", map[string]string{"a.uk.toml": "[menu]\nhelp = \"x\"", "a.en.toml": "[menu]\nhelp = \"x\""}, "not a plural form"},
		{"plain key after table", map[string]string{"a.uk.toml": okUK + "late = \"x\"\n", "a.en.toml": okEN + "late = \"x\"\n"}, "put plain messages before all tables"},
		{"reserved id", map[string]string{"a.uk.toml": "description = \"x\"", "a.en.toml": "description = \"x\""}, "reserved key"},
		{"empty text", map[string]string{"a.uk.toml": "x = \" \"", "a.en.toml": "x = \"a\""}, `form "other" is empty`},
		{"duplicate across features", map[string]string{"a.uk.toml": "x = \"1\"", "a.en.toml": "x = \"1\"", "b.uk.toml": "x = \"2\"", "b.en.toml": "x = \"2\""}, "b.uk.toml: x: already defined in a.uk.toml"},
		{"bad file name", map[string]string{"a.ru.toml": "x = \"1\""}, "a.ru.toml: file name"},
		{"invalid toml", map[string]string{"a.uk.toml": "x = ", "a.en.toml": "x = \"1\""}, "a.uk.toml: invalid TOML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			problems := checkFiles(tt.files)
			joined := strings.Join(problems, "\n")
			assert.Contains(t, joined, tt.want)
		})
	}
}
