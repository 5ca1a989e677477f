package understand

import (
	"regexp"
	"strings"

	"github.com/transparentcities/nazar/card"
	"github.com/transparentcities/nazar/taxid"
)

var (
	// A card number as people type it: 12–19 digits, maybe in groups.
	cardNumberRe = regexp.MustCompile(`(?:^|\D)(\d(?:[ -]?\d){11,18})(?:\D|$)`)
	// An EDRPOU: 8 digits standing alone.
	edrpouRe = regexp.MustCompile(`(?:^|\D)(\d{8})(?:\D|$)`)
	// An application number: letters, a dash, digits, a dash, digits
	// ("LV-2026-000123", "SC-2026-000101"), as both programmes number them.
	appNumberRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}\d])(\p{L}{1,6}-\d{2,4}-\d{2,8})(?:[^\p{L}\d]|$)`)
)

// numbers finds the numbers of a message, in the raw text (before words
// are split): a card number, an EDRPOU, an application number.
func numbers(text string) []Entity {
	var out []Entity
	if m := appNumberRe.FindStringSubmatch(text); m != nil {
		out = append(out, Entity{Kind: KindAppNumber, Value: strings.ToUpper(m[1])})
		text = strings.Replace(text, m[1], " ", 1)
	}
	if m := cardNumberRe.FindStringSubmatch(text); m != nil {
		digits := strings.NewReplacer(" ", "", "-", "").Replace(m[1])
		if card.Luhn(digits) {
			out = append(out, Entity{Kind: KindCardNumber, Value: digits})
			text = strings.Replace(text, m[1], " ", 1)
		}
	}
	if m := edrpouRe.FindStringSubmatch(text); m != nil {
		out = append(out, Entity{Kind: KindEDRPOU, Value: m[1], Valid: taxid.ValidEDRPOU(m[1])})
	}
	return out
}
