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
		debug.FreeOSMemory()
		if released, err := releaseExecutablePages(); err != nil {
			log.Debug("executable pages kept", "err", err)
		} else {
			log.Debug("executable pages released", "bytes", released)
		}
	}
}
