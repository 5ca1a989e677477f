package benchmark

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/transparentcities/nazar/callback"
	"github.com/transparentcities/nazar/handlers"
	councilh "github.com/transparentcities/nazar/handlers/council"
	"github.com/transparentcities/nazar/locales"
)

// press runs a council button through the real handler, as the router would.
func press(c *councilh.Council, feature, action string, args ...string) error {
	data, err := callback.Decode(callback.Encode(feature, action, args...))
	if err != nil {
		return err
	}
	req := &handlers.Request{ChatID: 1, UserID: 1, L: locales.New("uk"), Now: time.Now(),
		Callback: &handlers.Callback{ID: "1", MessageID: 1, Data: data}}
	h := c.DeputyButton
	if feature == "cn" {
		h = c.Button
	}
	_, err = h(context.Background(), req)
	return err
}

func handler(b *testing.B) *councilh.Council {
	return &councilh.Council{Store: council(b), Location: time.UTC}
}

// BenchmarkDeputyCard renders a deputy's card with every metric (issue 4: p99 ≤ 20 ms).
func BenchmarkDeputyCard(b *testing.B) {
	c := handler(b)
	measure(b, func(i int) error { return press(c, "dep", "c", itoa(i%deputies+1)) })
}

// BenchmarkLeaderboard renders the lowest-discipline leaderboard (≤ 200 ms).
func BenchmarkLeaderboard(b *testing.B) {
	c := handler(b)
	measure(b, func(i int) error { return press(c, "cn", "ld") })
}

// BenchmarkVotesPage renders a page of a deputy's votes, newest first (≤ 10 ms).
func BenchmarkVotesPage(b *testing.B) {
	c := handler(b)
	measure(b, func(i int) error { return press(c, "dep", "v", itoa(i%deputies+1), itoa(i%50)) })
}

func itoa(n int) string { return strconv.Itoa(n) }
