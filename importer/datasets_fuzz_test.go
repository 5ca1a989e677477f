package importer

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/transparentcities/nazar/clock"
	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/store/storetest"
)

// fileDatasets are the one-file datasets and a demo file to seed each from.
var fileDatasets = []struct{ name, demo string }{
	{"digest-items", ""},
	{"businesses", "business/businesses.csv"},
	{"cards", "card/cards.csv"},
	{"card-operations", "card/card_operations.csv"},
	{"card-applications", "card/card_applications.csv"},
	{"vouchers", "voucher/vouchers.csv"},
}

// FuzzDatasetFiles runs fuzzed files through the whole import of every
// one-file dataset — reading, every row parser, validation and the store's
// transaction: any input may be refused, none may panic.
func FuzzDatasetFiles(f *testing.F) {
	f.Add(uint8(0), []byte("id,topic,title,published_at\nn1,news,Сквер,2026-11-20T10:00:00+02:00\n"))
	for i, d := range fileDatasets {
		if d.demo == "" {
			continue
		}
		if data, err := os.ReadFile(filepath.Join("..", "demo", "data", d.demo)); err == nil {
			f.Add(uint8(i), firstLines(data, 4))
		}
	}
	st := storetest.Open(f, clock.NewFake(time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)).Now)
	env := Env{Store: st, Config: config.Default()}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, which uint8, content []byte) {
		d := fileDatasets[int(which)%len(fileDatasets)]
		path := filepath.Join(dir, d.name+".csv")
		if err := os.WriteFile(path, content, 0o600); err != nil {
			t.Fatal(err)
		}
		_, _ = Run(context.Background(), env, d.name, path)
	})
}
