package importer

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/csvin"
	"github.com/transparentcities/nazar/store"
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
