package council

import (
	"strings"
	"unicode"
)

// ukrainian is the alphabet in its own order; Unicode puts Є, І, Ї before
// А, so a plain string sort lists «Їжакевич» before «Білик».
const ukrainian = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"

var ukRank = func() map[rune]rune {
	m := map[rune]rune{}
	for i, r := range []rune(ukrainian) {
		m[r] = 0x0430 + rune(i)
	}
	return m
}()

// SortKey is a key that orders names as a Ukrainian reader expects:
// alphabet order, case ignored, apostrophes ignored.
func SortKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r == '\'' || r == '’' || r == 'ʼ' {
			continue
		}
		r = unicode.ToLower(r)
		if k, ok := ukRank[r]; ok {
			r = k
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Less orders two names by SortKey.
func Less(a, b string) bool { return SortKey(a) < SortKey(b) }
