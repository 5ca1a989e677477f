package miniapp

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const testToken = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghi"

var testNow = time.Date(2026, 5, 4, 12, 0, 0, 0, time.UTC)

func initValues(at time.Time) url.Values {
	return url.Values{"auth_date": {strconv.FormatInt(at.Unix(), 10)}, "query_id": {"AAHdF6IQAAAAAN0XohDhrOrc"},
		"user": {`{"id":279058397,"first_name":"Оксана","language_code":"en"}`}}
}

// The expected hash is computed here step by step from Telegram's
// documented recipe, independently of signature().
func TestSignMatchesTelegramRecipe(t *testing.T) {
	v := initValues(testNow)
	dataCheck := "auth_date=" + v.Get("auth_date") + "\nquery_id=" + v.Get("query_id") + "\nuser=" + v.Get("user")
	secret := hmac.New(sha256.New, []byte("WebAppData"))
	secret.Write([]byte(testToken))
	mac := hmac.New(sha256.New, secret.Sum(nil))
	mac.Write([]byte(dataCheck))
	signed, err := url.ParseQuery(Sign(v, testToken))
	require.NoError(t, err)
	assert.Equal(t, hex.EncodeToString(mac.Sum(nil)), signed.Get("hash"))
}

func TestValidate(t *testing.T) {
	valid := Sign(initValues(testNow.Add(-time.Hour)), testToken)
	tampered, _ := url.ParseQuery(valid)
	tampered.Set("user", `{"id":1,"first_name":"Eve"}`)
	wrongHash, _ := url.ParseQuery(valid)
	wrongHash.Set("hash", hex.EncodeToString(make([]byte, 32)))
	tests := []struct {
		name string
		raw  string
		want error
	}{
		{"valid", valid, nil},
		{"missing", "", ErrNoInitData},
		{"wrong hash", wrongHash.Encode(), ErrBadHash},
		{"tampered user", tampered.Encode(), ErrBadHash},
		{"other bot's token", Sign(initValues(testNow), "654321:ZYXWVUTSRQPONMLKJIHGFEDCBAzyxwvutsr"), ErrBadHash},
		{"no hash", "auth_date=1&user=%7B%7D", ErrBadHash},
		{"old auth_date", Sign(initValues(testNow.Add(-25*time.Hour)), testToken), ErrExpired},
		{"auth_date in the future", Sign(initValues(testNow.Add(time.Hour)), testToken), ErrExpired},
		{"repeated key", valid + "&auth_date=1", ErrBadInitData},
		{"not a query", "%zz", ErrBadInitData},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Validate(tt.raw, testToken, 24*time.Hour, testNow)
			if tt.want != nil {
				assert.ErrorIs(t, err, tt.want)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, User{ID: 279058397, FirstName: "Оксана", LanguageCode: "en"}, d.User)
		})
	}
}

func FuzzValidate(f *testing.F) {
	f.Add(Sign(initValues(testNow), testToken))
	f.Add("hash=00&auth_date=x")
	f.Fuzz(func(t *testing.T, raw string) {
		_, _ = Validate(raw, testToken, 24*time.Hour, testNow) // must not panic
	})
}
