package miniapp

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
)

// InitData is what a validated Telegram init data string says.
type InitData struct {
	User     User
	AuthDate time.Time
}

// User is the Telegram user who opened the Mini App.
type User struct {
	ID           int64  `json:"id"`
	FirstName    string `json:"first_name"`
	LanguageCode string `json:"language_code"`
}

// Reasons an init data string is refused; every one answers 401.
var (
	ErrNoInitData  = errors.New("init data missing")
	ErrBadInitData = errors.New("init data malformed")
	ErrBadHash     = errors.New("init data hash does not match")
	ErrExpired     = errors.New("init data too old")
)

// Validate checks init data exactly as Telegram documents it
// (core.telegram.org/bots/webapps, "Validating data received via the Mini
// App"): the data-check-string is every field but hash, sorted by key, as
// key=value lines joined by "\n"; the secret key is HMAC-SHA256 of the bot
// token keyed with "WebAppData"; hash must be the hex HMAC-SHA256 of the
// data-check-string with that key (compared in constant time); auth_date
// must be no older than maxAge.
func Validate(raw, botToken string, maxAge time.Duration, now time.Time) (InitData, error) {
	if raw == "" {
		return InitData{}, ErrNoInitData
	}
	values, err := url.ParseQuery(raw)
	if err != nil {
		return InitData{}, ErrBadInitData
	}
	for _, v := range values {
		if len(v) != 1 { // a repeated key could be read two ways
			return InitData{}, ErrBadInitData
		}
	}
	got, err := hex.DecodeString(values.Get("hash"))
	if err != nil || len(got) != sha256.Size {
		return InitData{}, ErrBadHash
	}
	if !hmac.Equal(got, signature(values, botToken)) {
		return InitData{}, ErrBadHash
	}
	sec, err := strconv.ParseInt(values.Get("auth_date"), 10, 64)
	if err != nil {
		return InitData{}, ErrBadInitData
	}
	d := InitData{AuthDate: time.Unix(sec, 0)}
	if age := now.Sub(d.AuthDate); age > maxAge || age < -time.Minute {
		return InitData{}, ErrExpired
	}
	if u := values.Get("user"); u != "" {
		if err := json.Unmarshal([]byte(u), &d.User); err != nil {
			return InitData{}, ErrBadInitData
		}
	}
	return d, nil
}

// Sign returns values as an init data string signed with botToken, the way
// Telegram signs it; tests and local trials use it to open the Mini App
// without Telegram.
func Sign(values url.Values, botToken string) string {
	values = cloneWithout(values, "hash")
	values.Set("hash", hex.EncodeToString(signature(values, botToken)))
	return values.Encode()
}

// signature is the HMAC of the data-check-string of values (hash excluded).
func signature(values url.Values, botToken string) []byte {
	keys := make([]string, 0, len(values))
	for k := range values {
		if k != "hash" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	lines := make([]string, len(keys))
	for i, k := range keys {
		lines[i] = k + "=" + values.Get(k)
	}
	secret := hmac.New(sha256.New, []byte("WebAppData"))
	secret.Write([]byte(botToken))
	mac := hmac.New(sha256.New, secret.Sum(nil))
	mac.Write([]byte(strings.Join(lines, "\n")))
	return mac.Sum(nil)
}

func cloneWithout(v url.Values, drop string) url.Values {
	out := url.Values{}
	for k, vs := range v {
		if k != drop {
			out[k] = append([]string(nil), vs...)
		}
	}
	return out
}
