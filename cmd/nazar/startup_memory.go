package main

import (
	"context"
	"log/slog"
	"runtime/debug"
	"time"
)

// startupSettle is how long after the bot starts its start-up garbage is
// handed back: polling, the HTTP server, cron and the sender are running by
// then. It is handed back only once the bot has sent nothing for as long.
const startupSettle = time.Second

// releaseStartupMemoryWhenQuiet waits d, then for a moment when the bot has
// sent nothing for d (quiet), then returns to the system the Go heap that
// migrations, configuration, templates and the first requests used and
// freed (the runtime's scavenger would return it over minutes; an idle bot
// holds about a megabyte less at once), and the pages of the binary that
// start-up alone needed (releaseExecutablePages, about 20 MB on Linux).
//
// Why wait for a quiet moment: the release takes the CPU for a while, and
// every page it hands back that the bot still runs is read back. Done a
// fixed second after the start, it fell in the middle of a restarted bot's
// digest, which sent 29–33 messages instead of 50 in those 50 ms. A bot
// that is never quiet for a second keeps its pages: it runs most of them.
func releaseStartupMemoryWhenQuiet(ctx context.Context, d time.Duration, quiet func(time.Duration) bool, log *slog.Logger) {
	if !waitQuiet(ctx, d, quiet) {
		return
	}
	// The binary's pages first: the collection FreeOSMemory runs then
	// faults the collector's own code and tables back in, as every later
	// collection would.
	if released, err := releaseExecutablePages(); err != nil {
		log.Debug("executable pages kept", "err", err)
	} else {
		log.Debug("executable pages released", "bytes", released)
	}
	debug.FreeOSMemory()
}

// waitQuiet waits at least d, then until quiet(d); false if ctx ended first.
func waitQuiet(ctx context.Context, d time.Duration, quiet func(time.Duration) bool) bool {
	tick := time.NewTicker(d / 4)
	defer tick.Stop()
	started := time.Now()
	for {
		select {
		case <-ctx.Done():
			return false
		case <-tick.C:
			if time.Since(started) >= d && quiet(d) {
				return true
			}
		}
	}
}
