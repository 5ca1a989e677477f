package benchmark

import (
	"context"
	"math"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"github.com/transparentcities/nazar/business"
	"github.com/transparentcities/nazar/business/demogen"
	"github.com/transparentcities/nazar/hours"
	"github.com/transparentcities/nazar/store"
)

// openAt is the chat's "open now" filter (handlers/business/business_open.go): each
// distinct hours text parsed once per list.
func openAt(now time.Time) store.KeepHours {
	seen := map[string]bool{}
	return func(text string) bool {
		open, ok := seen[text]
		if !ok {
			s, err := hours.Parse(text)
			open = err == nil && !s.Empty() && s.IsOpen(now)
			seen[text] = open
		}
		return open
	}
}

// weekdayNoon is a time most generated businesses are open.
var weekdayNoon = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// BenchmarkOpenNow times the three lists with the "open now" filter: a
// search reads its matches' hours; a section and the near-me circle check
// the store's index of hours (built by the first list, see
// BenchmarkOpenNowFirstAsk) and read only what they show:
//
//	go test -run '^$' -bench OpenNow -benchtime 300x -tags sqlite_fts5 ./business/benchmark/
func BenchmarkOpenNow(b *testing.B) {
	setup(b)
	ctx := context.Background()
	b.Run("search", func(b *testing.B) {
		lat := make([]time.Duration, 0, b.N)
		for i := 0; i < b.N; i++ {
			t := time.Now()
			_, _, err := shared.SearchBusinessesKept(ctx, business.MatchQuery(queries[i%len(queries)]), openAt(weekdayNoon), 0, 8)
			if err != nil {
				b.Fatal(err)
			}
			lat = append(lat, time.Since(t))
		}
		report(b, lat)
	})
	// Section G (trade) is the largest: a third of the directory.
	b.Run("section", func(b *testing.B) {
		lat := make([]time.Duration, 0, b.N)
		for i := 0; i < b.N; i++ {
			t := time.Now()
			_, total, err := shared.BusinessListKept(ctx, business.Filter{Section: "G"}, openAt(weekdayNoon), 0, 8)
			if err != nil || total == 0 {
				b.Fatal(err, total)
			}
			lat = append(lat, time.Since(t))
		}
		report(b, lat)
	})
	b.Run("near", func(b *testing.B) {
		r := rand.New(rand.NewPCG(1, 2))
		lat := make([]time.Duration, 0, b.N)
		for i := 0; i < b.N; i++ {
			d, a := 8000*math.Sqrt(r.Float64()), r.Float64()*2*math.Pi
			plat := demogen.Centre[0] + d*math.Cos(a)/111_195
			plon := demogen.Centre[1] + d*math.Sin(a)/(111_195*math.Cos(demogen.Centre[0]*math.Pi/180))
			t := time.Now()
			if _, err := shared.BusinessesNearKept(ctx, plat, plon, 2000, 10, openAt(weekdayNoon)); err != nil {
				b.Fatal(err)
			}
			lat = append(lat, time.Since(t))
		}
		report(b, lat)
	})
}

// BenchmarkOpenNowFirstAsk times the first "open now" list of section G on
// a store that has not listed one yet (after a start or an import): it
// builds the index of hours the later lists filter in memory
// (store/business_open_index.go).
//
//	go test -run '^$' -bench OpenNowFirstAsk -benchtime 10x -tags sqlite_fts5 ./business/benchmark/
func BenchmarkOpenNowFirstAsk(b *testing.B) {
	setup(b)
	ctx := context.Background()
	lat := make([]time.Duration, 0, b.N)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, err := openStore(filepath.Join(tmpDir, "shared.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		t := time.Now()
		if _, _, err := st.BusinessListKept(ctx, business.Filter{Section: "G"}, openAt(weekdayNoon), 0, 8); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t))
		b.StopTimer()
		st.Close()
	}
	report(b, lat)
}
