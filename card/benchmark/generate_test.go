// Package benchmark measures the social card with the sqlite provider on
// 200,000 cards and 2,000,000 operations (issue 5). The data is generated
// only when a benchmark runs; `go test` of this package runs no test.
//
//	go test -run '^$' -bench Import -benchtime 1x -tags sqlite_fts5 ./card/benchmark/
//	go test -run '^$' -bench Balance -tags sqlite_fts5 ./card/benchmark/
package benchmark

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/transparentcities/nazar/card"
)

// Sizes of the generated data.
const (
	Cards         = 200_000
	OpsPerCard    = 10
	Operations    = Cards * OpsPerCard
	categoriesGen = 7
)

var (
	dataOnce sync.Once
	dataDir  string
	dataErr  error
)

// files generates cards.csv and card_operations.csv once per test binary.
func files(b *testing.B) (cards, ops string) {
	b.Helper()
	dataOnce.Do(func() {
		if dataDir, dataErr = os.MkdirTemp("", "nazar-card-bench-"); dataErr == nil {
			dataErr = generate(dataDir)
		}
	})
	if dataErr != nil {
		b.Fatal(dataErr)
	}
	return filepath.Join(dataDir, "cards.csv"), filepath.Join(dataDir, "card_operations.csv")
}

func TestMain(m *testing.M) {
	code := m.Run()
	if dataDir != "" {
		os.RemoveAll(dataDir)
	}
	os.Exit(code)
}

// number is the i-th generated card number: 16 digits with a Luhn digit.
func number(i int) string {
	p := fmt.Sprintf("987654%09d", i)
	return p + string(card.LuhnDigit(p))
}

func generate(dir string) error {
	cats := card.DefaultCategories
	if err := writeFile(filepath.Join(dir, "cards.csv"),
		"card_number,holder_name,birth_date,category,status,valid_until,balance_uah,trips_left,pending_uah,updated_at\n",
		Cards, func(w *bufio.Writer, i int) {
			trips := ""
			if i%2 == 0 {
				trips = strconv.Itoa(i % 60)
			}
			fmt.Fprintf(w, "%s,Holder %d,%04d-%02d-%02d,%s,active,2028-12-31,%d.%02d,%s,%d.00,2026-11-28T08:30:00+02:00\n",
				number(i), i, 1940+i%70, 1+i%12, 1+i%28, cats[i%categoriesGen], i%500, i%100, trips, i%3*10)
		}); err != nil {
		return err
	}
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	return writeFile(filepath.Join(dir, "card_operations.csv"), "card_number,at,kind,amount_uah,trips,place\n",
		Operations, func(w *bufio.Writer, i int) {
			c, k := i/OpsPerCard, i%OpsPerCard
			at := base.Add(time.Duration(k)*24*time.Hour + time.Duration(c%86400)*time.Second).Format(time.RFC3339)
			if k%3 == 0 {
				fmt.Fprintf(w, "%s,%s,topup,100.00,0,Онлайн\n", number(c), at)
			} else {
				fmt.Fprintf(w, "%s,%s,ride,-8.00,0,Автобус №%d\n", number(c), at, k)
			}
		})
}

func writeFile(path, header string, n int, row func(*bufio.Writer, int)) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString(header)
	for i := range n {
		row(w, i)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
