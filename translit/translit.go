// Package translit romanises Ukrainian text with the official transliteration
// (Cabinet of Ministers resolution No. 55 of 27.01.2010) and builds search keys
// that let Latin input find Cyrillic names.
package translit

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// cyrillic maps lower-case Cyrillic letters (U+0430…U+045F) to their Latin
// form in the middle of a word; ґ (U+0491) is the one letter outside that
// block, and letters whose form depends on position are in initialForm. An
// array, not a map: every rune of every imported name passes through here.
// Russian letters are not part of the resolution; they get common forms so
// names in Russian still produce a usable search key.
var cyrillic = func() (t [0x30]struct {
	latin string
	ok    bool
}) {
	for r, m := range map[rune]string{
		'а': "a", 'б': "b", 'в': "v", 'г': "h", 'д': "d", 'е': "e",
		'є': "ie", 'ж': "zh", 'з': "z", 'и': "y", 'і': "i", 'ї': "i", 'й': "i",
		'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r",
		'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch",
		'ш': "sh", 'щ': "shch", 'ь': "", 'ю': "iu", 'я': "ia",
		'ы': "y", 'э': "e", 'ё': "io", 'ъ': "",
	} {
		t[r-0x430].latin, t[r-0x430].ok = m, true
	}
	return t
}()

// latinOf is the Latin form of lower-case letter r after the source rune
// prev (0 at the start), or ok false when r is not one we map. What prev
// decides is only looked at for the few letters it matters to.
func latinOf(r, prev rune) (latin string, ok bool) {
	if r == 'ґ' {
		return "g", true
	}
	if r < 0x430 || r >= 0x460 || !cyrillic[r-0x430].ok {
		return "", false
	}
	if f := initialForm(r); f != "" && !inWord(prev) {
		return f, true
	}
	if r == 'г' && unicode.ToLower(prev) == 'з' {
		return "gh", true // "зг" is "zgh" so it is not read as "zh".
	}
	return cyrillic[r-0x430].latin, true
}

// initialForm is the form the resolution prescribes at the start of a word.
func initialForm(r rune) string {
	switch r {
	case 'є':
		return "ye"
	case 'ї':
		return "yi"
	case 'й':
		return "y"
	case 'ю':
		return "yu"
	case 'я':
		return "ya"
	}
	return ""
}

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
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	var prev rune // 0 at the start
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		next := runeAt(s, i)
		lower := unicode.ToLower(r)
		m, ok := latinOf(lower, prev)
		switch {
		case ok:
			b.WriteString(withCase(m, r, prev, next))
		case isApostrophe(r) && isCyrillic(prev) && isCyrillic(next):
		default:
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

// runeAt is the rune that starts at s[i], or 0 at the end.
func runeAt(s string, i int) rune {
	if i >= len(s) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
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

func isCyrillic(r rune) bool {
	return unicode.Is(unicode.Cyrillic, r)
}

// Fold returns a search key for Cyrillic or Latin text: transliterated, lower
// case, without apostrophes, with runs of white space collapsed to one space
// and trimmed. Fold("Янів") == "yaniv", and Fold("Муль") contains Fold("Mul").
// It is strings.ToLower(Latin(s)) tidied, in one pass: imports fold every
// name and description.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	var prev rune // the previous source rune, 0 at the start
	space := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		before := prev
		prev = r
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if isApostrophe(r) {
			continue
		}
		lower := unicode.ToLower(r)
		m, ok := latinOf(lower, before)
		if ok && m == "" {
			continue // ь and ъ: nothing to write, not even a pending space
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if ok {
			b.WriteString(m)
		} else {
			b.WriteRune(lower)
		}
	}
	return b.String()
}
