package importer

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/transparentcities/nazar/clock"
	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/csvin"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/store/storetest"
)

// FuzzCouncilFiles feeds one file of the demo council folder with fuzzed
// content, the others intact, through every row parser of the council
// import: no input may panic, whatever it reports.
func FuzzCouncilFiles(f *testing.F) {
	demo := map[string][]byte{}
	for _, cf := range councilFiles {
		if data, err := os.ReadFile(filepath.Join("..", "demo", "data", "council", demoName(cf.name))); err == nil {
			demo[cf.name] = data
			f.Add(uint8(len(demo)-1), firstLines(data, 4))
		}
	}
	f.Add(uint8(6), []byte("\ufeffvoteEventId;votingIdentifier;result\n1;01;за\n;;\n"))
	f.Add(uint8(4), []byte("id,title,date,result,yes\nm1,\"x\",31.02.2026,прийнято,-1\n"))
	addCouncilSeeds(f, demo)
	f.Fuzz(func(t *testing.T, which uint8, content []byte) {
		target := councilFiles[int(which)%len(councilFiles)].name
		var sum Summary
		p := newCouncilParser(Env{Config: config.Default()}, store.CouncilKeys{}, &sum)
		for _, cf := range councilFiles {
			data := demo[cf.name]
			if cf.name == target {
				data = content
			}
			if data == nil {
				continue
			}
			file, err := csvin.Parse(cf.name, data)
			if err != nil {
				continue
			}
			cf.parse(p, file)
		}
		_ = p.errs.Err()
	})
}

// FuzzCouncilImport runs the whole council import — the folder, every
// file's reading and parsing, and the store's transaction — with one file
// of the demo folder fuzzed: any input may be refused, none may panic.
func FuzzCouncilImport(f *testing.F) {
	demo := map[string][]byte{}
	for _, cf := range councilFiles {
		if data, err := os.ReadFile(filepath.Join("..", "demo", "data", "council", demoName(cf.name))); err == nil {
			demo[cf.name] = data
		}
	}
	addCouncilSeeds(f, demo)
	st := storetest.Open(f, clock.NewFake(time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)).Now)
	env := Env{Store: st, Config: config.Default()}
	f.Fuzz(func(t *testing.T, which uint8, content []byte) {
		target := councilFiles[int(which)%len(councilFiles)].name
		dir := t.TempDir()
		for _, cf := range councilFiles {
			data := demo[cf.name]
			if cf.name == target {
				data = content
			}
			if data == nil {
				continue
			}
			if err := os.WriteFile(filepath.Join(dir, cf.name), data, 0o600); err != nil {
				t.Fatal(err)
			}
		}
		_, _ = Run(context.Background(), env, "council", dir)
	})
}

// addCouncilSeeds seeds a council fuzz target with the broken files of
// issue 15, each as every file of the folder, and with demo files made
// broken: Windows-1251 deputies, a cut vote.csv, untitled items.
func addCouncilSeeds(f *testing.F, demo map[string][]byte) {
	for _, seed := range brokenFileSeeds {
		for i := range councilFiles {
			f.Add(uint8(i), seed)
		}
	}
	index := map[string]uint8{}
	for i, cf := range councilFiles {
		index[cf.name] = uint8(i)
	}
	if d := demo["deputies.csv"]; d != nil {
		if cp, err := charmap.Windows1251.NewEncoder().Bytes(d); err == nil {
			f.Add(index["deputies.csv"], cp)
		}
	}
	if v := demo["vote.csv"]; len(v) > 10 {
		f.Add(index["vote.csv"], v[:len(v)-5])
	}
	f.Add(index["motions.csv"], []byte("uid,sessionUid,title,date\nm1,,,2018-10-30\nm1,,,2018-10-30\n"))
	f.Add(index["voteevents.csv"], []byte("uid,motionUid,projectTitle,startDate\ne1,nope,,2018-10-30\n"))
	f.Add(index["convocations.csv"], []byte("uid,label\n7,VII\n7,VII\n"))
	f.Add(index["memberships.csv"], []byte("votingIdentifier,kind,name,from\n1,faction,A,2018-01-01\n1,faction,A,2018-01-01\n"))
}

// demoName maps the lower-cased names of councilFiles to the demo's files.
func demoName(name string) string {
	if name == "voteevents.csv" {
		return "voteEvents.csv"
	}
	return name
}

func firstLines(data []byte, n int) []byte {
	for i, b := range data {
		if b == '\n' {
			if n--; n == 0 {
				return data[:i+1]
			}
		}
	}
	return data
}
