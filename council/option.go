// Package council holds the council metrics of SPEC §5.1 as pure functions
// over vote rows: the options a deputy can record, the faction line of one
// vote event, attendance, participation, discipline and agreement. It knows
// nothing of storage or chat; the store precomputes lines with it at import
// and the tests check every figure the bot shows against it.
package council

import (
	"fmt"
	"strings"
	"unicode"
)

// Option is what the named list records for one deputy at one vote event.
type Option int8

// The options of SPEC §5.1, in the order the bot lists them.
const (
	For       Option = iota // За
	Against                 // Проти
	Abstain                 // Утримався
	NotVoting               // Не голосував: present, did not vote
	Absent                  // Відсутній, or no record within the mandate
)

// Options lists every option in display order.
var Options = []Option{For, Against, Abstain, NotVoting, Absent}

// Present reports whether the deputy was in the hall (any option but Absent).
func (o Option) Present() bool { return o != Absent }

// Cast reports whether the deputy pressed a button: for, against or abstain.
func (o Option) Cast() bool { return o == For || o == Against || o == Abstain }

// Supports reduces a present vote to support (for) or no support (anything
// else): a decision needs a majority of the whole council, so against,
// abstain and not voting weigh the same.
func (o Option) Supports() bool { return o == For }

// String is the option's English name, for logs and test output.
func (o Option) String() string {
	switch o {
	case For:
		return "for"
	case Against:
		return "against"
	case Abstain:
		return "abstain"
	case NotVoting:
		return "not voting"
	case Absent:
		return "absent"
	}
	return fmt.Sprintf("Option(%d)", int8(o))
}

// prefixes map the stem of a Ukrainian label to its option, so that every
// gender and number ("Утримався", "утрималась", "УТРИМАЛИСЬ", "Відсутня")
// is accepted. English names are accepted too.
var prefixes = []struct {
	stem string
	opt  Option
}{
	{"утрим", Abstain},
	{"не голос", NotVoting},
	{"не брав", NotVoting},
	{"не брал", NotVoting},
	{"відсутн", Absent},
	{"abstain", Abstain},
	{"not voting", NotVoting},
	{"did not vote", NotVoting},
	{"absent", Absent},
}

// exact are labels that must match whole: "за" must not swallow "за основу".
var exact = map[string]Option{
	"за": For, "for": For, "yes": For,
	"проти": Against, "against": Against, "no": Against,
}

// ParseOption reads a vote label of the named list in any case and gender.
func ParseOption(label string) (Option, error) {
	key := normalizeLabel(label)
	if o, ok := exact[key]; ok {
		return o, nil
	}
	for _, p := range prefixes {
		if strings.HasPrefix(key, p.stem) {
			return p.opt, nil
		}
	}
	return 0, fmt.Errorf("%q is not a vote (За, Проти, Утримався, Не голосував, Відсутній)", label)
}

// normalizeLabel lower-cases, drops trailing punctuation and collapses
// spaces (including no-break spaces) so that "Не  голосувала." matches.
func normalizeLabel(s string) string {
	s = strings.ToLower(strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }))
	return strings.Join(strings.Fields(s), " ")
}
