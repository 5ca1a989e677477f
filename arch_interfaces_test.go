package nazar_test

import (
	"bufio"
	"bytes"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestHandlersStoreInterfacesAreMinimal holds the consumer-side rule of
// docs/ARCHITECTURE.md: a handler depends on an interface of exactly the
// store methods it calls. For every interface that is the type of a struct
// field in handlers (and the packages under it), each of its methods must be
// called through a value of that interface, or be one of another consumer's
// interface the value is handed to in a struct literal (Card and Voucher
// give their store to lookupLock). A method nobody calls fails here, naming
// the interface.
func TestHandlersStoreInterfacesAreMinimal(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks handlers from export data (go list -export)")
	}
	exports := exportData(t, "./handlers/...")
	imp := importer.ForCompiler(token.NewFileSet(), "gc", func(path string) (io.ReadCloser, error) {
		return os.Open(exports[path])
	})
	for _, dir := range handlerDirs(t) {
		checkInterfaces(t, dir, imp)
	}
}

func checkInterfaces(t *testing.T, dir string, imp types.Importer) {
	fset := token.NewFileSet()
	var files []*ast.File
	names, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	info := &types.Info{Selections: map[*ast.SelectorExpr]*types.Selection{}, Types: map[ast.Expr]types.TypeAndValue{},
		Uses: map[*ast.Ident]types.Object{}}
	pkg, err := (&types.Config{Importer: imp}).Check(module+"/"+filepath.ToSlash(dir), fset, files, info)
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	called := map[*types.TypeName]map[string]bool{} // interface → methods called through it
	for _, sel := range info.Selections {
		if sel.Kind() != types.MethodVal {
			continue
		}
		if named, ok := types.Unalias(sel.Recv()).(*types.Named); ok && types.IsInterface(named) {
			if called[named.Obj()] == nil {
				called[named.Obj()] = map[string]bool{}
			}
			called[named.Obj()][sel.Obj().Name()] = true
		}
	}
	handOn(files, info, called)
	for _, iface := range fieldInterfaces(pkg) {
		if iface.Pkg() != pkg {
			continue // another package's interface is checked there
		}
		for _, m := range unusedMethods(iface, called) {
			t.Errorf("%s.%s declares %s, which no handler calls through it: drop it", dir, iface.Name(), m)
		}
	}
}

// fieldInterfaces are the named interfaces that some struct of pkg holds in
// a field: the consumers' store interfaces.
func fieldInterfaces(pkg *types.Package) []*types.TypeName {
	var out []*types.TypeName
	for _, name := range pkg.Scope().Names() {
		st, ok := pkg.Scope().Lookup(name).Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for f := range st.Fields() {
			if named, ok := types.Unalias(f.Type()).(*types.Named); ok && types.IsInterface(named) &&
				!slices.Contains(out, named.Obj()) {
				out = append(out, named.Obj())
			}
		}
	}
	return out
}

// handOn counts, for a value of a named interface put into a struct
// literal's field of another named interface, the field's methods as called
// through the value's interface: the receiving helper calls them.
func handOn(files []*ast.File, info *types.Info, called map[*types.TypeName]map[string]bool) {
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			kv, ok := n.(*ast.KeyValueExpr)
			if !ok {
				return true
			}
			key, ok := kv.Key.(*ast.Ident)
			if !ok || info.Uses[key] == nil {
				return true
			}
			from, ok1 := types.Unalias(info.TypeOf(kv.Value)).(*types.Named)
			to, ok2 := types.Unalias(info.Uses[key].Type()).(*types.Named)
			if !ok1 || !ok2 || from == to || !types.IsInterface(from) || !types.IsInterface(to) {
				return true
			}
			if called[from.Obj()] == nil {
				called[from.Obj()] = map[string]bool{}
			}
			for m := range to.Underlying().(*types.Interface).Methods() {
				called[from.Obj()][m.Name()] = true
			}
			return true
		})
	}
}

func unusedMethods(iface *types.TypeName, called map[*types.TypeName]map[string]bool) []string {
	var unused []string
	for m := range iface.Type().Underlying().(*types.Interface).Methods() {
		if !called[iface][m.Name()] {
			unused = append(unused, m.Name())
		}
	}
	return unused
}

// handlerDirs are handlers and the packages under it.
func handlerDirs(t *testing.T) []string {
	var dirs []string
	err := filepath.WalkDir("handlers", func(path string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			if names, _ := filepath.Glob(filepath.Join(path, "*.go")); len(names) > 0 {
				dirs = append(dirs, path)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return dirs
}

// exportData maps every package the pattern depends on to its compiled
// export data, built (or taken from the build cache) by go list.
func exportData(t *testing.T, pattern string) map[string]string {
	out, err := exec.Command("go", "list", "-tags", "sqlite_fts5", "-export", "-deps",
		"-f", "{{.ImportPath}}={{.Export}}", pattern).Output()
	if err != nil {
		t.Fatalf("go list -export: %v", err)
	}
	exports := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if path, file, ok := strings.Cut(sc.Text(), "="); ok && file != "" {
			exports[path] = file
		}
	}
	return exports
}
