// Package callback encodes and decodes the data carried by inline buttons.
//
// Telegram gives a button 1–64 bytes of data and the bot must interpret a
// press without server-side state, possibly months after the message was
// sent. The data is "<version>|<feature>|<action>|<arg>|…": the version lets a
// future release recognise buttons from old messages and answer them politely
// instead of misreading them.
package callback

import (
	"errors"
	"fmt"
	"strings"
)

// Version is the current layout of callback data.
const Version = "1"

// MaxLen is Telegram's limit on callback data, in bytes.
const MaxLen = 64

const sep = "|"

// ErrStale means the data was made by another version of the bot.
var ErrStale = errors.New("callback data from another version")

// ErrMalformed means the data is not callback data of this bot at all.
var ErrMalformed = errors.New("malformed callback data")

// Data is a decoded button press.
type Data struct {
	Feature string
	Action  string
	Args    []string
}

// Arg returns the i-th argument, or "" when there is none.
func (d Data) Arg(i int) string {
	if i < 0 || i >= len(d.Args) {
		return ""
	}
	return d.Args[i]
}

// Encode builds button data. Feature, action and args are chosen by the
// program (ids, page numbers), so a separator in them or data over 64 bytes is
// a programming error and panics; tests of every handler catch it.
func Encode(feature, action string, args ...string) string {
	parts := append([]string{Version, feature, action}, args...)
	for _, p := range parts[1:] {
		if strings.Contains(p, sep) {
			panic(fmt.Sprintf("callback: %q contains %q", p, sep))
		}
	}
	s := strings.Join(parts, sep)
	if len(s) > MaxLen {
		panic(fmt.Sprintf("callback: %q is %d bytes, over %d", s, len(s), MaxLen))
	}
	return s
}

// Decode parses button data, telling stale data (ErrStale) from garbage
// (ErrMalformed).
func Decode(s string) (Data, error) {
	if s == "" || len(s) > MaxLen {
		return Data{}, ErrMalformed
	}
	parts := strings.Split(s, sep)
	if len(parts) < 3 || parts[1] == "" || parts[2] == "" {
		if len(parts) >= 1 && isVersion(parts[0]) && parts[0] != Version {
			return Data{}, ErrStale
		}
		return Data{}, ErrMalformed
	}
	if parts[0] != Version {
		if isVersion(parts[0]) {
			return Data{}, ErrStale
		}
		return Data{}, ErrMalformed
	}
	return Data{Feature: parts[1], Action: parts[2], Args: parts[3:]}, nil
}

func isVersion(s string) bool {
	if s == "" || len(s) > 3 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
