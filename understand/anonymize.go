package understand

import (
	"strings"
	"unicode"

	"github.com/transparentcities/nazar/privacy"
)

// maxMissRunes bounds a stored phrasing.
const maxMissRunes = 120

// Anonymize is a phrasing as it may be stored and shown to admins: card
// numbers, tax ids and dates masked by the privacy package, then every
// remaining digit replaced by "#" (application numbers, phone numbers,
// house numbers), normalised and cut to maxMissRunes runes. Names stay:
// the lists grow from them ("Муль" typed as "Мулль").
func Anonymize(text string) string {
	s := privacy.Scrub(text)
	s = strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return '#'
		}
		return r
	}, s)
	var b strings.Builder
	n := 0
	for _, w := range strings.Fields(strings.ToLower(s)) {
		for _, r := range w {
			if isApostrophe(r) {
				r = '\''
			}
			if !unicode.IsLetter(r) && r != '#' && r != '•' && r != '\'' && r != '-' {
				continue
			}
			if n++; n > maxMissRunes {
				return strings.TrimSpace(b.String())
			}
			b.WriteRune(r)
		}
		b.WriteByte(' ')
	}
	return strings.TrimSpace(b.String())
}
