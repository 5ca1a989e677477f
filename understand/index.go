package understand

// Match qualities: how much a word found one way counts.
const (
	qExact  = 1.0
	qPrefix = 0.9
	qFuzzy  = 0.75
)

// fuzzyMinLetters: only words typed with at least this many letters are
// matched with one typo ("баланс" → "балнас"); shorter words would match
// too much.
const fuzzyMinLetters = 5

// fuzzyMinKey: a stored key shorter than this is never reached by a typo.
const fuzzyMinKey = 4

// index finds stored keys (stems) by a word's stem: exactly, by declared
// prefix, or with one edit through a symmetric-delete table (every key with
// one letter removed), which makes a typo lookup a few map reads instead
// of a scan, even over the words of 100,000 business names.
type index struct {
	exact    map[string][]int32
	deletes  map[string][]prefixKey // a key with one byte removed → the keys and ids
	prefixes []prefixKey
}

type prefixKey struct {
	key string
	id  int32
}

func newIndex() *index {
	return &index{exact: map[string][]int32{}, deletes: map[string][]prefixKey{}}
}

// add stores key for id. A prefix key matches any stem that starts with it.
func (ix *index) add(key string, id int32, prefix bool) {
	if key == "" {
		return
	}
	if prefix {
		ix.prefixes = append(ix.prefixes, prefixKey{key, id})
		return
	}
	if appendOnce(ix.exact, key, id) && len(key) >= fuzzyMinKey {
		for i := range len(key) {
			d := key[:i] + key[i+1:]
			ix.deletes[d] = append(ix.deletes[d], prefixKey{key, id})
		}
	}
}

// appendOnce adds id under k unless it is there; it reports whether it added.
func appendOnce(m map[string][]int32, k string, id int32) bool {
	for _, x := range m[k] {
		if x == id {
			return false
		}
	}
	m[k] = append(m[k], id)
	return true
}

// exactOrPrefix calls fn for every id whose key equals stem or is a
// declared prefix of it; it reports whether any matched.
func (ix *index) exactOrPrefix(stem string, fn func(id int32, q float64)) bool {
	found := false
	for _, id := range ix.exact[stem] {
		fn(id, qExact)
		found = true
	}
	for _, p := range ix.prefixes {
		if len(stem) >= len(p.key) && stem[:len(p.key)] == p.key {
			fn(p.id, qPrefix)
			found = true
		}
	}
	return found
}

// fuzzy calls fn for every id whose key is one edit (insertion, deletion,
// substitution or swap of neighbours) away from stem, or whose key is the
// stem of fold with one letter removed (a doubled letter before a case
// ending: "гнатюкомм").
func (ix *index) fuzzy(stem, fold string, fn func(id int32, q float64)) {
	var seen []int32
	try := func(key string, id int32) {
		if !containsID(seen, id) && osa1(stem, key) {
			seen = append(seen, id)
			fn(id, qFuzzy)
		}
	}
	for _, e := range ix.deletes[stem] { // a letter too few in what was typed
		try(e.key, e.id)
	}
	for i := range len(stem) {
		d := stem[:i] + stem[i+1:]
		for _, id := range ix.exact[d] { // a letter too many
			try(d, id)
		}
		for _, e := range ix.deletes[d] { // a wrong or swapped letter
			try(e.key, e.id)
		}
	}
	for i := range len(fold) {
		for _, id := range ix.exact[Stem(fold[:i]+fold[i+1:])] {
			try(stem, id) // one letter removed: one edit by construction
		}
	}
}

func containsID(ids []int32, id int32) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// osa1 reports whether a and b are at most one edit apart, a swap of two
// neighbouring letters counting as one edit.
func osa1(a, b string) bool {
	if a == b {
		return true
	}
	la, lb := len(a), len(b)
	if la-lb > 1 || lb-la > 1 {
		return false
	}
	i := 0
	for i < la && i < lb && a[i] == b[i] {
		i++
	}
	switch {
	case la == lb:
		if a[i+1:] == b[i+1:] {
			return true // substitution
		}
		return i+1 < la && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case la > lb:
		return a[i+1:] == b[i:]
	default:
		return a[i:] == b[i+1:]
	}
}
