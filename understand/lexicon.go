package understand

import (
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// File is one language's word lists, locales/intents.<lang>.yaml.
type File struct {
	// Stop words are never names, categories or words to search.
	Stop []string `yaml:"stop"`
	// Near words ("поруч", "nearest") turn a category into "near me".
	Near []string `yaml:"near"`
	// Domains map a section ("card") to words that name it; they lift every
	// intent of the section and alone mean its menu ("<domain>.menu").
	Domains map[string][]string `yaml:"domains"`
	// Intents map an intent to its phrases: words separated by spaces, all
	// of which must appear (in any order); a word ending in * matches as a
	// prefix of its stem.
	Intents map[string][]string `yaml:"intents"`
	// Categories are business categories: KVED classes and words.
	Categories map[string]CategoryDef `yaml:"categories"`
}

// CategoryDef is one business category of a language file.
type CategoryDef struct {
	Title string   `yaml:"title"` // how replies name it ("аптеки")
	KVED  []string `yaml:"kved"`  // KVED-2010 classes ("47.73") or divisions ("56")
	Words []string `yaml:"words"`
}

// Category is a business category merged over the languages.
type Category struct {
	ID     string
	KVED   []string
	Titles map[string]string // language → title
	// Names are the words that, found in a business's name, put it in the
	// category (its one-word words in every language), folded: a stem of
	// five letters or more ends in * and matches as a prefix ("aptek*"
	// finds "Аптека" and "Аптеки"); a shorter word must match whole ("sto"
	// must not find "Стоматологія").
	Names []string
}

// Title is the category's title in lang, else in Ukrainian, else its id.
func (c Category) Title(lang string) string {
	if t := c.Titles[lang]; t != "" {
		return t
	}
	if t := c.Titles["uk"]; t != "" {
		return t
	}
	return c.ID
}

// Lexicon is every language's word lists, merged: a message in any
// language (or in a mix) is read against all of them.
type Lexicon struct {
	Files      map[string]File // by language
	Categories map[string]*Category
}

// LoadLexicon reads every intents.<lang>.yaml of fsys. Unknown keys and
// phrases that name no intent are errors, so a typo in a city's file stops
// start-up instead of silently never matching.
func LoadLexicon(fsys fs.FS) (*Lexicon, error) {
	names, err := fs.Glob(fsys, "intents.*.yaml")
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("understand: no intents.<lang>.yaml files")
	}
	lx := &Lexicon{Files: map[string]File{}, Categories: map[string]*Category{}}
	for _, name := range names {
		lang := strings.TrimSuffix(strings.TrimPrefix(path.Base(name), "intents."), ".yaml")
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		var f File
		dec := yaml.NewDecoder(strings.NewReader(string(data)))
		dec.KnownFields(true)
		if err := dec.Decode(&f); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if err := f.check(); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		lx.Files[lang] = f
		lx.addCategories(lang, f)
	}
	return lx, nil
}

func (f File) check() error {
	for id, phrases := range f.Intents {
		if !strings.Contains(id, ".") {
			return fmt.Errorf("intent %q: ids are <section>.<what> (card.balance)", id)
		}
		if len(phrases) == 0 {
			return fmt.Errorf("intent %q has no phrases", id)
		}
	}
	for id, c := range f.Categories {
		if len(c.Words) == 0 {
			return fmt.Errorf("category %q has no words", id)
		}
	}
	return nil
}

func (lx *Lexicon) addCategories(lang string, f File) {
	for id, def := range f.Categories {
		c := lx.Categories[id]
		if c == nil {
			c = &Category{ID: id, Titles: map[string]string{}}
			lx.Categories[id] = c
		}
		if def.Title != "" {
			c.Titles[lang] = def.Title
		}
		for _, k := range def.KVED {
			if !slices.Contains(c.KVED, k) {
				c.KVED = append(c.KVED, k)
			}
		}
		for _, w := range def.Words {
			if n := nameTerm(w); n != "" && !slices.Contains(c.Names, n) {
				c.Names = append(c.Names, n)
			}
		}
		sort.Strings(c.Names)
	}
}

// IntentIDs lists every intent named in any language file, sorted.
func (lx *Lexicon) IntentIDs() []string {
	set := map[string]bool{}
	for _, f := range lx.Files {
		for id := range f.Intents {
			set[id] = true
		}
		for d := range f.Domains {
			set[d+".menu"] = true
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// nameTerm is a category word as Category.Names keeps it, or "" for a
// phrase of several words.
func nameTerm(w string) string {
	parts := strings.Fields(Normalize(w))
	if len(parts) != 1 {
		return ""
	}
	if k := Key(parts[0]); len(k) >= 5 {
		return k + "*"
	}
	return Fold(parts[0])
}
