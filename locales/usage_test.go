package locales

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// usage is one message id written as a literal in the code.
type usage struct {
	id   string
	kind string // "T", "N" or "ID"
	pos  string // file:line relative to the module root
}

// collectUsages parses every non-test Go file under root (skipping vendor,
// testdata and hidden dirs) and returns the literal ids passed to .T, .N and
// locales.ID. The Go parser, unlike a regexp, ignores comments and strings
// and sees calls split over several lines.
func collectUsages(root string) ([]usage, error) {
	modPath, err := modulePath(root)
	if err != nil {
		return nil, err
	}
	var found []usage
	fset := token.NewFileSet()
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (name == "vendor" || name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		inLocales := filepath.Dir(path) == filepath.Join(root, "locales")
		found = append(found, fileUsages(fset, root, f, localesName(f, modPath+"/locales"), inLocales)...)
		return nil
	})
	return found, err
}

// fileUsages finds the id literals in one parsed file. pkg is the name the
// file imports the locales package under ("" if it does not).
func fileUsages(fset *token.FileSet, root string, f *ast.File, pkg string, inLocales bool) []usage {
	var found []usage
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) == 0 {
			return true
		}
		lit, ok := call.Args[0].(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return true
		}
		kind := callKind(call.Fun, pkg, inLocales)
		if kind == "" {
			return true
		}
		id, _ := strconv.Unquote(lit.Value)
		p := fset.Position(lit.Pos())
		rel, _ := filepath.Rel(root, p.Filename)
		found = append(found, usage{id: id, kind: kind, pos: fmt.Sprintf("%s:%d", rel, p.Line)})
		return true
	})
	return found
}

// callKind classifies a call target: x.T, x.N, locales.ID (or plain ID
// inside this package).
func callKind(fun ast.Expr, pkg string, inLocales bool) string {
	switch fun := fun.(type) {
	case *ast.SelectorExpr:
		if x, ok := fun.X.(*ast.Ident); ok && pkg != "" && x.Name == pkg {
			if fun.Sel.Name == "ID" {
				return "ID"
			}
			return ""
		}
		if fun.Sel.Name == "T" || fun.Sel.Name == "N" {
			return fun.Sel.Name
		}
	case *ast.Ident:
		if inLocales && fun.Name == "ID" {
			return "ID"
		}
	}
	return ""
}

// localesName returns the name under which f imports importPath, or "".
func localesName(f *ast.File, importPath string) string {
	for _, imp := range f.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == importPath {
			if imp.Name != nil {
				return imp.Name.Name
			}
			return "locales"
		}
	}
	return ""
}

// modulePath reads the module path from root/go.mod.
func modulePath(root string) (string, error) {
	data, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return "", err
	}
	m := regexp.MustCompile(`(?m)^module\s+(\S+)`).FindSubmatch(data)
	if m == nil {
		return "", errors.New("go.mod has no module line")
	}
	return string(m[1]), nil
}

// moduleRoot walks up from the working directory to the directory of go.mod.
func moduleRoot(t *testing.T) string {
	dir, err := os.Getwd()
	require.NoError(t, err)
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		require.NotEqual(t, dir, parent, "go.mod not found")
		dir = parent
	}
}

// checkUsages reports ids used in code but missing from a language, and
// plural messages used through T or plain ones through N.
func checkUsages(cat catalog, used []usage) []string {
	var problems []string
	for _, u := range used {
		for _, lang := range Supported {
			if _, ok := cat.messages[lang][u.id]; !ok {
				problems = append(problems, fmt.Sprintf("%s: %s(%q): id missing in %s", u.pos, u.kind, u.id, lang))
			}
		}
		msg, ok := cat.messages[Default][u.id]
		switch {
		case ok && u.kind == "T" && msg.plural:
			problems = append(problems, fmt.Sprintf("%s: T(%q): plural message, use N", u.pos, u.id))
		case ok && u.kind == "N" && !msg.plural:
			problems = append(problems, fmt.Sprintf("%s: N(%q): not a plural message, use T", u.pos, u.id))
		}
	}
	return problems
}

// TestCodeUsesOnlyDefinedIDs fails listing every id used in the module's
// code that the message files do not define.
func TestCodeUsesOnlyDefinedIDs(t *testing.T) {
	used, err := collectUsages(moduleRoot(t))
	require.NoError(t, err)
	require.NotEmpty(t, used, "the weekday ID markers at least must be found")
	cat, _ := parseCatalog(files)
	problems := checkUsages(cat, used)
	assert.Empty(t, strings.Join(problems, "\n"), "ids used in code but not defined in the message files")
}
