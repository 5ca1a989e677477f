// Package weblink checks the links residents are sent to (a digest item's
// "read more"): pure, so the importer and the admin's conversation share it
// without one importing the other.
package weblink

import (
	"net/url"
	"strings"
)

// Valid accepts only absolute http(s) URLs with a host and no spaces.
func Valid(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && !strings.ContainsAny(s, " \n")
}
