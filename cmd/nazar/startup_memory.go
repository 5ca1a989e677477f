package main

import (
	"context"
	"runtime/debug"
	"time"
)

// startupSettle is how long after the bot starts its start-up garbage is
// handed back: polling, the HTTP server, cron and the sender are running by
// then.
const startupSettle = time.Second

// releaseStartupMemoryAfter waits d (or for ctx to end), then returns to the
// system the Go heap that migrations, configuration, templates and the
// first requests used and freed. The runtime's scavenger would return it
// over minutes; an idle bot holds about a megabyte less at once.
func releaseStartupMemoryAfter(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
		debug.FreeOSMemory()
	}
}
