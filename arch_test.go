// The architecture test: the layers of docs/ARCHITECTURE.md, checked on
// every `make test`. It parses the imports of every Go file of the module
// (go/parser, no network, no build) and fails naming the file that imports
// across a forbidden line.
package nazar_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/transparentcities/nazar"

// domain are the packages of pure logic: they know nothing of storage,
// Telegram or the answers built on them.
var domain = []string{"council", "card", "business", "kved", "hours", "voucher", "money", "taxid", "translit",
	"forms", "courses", "digest", "understand", "lockout", "callback", "privacy", "clock", "csvin", "weblink"}

// sections are the feature packages under handlers (docs/ARCHITECTURE.md
// "Handlers per feature"); understand is not one of them here.
var sections = []string{"council", "card", "business", "voucher", "digest", "forms", "courses"}

// layerRules says, for a package and every package under it, which
// packages (and the packages under them) it must not import.
func layerRules() map[string][]string {
	rules := map[string][]string{
		"store":     {"handlers", "bot", "importer", "cardalert", "app"},
		"importer":  {"handlers", "bot", "app"},
		"cardalert": {"handlers", "bot", "importer", "app"}, // the importer runs it
		// handlers and the feature packages under it (handlers/courses, …)
		"handlers": {"bot", "app"},
	}
	for _, d := range domain {
		rules[d] = []string{"store", "bot", "handlers", "importer", "app"}
	}
	// A section imports the kit (handlers) and domain packages, not another
	// section: what two share lives in the kit. Only understand, which
	// answers with the other sections' pages, imports them.
	for _, s := range sections {
		for _, other := range sections {
			if other != s {
				rules["handlers/"+s] = append(rules["handlers/"+s], "handlers/"+other)
			}
		}
	}
	return rules
}

// exempt are packages that wire the whole system on purpose: the
// end-to-end benchmarks under a domain package's benchmark/ folder import
// the importer, the store and the bot to measure them, like cmd/nazar.
func exempt(dir string) bool { return filepath.Base(dir) == "benchmark" }

func TestLayersImportOnlyDownwards(t *testing.T) {
	imports := moduleImports(t, ".")
	for _, v := range violations(imports, layerRules()) {
		t.Error(v)
	}
}

// The rule check itself finds what it is meant to find.
func TestLayerRulesCatchAForbiddenImport(t *testing.T) {
	imports := map[string][]string{
		"store/outbox.go":           {"context", module + "/handlers"},
		"voucher/status.go":         {module + "/store"},
		"handlers/council/cards.go": {module + "/bot/sandbox"},
		"importer/vouchers.go":      {module + "/store", module + "/voucher"},
		"card/benchmark/b_test.go":  {module + "/handlers"},
		"storefront/x.go":           {module + "/handlers"}, // not under store/
		"handlers/courses/x.go":     {module + "/app"},
		"handlers/card/y.go":        {module + "/handlers/council", module + "/handlers"},
		"handlers/understand/z.go":  {module + "/handlers/council"},
	}
	got := violations(imports, layerRules())
	slices.Sort(got)
	want := []string{
		"handlers/card/y.go imports " + module + "/handlers/council: handlers/card must not import handlers/council",
		"handlers/council/cards.go imports " + module + "/bot/sandbox: handlers must not import bot",
		"handlers/courses/x.go imports " + module + "/app: handlers must not import app",
		"store/outbox.go imports " + module + "/handlers: store must not import handlers",
		"voucher/status.go imports " + module + "/store: voucher must not import store",
	}
	if !slices.Equal(got, want) {
		t.Errorf("violations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// violations lists every import (file → import paths) that breaks a rule.
func violations(imports map[string][]string, rules map[string][]string) []string {
	var out []string
	for file, paths := range imports {
		dir := filepath.ToSlash(filepath.Dir(file))
		if exempt(dir) {
			continue
		}
		for pkg, forbidden := range rules {
			if !under(dir, pkg) {
				continue
			}
			for _, p := range paths {
				rel, ok := strings.CutPrefix(p, module+"/")
				if !ok {
					continue
				}
				for _, f := range forbidden {
					if under(rel, f) {
						out = append(out, file+" imports "+p+": "+pkg+" must not import "+f)
					}
				}
			}
		}
	}
	return out
}

// under reports whether path is pkg or a package below it.
func under(path, pkg string) bool { return path == pkg || strings.HasPrefix(path, pkg+"/") }

// moduleImports parses the import block of every .go file under root (test
// files included), keyed by the file's slash path relative to root.
func moduleImports(t *testing.T, root string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(fset, path, src, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		for _, spec := range f.Imports {
			p, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				return err
			}
			out[filepath.ToSlash(rel)] = append(out[filepath.ToSlash(rel)], p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 100 {
		t.Fatalf("only %d files with imports found under %s: is the test running at the module root?", len(out), root)
	}
	return out
}
