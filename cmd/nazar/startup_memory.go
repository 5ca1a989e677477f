package main

import (
	"context"
	"log/slog"
	"runtime/debug"
	"time"
)

// startupSettle is how long after the bot starts its start-up garbage is
// handed back: polling, the HTTP server, cron and the sender are running by
// then.
const startupSettle = time.Second

// releaseStartupMemoryAfter waits d (or for ctx to end), then returns to the
// system the Go heap that migrations, configuration, templates and the
// first requests used and freed (the runtime's scavenger would return it
// over minutes; an idle bot holds about a megabyte less at once), and the
// pages of the binary that start-up alone needed (releaseExecutablePages,
// about 20 MB on Linux).
func releaseStartupMemoryAfter(ctx context.Context, d time.Duration, log *slog.Logger) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
		// The binary's pages first: the collection FreeOSMemory runs then
		// faults the collector's own code and tables back in, as every
		// later collection would.
		if released, err := releaseExecutablePages(); err != nil {
			log.Debug("executable pages kept", "err", err)
		} else {
			log.Debug("executable pages released", "bytes", released)
		}
		debug.FreeOSMemory()
	}
}
