// Package benchmark measures the business directory on 100,000 generated
// businesses (issue 6): import time, search and near-me latency (p50/p99 of
// per-operation latencies, reported with b.ReportMetric). The data is
// generated only when a benchmark runs; `go test` of this package runs no test.
//
//	go test -run '^$' -bench . -benchtime 1x -tags sqlite_fts5 ./business/benchmark/      (import)
//	go test -run '^$' -bench 'Search|Near' -benchtime 2000x -tags sqlite_fts5 ./business/benchmark/
package benchmark

import (
	"context"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/transparentcities/nazar/business"
	"github.com/transparentcities/nazar/business/demogen"
	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/importer"
	"github.com/transparentcities/nazar/store"
)

// Size, seed and spread (km from the centre) of the generated directory.
const (
	size     = 100_000
	seed     = 42
	spreadKM = 10
)

var (
	csvOnce  sync.Once
	once     sync.Once
	tmpDir   string
	csvPath  string
	shared   *store.Store
	csvErr   error
	setupErr error
)

// writeCSV writes the generated directory's CSV, once per binary.
func writeCSV(b *testing.B) {
	b.Helper()
	csvOnce.Do(func() {
		tmpDir, csvErr = os.MkdirTemp("", "nazar-business-bench-")
		if csvErr != nil {
			return
		}
		csvPath = filepath.Join(tmpDir, "businesses.csv")
		f, err := os.Create(csvPath)
		if err != nil {
			csvErr = err
			return
		}
		csvErr = demogen.Write(f, demogen.Generate(size, seed, spreadKM))
		f.Close()
	})
	if csvErr != nil {
		b.Fatal(csvErr)
	}
}

// setup writes the CSV and imports it into a shared store, once per binary.
func setup(b *testing.B) {
	b.Helper()
	writeCSV(b)
	once.Do(func() {
		shared, setupErr = openStore(filepath.Join(tmpDir, "shared.db"))
		if setupErr == nil {
			_, setupErr = importer.Run(context.Background(), importer.Env{Store: shared, Config: config.Default()}, "businesses", csvPath)
		}
	})
	if setupErr != nil {
		b.Fatal(setupErr)
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared != nil {
		shared.Close()
	}
	if tmpDir != "" {
		os.RemoveAll(tmpDir)
	}
	os.Exit(code)
}

func openStore(path string) (*store.Store, error) {
	st, err := store.Open(path, store.Options{})
	if err != nil {
		return nil, err
	}
	_, err = st.Migrate(context.Background())
	return st, err
}

// BenchmarkImport imports the 100,000-row file into a fresh database (CSV
// parsing and every validation included), then imports it again (nothing
// changes: the idempotent path).
func BenchmarkImport(b *testing.B) {
	setup(b)
	var first, again, cpu time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, err := openStore(filepath.Join(b.TempDir(), "nazar.db"))
		if err != nil {
			b.Fatal(err)
		}
		env := importer.Env{Store: st, Config: config.Default()}
		b.StartTimer()
		t, c := time.Now(), cpuTime()
		if _, err := importer.Run(context.Background(), env, "businesses", csvPath); err != nil {
			b.Fatal(err)
		}
		first, cpu = first+time.Since(t), cpu+cpuTime()-c
		t = time.Now()
		if _, err := importer.Run(context.Background(), env, "businesses", csvPath); err != nil {
			b.Fatal(err)
		}
		again += time.Since(t)
		b.StopTimer()
		st.Close()
	}
	b.ReportMetric(first.Seconds()/float64(b.N), "s/import")
	b.ReportMetric(again.Seconds()/float64(b.N), "s/reimport")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/import")
}

// cpuTime is the process's user and system CPU time: on a shared machine
// it tells the work of an import from the time spent waiting for a CPU.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// queries mix Cyrillic and Latin, one and two words, common and rare words.
var queries = []string{"аптека", "apteka", "кава", "kaviarnia", "ремонт квартир", "Злагода", "stomatolohiia",
	"ліцей", "банк", "будсервіс", "hotel", "готель", "книгарня", "перукарня Надія", "фітнес", "ветеринарна", "bud",
	"продукти", "СТО", "юридичні консультації"}

// BenchmarkSearch is one search as the bot runs it: the match built from
// typed words, the total and the first page, best first. The 20 queries
// come round again and again, as residents' common questions do, so all
// but the first asks of each are served from the store's ranking cache
// (BenchmarkSearchUncached measures the first ask).
func BenchmarkSearch(b *testing.B) {
	setup(b)
	benchSearch(b, shared)
}

// BenchmarkSearchUncached is every search ranked anew, as the first ask of
// a query after an import is: FTS5 counts and scores every match.
func BenchmarkSearchUncached(b *testing.B) {
	setup(b)
	st, err := store.Open(filepath.Join(tmpDir, "shared.db"), store.Options{NoSearchCache: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	benchSearch(b, st)
}

func benchSearch(b *testing.B, st *store.Store) {
	ctx := context.Background()
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t := time.Now()
		if _, _, err := st.SearchBusinesses(ctx, business.MatchQuery(queries[i%len(queries)]), 0, 8); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t))
	}
	report(b, lat)
}

// BenchmarkNear is "near me" at random points of the city: businesses
// within 2 km (the default business.radius_km), nearest 10.
func BenchmarkNear(b *testing.B) {
	setup(b)
	ctx := context.Background()
	r := rand.New(rand.NewPCG(1, 2))
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d, a := 8000*math.Sqrt(r.Float64()), r.Float64()*2*math.Pi
		plat := demogen.Centre[0] + d*math.Cos(a)/111_195
		plon := demogen.Centre[1] + d*math.Sin(a)/(111_195*math.Cos(demogen.Centre[0]*math.Pi/180))
		t := time.Now()
		list, err := shared.BusinessesNear(ctx, plat, plon, 2000, 10)
		if err != nil {
			b.Fatal(err)
		}
		if len(list) == 0 {
			b.Fatal("nothing near a point of the city")
		}
		lat = append(lat, time.Since(t))
	}
	report(b, lat)
}

// report adds the p50 and p99 of per-operation latencies in milliseconds.
func report(b *testing.B, lat []time.Duration) {
	if len(lat) == 0 {
		return
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	at := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(math.Ceil(p*float64(len(lat))))-1)].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
}
