package understand

import (
	"strings"
	"unicode"
)

// maxRunes bounds what is read of one message: questions are short, and a
// pasted page must not cost more than a question.
const maxRunes = 300

// maxTokens bounds the words read of one message.
const maxTokens = 24

// token is one word of a message.
type token struct {
	raw  string // lower case, apostrophes unified to '
	fold string // Latin key (Fold)
	stem string // Stem(fold)
	n    int    // letters as typed
}

// isApostrophe reports the apostrophes Ukrainian text is typed with.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', 'ʼ', '`', '‘', '′':
		return true
	}
	return false
}

// Normalize is a message as the understanding layer reads it: lower case,
// apostrophes unified, anything but letters, digits and apostrophes inside
// words replaced by single spaces, at most maxRunes runes.
func Normalize(text string) string {
	var b strings.Builder
	space := true
	n := 0
	for _, r := range text {
		if n++; n > maxRunes {
			break
		}
		switch {
		case isApostrophe(r): // before letters: ʼ (U+02BC) is a letter to Unicode
			if !space {
				b.WriteRune('\'')
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimSpace(strings.ReplaceAll(b.String(), "' ", " "))
}

// tokenize splits normalised text into words with their keys; words made
// only of digits are left to the number entities.
func tokenize(norm string) []token {
	var out []token
	for _, w := range strings.Fields(norm) {
		w = strings.Trim(w, "'")
		if w == "" || !hasLetter(w) {
			continue
		}
		f := Fold(w)
		out = append(out, token{raw: w, fold: f, stem: Stem(f), n: letters(w)})
		if len(out) == maxTokens {
			break
		}
	}
	return out
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
