package council

import (
	"sort"
	"strings"
	"unicode"
)

// ukrainian is the alphabet in its own order; Unicode puts Є, І, Ї before
// А, so a plain string sort lists «Їжакевич» before «Білик».
const ukrainian = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"

// ukRank is each letter's place, indexed from U+0400 (the Cyrillic block
// holds every letter of the alphabet); 0 for a character that keeps its
// code. An array, not a map: sorting names is on the leaderboards' path.
var ukRank = func() (t [0x100]rune) {
	for i, r := range []rune(ukrainian) {
		t[r-0x0400] = 0x0430 + rune(i)
	}
	return t
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
		if r >= 0x0400 && r < 0x0500 && ukRank[r-0x0400] != 0 {
			r = ukRank[r-0x0400]
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Less orders two names by SortKey.
func Less(a, b string) bool { return SortKey(a) < SortKey(b) }

// SortByName sorts list stably in the order of Less by each element's name.
// Each key is computed once: Less computes two per comparison, and sorting
// the council's deputies that way was most of a leaderboard's time.
func SortByName[T any](list []T, name func(T) string) {
	SortStableBy(list, name, func(T, T) int { return 0 })
}

// SortStableBy sorts list stably by first (negative: a before b), then by
// name in the order of Less, computing each name's key once.
func SortStableBy[T any](list []T, name func(T) string, first func(a, b T) int) {
	keyed := make([]struct {
		v   T
		key string
	}, len(list))
	for i, v := range list {
		keyed[i].v, keyed[i].key = v, SortKey(name(v))
	}
	sort.SliceStable(keyed, func(i, j int) bool {
		if c := first(keyed[i].v, keyed[j].v); c != 0 {
			return c < 0
		}
		return keyed[i].key < keyed[j].key
	})
	for i := range keyed {
		list[i] = keyed[i].v
	}
}
