package digest_test

import (
	digestdom "github.com/transparentcities/nazar/digest"

	"fmt"
	"testing"
	"time"

	"github.com/transparentcities/nazar/clock"
	digesth "github.com/transparentcities/nazar/handlers/digest"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/store/storetest"
)

// BenchmarkDigestEnqueue100k is the digest job's work for 100,000
// subscribers: plan, render per language and topic set, and write one
// outbox row per chat. Goal (issue 3): ≤ 2 s.
func BenchmarkDigestEnqueue100k(b *testing.B) {
	const subscribers = 100_000
	now := time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)
	for b.Loop() {
		b.StopTimer()
		st := storetest.Open(b, clock.NewFake(now).Now)
		users := make([]store.SeenUser, subscribers)
		for i := range users {
			id := int64(1_000_000 + i)
			users[i] = store.SeenUser{ID: id, ChatID: id, FirstName: "S", Language: []string{"uk", "en"}[i%2]}
		}
		if err := st.SeedSubscribers(b.Context(), users); err != nil {
			b.Fatal(err)
		}
		var items []digestdom.Item
		for i, topic := range []string{"news", "business", "transport", "council"} {
			items = append(items, digestdom.Item{ID: fmt.Sprint(i), Topic: topic, Title: "Подія " + topic,
				Body: "Субота, площа Ринок", PublishedAt: now.Add(-time.Hour), Source: "import"})
		}
		if _, err := st.SaveDigestItems(b.Context(), items); err != nil {
			b.Fatal(err)
		}
		if err := st.Checkpoint(b.Context()); err != nil { // the seeding is not the job's to pay for
			b.Fatal(err)
		}
		job := &digesth.DigestJob{Store: st, City: "Demo", Location: time.UTC}
		b.StartTimer()
		d, sent, err := job.Send(b.Context(), now)
		if err != nil || !sent || d.Recipients != subscribers {
			b.Fatalf("sent=%v recipients=%d err=%v", sent, d.Recipients, err)
		}
	}
}
