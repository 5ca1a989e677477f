// Package translit romanises Ukrainian text with the official transliteration
// (Cabinet of Ministers resolution No. 55 of 27.01.2010) and builds search keys
// that let Latin input find Cyrillic names.
package translit

import (
	"strings"
	"unicode"
)

// table maps lower-case Cyrillic letters to their Latin form in the middle of a
// word. Letters whose form depends on position are in initial. Russian letters
// are not part of the resolution; they get common forms so names in Russian
// still produce a usable search key.
var table = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "h", 'ґ': "g", 'д': "d", 'е': "e",
	'є': "ie", 'ж': "zh", 'з': "z", 'и': "y", 'і': "i", 'ї': "i", 'й': "i",
	'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r",
	'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch",
	'ш': "sh", 'щ': "shch", 'ь': "", 'ю': "iu", 'я': "ia",
	'ы': "y", 'э': "e", 'ё': "io", 'ъ': "",
}

// initial holds the forms the resolution prescribes at the start of a word.
var initial = map[rune]string{'є': "ye", 'ї': "yi", 'й': "y", 'ю': "yu", 'я': "ya"}

// isApostrophe reports the apostrophe forms found in Ukrainian text; the
// resolution drops them and they do not break a word.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', 'ʼ', '`', '‘':
		return true
	}
	return false
}

// inWord reports whether r continues a word for the "start of a word" rule.
func inWord(r rune) bool {
	return unicode.IsLetter(r) || isApostrophe(r)
}

// Latin returns s transliterated to Latin script. Characters that are not
// Cyrillic letters are kept as they are, except apostrophes inside Ukrainian
// words, which are dropped. Case follows the source: "Щука" → "Shchuka",
// "ЩУКА" → "SHCHUKA".
func Latin(s string) string {
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	for i, r := range rs {
		prev, next := at(rs, i-1), at(rs, i+1)
		lower := unicode.ToLower(r)
		m, ok := table[lower]
		if !ok {
			if isApostrophe(r) && isCyrillic(prev) && isCyrillic(next) {
				continue
			}
			b.WriteRune(r)
			continue
		}
		if f, ok := initial[lower]; ok && !inWord(prev) {
			m = f
		}
		if lower == 'г' && unicode.ToLower(prev) == 'з' {
			m = "gh" // "зг" is "zgh" so it is not read as "zh".
		}
		b.WriteString(withCase(m, r, prev, next))
	}
	return b.String()
}

// withCase applies the case of the source letter to its Latin form m: an
// upper-case letter within an upper-case word gives all capitals, otherwise
// only the first Latin letter is capitalised.
func withCase(m string, r, prev, next rune) string {
	if m == "" || !unicode.IsUpper(r) {
		return m
	}
	if unicode.IsUpper(next) || (!unicode.IsLetter(next) && unicode.IsUpper(prev)) {
		return strings.ToUpper(m)
	}
	return strings.ToUpper(m[:1]) + m[1:]
}

func at(rs []rune, i int) rune {
	if i < 0 || i >= len(rs) {
		return 0
	}
	return rs[i]
}

func isCyrillic(r rune) bool {
	return unicode.Is(unicode.Cyrillic, r)
}

// Fold returns a search key for Cyrillic or Latin text: transliterated, lower
// case, without apostrophes, with runs of white space collapsed to one space
// and trimmed. Fold("Янів") == "yaniv", and Fold("Муль") contains Fold("Mul").
func Fold(s string) string {
	l := strings.ToLower(Latin(s))
	l = strings.Map(func(r rune) rune {
		if isApostrophe(r) {
			return -1
		}
		return r
	}, l)
	return strings.Join(strings.Fields(l), " ")
}
