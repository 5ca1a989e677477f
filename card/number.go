// Package card is the pure logic of the social card (SPEC §4): card number
// and birth-date parsing, the Luhn check, the verification lock rule, the
// alert rules and the city's "how to get a card" content. It does no I/O
// beyond reading the content file; providers and handlers build on it.
package card

import (
	"errors"
	"strings"
	"time"
)

// Problems with what a user typed. Handlers map each to a localised message.
var (
	ErrNotDigits  = errors.New("card number: only digits, spaces and dashes")
	ErrTooShort   = errors.New("card number: too short")
	ErrTooLong    = errors.New("card number: too long")
	ErrLuhn       = errors.New("card number: check digit is wrong")
	ErrDateFormat = errors.New("date: not DD.MM.YYYY or YYYY-MM-DD")
	ErrDateBad    = errors.New("date: no such day")
	ErrDateFuture = errors.New("date: in the future")
	ErrDateOld    = errors.New("date: before 1900")
)

// NumberRules are the configured rules of a card number.
type NumberRules struct {
	Length int  // digits after stripping spaces and dashes
	Luhn   bool // the last digit is a Luhn check digit
}

// ParseNumber strips spaces and dashes and checks what is left against the
// rules. The error says what is wrong, never echoing the number.
func ParseNumber(s string, r NumberRules) (string, error) {
	clean := strings.Map(func(c rune) rune {
		switch c {
		case ' ', '-', '\u00a0', '\t':
			return -1
		}
		return c
	}, strings.TrimSpace(s))
	if clean == "" || !allDigits(clean) {
		return "", ErrNotDigits
	}
	switch {
	case len(clean) < r.Length:
		return "", ErrTooShort
	case len(clean) > r.Length:
		return "", ErrTooLong
	case r.Luhn && !Luhn(clean):
		return "", ErrLuhn
	}
	return clean, nil
}

// Luhn reports whether a string of digits ends with a valid Luhn check digit.
func Luhn(digits string) bool {
	if len(digits) < 2 || !allDigits(digits) {
		return false
	}
	return (luhnSum(digits[:len(digits)-1])+int(digits[len(digits)-1]-'0'))%10 == 0
}

// LuhnDigit is the check digit to append to payload (for test and demo data).
func LuhnDigit(payload string) byte {
	return byte('0' + (10-luhnSum(payload)%10)%10)
}

// luhnSum sums payload as the digits before a check digit: every second
// digit from the right, starting with the rightmost, is doubled.
func luhnSum(payload string) int {
	sum := 0
	for i := len(payload) - 1; i >= 0; i-- {
		d := int(payload[i] - '0')
		if (len(payload)-1-i)%2 == 0 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// ParseBirthDate reads a date of birth typed as DD.MM.YYYY (also D.M.YYYY and
// ISO YYYY-MM-DD). A date of the right shape that does not exist
// ("31.02.1980") is ErrDateBad, one after today ErrDateFuture.
func ParseBirthDate(s string, today time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	d, m, y, ok := dateParts(s)
	if !ok {
		return time.Time{}, ErrDateFormat
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || t.Day() != d || t.Month() != time.Month(m) {
		return time.Time{}, ErrDateBad
	}
	day := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	switch {
	case t.After(day):
		return time.Time{}, ErrDateFuture
	case y < 1900:
		return time.Time{}, ErrDateOld
	}
	return t, nil
}

// dateParts splits "31.02.1980", "1.2.1980" or "1980-02-31" into numbers
// without judging whether the day exists.
func dateParts(s string) (d, m, y int, ok bool) {
	if parts := strings.Split(s, "-"); len(parts) == 3 && len(parts[0]) == 4 {
		y, ok1 := num(parts[0], 4, 4)
		m, ok2 := num(parts[1], 1, 2)
		d, ok3 := num(parts[2], 1, 2)
		return d, m, y, ok1 && ok2 && ok3
	}
	s = strings.NewReplacer("/", ".").Replace(s)
	parts := strings.Split(s, ".")
	if len(parts) != 3 {
		return 0, 0, 0, false
	}
	d, ok1 := num(parts[0], 1, 2)
	m, ok2 := num(parts[1], 1, 2)
	y, ok3 := num(parts[2], 4, 4)
	return d, m, y, ok1 && ok2 && ok3
}

func num(s string, minLen, maxLen int) (int, bool) {
	if len(s) < minLen || len(s) > maxLen || !allDigits(s) {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}
