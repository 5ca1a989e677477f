package understand

import (
	"sort"
	"strings"
)

// hit is one thing a token matched, with its quality.
type hit struct {
	word int32
	q    float64
}

// reading is the working state of one message.
type reading struct {
	e        *Engine
	n        *names
	toks     []token
	hits     [][]hit // by token
	used     []bool  // by token: a trigger, section, category or near word
	scores   map[string]float64
	why      map[string][]string
	domains  map[string]float64
	category string
	catQ     float64
	nearQ    float64
}

// Understand reads one message.
func (e *Engine) Understand(text string) Result {
	norm := Normalize(text)
	r := &reading{e: e, n: e.names.Load(), toks: tokenize(norm), scores: map[string]float64{},
		why: map[string][]string{}, domains: map[string]float64{}}
	r.matchWords()
	r.matchPhrases()
	cands := r.candidates(text)
	res := Result{Norm: norm, Candidates: cands}
	switch {
	case len(cands) == 1 && cands[0].Score >= qFuzzy: // the only reading, if only through a typo
		res.Confident = true
	case len(cands) > 1 && cands[0].Score >= confidentScore && cands[0].Score-cands[1].Score >= confidentMargin:
		res.Confident = true
	case len(cands) == 1 && cands[0].Score >= confidentScore:
		res.Confident = true
	}
	return res
}

// matchWords looks every token up in the trigger words: exactly or by
// prefix, and with one typo only when nothing at all knows the word as it
// was typed (not a trigger, not a name).
func (r *reading) matchWords() {
	r.hits = make([][]hit, len(r.toks))
	r.used = make([]bool, len(r.toks))
	for i, t := range r.toks {
		add := func(id int32, q float64) { r.hits[i] = append(r.hits[i], hit{id, q}) }
		if r.e.words.exactOrPrefix(t.stem, add) || t.n < fuzzyMinLetters {
			continue
		}
		if len(r.n.depIndex.exact[t.stem]) > 0 || len(r.n.bizIndex.exact[t.stem]) > 0 {
			continue
		}
		r.e.words.fuzzy(t.stem, t.fold, add)
	}
}

// quality is how well token i matched word w (0: not at all).
func (r *reading) quality(i int, w int32) float64 {
	best := 0.0
	for _, h := range r.hits[i] {
		if h.word == w && h.q > best {
			best = h.q
		}
	}
	return best
}

// matchPhrases scores every phrase whose words all appear in the message.
func (r *reading) matchPhrases() {
	perTok := map[string][]float64{} // intent → best quality per token
	for _, p := range r.e.phrases {
		q, toks := r.phraseMatch(p)
		if q == 0 {
			continue
		}
		q *= p.weight
		for _, i := range toks {
			r.used[i] = true
		}
		switch {
		case p.intent != "":
			best := perTok[p.intent]
			if best == nil {
				best = make([]float64, len(r.toks))
				perTok[p.intent] = best
			}
			for k, i := range toks {
				best[i] = max(best[i], q*r.e.info[p.words[k]].weight())
			}
			r.scores[p.intent] += phraseBonus * float64(len(p.words)-1) * q
			r.why[p.intent] = appendWords(r.why[p.intent], r.toks, toks)
		case p.domain != "":
			r.domains[p.domain] = max(r.domains[p.domain], q*(1+phraseBonus*float64(len(p.words)-1)))
		case p.category != "":
			if q > r.catQ || (q == r.catQ && p.category < r.category) {
				r.category, r.catQ = p.category, q
			}
		case p.near:
			r.nearQ = max(r.nearQ, q)
		}
	}
	for intent, best := range perTok {
		for _, q := range best {
			r.scores[intent] += q
		}
	}
}

// phraseMatch returns the lowest quality among the phrase's words and the
// tokens that matched them, or 0 when a word is missing.
func (r *reading) phraseMatch(p phrase) (float64, []int) {
	low := 1.0
	var toks []int
	for _, w := range p.words {
		best, at := 0.0, -1
		for i := range r.toks {
			if q := r.quality(i, w); q > best {
				best, at = q, i
			}
		}
		if at < 0 {
			return 0, nil
		}
		low = min(low, best)
		toks = append(toks, at)
	}
	return low, toks
}

