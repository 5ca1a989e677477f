package card

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/card"
	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/store/storetest"
)

// syncedProvider is a provider whose card changes between syncs, as the
// city's API does.
type syncedProvider struct {
	mu      sync.Mutex
	c       card.Card
	fetched int
}

func (p *syncedProvider) Verify(context.Context, string, time.Time) error { return nil }
func (p *syncedProvider) Card(context.Context, string) (card.Card, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.fetched++
	return p.c, nil
}
func (p *syncedProvider) Operations(context.Context, string, int) ([]card.Operation, error) {
	return nil, nil
}
func (p *syncedProvider) Application(context.Context, string, time.Time) (card.Application, error) {
	return card.Application{}, card.ErrNotFound
}

func (p *syncedProvider) set(balance int64, at time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.c.Balance, p.c.UpdatedAt = balance, at
}

func TestCardAlertsSyncSendsLowBalanceOncePerDrop(t *testing.T) {
	now := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	st := storetest.Open(t, func() time.Time { return now })
	ctx := t.Context()
	_, err := st.TouchUser(ctx, store.SeenUser{ID: 7, ChatID: 7, Language: "en"})
	require.NoError(t, err)
	id, err := st.LinkCard(ctx, 7, 7, "9876540000000031", 2000)
	require.NoError(t, err)
	require.NoError(t, st.SetCardAlerts(ctx, 7, id, card.Prefs{LowBalance: true, Threshold: 2000}))
	p := &syncedProvider{c: card.Card{Number: "9876540000000031", Status: card.StatusActive}}
	a := &CardAlerts{Store: st, Provider: p, Location: time.UTC, Timeout: time.Second}

	steps := []struct {
		balance int64
		want    int
	}{
		{5000, 0}, // above the threshold
		{1500, 1}, // dropped below: one alert
		{1200, 0}, // still low: no repeat
		{2500, 0}, // recovered: re-armed
		{900, 1},  // dropped again
	}
	for i, s := range steps {
		p.set(s.balance, now.Add(time.Duration(i)*time.Hour))
		n, err := a.Check(ctx, now)
		require.NoError(t, err)
		assert.Equal(t, s.want, n, "step %d (balance %d)", i, s.balance)
	}
	rows, err := st.OutboxFor(ctx, "card", 7)
	require.NoError(t, err)
	assert.Len(t, rows, 2)

	// Run polls on its interval until cancelled.
	runCtx, cancel := context.WithCancel(ctx)
	before := p.fetched
	done := make(chan struct{})
	go func() { a.Run(runCtx, 10*time.Millisecond, func() time.Time { return now }); close(done) }()
	require.Eventually(t, func() bool { p.mu.Lock(); defer p.mu.Unlock(); return p.fetched > before+1 },
		5*time.Second, 5*time.Millisecond)
	cancel()
	<-done
}

// leakyProvider fails quoting the card number, as a careless API client might.
type leakyProvider struct{ card.Provider }

func (leakyProvider) Card(_ context.Context, number string) (card.Card, error) {
	return card.Card{}, fmt.Errorf("GET /cards/%s: connection refused", number)
}

// TestCardCodeMasksItsOwnLogLines drives the card handlers with a logger
// that does not scrub: whatever reaches it is what the card code wrote.
func TestCardCodeMasksItsOwnLogLines(t *testing.T) {
	const number, birth = "9876540000000031", "05.03.2004"
	now := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	st := storetest.Open(t, func() time.Time { return now })
	ctx := t.Context()
	_, err := st.ImportCards(ctx, []card.Record{{Card: card.Card{Number: number, Category: "student",
		Status: card.StatusActive, UpdatedAt: now}, Birth: time.Date(2004, 3, 5, 0, 0, 0, 0, time.UTC)}})
	require.NoError(t, err)
	_, err = st.TouchUser(ctx, store.SeenUser{ID: 7, ChatID: 7, Language: "uk"})
	require.NoError(t, err)
	content, err := card.LoadContent("", card.DefaultCategories)
	require.NoError(t, err)
	var raw bytes.Buffer
	c := &Card{Store: st, Provider: st.CardProvider(), Content: content, Rules: card.NumberRules{Length: 16, Luhn: true},
		Timeout: time.Second, Location: time.UTC, Log: slog.New(slog.NewJSONHandler(&raw, nil))}
	req := func(text string, conv *handlers.Conv) *handlers.Request {
		return &handlers.Request{ChatID: 7, UserID: 7, L: locales.New("uk"), Now: now, Text: text, Conv: conv}
	}
	resp, err := c.Step(ctx, req("9876 5400 0000 0031", handlers.Step(ConvCard, "num", nil)))
	require.NoError(t, err)
	conv := resp.Next
	for range 2 {
		resp, err = c.Step(ctx, req("01.01.2000", conv))
		require.NoError(t, err)
	}
	resp, err = c.Step(ctx, req(birth, conv))
	require.NoError(t, err)
	require.Contains(t, resp.Replies[0].Text, "•••• 0031")
	c.Provider = leakyProvider{c.Provider}
	links, err := st.CardLinks(ctx, 7)
	require.NoError(t, err)
	resp, err = c.balance(ctx, req("", nil), links[0].ID)
	require.NoError(t, err)
	assert.Contains(t, resp.Replies[0].Text, "недоступний")

	logs := raw.String()
	assert.Contains(t, logs, "card verification failed")
	assert.Contains(t, logs, "card provider failed")
	for _, secret := range []string{number, "9876 5400", birth, "2004-03-05", "01.01.2000", "2000-01-01"} {
		assert.NotContains(t, logs, secret)
	}
}
