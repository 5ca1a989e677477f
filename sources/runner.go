package sources

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"sync"
	"time"

	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/privacy"
	"github.com/transparentcities/nazar/store"
)

// Runner fetches and imports sources, one at a time: an import is heavy,
// and two of the same source must not race.
type Runner struct {
	cfg      config.Config
	store    *store.Store
	log      *slog.Logger
	limits   Limits
	tempRoot string
	now      func() time.Time
	loc      *time.Location
	mu       sync.Mutex
}

// Options carry what differs between production and tests.
type Options struct {
	Logger *slog.Logger
	Now    func() time.Time
	// Limits default to DefaultLimits(import.max_file_mb).
	Limits *Limits
	// TempDir receives downloads and unpacked zips; default: the database's
	// folder, which has room for the data it will hold anyway (/tmp is
	// often a small tmpfs).
	TempDir string
}

// New builds a runner; it does no I/O.
func New(cfg config.Config, st *store.Store, opts Options) *Runner {
	r := &Runner{cfg: cfg, store: st, log: opts.Logger, now: opts.Now, tempRoot: opts.TempDir, loc: cfg.Location()}
	if r.log == nil {
		r.log = slog.Default()
	}
	if r.now == nil {
		r.now = time.Now
	}
	if r.tempRoot == "" {
		r.tempRoot = filepath.Dir(cfg.Database.Path)
	}
	r.limits = DefaultLimits(cfg.Import.MaxFileBytes())
	if opts.Limits != nil {
		r.limits = *opts.Limits
	}
	return r
}

// Result is how one run of a source ended.
type Result struct {
	Source   config.SourceConfig
	State    store.SourceState // as saved
	Imported bool              // changed content was imported
	Summary  string            // the import's summary, when imported
}

// Run fetches one source now and imports it if its content changed. A
// failing source is not an error (it is in Result.State); the error is for
// a database that cannot record the run, or a cancelled ctx (then nothing
// is recorded: the next start runs the source again).
func (r *Runner) Run(ctx context.Context, src config.SourceConfig) (Result, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	name := src.NameOrDataset()
	prev, err := r.store.SourceStateOf(ctx, name)
	if err != nil {
		return Result{}, err
	}
	o, summary := r.attempt(ctx, src, prev)
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	langs := r.adminLanguages(ctx)
	var c change
	saved, err := r.store.UpdateSource(ctx, name, func(p store.SourceState) (store.SourceState, []store.Push) {
		next, ch := nextState(p, o)
		c = ch
		return next, alertPushes(langs, r.loc, next, ch, o.imported)
	})
	if err != nil {
		return Result{}, fmt.Errorf("source %s: record the run: %w", name, err)
	}
	r.logRun(src, saved, o, c)
	return Result{Source: src, State: saved, Imported: o.imported, Summary: summary}, nil
}

// RunAll runs every configured source, or only the one named.
func (r *Runner) RunAll(ctx context.Context, name string) ([]Result, error) {
	list := r.cfg.Sources
	if name != "" {
		src, ok := r.cfg.Sources.ByName(name)
		if !ok {
			return nil, fmt.Errorf("no source named %q in the config (%s)", name, r.names())
		}
		list = config.SourcesConfig{src}
	}
	var out []Result
	for _, src := range list {
		res, err := r.Run(ctx, src)
		if err != nil {
			return out, err
		}
		out = append(out, res)
	}
	return out, nil
}

func (r *Runner) names() string {
	if len(r.cfg.Sources) == 0 {
		return "none is configured"
	}
	s := "known:"
	for _, src := range r.cfg.Sources {
		s += " " + src.NameOrDataset()
	}
	return s
}

func (r *Runner) logRun(src config.SourceConfig, st store.SourceState, o outcome, c change) {
	attrs := []any{"source", st.Name, "dataset", st.Dataset, "url", redact(src.URL)}
	switch {
	case o.err != "":
		r.log.Warn("source: update failed; the data imported before stays", append(attrs, "err", o.err,
			"admins_told", c == failed)...)
	case o.imported:
		r.log.Info("source: changed content imported", append(attrs, "rows", st.Rows, "recovered", c == recovered)...)
	default:
		r.log.Info("source: unchanged", append(attrs, "recovered", c == recovered)...)
	}
}

// redact hides the credentials of a URL; everything a source shows or logs
// of its URL goes through it.
func redact(raw string) string { return privacy.RedactURLs(raw) }
