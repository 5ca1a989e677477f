package privacy

import (
	"bytes"
	"errors"
	"log/slog"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMasks(t *testing.T) {
	assert.Equal(t, "•••• 1234", MaskCard("4111 1111 1111 1234"))
	assert.Equal(t, "••••••••42", MaskTaxID("1234567842"))
	assert.Equal(t, "••", MaskTaxID("12"))
	assert.Equal(t, "••.••.••••", MaskDate("01.02.1980"))
}

func TestScrub(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"token", "url https://x/bot123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/getMe", "url https://x/bot<token>/getMe"},
		{"card plain", "card 4111111111111111 ok", "card •••• 1111 ok"},
		{"card grouped", "card 4111-1111-1111-1234", "card •••• 1234"},
		{"rnokpp", "tax 1234567890", "tax ••••••••90"},
		{"edrpou", "edrpou 12345678.", "edrpou ••••••78."},
		{"dob", "born 31.12.1980", "born ••.••.••••"},
		{"iso date", "born 1980-12-31", "born ••.••.••••"},
		{"short numbers stay", "chat 12345 page 3", "chat 12345 page 3"},
		{"url credentials", `Get "https://bot:s3cr@t@data.city/x.csv": EOF`, `Get "https://***@data.city/x.csv": EOF`},
		{"url user only", "ftp://anna@host/x", "ftp://***@host/x"},
		{"url without credentials stays", "https://data.city/a@b", "https://data.city/a@b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Scrub(tt.in))
		})
	}
}

func TestScrubHandler(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(NewScrubHandler(slog.NewTextHandler(&buf, nil)))
	log.With("card", "4111111111111111").Info("balance for 4111111111111234",
		"err", errors.New("dob 01.01.1990 wrong"), slog.Group("g", "tax", "1234567890"), "n", 42)
	out := buf.String()
	for _, leak := range []string{"4111111111111111", "4111111111111234", "01.01.1990", "1234567890"} {
		assert.NotContains(t, out, leak)
	}
	assert.Contains(t, out, "n=42")
}
