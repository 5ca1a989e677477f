package understand

import (
	"sort"
	"strings"
)

// givenWeight: a first name or patronymic alone names a deputy less surely
// than a family name.
const givenWeight = 0.5

// deputy finds the deputies named by the free tokens: by family name (in
// any case, in Latin, with one typo from five letters), narrowed by a first
// name or patronymic when one is given too. It returns the entity, its
// quality, and the tokens it used.
func (r *reading) deputy(free []int) (Entity, float64, []int) {
	if len(r.n.deputies) == 0 {
		return Entity{}, 0, nil
	}
	score := map[int]float64{}
	family := map[int]float64{}
	words := map[int][]string{}
	var used []int
	for _, i := range free {
		t := r.toks[i]
		matched := false
		add := func(id int32, q float64) {
			p := r.n.depParts[id]
			w := q
			if p.family {
				family[p.deputy] = max(family[p.deputy], q)
			} else {
				w *= givenWeight
			}
			score[p.deputy] += w
			words[p.deputy] = append(words[p.deputy], p.word)
			matched = true
		}
		if !r.n.depIndex.exactOrPrefix(t.stem, add) && t.n >= fuzzyMinLetters {
			r.n.depIndex.fuzzy(t.stem, t.fold, add)
		}
		if matched {
			used = append(used, i)
		}
	}
	best := 0.0
	for d, s := range score {
		if family[d] > 0 { // a first name alone ("Ірина") is not a deputy
			best = max(best, s)
		}
	}
	if best == 0 {
		return Entity{}, 0, nil
	}
	var ids []int64
	var value string
	var pick []int
	for d, s := range score {
		if s == best && family[d] > 0 {
			pick = append(pick, d)
		}
	}
	sort.Ints(pick)
	for _, d := range pick {
		ids = append(ids, r.n.deputies[d].ID)
		value = strings.Join(words[pick[0]], " ")
	}
	return Entity{Kind: KindDeputy, Value: value, IDs: ids}, min(best, 1.5), used
}

// minNamePart: a typed beginning of a family name has at least this many
// letters («Муль» of Мульчак; «Ко» would be half the council).
const minNamePart = 3

// namesADeputy reports whether the message is the council's section word
// and a name: «депутат Муль», "deputy Mul", «як голосує депутат Муль» — the
// section word and nothing of the council but its menu or the deputy search.
// Only then is the beginning of a family name read as the deputy: in
// «рішення ради про школу» the word «школу» also begins «Школяр».
func (r *reading) namesADeputy() bool {
	section, _, _ := strings.Cut(IntentDeputy, ".")
	if r.domains[section] == 0 {
		return false
	}
	for intent, s := range r.scores {
		if s > 0 && strings.HasPrefix(intent, section+".") && intent != IntentDeputy && intent != section+".menu" {
			return false
		}
	}
	return true
}

// deputyByPart finds the deputies whose family name begins with a free
// token as typed or cut to its stem ("Муль", "Мулю" → Мульчак): the first
// token that begins one. One deputy carries their family name; several
// (namesakes by beginning) carry the typed word for the search to list.
func (r *reading) deputyByPart(free []int) (Entity, float64, []int) {
	for _, i := range free {
		t := r.toks[i]
		if t.n < minNamePart {
			continue
		}
		var ids []int64
		word := t.raw
		for _, p := range r.n.depParts {
			if p.family && (strings.HasPrefix(p.fold, t.fold) || strings.HasPrefix(p.fold, t.stem)) {
				ids = append(ids, r.n.deputies[p.deputy].ID)
				word = p.word
			}
		}
		switch {
		case len(ids) == 1:
			return Entity{Kind: KindDeputy, Value: word, IDs: ids}, qPrefix, []int{i}
		case len(ids) > 1:
			return Entity{Kind: KindDeputy, Value: t.raw}, qPrefix, []int{i}
		}
	}
	return Entity{}, 0, nil
}

// businessWords are the free tokens found among the words of business
// names, as typed or, for a typo, as the names write it, and their total
// quality.
func (r *reading) businessWords(free []int) (string, float64) {
	var out []string
	total := 0.0
	for _, i := range free {
		t := r.toks[i]
		best, word := 0.0, ""
		add := func(id int32, q float64) {
			if q > best {
				best, word = q, r.n.bizWords[id]
			}
		}
		if !r.n.bizIndex.exactOrPrefix(t.stem, add) && t.n >= fuzzyMinLetters {
			r.n.bizIndex.fuzzy(t.stem, t.fold, add)
		}
		if best > 0 {
			total += best
			if best == qExact {
				word = t.raw // as typed: the search matches it as a prefix
			}
			out = append(out, word)
		}
	}
	return strings.Join(out, " "), total
}
