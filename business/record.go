package business

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// Kinds of a business (SPEC §6): enterprise, institution, organisation.
const (
	Enterprise   = "enterprise"
	Institution  = "institution"
	Organisation = "organisation"
)

// kindWords accepts the English codes and Ukrainian words in any case.
var kindWords = map[string]string{
	"enterprise": Enterprise, "підприємство": Enterprise, "company": Enterprise,
	"institution": Institution, "установа": Institution, "заклад": Institution,
	"organisation": Organisation, "organization": Organisation, "організація": Organisation,
}

// ParseKind reads a kind in English or Ukrainian.
func ParseKind(s string) (string, error) {
	if k, ok := kindWords[strings.ToLower(strings.TrimSpace(s))]; ok {
		return k, nil
	}
	return "", fmt.Errorf("%q is not a kind (enterprise/підприємство, institution/установа, organisation/організація)", s)
}

var (
	phoneRe    = regexp.MustCompile(`^\+?[0-9]{5,15}$`)
	phoneNoise = strings.NewReplacer(" ", "", "-", "", "(", "", ")", "", ".", "", "\u00a0", "")
)

// NormalizePhone checks a phone number and returns it as digits with an
// optional leading +: spaces, dashes, dots and parentheses are dropped.
// Several numbers may be given separated by commas.
func NormalizePhone(s string) (string, error) {
	var out []string
	for _, p := range strings.Split(s, ",") {
		clean := phoneNoise.Replace(strings.TrimSpace(p))
		if !phoneRe.MatchString(clean) {
			return "", fmt.Errorf("%q is not a phone number (e.g. +380 32 123 45 67)", strings.TrimSpace(p))
		}
		out = append(out, clean)
	}
	return strings.Join(out, ", "), nil
}

// NormalizeWebsite checks a web address; "example.ua" becomes
// "https://example.ua".
func NormalizeWebsite(s string) (string, error) {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !strings.Contains(u.Hostname(), ".") ||
		strings.ContainsAny(u.Host, " ,") {
		return "", fmt.Errorf("%q is not a web address (e.g. https://example.ua)", s)
	}
	return s, nil
}

var emailRe = regexp.MustCompile(`^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$`)

// ValidEmail reports whether s looks like one e-mail address.
func ValidEmail(s string) bool { return emailRe.MatchString(s) }
