package understand

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/callback"
	"github.com/transparentcities/nazar/forms"
	formsh "github.com/transparentcities/nazar/handlers/forms"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/understand"
)

func understandForTest(t *testing.T) *Understand {
	t.Helper()
	lx, err := understand.LoadLexicon(locales.IntentFiles())
	require.NoError(t, err)
	catalog, err := forms.Load("")
	require.NoError(t, err)
	return &Understand{Engine: understand.New(lx), Forms: &formsh.Forms{Catalog: catalog}}
}

// Every intent of the shipped word lists is answered by a feature and has
// a button label in every language: a reading can always be offered.
func TestEveryIntentHasAnActionAndALabel(t *testing.T) {
	u := understandForTest(t)
	for _, intent := range u.Engine.Intents() {
		_, ok := u.action(intent)
		assert.True(t, ok, "no action for %s", intent)
		for _, lang := range locales.Supported {
			l := locales.New(lang)
			label := u.label(l, understand.Candidate{Intent: intent})
			assert.NotContains(t, label, "understand_do_", "%s: no label in %s", intent, lang)
		}
	}
}

// Button data round-trips and always fits Telegram's 64 bytes.
func TestReadingButtonsRoundTrip(t *testing.T) {
	u := understandForTest(t)
	cases := []understand.Candidate{
		{Intent: "council.deputy", Entity: understand.Entity{Kind: understand.KindDeputy, IDs: []int64{42}}},
		{Intent: "council.deputy", Entity: understand.Entity{Kind: understand.KindDeputy, Value: "коваль"}},
		{Intent: "business.near", Entity: understand.Entity{Kind: understand.KindCategory, Value: "pharmacy"}},
		{Intent: "business.search", Entity: understand.Entity{Kind: understand.KindWords,
			Value: strings.Repeat("дуже довга назва ", 10)}},
		{Intent: "card.link", Entity: understand.Entity{Kind: understand.KindCardNumber, Value: "9876540000000015"}},
		{Intent: "form.threat"},
		{Intent: "page.programme"},
		{Intent: "learn.list"},
	}
	for _, c := range cases {
		b, ok := u.button(locales.New("uk"), c)
		require.True(t, ok, c.Intent)
		assert.LessOrEqual(t, len(b.Data), callback.MaxLen)
		assert.NotContains(t, b.Data, "9876540000000015", "a card number never rides in button data")
		d, err := callback.Decode(b.Data)
		require.NoError(t, err)
		intent, e, ok := u.decode(d)
		require.True(t, ok, b.Data)
		assert.Equal(t, c.Intent, intent)
		if c.Entity.Kind == understand.KindDeputy && len(c.Entity.IDs) == 1 {
			assert.Equal(t, c.Entity.IDs, e.IDs)
		}
		if c.Entity.Kind == understand.KindCategory {
			assert.Equal(t, c.Entity.Value, e.Value)
		}
	}
}
