// Package benchmark measures the council feature on a generated council of
// 64 deputies, 20,000 vote events and 1,280,000 votes (issue 4), and the
// understanding layer's answers on one of 35,157 events and 2,250,048 votes
// (issue 17). Each council is generated only when a benchmark asks for it;
// `go test` of this package runs no test.
//
//	go test -run '^$' -bench . -benchtime 1x -tags sqlite_fts5 ./council/benchmark/   (import)
//	go test -run '^$' -bench 'Card|Leader|Votes' -tags sqlite_fts5 ./council/benchmark/
package benchmark

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/importer"
	"github.com/transparentcities/nazar/store"
)

// generated is a council folder, generated once per test binary when a
// benchmark first asks for it, and the store it is imported into.
type generated struct {
	events             int
	dataOnce, storeOne sync.Once
	dir                string
	err                error
	st                 *store.Store
}

var (
	// issue4Council is the council of issue 4's figures: 1,280,000 votes.
	issue4Council = &generated{events: 20_000}
	// issue17Council is the council of issue 17's speed figure: the 2.25 M
	// votes it names (35,157 events × 64 deputies = 2,250,048).
	issue17Council = &generated{events: 35_157}
)

// folder generates the council once.
func (g *generated) folder(b *testing.B) string {
	b.Helper()
	g.dataOnce.Do(func() {
		g.dir, g.err = os.MkdirTemp("", "nazar-council-bench-")
		if g.err == nil {
			g.err = generate(g.dir, g.events)
		}
	})
	if g.err != nil {
		b.Fatal(g.err)
	}
	return g.dir
}

// store returns a store with the council imported once.
func (g *generated) store(b *testing.B) *store.Store {
	b.Helper()
	dir := g.folder(b)
	g.storeOne.Do(func() {
		g.st = openStore(b, filepath.Join(dir, "imported.db"))
		_, err := importer.Run(context.Background(), importer.Env{Store: g.st, Config: config.Default()}, "council", dir)
		if err != nil {
			b.Fatal(err)
		}
	})
	return g.st
}

// folder is issue 4's council folder.
func folder(b *testing.B) string { return issue4Council.folder(b) }

// council is issue 4's council, imported.
func council(b *testing.B) *store.Store { return issue4Council.store(b) }

func TestMain(m *testing.M) {
	code := m.Run()
	for _, g := range []*generated{issue4Council, issue17Council} {
		if g.dir != "" {
			os.RemoveAll(g.dir)
		}
	}
	os.Exit(code)
}

func openStore(b *testing.B, path string) *store.Store {
	b.Helper()
	st, err := store.Open(path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := st.Migrate(context.Background()); err != nil {
		b.Fatal(err)
	}
	return st
}

// BenchmarkImport imports the generated council into a fresh database and,
// in the same run, times the sqlite3 tool's .import of the same vote.csv
// into a plain table. Each side gets at least importRounds rounds and the
// best of each is compared: a shared 2-CPU machine's noise (page cache,
// neighbours) otherwise moves the ratio by half either way.
func BenchmarkImport(b *testing.B) {
	dir := folder(b)
	var ours, theirs []time.Duration
	var size int64
	for i := 0; i < max(b.N, importRounds); i++ {
		st := openStore(b, filepath.Join(b.TempDir(), "nazar.db"))
		t := time.Now()
		if _, err := importer.Run(context.Background(), importer.Env{Store: st, Config: config.Default()}, "council", dir); err != nil {
			b.Fatal(err)
		}
		ours = append(ours, time.Since(t))
		var err error
		if size, err = st.SizeBytes(context.Background()); err != nil {
			b.Fatal(err)
		}
		st.Close()
		if d := sqliteImport(b, dir); d > 0 {
			theirs = append(theirs, d)
		}
	}
	b.ReportMetric(slices.Min(ours).Seconds(), "import-s")
	b.ReportMetric(float64(size)/(1<<20), "db-MiB")
	if len(theirs) > 0 {
		b.ReportMetric(slices.Min(theirs).Seconds(), "sqlite3-import-s")
		b.ReportMetric(float64(slices.Min(ours))/float64(slices.Min(theirs)), "x-sqlite3")
	}
	b.ReportMetric(0, "ns/op") // the rounds' best times are the result
}

// importRounds is the fewest rounds of each import the comparison takes.
const importRounds = 3

// sqliteImport times `.import vote.csv` of the sqlite3 command-line tool
// into a plain table; 0 when the tool is not installed.
func sqliteImport(b *testing.B, dir string) time.Duration {
	bin, err := exec.LookPath("sqlite3")
	if err != nil {
		b.Log("sqlite3 not installed (apt-get install -y sqlite3): no side-by-side time")
		return 0
	}
	db := filepath.Join(b.TempDir(), "plain.db")
	cmd := exec.Command(bin, db, ".mode csv", ".import "+filepath.Join(dir, "vote.csv")+" vote")
	t := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("sqlite3: %v: %s", err, out)
	}
	return time.Since(t)
}

// measure runs op b.N times and reports its 99th percentile in ms.
func measure(b *testing.B, op func(i int) error) {
	b.Helper()
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t := time.Now()
		if err := op(i); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(t))
	}
	b.StopTimer()
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)*99/100])/1e6, "p99-ms")
}
