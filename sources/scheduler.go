package sources

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/transparentcities/nazar/config"
)

// Start schedules every source on its cron, in the city's time zone, and at
// once runs each source whose last scheduled time passed since it was last
// fetched (never fetched, or the bot was down then). The returned stop
// cancels a run in flight (its import rolls back; the next start runs it
// again) and waits for it.
func (r *Runner) Start(ctx context.Context) (stop func(), err error) {
	runCtx, cancel := context.WithCancel(ctx)
	c := cron.New(cron.WithLocation(r.loc))
	var wg sync.WaitGroup
	var due []config.SourceConfig
	for _, src := range r.cfg.Sources {
		sched, err := cron.ParseStandard(src.Schedule)
		if err != nil { // config.Validate refuses it first
			cancel()
			return nil, err
		}
		c.Schedule(sched, cron.FuncJob(func() { r.runLogged(runCtx, src) }))
		if r.missed(ctx, src, sched) {
			due = append(due, src)
		}
	}
	r.CleanTemp()
	wg.Add(1)
	go func() {
		defer wg.Done()
		for _, src := range due {
			r.runLogged(runCtx, src)
		}
	}()
	c.Start()
	return func() {
		cancel()
		<-c.Stop().Done()
		wg.Wait()
	}, nil
}

// missed reports whether a scheduled run of src fell between its last fetch
// and now.
func (r *Runner) missed(ctx context.Context, src config.SourceConfig, sched cron.Schedule) bool {
	st, err := r.store.SourceStateOf(ctx, src.NameOrDataset())
	if err != nil {
		r.log.Warn("source: read its state", "source", src.NameOrDataset(), "err", err)
		return false
	}
	if st.LastFetch.IsZero() {
		return true
	}
	return !sched.Next(st.LastFetch.In(r.loc)).After(r.now())
}

// runLogged is a scheduled run: its outcome is logged by Run; only a
// database error is left to log here.
func (r *Runner) runLogged(ctx context.Context, src config.SourceConfig) {
	if _, err := r.Run(ctx, src); err != nil && !errors.Is(err, context.Canceled) {
		r.log.Error("source: run not recorded", "source", src.NameOrDataset(), "err", err)
	}
}

// nextRun is when src runs next on its schedule (for the status output).
func (r *Runner) nextRun(src config.SourceConfig) time.Time {
	sched, err := cron.ParseStandard(src.Schedule)
	if err != nil {
		return time.Time{}
	}
	return sched.Next(r.now().In(r.loc))
}
