package locales

import (
	"embed"
	"fmt"
	"io/fs"
	"maps"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// Default is the language used when a user's language is unknown or
// unsupported: the bot serves Ukrainian cities, so Ukrainian comes first.
const Default = "uk"

// Supported lists the languages that have a complete set of message files,
// in order of preference.
var Supported = []string{"uk", "en"}

// files holds every message file; embedding keeps the binary self-contained
// and lets tests inspect exactly what production loads.
//
//go:embed *.toml
var files embed.FS

var (
	bundleOnce sync.Once
	bundle     *i18n.Bundle
	bundleIDs  map[string]map[string]bool // language → message ids
)

// Bundle returns the go-i18n bundle built once from the embedded message
// files. It panics only if an embedded file is broken, which the package
// tests rule out before anything can be shipped.
func Bundle() *i18n.Bundle {
	bundleOnce.Do(func() {
		b, ids, err := loadBundle(files)
		if err != nil {
			panic(fmt.Sprintf("locales: embedded message files are broken: %v", err))
		}
		bundle, bundleIDs = b, ids
	})
	return bundle
}

// loadBundle parses every *.toml file of fsys into a new bundle and records
// which ids each language defines.
func loadBundle(fsys fs.FS) (*i18n.Bundle, map[string]map[string]bool, error) {
	names, err := fs.Glob(fsys, "*.toml")
	if err != nil {
		return nil, nil, err
	}
	b := i18n.NewBundle(language.MustParse(Default))
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	ids := make(map[string]map[string]bool, len(Supported))
	for _, name := range names {
		mf, err := b.LoadMessageFileFS(fsys, name)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", name, err)
		}
		lang := mf.Tag.String()
		if ids[lang] == nil {
			ids[lang] = make(map[string]bool)
		}
		for _, m := range mf.Messages {
			ids[lang][m.ID] = true
		}
	}
	return b, ids, nil
}

// IDs returns the set of message ids defined for lang ("uk", "en"); an
// unsupported language yields an empty set. The result is a copy.
func IDs(lang string) map[string]bool {
	Bundle()
	return maps.Clone(bundleIDs[lang])
}

// ID marks a literal message id that is stored in a variable or table and
// passed to T or N later; it returns id unchanged. The usage test collects
// ids from ID calls, so every id the code can produce is checked against the
// message files even when it is not written directly inside T("...").
func ID(id string) string { return id }

// Normalize maps a language code such as a Telegram language_code ("uk",
// "uk-UA", "UK", "en_GB") to a supported language. Anything unsupported or
// empty yields fallback, itself normalized; if fallback is unsupported too,
// Default is returned.
func Normalize(code, fallback string) string {
	if lang, ok := supported(code); ok {
		return lang
	}
	if lang, ok := supported(fallback); ok {
		return lang
	}
	return Default
}

// supported returns the primary language subtag of code if it is supported.
func supported(code string) (string, bool) {
	code = strings.ToLower(strings.TrimSpace(code))
	primary, _, _ := strings.Cut(strings.ReplaceAll(code, "_", "-"), "-")
	for _, lang := range Supported {
		if primary == lang {
			return lang, true
		}
	}
	return "", false
}
