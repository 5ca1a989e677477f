package council

import (
	"sort"
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
