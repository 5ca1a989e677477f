// Package importer is the table of datasets `nazar import DATASET PATH`
// knows (SPEC §8). Each dataset parses its files with package csvin, writes
// them through the store in one transaction, and enqueues the push messages
// the import causes (status changes, new votes) in that same transaction.
package importer

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/store"
)

// Env is what an import needs.
type Env struct {
	Store  *store.Store
	Config config.Config
	// Progress receives a progress line for large files (a terminal shows a
	// bar); may be nil.
	Progress io.Writer
}

// Summary is the report printed after an import: counts, unknown columns,
// warnings such as header counts that disagree with the named list.
type Summary struct {
	Lines []string
	// Rows counts the data rows read (for council, the records of every
	// file): what `nazar sources status` shows of the last import.
	Rows int
}

// Addf appends one line to the summary.
func (s *Summary) Addf(format string, args ...any) {
	s.Lines = append(s.Lines, fmt.Sprintf(format, args...))
}

// Count is n with an English noun in the right number: "1 session",
// "2 sessions" (summaries are for operators, in English).
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// String is the summary, one line each.
func (s Summary) String() string { return strings.Join(s.Lines, "\n") }

// Func imports one dataset from path (a file, or a folder for council).
type Func func(ctx context.Context, env Env, path string) (Summary, error)

// datasets is keyed by the dataset name of SPEC §8. Each dataset's file in
// this package registers itself with `var _ = register("name", fn)`.
var datasets = map[string]Func{}

// register is called from the package-level var of each dataset file.
func register(name string, f Func) bool {
	datasets[name] = f
	return true
}

// Names lists the known datasets, sorted.
func Names() []string {
	names := make([]string, 0, len(datasets))
	for n := range datasets {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Run imports one dataset. Imports run one at a time on a database, across
// processes: a second one waits its turn, saying so on env.Progress.
func Run(ctx context.Context, env Env, dataset, path string) (Summary, error) {
	f, ok := datasets[dataset]
	if !ok {
		return Summary{}, fmt.Errorf("unknown dataset %q (known: %s)", dataset, strings.Join(Names(), ", "))
	}
	release, err := env.Store.LockImports(ctx, func() {
		if env.Progress != nil {
			fmt.Fprintln(env.Progress, "another import is running; waiting for it to finish")
		}
	})
	if err != nil {
		return Summary{}, err
	}
	defer release()
	return f(ctx, env, path)
}
