package bot_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"

	"github.com/transparentcities/nazar/bot"
)

func TestParseCommand(t *testing.T) {
	cases := []struct {
		text, name, args string
		ok               bool
	}{
		{"/start", "start", "", true},
		{"/START dep_12", "start", "dep_12", true},
		{"/deputy@nazar_test_bot Муль", "deputy", "Муль", true},
		{"/deputy   Янів   Олена ", "deputy", "Янів   Олена", true},
		{"/deputy\nМуль", "deputy", "Муль", true},
		{"/deputy\tМуль", "deputy", "Муль", true},
		{"/депутат Муль", "", "", false}, // not Telegram's command alphabet
		{"/", "", "", false},
		{"/@bot", "", "", false},
		{"hello /start", "", "", false},
		{"/" + strings.Repeat("a", 33), "", "", false},
		{"/" + strings.Repeat("a", 32), strings.Repeat("a", 32), "", true},
	}
	for _, c := range cases {
		name, args, ok := bot.ParseCommand(c.text)
		assert.Equal(t, c.ok, ok, c.text)
		assert.Equal(t, c.name, name, c.text)
		assert.Equal(t, c.args, args, c.text)
	}
}

func FuzzParseCommand(f *testing.F) {
	for _, s := range []string{"/start", "/deputy@bot Муль", "/a\nb c", "/", "/\x00", "/ок"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		name, args, ok := bot.ParseCommand(text)
		if !ok {
			return
		}
		if name == "" || name != strings.ToLower(name) || len(name) > 32 {
			t.Fatalf("%q: bad name %q", text, name)
		}
		if args != strings.TrimSpace(args) {
			t.Fatalf("%q: args not trimmed: %q", text, args)
		}
		if utf8.ValidString(text) && !utf8.ValidString(args) {
			t.Fatalf("%q: args %q cut a character", text, args)
		}
	})
}
