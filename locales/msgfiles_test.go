package locales

import (
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// This file parses message files independently of go-i18n, so the checks in
// completeness_test.go and usage_test.go see exactly what a translator wrote.

// message is one message of one language as written in its file.
type message struct {
	id, file string
	plural   bool              // written as a table with plural forms
	forms    map[string]string // plural form ("other" for plain messages) → template
}

// catalog is every message of every language found in a set of files.
type catalog struct {
	messages map[string]map[string]message // lang → id → message
	features map[string]map[string]string  // feature → lang → file name
}

var (
	fileNameRe = regexp.MustCompile(`^([a-z][a-z0-9_]*)\.([a-z]+)\.toml$`)
	idRe       = regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)
	// pluralForms are the CLDR forms go-i18n understands, in CLDR order.
	pluralForms = []string{"zero", "one", "two", "few", "many", "other"}
	// reservedKeys are the keys go-i18n reads as message fields; used as an
	// id at the top level they would turn the whole file into one message.
	reservedKeys = []string{"id", "description", "hash", "leftdelim", "rightdelim", "translation"}
)

// parseCatalog reads every *.toml file of fsys and returns the catalog plus
// every problem found in file names, TOML syntax, ids and value shapes.
func parseCatalog(fsys fs.FS) (catalog, []string) {
	cat := catalog{messages: map[string]map[string]message{}, features: map[string]map[string]string{}}
	names, err := fs.Glob(fsys, "*.toml")
	if err != nil {
		return cat, []string{err.Error()}
	}
	var problems []string
	for _, name := range names {
		problems = append(problems, cat.addFile(fsys, name)...)
	}
	return cat, problems
}

// addFile parses one file into the catalog.
func (c *catalog) addFile(fsys fs.FS, name string) []string {
	m := fileNameRe.FindStringSubmatch(name)
	if m == nil || !slices.Contains(Supported, m[2]) {
		return []string{fmt.Sprintf("%s: file name must be <feature>.<lang>.toml with feature in snake_case and lang one of %v", name, Supported)}
	}
	feature, lang := m[1], m[2]
	if c.features[feature] == nil {
		c.features[feature] = map[string]string{}
	}
	c.features[feature][lang] = name
	var raw map[string]any
	if _, err := toml.DecodeFS(fsys, name, &raw); err != nil {
		return []string{fmt.Sprintf("%s: invalid TOML: %v", name, err)}
	}
	if c.messages[lang] == nil {
		c.messages[lang] = map[string]message{}
	}
	var problems []string
	for _, id := range sortedKeys(raw) {
		msg, err := newMessage(id, name, raw[id])
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %s: %v", name, id, err))
			continue
		}
		if prev, dup := c.messages[lang][id]; dup {
			problems = append(problems, fmt.Sprintf("%s: %s: already defined in %s", name, id, prev.file))
			continue
		}
		c.messages[lang][id] = msg
	}
	return problems
}

// newMessage validates one top-level key and its value.
func newMessage(id, file string, v any) (message, error) {
	msg := message{id: id, file: file, forms: map[string]string{}}
	if !idRe.MatchString(id) {
		return msg, fmt.Errorf("id must be snake_case without dots")
	}
	if slices.Contains(pluralForms, id) || slices.Contains(reservedKeys, id) {
		return msg, fmt.Errorf("id is a go-i18n reserved key")
	}
	switch v := v.(type) {
	case string:
		msg.forms["other"] = v
	case map[string]any:
		if err := msg.addForms(v); err != nil {
			return msg, err
		}
	default:
		return msg, fmt.Errorf("value must be a string or a table of plural forms, got %T", v)
	}
	for form, text := range msg.forms {
		if strings.TrimSpace(text) == "" {
			return msg, fmt.Errorf("form %q is empty", form)
		}
	}
	return msg, nil
}

// addForms reads a table message: plural forms plus an optional description.
func (m *message) addForms(table map[string]any) error {
	for _, key := range sortedKeys(table) {
		text, isString := table[key].(string)
		switch {
		case key == "description" && isString:
		case slices.Contains(pluralForms, key) && isString:
			m.forms[key] = text
		default:
			return fmt.Errorf("table key %q is not a plural form (zero, one, two, few, many, other) "+
				"or description; plain messages written after a [table] header belong to that table, "+
				"so put plain messages before all tables", key)
		}
	}
	if m.forms["other"] == "" {
		return fmt.Errorf("table has no %q form", "other")
	}
	m.plural = len(m.forms) > 1
	return nil
}

// sortedKeys returns map keys in order, for stable problem reports.
func sortedKeys[V any](m map[string]V) []string {
	keys := slices.Collect(maps.Keys(m))
	sort.Strings(keys)
	return keys
}
