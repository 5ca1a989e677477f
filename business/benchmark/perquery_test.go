package benchmark

import (
	"context"
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/transparentcities/nazar/business"
)

func BenchmarkPerQuery(b *testing.B) {
	setup(b)
	for _, q := range queries {
		var lat []time.Duration
		var total int
		for range 100 {
			t := time.Now()
			_, n, err := shared.SearchBusinesses(context.Background(), business.MatchQuery(q), 0, 8)
			if err != nil {
				b.Fatal(err)
			}
			total = n
			lat = append(lat, time.Since(t))
		}
		sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
		fmt.Printf("%-25s %6d matches  p50 %v  max %v  match=%s\n", q, total, lat[50], lat[99], business.MatchQuery(q))
	}
}
