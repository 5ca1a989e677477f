// Package demo holds the data set of a fictional city, loaded by
// `make demo` (`nazar console --demo`) into a fresh database through the
// same importers an operator uses.
package demo

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/transparentcities/nazar/importer"
)

//go:embed data
var files embed.FS

// Datasets are loaded in this order (later ones may refer to earlier ones);
// each entry is a dataset name and its path under data/.
var Datasets = []struct{ Name, Path string }{
	{"council", "council"},
	{"businesses", "business/businesses.csv"},
	{"cards", "card/cards.csv"},
	{"card-operations", "card/card_operations.csv"},
	{"card-applications", "card/card_applications.csv"},
	{"vouchers", "voucher/vouchers.csv"},
}

// Load imports every demo dataset and returns the import summaries.
func Load(ctx context.Context, env importer.Env) ([]string, error) {
	dir, err := os.MkdirTemp("", "nazar-demo-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	if err := os.CopyFS(dir, mustSub(files, "data")); err != nil {
		return nil, err
	}
	var out []string
	for _, d := range Datasets {
		sum, err := importer.Run(ctx, env, d.Name, filepath.Join(dir, d.Path))
		if err != nil {
			return out, fmt.Errorf("demo %s: %w", d.Name, err)
		}
		out = append(out, fmt.Sprintf("%s: %s", d.Name, sum.String()))
	}
	return out, nil
}

func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err)
	}
	return sub
}
