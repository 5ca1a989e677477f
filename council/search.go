package council

import (
	"strings"
	"unicode"

	"github.com/transparentcities/nazar/translit"
)

// MaxQueryRunes bounds a name query: no deputy's name is longer, and a
// longer text (a pasted message, an attack) is answered "not found" at once.
const MaxQueryRunes = 100

// NameQuery is a cleaned deputy search: the words to find, each in its
// Cyrillic lower-case form and its transliterated search key.
type NameQuery struct {
	words []string
	folds []string
}

// ParseNameQuery cleans what a user typed: letters, digits, apostrophes and
// hyphens are kept, everything else separates words. ok is false when
// nothing searchable is left (fewer than two letters) or the text is too long.
func ParseNameQuery(s string) (NameQuery, bool) {
	if len([]rune(s)) > MaxQueryRunes {
		return NameQuery{}, false
	}
	clean := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == 'ʼ' || r == '-' {
			return unicode.ToLower(r)
		}
		return ' '
	}, s)
	var q NameQuery
	letters := 0
	for _, w := range strings.Fields(clean) {
		q.words = append(q.words, w)
		q.folds = append(q.folds, translit.Fold(w))
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
			}
		}
	}
	return q, letters >= 2
}

// Terms returns each word of the query with its transliterated key, for
// searching stored NameKeys in SQL.
func (q NameQuery) Terms() [][2]string {
	out := make([][2]string, len(q.words))
	for i := range q.words {
		out[i] = [2]string{q.words[i], q.folds[i]}
	}
	return out
}

// NameKey is the searchable form of a name: its lower-case Cyrillic form and
// its transliterated key, stored once per deputy.
func NameKey(name string) string {
	return strings.ToLower(name) + "\n" + translit.Fold(name)
}

// Matches reports whether every word of the query is part of the name,
// in Cyrillic or in Latin transliteration, case-insensitively. key is the
// name's NameKey.
func (q NameQuery) Matches(key string) bool {
	if len(q.words) == 0 {
		return false
	}
	cyr, lat, _ := strings.Cut(key, "\n")
	for i, w := range q.words {
		if !strings.Contains(cyr, w) && !strings.Contains(lat, q.folds[i]) {
			return false
		}
	}
	return true
}
