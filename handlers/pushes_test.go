package handlers

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/card"
	"github.com/transparentcities/nazar/council"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/voucher"
)

// Every message a producer may queue as data has a renderer, and every
// renderer belongs to a listed message.
func TestEveryPushMessageHasARenderer(t *testing.T) {
	for _, m := range store.PushMessages {
		assert.Contains(t, pushRenderers, m, "message %s has no renderer in handlers/pushes.go", m)
	}
	for m := range pushRenderers {
		assert.True(t, slices.Contains(store.PushMessages, m), "renderer %s is not in store.PushMessages", m)
	}
}

func renderPush(t *testing.T, p *Pushes, lang, message string, args any) string {
	t.Helper()
	raw, err := json.Marshal(args)
	require.NoError(t, err)
	text, err := p.Render(lang, message, raw)
	require.NoError(t, err)
	return text
}

// The pushes read as they did when producers rendered them, in the
// language asked for.
func TestPushesRenderInTheRecipientsLanguage(t *testing.T) {
	content, err := card.LoadContent("", card.DefaultCategories)
	require.NoError(t, err)
	p := &Pushes{Content: content}
	uk, en := locales.New("uk"), locales.New("en")
	change := voucher.StatusChange{ID: 2, No: "LV-1", Status: "approved", Date: time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC),
		Approved: 30_000_00, Comment: "ok"}
	assert.Equal(t, "🔔 Заявка LV-1 на бізнес-ваучер: новий статус «Схвалено» (28.11.2026)\nСхвалена сума: "+
		uk.Money(30_000_00)+"\nКоментар: ok\nПодробиці: /voucher LV-1", renderPush(t, p, "uk", store.MsgVoucherStatus, change))
	change.Status = "rejected"
	assert.NotContains(t, renderPush(t, p, "en", store.MsgVoucherStatus, change), "Approved amount",
		"a rejected application carries no amount")

	news := council.News{Deputy: "Гнатюк Олександр Петрович", DeputyUID: "NM-001", Votes: 2,
		Last: council.DayOf(time.Date(2026, 12, 10, 0, 0, 0, 0, time.UTC))}
	assert.Equal(t, "🔔 Гнатюк Олександр Петрович: 2 нові поіменні голосування (останнє — 10.12.2026). Картка: /deputy NM-001",
		renderPush(t, p, "uk", store.MsgCouncilFollow, news))

	assert.Equal(t, "🔔 Card •••• 0031 has "+en.Money(1500)+" left — below "+en.Money(2000)+".",
		renderPush(t, p, "en", store.MsgCardLow, store.CardLowArgs{Card: "•••• 0031", Balance: 1500, Threshold: 2000}))
	point := content.Points[0]
	ready := store.CardApplicationArgs{No: "CA-1", Point: point.ID}
	assert.Equal(t, "🔔 The card of application CA-1 is ready! Pick it up at: "+point.Name.In("en")+", "+
		point.Address.In("en"), renderPush(t, p, "en", store.MsgCardReady, ready))
	assert.Contains(t, renderPush(t, &Pushes{}, "uk", store.MsgCardReady, ready), "Забрати: "+point.ID,
		"without the content the point shows by its code")
	assert.Contains(t, renderPush(t, p, "uk", store.MsgCardRejected, store.CardApplicationArgs{No: "CA-1", Reason: "фото"}),
		"фото")
	until := time.Date(2026, 12, 20, 0, 0, 0, 0, time.UTC)
	assert.Equal(t, "🔔 Card •••• 0031 is valid until 20 Dec 2026: 12 days left. Remember to renew it in time.",
		renderPush(t, p, "en", store.MsgCardExpiry, store.CardExpiryArgs{Card: "•••• 0031", ValidUntil: until, Days: 12}))
	assert.Equal(t, "🔔 Card •••• 0031 is valid until today, 20 Dec 2026. Renew it to keep travelling.",
		renderPush(t, p, "en", store.MsgCardExpiry, store.CardExpiryArgs{Card: "•••• 0031", ValidUntil: until}))
}

// A row no renderer can read is an error, not a blank message.
func TestPushRenderErrors(t *testing.T) {
	_, err := (&Pushes{}).Render("uk", "no_such_message", []byte(`{}`))
	assert.ErrorContains(t, err, "no renderer")
	_, err = (&Pushes{}).Render("uk", store.MsgCardLow, []byte(`[1, 2]`))
	assert.Error(t, err)
}
