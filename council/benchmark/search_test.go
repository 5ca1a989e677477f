package benchmark

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/transparentcities/nazar/config"
	cn "github.com/transparentcities/nazar/council"
	"github.com/transparentcities/nazar/importer"
	"github.com/transparentcities/nazar/store"
)

var (
	bigOnce  sync.Once
	bigDir   string
	big      *store.Store
	bigError error
)

// bigCouncil is a store with the issue20 council (450 deputies, 2,250,000
// votes) imported, once per test binary.
func bigCouncil(b *testing.B) *store.Store {
	b.Helper()
	bigOnce.Do(func() {
		if bigDir, bigError = os.MkdirTemp("", "nazar-council-big-"); bigError != nil {
			return
		}
		if bigError = generate(bigDir, issue20); bigError != nil {
			return
		}
		big = openStore(b, filepath.Join(bigDir, "imported.db"))
		_, bigError = importer.Run(context.Background(), importer.Env{Store: big, Config: config.Default()}, "council", bigDir)
	})
	if bigError != nil {
		b.Fatal(bigError)
	}
	return big
}

// nameQueries are deputy searches as residents type them: one deputy, a
// dozen, a hundred, all 450 (two words), Latin, nobody.
var nameQueries = []string{"Прізвище045", "прізвище12", "Prizvyshche3", "ім'я по батькові", "prizvyshche449",
	"Іваненко", "прізвище4 ім'я", "kovalenko"}

// BenchmarkDeputySearch is a deputy search by name as the bot runs it on
// 450 deputies with 2,250,000 votes (issue 20: p99 ≤ 1 ms).
func BenchmarkDeputySearch(b *testing.B) {
	st := bigCouncil(b)
	queries := make([]cn.NameQuery, len(nameQueries))
	for i, s := range nameQueries {
		var ok bool
		if queries[i], ok = cn.ParseNameQuery(s); !ok {
			b.Fatal(s)
		}
	}
	ctx := context.Background()
	measure(b, func(i int) error {
		_, err := st.SearchDeputies(ctx, queries[i%len(queries)])
		return err
	})
}
