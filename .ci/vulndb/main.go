// Command vulndb turns the OSV files of the golang.org/x/vulndb module
// (fetched through the Go module proxy) into the database layout govulncheck
// reads with -db file://DIR, for machines that reach the module proxy but
// not vuln.go.dev.
//
//	go run ./.ci/vulndb OSV_DIR OUT_DIR
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"
)

type osv struct {
	ID       string    `json:"id"`
	Modified time.Time `json:"modified"`
	Aliases  []string  `json:"aliases"`
	Affected []struct {
		Package struct {
			Name string `json:"name"`
		} `json:"package"`
		Ranges []struct {
			Events []struct {
				Fixed string `json:"fixed"`
			} `json:"events"`
		} `json:"ranges"`
	} `json:"affected"`
}

type moduleVuln struct {
	ID       string    `json:"id"`
	Modified time.Time `json:"modified"`
	Fixed    string    `json:"fixed,omitempty"`
}

type module struct {
	Path  string       `json:"path"`
	Vulns []moduleVuln `json:"vulns"`
}

type vulnEntry struct {
	ID       string    `json:"id"`
	Modified time.Time `json:"modified"`
	Aliases  []string  `json:"aliases,omitempty"`
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: vulndb OSV_DIR OUT_DIR")
		os.Exit(2)
	}
	if err := build(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "vulndb:", err)
		os.Exit(1)
	}
}

func build(src, out string) error {
	files, err := filepath.Glob(filepath.Join(src, "*.json"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no OSV files in %s", src)
	}
	if err := os.MkdirAll(filepath.Join(out, "ID"), 0o755); err != nil {
		return err
	}
	modules := map[string][]moduleVuln{}
	var vulns []vulnEntry
	var newest time.Time
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		var v osv
		if err := json.Unmarshal(raw, &v); err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		if err := os.WriteFile(filepath.Join(out, "ID", v.ID+".json"), raw, 0o644); err != nil {
			return err
		}
		vulns = append(vulns, vulnEntry{v.ID, v.Modified, v.Aliases})
		if v.Modified.After(newest) {
			newest = v.Modified
		}
		for _, a := range v.Affected {
			modules[a.Package.Name] = append(modules[a.Package.Name], moduleVuln{v.ID, v.Modified, lastFixed(a.Ranges)})
		}
	}
	var mods []module
	for path, vs := range modules {
		mods = append(mods, module{path, vs})
	}
	sort.Slice(mods, func(i, j int) bool { return mods[i].Path < mods[j].Path })
	return writeIndex(out, newest, mods, vulns)
}

func lastFixed(ranges []struct {
	Events []struct {
		Fixed string `json:"fixed"`
	} `json:"events"`
}) string {
	fixed := ""
	for _, r := range ranges {
		for _, e := range r.Events {
			if e.Fixed != "" {
				fixed = e.Fixed
			}
		}
	}
	return fixed
}

func writeIndex(out string, modified time.Time, mods []module, vulns []vulnEntry) error {
	if err := os.MkdirAll(filepath.Join(out, "index"), 0o755); err != nil {
		return err
	}
	for name, v := range map[string]any{
		"db.json":      map[string]time.Time{"modified": modified},
		"modules.json": mods,
		"vulns.json":   vulns,
	} {
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, "index", name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
