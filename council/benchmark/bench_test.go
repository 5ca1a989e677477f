// Package benchmark measures the council feature on a generated council of
// 64 deputies, 20,000 vote events and 1,280,000 votes (issue 4), and typed
// questions on one of 35,200 events and 2,252,800 votes (issue 17). The data
// is generated only when a benchmark asks for it; `go test` of this package
// runs no test.
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

var (
	dataOnce sync.Once
	dataDir  string
	dataErr  error
)

// folder generates the council once per test binary.
func folder(b *testing.B) string {
	b.Helper()
	dataOnce.Do(func() {
		dataDir, dataErr = os.MkdirTemp("", "nazar-council-bench-")
		if dataErr == nil {
			dataErr = generate(dataDir, issue4)
		}
	})
	if dataErr != nil {
		b.Fatal(dataErr)
	}
	return dataDir
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, dir := range []string{dataDir, bigDir, cityDir} {
		if dir != "" {
			os.RemoveAll(dir)
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

var (
	importedOnce sync.Once
	imported     *store.Store
)

// council returns a store with the generated council imported once.
func council(b *testing.B) *store.Store {
	b.Helper()
	dir := folder(b)
	importedOnce.Do(func() {
		imported = openStore(b, filepath.Join(dir, "imported.db"))
		_, err := importer.Run(context.Background(), importer.Env{Store: imported, Config: config.Default()}, "council", dir)
		if err != nil {
			b.Fatal(err)
		}
	})
	return imported
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
