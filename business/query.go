package business

import (
	"strings"
	"unicode"

	"github.com/transparentcities/nazar/translit"
)

// MaxTerms bounds how many words of a query are searched.
const MaxTerms = 8

// maxTermLen bounds one word (longer words are cut).
const maxTermLen = 40

// SearchKey is the text the full-text index holds for a name or a
// description: transliterated to Latin (the official 2010 rules), lower
// case, letters and digits only. Indexing this one key lets Cyrillic and
// Latin queries meet: both are folded the same way before matching.
func SearchKey(s string) string {
	return strings.Join(Terms(s, 0), " ")
}

// Terms splits text into folded words: every run of letters and digits,
// transliterated and lower-cased; anything else separates words. max ≤ 0
// means no limit.
func Terms(s string, max int) []string {
	folded := translit.Fold(s)
	words := strings.FieldsFunc(folded, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if max > 0 && len(words) > max {
		words = words[:max]
	}
	for i, w := range words {
		if r := []rune(w); len(r) > maxTermLen {
			words[i] = string(r[:maxTermLen])
		}
	}
	return words
}

// MatchQuery turns what a user typed into an FTS5 MATCH expression, or ""
// when there is nothing to search. Every word is quoted as an FTS5 string
// and matched as a prefix ("apteka"*), so no input — quotes, *, NEAR, AND,
// OR, NOT, -, parentheses, column filters — is ever read as query syntax:
// only letters and digits reach the quotes, and a quoted string is a plain
// phrase to FTS5. Words are joined with implicit AND.
func MatchQuery(input string) string {
	terms := Terms(input, MaxTerms)
	parts := make([]string, 0, len(terms))
	for _, t := range terms {
		parts = append(parts, `"`+t+`"*`)
	}
	return strings.Join(parts, " ")
}
