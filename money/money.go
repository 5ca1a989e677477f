// Package money reads amounts of hryvnias the way people type them into
// integer kopiykas. Amounts are never floats: 0.1 + 0.2 must stay 30
// kopiykas. Formatting lives in locales.Localizer.Money, so that every
// amount the bot shows follows the user's language.
package money

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
)

// Max is the largest amount Parse accepts: one billion hryvnias. Anything
// bigger is a typo (a pasted account number), not an expense of a small
// business, and keeping it this low means share × amount never overflows.
const Max int64 = 1_000_000_000_00

// Errors of Parse; a handler turns each into its own message.
var (
	ErrEmpty     = errors.New("no amount given")
	ErrSyntax    = errors.New("not an amount of hryvnias")
	ErrNegative  = errors.New("the amount is negative")
	ErrZero      = errors.New("the amount is zero")
	ErrPrecision = errors.New("more than two decimals (kopiykas)")
	ErrTooLarge  = errors.New("the amount is too large")
)

// spaces are the characters people (and formatters) put between digit
// groups: space, no-break space, narrow no-break space, thin and figure space.
var spaces = strings.NewReplacer("\u00a0", " ", "\u202f", " ", "\u2009", " ", "\u2007", " ", "\t", " ")

// currencies are the marks of the hryvnia accepted before or after the
// number, longest first so "грн." is cut whole.
var currencies = []string{"гривень", "гривні", "гривня", "грн.", "грн", "uah", "₴"}

// The shapes an amount may take once the currency is cut. Groups of three
// digits may be separated by spaces, commas or dots; the decimal mark is
// then the other one. A separator followed by exactly three digits that fit
// the grouping is read as a thousands separator ("12,500" is 12 500), as in
// banking apps; to mean twelve and a half, write "12,5" or "12,50".
var (
	spaceGroups = regexp.MustCompile(`^[1-9][0-9]{0,2}(?: [0-9]{3})+(?:[.,][0-9]+)?$`)
	commaGroups = regexp.MustCompile(`^[1-9][0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?$`)
	dotGroups   = regexp.MustCompile(`^[1-9][0-9]{0,2}(?:\.[0-9]{3})+(?:,[0-9]+)?$`)
	plain       = regexp.MustCompile(`^[0-9]+(?:[.,][0-9]+)?$`)
)

// Parse reads an amount of hryvnias such as "12 500,50", "12500.5",
// "12 500 грн", "UAH 12,500.50" or "₴1.250.000" into kopiykas. It refuses
// negatives, zero, more than two decimals and amounts over Max, each with
// its own error.
func Parse(s string) (int64, error) {
	s = strings.TrimSpace(spaces.Replace(s))
	if s == "" {
		return 0, ErrEmpty
	}
	s, ok := cutCurrency(s)
	if !ok {
		return 0, ErrSyntax
	}
	if s == "" {
		return 0, ErrEmpty
	}
	switch s[0] {
	case '-':
		return 0, negative(s[1:])
	case '+':
		s = s[1:]
	}
	if strings.HasPrefix(s, "\u2212") || strings.HasPrefix(s, "\u2013") { // minus sign, en dash
		return 0, negative(s[3:])
	}
	whole, frac, err := split(s)
	if err != nil {
		return 0, err
	}
	return value(whole, frac)
}

// negative says "negative" only for something that would otherwise be an
// amount, so "-abc" stays a syntax error.
func negative(rest string) error {
	if rest = strings.TrimSpace(rest); rest != "" && rest[0] >= '0' && rest[0] <= '9' {
		return ErrNegative
	}
	return ErrSyntax
}

// cutCurrency removes one currency mark at either end; ok is false when
// more than one is given ("грн 5 грн").
func cutCurrency(s string) (string, bool) {
	cut := 0
	for _, c := range currencies {
		// EqualFold on byte slices of the mark's own length: lower-casing
		// the whole input could change its length and misplace the cut.
		if len(s) >= len(c) && strings.EqualFold(s[:len(c)], c) {
			s = s[len(c):]
			cut++
			break
		}
	}
	for _, c := range currencies {
		if len(s) >= len(c) && strings.EqualFold(s[len(s)-len(c):], c) {
			s = s[:len(s)-len(c)]
			cut++
			break
		}
	}
	return strings.TrimSpace(s), cut <= 1
}

// split finds the whole and fractional digits by the shapes above.
func split(s string) (whole, frac string, err error) {
	var group, decimal string
	switch {
	case spaceGroups.MatchString(s):
		group = " "
	case commaGroups.MatchString(s):
		group, decimal = ",", "."
	case dotGroups.MatchString(s):
		group, decimal = ".", ","
	case plain.MatchString(s):
	default:
		return "", "", ErrSyntax
	}
	if group != "" {
		s = strings.ReplaceAll(s, group, "")
	}
	if decimal == "" {
		s = strings.Replace(s, ",", ".", 1)
	} else {
		s = strings.Replace(s, decimal, ".", 1)
	}
	whole, frac, _ = strings.Cut(s, ".")
	return whole, frac, nil
}

// value turns validated digits into kopiykas.
func value(whole, frac string) (int64, error) {
	if len(frac) > 2 {
		// Trailing zeros are still more decimals than money has: "1,500"
		// never reaches here (it is a group), "0,500" does and is refused.
		return 0, ErrPrecision
	}
	whole = strings.TrimLeft(whole, "0")
	if len(whole) > 10 { // more than Max before converting, so no overflow
		return 0, ErrTooLarge
	}
	var w int64
	if whole != "" {
		w, _ = strconv.ParseInt(whole, 10, 64)
	}
	f := int64(0)
	if frac != "" {
		f, _ = strconv.ParseInt(frac, 10, 64)
		if len(frac) == 1 {
			f *= 10
		}
	}
	v := w*100 + f
	switch {
	case v == 0:
		return 0, ErrZero
	case v > Max:
		return 0, ErrTooLarge
	}
	return v, nil
}
