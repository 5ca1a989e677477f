package benchmark

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/transparentcities/nazar/callback"
	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/handlers"
	cardh "github.com/transparentcities/nazar/handlers/card"
	"github.com/transparentcities/nazar/importer"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
)

func openStore(b *testing.B) *store.Store {
	b.Helper()
	st, err := store.Open(filepath.Join(b.TempDir(), "nazar.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(context.Background()); err != nil {
		b.Fatal(err)
	}
	return st
}

func importAll(b *testing.B, st *store.Store) (cardsTook, opsTook time.Duration) {
	b.Helper()
	cards, ops := files(b)
	env := importer.Env{Store: st, Config: config.Default()}
	start := time.Now()
	if _, err := importer.Run(context.Background(), env, "cards", cards); err != nil {
		b.Fatal(err)
	}
	cardsTook = time.Since(start)
	start = time.Now()
	if _, err := importer.Run(context.Background(), env, "card-operations", ops); err != nil {
		b.Fatal(err)
	}
	return cardsTook, time.Since(start)
}

// BenchmarkImport imports 200,000 cards and then 2,000,000 operations into
// a fresh database as `nazar import` does (both staged beside the live
// tables: docs/RELIABILITY.md).
func BenchmarkImport(b *testing.B) {
	files(b) // generation is not measured
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		st := openStore(b)
		b.StartTimer()
		cardsTook, opsTook := importAll(b, st)
		b.ReportMetric(cardsTook.Seconds(), "s-cards")
		b.ReportMetric(opsTook.Seconds(), "s-operations")
	}
}

// BenchmarkBalanceReply is the balance button of a linked card, from the
// handler through the store and the sqlite provider to the rendered text,
// on 200,000 cards and 2,000,000 operations; it reports p50 and p99.
func BenchmarkBalanceReply(b *testing.B) {
	st := openStore(b)
	importAll(b, st)
	ctx := context.Background()
	const users = 2000
	links := make([]int64, users)
	seen := make([]store.SeenUser, users)
	for i := range seen {
		seen[i] = store.SeenUser{ID: int64(i + 1), ChatID: int64(i + 1), Language: "uk"}
	}
	if err := st.SeedSubscribers(ctx, seen); err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range links {
		id, err := st.LinkCard(ctx, int64(i+1), int64(i+1), number(rng.IntN(Cards)), 2000)
		if err != nil {
			b.Fatal(err)
		}
		links[i] = id
	}
	cfg := config.Default()
	c, _, err := cardh.NewCard(cfg.Card, st, time.UTC)
	if err != nil {
		b.Fatal(err)
	}
	l := locales.New("uk")
	durations := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		u := i % users
		data, _ := callback.Decode(callback.Encode("card", "bal", fmt.Sprint(links[u])))
		req := &handlers.Request{ChatID: int64(u + 1), UserID: int64(u + 1), L: l, Now: time.Now(),
			Callback: &handlers.Callback{ID: "x", MessageID: 1, Data: data}}
		start := time.Now()
		resp, err := c.Button(ctx, req)
		durations = append(durations, time.Since(start))
		if err != nil || len(resp.Replies) != 1 {
			b.Fatalf("balance: %v %+v", err, resp)
		}
	}
	b.StopTimer()
	sort.Slice(durations, func(i, j int) bool { return durations[i] < durations[j] })
	b.ReportMetric(float64(durations[len(durations)/2].Microseconds())/1000, "ms-p50")
	b.ReportMetric(float64(durations[len(durations)*99/100].Microseconds())/1000, "ms-p99")
}
