package understand

import (
	"sort"
	"strings"
	"sync/atomic"
)

// Candidate is one reading of a message: an intent, how strongly the words
// point at it, the entity it acts on, and the words that made it.
type Candidate struct {
	Intent string
	Score  float64
	Entity Entity
	Why    []string // the words that matched, as typed
}

// Result is what a message was understood as.
type Result struct {
	Norm       string      // the message normalised (what misses are counted by, after Anonymize)
	Candidates []Candidate // best first, at most maxCandidates
	// Confident means the best candidate is clearly ahead and can be
	// answered at once; otherwise the candidates are offered as choices.
	Confident bool
}

// Best is the best candidate; ok is false when nothing matched at all.
func (r Result) Best() (Candidate, bool) {
	if len(r.Candidates) == 0 {
		return Candidate{}, false
	}
	return r.Candidates[0], true
}

const (
	maxCandidates = 3
	// confidentScore and confidentMargin: the best reading is answered at
	// once when it scores at least a whole word and leads the next one by
	// half a word; otherwise the user picks.
	confidentScore  = 1.0
	confidentMargin = 0.5
	entityWeight    = 1.5 // a deputy's name or a business category
	numberWeight    = 3.0 // a checked EDRPOU or card number is unambiguous
	appNumberWeight = 1.2 // an application number: card or voucher, words decide
	domainLift      = 0.5 // a section's word lifts the section's intents
	phraseBonus     = 0.5 // each extra word of a matched phrase
	titleWeight     = 0.6 // words of a form's title
)

// Engine understands messages. It is safe for concurrent use; SetNames
// swaps the names snapshot atomically while messages are read.
type Engine struct {
	words      *index
	info       []wordInfo       // by word id
	ids        map[string]int32 // word key ("mul", "holosu*") → id
	phrases    []phrase
	intents    []string
	categories map[string]*Category
	names      atomic.Pointer[names]
}

type wordInfo struct {
	key    string
	stop   bool // a stop word: in a phrase it counts a quarter
	domain bool // names a section: in an intent's phrase it counts a half
}

// weight is how much a word counts within an intent's phrase: "мої картки"
// is mostly "мої" + "картки", and neither alone means the balance.
func (w wordInfo) weight() float64 {
	switch {
	case w.stop:
		return 0.25
	case w.domain:
		return 0.5
	}
	return 1
}

// phrase is a run of words that together point at one thing.
type phrase struct {
	words    []int32
	weight   float64
	intent   string // one of these four is set
	domain   string
	category string
	near     bool
}

// New builds an engine over a lexicon.
func New(lx *Lexicon) *Engine {
	e := &Engine{words: newIndex(), ids: map[string]int32{}, categories: lx.Categories}
	seen := map[string]bool{}
	for _, f := range lx.Files {
		for _, w := range f.Stop {
			for _, part := range strings.Fields(Normalize(w)) {
				e.info[e.word(part, false)].stop = true
			}
		}
		for _, p := range f.Near {
			e.addPhrase(p, phrase{near: true, weight: 1})
		}
		for d, ws := range f.Domains {
			seen[d+".menu"] = true
			for _, p := range ws {
				e.addPhrase(p, phrase{domain: d, weight: 1})
				for _, w := range e.phrases[len(e.phrases)-1].words {
					e.info[w].domain = true
				}
			}
		}
		for id, ps := range f.Intents {
			seen[id] = true
			for _, p := range ps {
				e.addPhrase(p, phrase{intent: id, weight: 1})
			}
		}
		for id, c := range f.Categories {
			for _, p := range c.Words {
				e.addPhrase(p, phrase{category: id, weight: 1})
			}
		}
	}
	for id := range seen {
		e.intents = append(e.intents, id)
	}
	sort.Strings(e.intents)
	e.names.Store(&names{})
	return e
}

// AddTitle makes the words of a title (a form's, in one language) point at
// intent, more weakly than the word lists do: titles are written to be
// read, not to be matched.
func (e *Engine) AddTitle(intent, title string) {
	for _, t := range tokenize(Normalize(title)) {
		if t.n >= 4 && !e.isStop(t.stem) {
			e.addPhrase(t.raw, phrase{intent: intent, weight: titleWeight})
		}
	}
	for _, id := range e.intents {
		if id == intent {
			return
		}
	}
	e.intents = append(e.intents, intent)
	sort.Strings(e.intents)
}

// Intents lists every intent the engine can answer.
func (e *Engine) Intents() []string { return append([]string(nil), e.intents...) }

// Category returns a business category by id.
func (e *Engine) Category(id string) (*Category, bool) {
	c, ok := e.categories[id]
	return c, ok
}

func (e *Engine) isStop(stem string) bool {
	for _, id := range e.words.exact[stem] {
		if e.info[id].stop {
			return true
		}
	}
	return false
}

// word returns the id of a trigger word (normalised), adding it when new;
// a prefix word is kept whole (folded), for it is written as the start of a
// word.
func (e *Engine) word(w string, prefix bool) int32 {
	key, mark := Key(w), Key(w)
	if prefix {
		key = Fold(w)
		mark = key + "*"
	}
	if id, ok := e.ids[mark]; ok {
		return id
	}
	id := int32(len(e.info))
	e.ids[mark] = id
	e.info = append(e.info, wordInfo{key: mark})
	e.words.add(key, id, prefix)
	return id
}

// addPhrase adds the words of text ("чи готова", "голосу*") as p.
func (e *Engine) addPhrase(text string, p phrase) {
	for _, f := range strings.Fields(text) {
		prefix := strings.HasSuffix(f, "*")
		parts := strings.Fields(Normalize(strings.TrimSuffix(f, "*")))
		for i, w := range parts {
			p.words = append(p.words, e.word(w, prefix && i == len(parts)-1))
		}
	}
	if len(p.words) > 0 {
		e.phrases = append(e.phrases, p)
	}
}
