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
	for _, seed := range brokenFileSeeds {
		for i := range fileDatasets {
			f.Add(uint8(i), seed)
		}
	}
	const card = "9876540000000031;Т;05.03.2004;student;active;;1;;;2026-11-28T08:30:00Z\n"
	f.Add(uint8(2), []byte("card_number;holder_name;birth_date;category;status;valid_until;balance_uah;trips_left;"+
		"pending_uah;updated_at\n"+card+card))
	f.Add(uint8(3), []byte("card_number,at,kind\n9876540000000031,2026-11-27T18:40:00Z,ride\n"+
		"9876540000000031,2026-11-27T18:40:00Z,поїздка\n"))
	f.Add(uint8(4), []byte("application_no,birth_date,status\nA-1,01.01.1980,submitted\na-1,01.01.1980,ready\n"))
	f.Add(uint8(0), []byte("id,topic,title,published_at\nn1,news,Сквер,2026-11-20\nn1,news,Парк,2026-11-21\n"))
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

// brokenFileSeeds are the broken files of issue 15 as seeds for every
// dataset: a Windows-1251 file, Latin-1, a file cut mid-row, NUL bytes,
// UTF-16, a short and a long row, a control character.
var brokenFileSeeds = [][]byte{
	[]byte("id,name,title\n1,\xc0\xed\xe4\xf0\xf3\xf5\xb3\xe2,\xab\xd1\xe0\xec\xee\xef\xee\xec\xb3\xf7\xbb\n"),
	[]byte("id,name\n1,M\xfcller Caf\xe9\n"),
	[]byte("id,name,until\n1,a,2020-10-20\n2,b"),
	[]byte("id,name\n1,a\x00b\n"),
	[]byte("\xff\xfei\x00d\x00\n\x00"),
	[]byte("id,name,until\n1,a\n2,b,c,d\n"),
	[]byte("id,name\n1,\"a\x07\"\n"),
}
