package locales

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// requiredForms are the plural forms each language's CLDR cardinal rules can
// select; each must be written, and any other form would be dead text.
var requiredForms = map[string][]string{
	"uk": {"one", "few", "many", "other"},
	"en": {"one", "other"},
}

// checkCatalog returns every completeness problem of a parsed catalog.
func checkCatalog(cat catalog) []string {
	var problems []string
	problems = append(problems, checkPairs(cat)...)
	problems = append(problems, checkSameIDs(cat)...)
	problems = append(problems, checkPlurals(cat)...)
	problems = append(problems, checkTemplates(cat)...)
	return problems
}

// checkPairs demands one file per supported language for every feature.
func checkPairs(cat catalog) []string {
	var problems []string
	for _, feature := range sortedKeys(cat.features) {
		for _, lang := range Supported {
			if _, ok := cat.features[feature][lang]; !ok {
				problems = append(problems, fmt.Sprintf("%s.%s.toml: missing (feature %q exists in %v)",
					feature, lang, feature, sortedKeys(cat.features[feature])))
			}
		}
	}
	return problems
}

// checkSameIDs demands every id of one language in every other language.
func checkSameIDs(cat catalog) []string {
	var problems []string
	for _, lang := range Supported {
		for _, other := range Supported {
			for _, id := range sortedKeys(cat.messages[lang]) {
				if _, ok := cat.messages[other][id]; !ok {
					problems = append(problems, fmt.Sprintf("%s: %s: missing in %s",
						cat.messages[lang][id].file, id, other))
				}
			}
		}
	}
	return problems
}

// checkPlurals demands each language's plural forms and agreement on which
// messages are plural.
func checkPlurals(cat catalog) []string {
	var problems []string
	for _, lang := range Supported {
		for _, id := range sortedKeys(cat.messages[lang]) {
			msg := cat.messages[lang][id]
			if def, ok := cat.messages[Default][id]; ok && def.plural != msg.plural {
				problems = append(problems, fmt.Sprintf("%s: %s: plural in one language but not in %s", msg.file, id, def.file))
			}
			if msg.plural {
				problems = append(problems, checkForms(lang, msg)...)
			}
		}
	}
	return problems
}

// checkForms checks the forms of one plural message.
func checkForms(lang string, msg message) []string {
	var problems []string
	for _, form := range pluralForms {
		_, has := msg.forms[form]
		need := slices.Contains(requiredForms[lang], form)
		switch {
		case need && !has:
			problems = append(problems, fmt.Sprintf("%s: %s: missing plural form %q (%s needs %v)", msg.file, msg.id, form, lang, requiredForms[lang]))
		case has && !need:
			problems = append(problems, fmt.Sprintf("%s: %s: plural form %q is never used in %s", msg.file, msg.id, form, lang))
		}
	}
	// Ukrainian "one" also covers 21, 31, 101…, so it must show the number.
	if lang == "uk" && msg.forms["one"] != "" && !strings.Contains(msg.forms["one"], ".Count") {
		problems = append(problems, fmt.Sprintf("%s: %s: form \"one\" must contain {{.Count}} (it is used for 21, 31, 101…)", msg.file, msg.id))
	}
	return problems
}

// checkTemplates parses every form, demands the same data fields in every
// language and executes every form with sample data holding those fields.
func checkTemplates(cat catalog) []string {
	var problems []string
	for _, id := range sortedKeys(cat.messages[Default]) {
		fields := map[string][]string{}
		for _, lang := range Supported {
			msg, ok := cat.messages[lang][id]
			if !ok {
				continue
			}
			got, errs := messageFields(msg)
			fields[lang] = got
			problems = append(problems, errs...)
		}
		for _, lang := range Supported {
			if f, ok := fields[lang]; ok && !slices.Equal(f, fields[Default]) {
				problems = append(problems, fmt.Sprintf("%s: %s: uses data fields %v but %s uses %v",
					cat.messages[lang][id].file, id, f, Default, fields[Default]))
			}
		}
	}
	return problems
}

// messageFields parses and executes every form of msg and returns the union
// of the data fields the forms read.
func messageFields(msg message) ([]string, []string) {
	var fields, problems []string
	for _, form := range sortedKeys(msg.forms) {
		t, err := parseTemplate(msg.forms[form])
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %s: form %q: %v", msg.file, msg.id, form, err))
			continue
		}
		f := templateFields(t)
		if err := executeTemplate(t, sampleData(f)); err != nil {
			problems = append(problems, fmt.Sprintf("%s: %s: form %q: %v", msg.file, msg.id, form, err))
		}
		fields = append(fields, f...)
	}
	slices.Sort(fields)
	return slices.Compact(fields), problems
}

// TestEmbeddedFilesComplete is the gate for translators: it fails listing
// every inconsistency in the embedded message files.
func TestEmbeddedFilesComplete(t *testing.T) {
	cat, problems := parseCatalog(files)
	problems = append(problems, checkCatalog(cat)...)
	assert.Empty(t, strings.Join(problems, "\n"), "message file problems")
	for _, lang := range Supported {
		assert.NotEmpty(t, cat.messages[lang], "no messages for %s", lang)
	}
}

// TestEmbeddedFilesLoadIntoGoI18n makes sure go-i18n accepts the files too,
// so Bundle cannot panic in production, and sees the same ids as the parser.
func TestEmbeddedFilesLoadIntoGoI18n(t *testing.T) {
	_, ids, err := loadBundle(files)
	require.NoError(t, err)
	cat, _ := parseCatalog(files)
	for _, lang := range Supported {
		assert.Equal(t, sortedKeys(cat.messages[lang]), sortedKeys(ids[lang]), lang)
		assert.Equal(t, ids[lang], IDs(lang), lang)
	}
}