func appendWords(dst []string, toks []token, at []int) []string {
	for _, i := range at {
		if !contains(dst, toks[i].raw) {
			dst = append(dst, toks[i].raw)
		}
	}
	return dst
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// free are the tokens no trigger word used and that are not stop words.
func (r *reading) free() []int {
	var out []int
	for i, t := range r.toks {
		if !r.used[i] && !r.e.isStop(t.stem) {
			out = append(out, i)
		}
	}
	return out
}

// candidates turns the scores and entities into readings, best first.
func (r *reading) candidates(text string) []Candidate {
	var out []Candidate
	entities := map[string]Entity{}
	for d, q := range r.domains {
		r.scores[d+".menu"] += q
		r.why[d+".menu"] = append(r.why[d+".menu"], d)
	}
	free := r.free()
	dep, q, used := r.deputy(free)
	if q == 0 && r.namesADeputy() {
		dep, q, used = r.deputyByPart(free)
	}
	if q > 0 {
		r.scores[IntentDeputy] += entityWeight * q
		entities[IntentDeputy] = dep
		free = without(free, used)
	}
	if r.category != "" {
		cat := Entity{Kind: KindCategory, Value: r.category}
		r.scores[IntentCategory] += entityWeight * r.catQ
		entities[IntentCategory] = cat
		if r.nearQ > 0 {
			r.scores[IntentNear] += entityWeight * r.catQ
			entities[IntentNear] = cat
		}
	}
	if r.nearQ > 0 {
		r.scores[IntentNear] += r.nearQ
	}
	for _, n := range numbers(text) {
		r.number(n, entities)
	}
	if _, named := entities[IntentDeputy]; !named && r.scores[IntentDeputy] > 0 && len(free) > 0 {
		// «як голосував Муль» with no deputy of that name in the index (a
		// part of a name, a name not imported yet): the deputy search gets
		// the words as typed instead of asking for them again.
		entities[IntentDeputy] = Entity{Kind: KindDeputy, Value: r.raws(free)}
	}
	if r.scores[IntentDecisions] > 0 && len(free) > 0 {
		entities[IntentDecisions] = Entity{Kind: KindWords, Value: r.stems(free)}
	}
	if words, q := r.businessWords(free); q > 0 {
		r.scores[IntentSearch] += q
		entities[IntentSearch] = Entity{Kind: KindWords, Value: words}
	}
	// A section's word lifts every reading of the section (entities' too).
	for intent, s := range r.scores {
		if d, what, _ := strings.Cut(intent, "."); r.domains[d] > 0 && what != "menu" {
			s += domainLift * min(r.domains[d], 1)
		}
		r.scores[intent] = s
	}
	for intent, s := range r.scores {
		if s > 0 {
			out = append(out, Candidate{Intent: intent, Score: round(s), Entity: entities[intent], Why: r.why[intent]})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Intent < out[j].Intent
	})
	if len(out) > maxCandidates {
		out = out[:maxCandidates]
	}
	return out
}

// round keeps two decimals so sums of the same words compare equal.
func round(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

func without(list, drop []int) []int {
	var out []int
	for _, x := range list {
		if !containsInt(drop, x) {
			out = append(out, x)
		}
	}
	return out
}

func containsInt(list []int, x int) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}

// stems joins the stems of tokens: the words a title search looks for
// ("парковку" → "parkovk", which finds "парковки" and "parkovka").
func (r *reading) stems(at []int) string {
	var out []string
	for _, i := range at {
		out = append(out, r.toks[i].stem)
	}
	return strings.Join(out, " ")
}

// raws joins the tokens at as typed (lower case).
func (r *reading) raws(at []int) string {
	var out []string
	for _, i := range at {
		out = append(out, r.toks[i].raw)
	}
	return strings.Join(out, " ")
}

// number adds what a number in the message points at.
func (r *reading) number(n Entity, entities map[string]Entity) {
	switch n.Kind {
	case KindEDRPOU:
		r.scores[IntentEDRPOU] += numberWeight
		entities[IntentEDRPOU] = n
	case KindCardNumber:
		r.scores[IntentCardLink] += numberWeight
		entities[IntentCardLink] = n
	case KindAppNumber:
		r.scores[IntentCardReady] += appNumberWeight
		r.scores[IntentVoucherStat] += appNumberWeight
		entities[IntentCardReady], entities[IntentVoucherStat] = n, n
	}
}
