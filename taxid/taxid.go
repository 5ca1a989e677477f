// Package taxid validates Ukrainian tax identifiers: the 8-digit EDRPOU of a
// legal entity and the 10-digit RNOKPP of a person (a sole proprietor files
// under it). Both end in a check digit; a typo in any one digit is caught.
package taxid

import (
	"errors"
	"strings"
)

// Kind is the kind of a tax id.
type Kind int

const (
	Unknown Kind = iota
	EDRPOU       // 8 digits, legal entities
	RNOKPP       // 10 digits, individuals
)

// Errors of Check; a handler turns each into its own message.
var (
	ErrNotDigits = errors.New("a tax id has only digits")
	ErrLength    = errors.New("a tax id has 8 (EDRPOU) or 10 (RNOKPP) digits")
	ErrChecksum  = errors.New("the check digit does not match")
)

// Normalize drops the spaces people type inside a number.
func Normalize(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// Check validates s (already normalized) and says which kind it is.
func Check(s string) (Kind, error) {
	for _, r := range s {
		if r < '0' || r > '9' {
			return Unknown, ErrNotDigits
		}
	}
	switch len(s) {
	case 8:
		if !validEDRPOU(s) {
			return EDRPOU, ErrChecksum
		}
		return EDRPOU, nil
	case 10:
		if !validRNOKPP(s) {
			return RNOKPP, ErrChecksum
		}
		return RNOKPP, nil
	}
	return Unknown, ErrLength
}

// ValidEDRPOU reports whether s is 8 digits with a matching check digit.
func ValidEDRPOU(s string) bool {
	k, err := Check(s)
	return k == EDRPOU && err == nil
}

// ValidRNOKPP reports whether s is 10 digits with a matching check digit.
func ValidRNOKPP(s string) bool {
	k, err := Check(s)
	return k == RNOKPP && err == nil
}

// validEDRPOU applies the State Statistics Service algorithm: weights 1..7
// (or 7,1..6 for codes between 30,000,000 and 60,000,000); a remainder of 10
// is recomputed with every weight raised by 2, and a second 10 counts as 0.
func validEDRPOU(s string) bool {
	d := digits(s)
	code := 0
	for _, v := range d {
		code = code*10 + v
	}
	weights := []int{1, 2, 3, 4, 5, 6, 7}
	if code >= 30000000 && code <= 60000000 {
		weights = []int{7, 1, 2, 3, 4, 5, 6}
	}
	check := weightedMod11(d, weights, 0)
	if check == 10 {
		check = weightedMod11(d, weights, 2) % 10
	}
	return check == d[7]
}

func weightedMod11(d, weights []int, add int) int {
	sum := 0
	for i, w := range weights {
		sum += d[i] * (w + add)
	}
	return sum % 11
}

// validRNOKPP applies the Tax Service algorithm: weights -1,5,7,9,4,6,10,5,7
// over the first nine digits, sum mod 11 mod 10 is the tenth.
func validRNOKPP(s string) bool {
	d := digits(s)
	weights := []int{-1, 5, 7, 9, 4, 6, 10, 5, 7}
	sum := 0
	for i, w := range weights {
		sum += d[i] * w
	}
	check := ((sum % 11) + 11) % 11 % 10
	return check == d[9]
}

func digits(s string) []int {
	d := make([]int, len(s))
	for i := range s {
		d[i] = int(s[i] - '0')
	}
	return d
}
