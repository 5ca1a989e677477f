package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/transparentcities/nazar/sources"
	"github.com/transparentcities/nazar/store"
)

const sourcesUsage = "usage: nazar sources status | nazar sources run [NAME]"

// runSources is `nazar sources status|run [NAME]` (docs/sources.md).
func runSources(ctx context.Context, e *env) error {
	if len(e.args) == 0 || (e.args[0] == "status" && len(e.args) != 1) || len(e.args) > 2 {
		return errors.New(sourcesUsage)
	}
	st, err := openStore(ctx, e)
	if err != nil {
		return err
	}
	defer st.Close()
	r := sources.New(e.cfg, st, sources.Options{Logger: e.log})
	switch e.args[0] {
	case "status":
		return r.WriteStatus(ctx, e.stdout)
	case "run":
		name := ""
		if len(e.args) == 2 {
			name = e.args[1]
		}
		return runSourcesNow(ctx, e, st, r, name)
	}
	return fmt.Errorf("%w: sources %q (%s)", errUsage, e.args[0], sourcesUsage)
}

// runSourcesNow fetches now; alerts are queued for the running bot to send.
// The exit status is 1 when a source failed.
func runSourcesNow(ctx context.Context, e *env, st *store.Store, r *sources.Runner, name string) error {
	if len(e.cfg.Sources) == 0 {
		return errors.New("no sources configured (config key sources:, docs/sources.md)")
	}
	results, err := r.RunAll(ctx, name)
	sources.WriteResults(e.stdout, results)
	if err != nil {
		return err
	}
	failed := 0
	for _, res := range results {
		if res.State.State == store.SourceFailed {
			failed++
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d sources failed; the data imported before stays", failed, len(results))
	}
	if err := st.Checkpoint(ctx); err != nil {
		e.log.Warn("checkpoint after import", "err", err)
	}
	return nil
}

// startSources schedules the configured sources beside the bot; the
// returned stop waits for a run in flight (cancelled) to end.
func startSources(ctx context.Context, e *env, r *sources.Runner) (stop func(), err error) {
	if len(e.cfg.Sources) == 0 {
		return func() {}, nil
	}
	e.log.Info("data sources scheduled", "count", len(e.cfg.Sources))
	return r.Start(ctx)
}
