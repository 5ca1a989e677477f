// Package privacy masks personal data — card numbers, tax ids, dates of
// birth — and secrets such as the bot token, wherever text leaves the program
// (messages and log lines).
package privacy

import (
	"regexp"
	"strings"
)

// MaskCard shows only the last four digits of a card number: "•••• 1234".
func MaskCard(number string) string {
	return "•••• " + lastDigits(number, 4)
}

// MaskTaxID shows only the last two digits of an EDRPOU or RNOKPP: "••••••42".
func MaskTaxID(id string) string {
	d := digitsOnly(id)
	if len(d) <= 2 {
		return strings.Repeat("•", len(d))
	}
	return strings.Repeat("•", len(d)-2) + d[len(d)-2:]
}

// MaskDate hides a date of birth entirely.
func MaskDate(string) string { return "••.••.••••" }

var (
	tokenRe = regexp.MustCompile(`\d{5,}:[A-Za-z0-9_-]{30,}`)
	// Card numbers, possibly grouped by spaces or dashes: 12–19 digits.
	cardRe = regexp.MustCompile(`\b\d(?:[ -]?\d){11,18}\b`)
	// Tax ids: EDRPOU (8 digits) and RNOKPP (10 digits) standing alone.
	taxRe = regexp.MustCompile(`\b(?:\d{10}|\d{8})\b`)
	// Dates in the forms people type their birth date in.
	dateRe = regexp.MustCompile(`\b(?:\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}-\d{2}-\d{2})\b`)
	// The user information of a URL ("https://user:password@host"): up to
	// the last @ before the path, as URL parsers read it.
	urlUserRe = regexp.MustCompile(`([A-Za-z][A-Za-z0-9+.-]*://)[^/\s?#]*@`)
)

// RedactURLs replaces the credentials of every URL in s by "***", so
// "https://bot:s3cret@data.city/x.csv" becomes "https://***@data.city/x.csv".
func RedactURLs(s string) string {
	return urlUserRe.ReplaceAllString(s, "${1}***@")
}

// Scrub masks everything in free text that looks like a token, a card number,
// a tax id or a date, and the credentials written in URLs. It over-masks on purpose: a log line that loses an
// innocent number costs less than one that leaks a card.
func Scrub(s string) string {
	s = RedactURLs(s)
	s = tokenRe.ReplaceAllString(s, "<token>")
	s = cardRe.ReplaceAllStringFunc(s, MaskCard)
	s = taxRe.ReplaceAllStringFunc(s, MaskTaxID)
	return dateRe.ReplaceAllStringFunc(s, MaskDate)
}

func digitsOnly(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func lastDigits(s string, n int) string {
	d := digitsOnly(s)
	if len(d) < n {
		return d
	}
	return d[len(d)-n:]
}
