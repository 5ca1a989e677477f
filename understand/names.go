package understand

import (
	"strings"
)

// Deputy is a council deputy as the understanding layer knows them.
type Deputy struct {
	ID       int64
	FullName string // "Гнатюк Олександр Петрович": family name first
}

// Names is the snapshot of proper names the bot loads from the store at
// start and again after imports: deputies, and the names of businesses.
type Names struct {
	Deputies   []Deputy
	Businesses []string
}

// names is Names compiled for lookups.
type names struct {
	deputies []Deputy
	depIndex *index
	depParts []depPart // by id in depIndex
	bizIndex *index
	bizWords []string // by id in bizIndex: the word as a name writes it (lower case)
}

// depPart is one word of a deputy's name.
type depPart struct {
	deputy int // index in deputies
	word   string
	fold   string // Fold(word): what a typed part of the name begins ("mul" of "mulchak")
	family bool
}

// minBusinessWord: shorter name words ("ТОВ", "№") do not name a business.
const minBusinessWord = 3

// SetNames compiles and swaps in a new snapshot of names.
func (e *Engine) SetNames(n Names) {
	c := &names{deputies: n.Deputies, depIndex: newIndex(), bizIndex: newIndex()}
	for i, d := range n.Deputies {
		for j, w := range strings.Fields(Normalize(d.FullName)) {
			id := int32(len(c.depParts))
			c.depParts = append(c.depParts, depPart{deputy: i, word: w, fold: Fold(w), family: j == 0})
			c.depIndex.add(Key(w), id, false)
		}
	}
	seen := map[string]bool{}
	for _, name := range n.Businesses {
		for _, w := range strings.Fields(Normalize(name)) {
			if letters(w) < minBusinessWord {
				continue
			}
			k := Key(w)
			if seen[k] || e.isStop(k) {
				continue
			}
			seen[k] = true
			c.bizIndex.add(k, int32(len(c.bizWords)), false)
			c.bizWords = append(c.bizWords, w)
		}
	}
	e.names.Store(c)
}
