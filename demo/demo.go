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
	"strings"
	"time"

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
	{"digest-items", "digest/digest_items.csv"},
}

// CityName is the demo city's name: `nazar console --demo` greets with it,
// as the data (addresses, council) names it.
const CityName = "Нове Місто"

// mismatchNote explains the one warning the demo import prints: it is
// there on purpose, to show how a vote with inconsistent published totals
// is imported and shown.
const mismatchNote = "  (on purpose: the demo's vote 7 publishes totals that disagree with its named list; " +
	"Nazar counts by the named list, and the vote's card says so)"

// Load imports every demo dataset and returns the import summaries. The
// council's sessions and the digest items are dated relative to now (see
// shiftDays), so the first digest has something to show.
func Load(ctx context.Context, env importer.Env, now time.Time) ([]string, error) {
	dir, err := os.MkdirTemp("", "nazar-demo-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	if err := os.CopyFS(dir, mustSub(files, "data")); err != nil {
		return nil, err
	}
	if err := shiftFiles(dir, shiftDays(now)); err != nil {
		return nil, err
	}
	var out []string
	for _, d := range Datasets {
		sum, err := importer.Run(ctx, env, d.Name, filepath.Join(dir, d.Path))
		if err != nil {
			return out, fmt.Errorf("demo %s: %w", d.Name, err)
		}
		out = append(out, fmt.Sprintf("%s: %s", d.Name, sum.String()))
		if d.Name == "council" && strings.Contains(sum.String(), "header counts") {
			out = append(out, mismatchNote)
		}
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
