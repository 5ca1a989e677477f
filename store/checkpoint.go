package store

import (
	"context"
	"sync/atomic"
	"time"
)

// SQLite checkpoints on its own in the connection whose commit takes the
// write-ahead log past 1,000 pages: before that statement returns, it copies
// the log into the database file and syncs it. The outbox sender records each
// send holding sendMu, so every sender worker waited for that sync; traced on
// a busy disk (a sender at 1,000 messages a second writes about 16 MB of log
// a second), the sends stopped for 130 ms to 1.2 s at a time. So every
// connection of the store has the automatic checkpoint off (waitingConnector)
// and the store checkpoints in the background instead: PASSIVE, which neither
// waits for readers and writers nor makes them wait.

// defaultCheckpointEvery is how often the background checkpoint runs when
// something was committed since the last one: the log stays within a few
// megabytes at the sender's full rate.
const defaultCheckpointEvery = 200 * time.Millisecond

// checkpointer copies the log into the database file every interval after a
// commit (commits sets it, on every connection), until stop.
type checkpointer struct {
	commits atomic.Bool
	stop    func()
}

// start runs the checkpoints of s. Only after a commit: an idle bot's
// connections are left to close as idle, with the memory they hold.
func (c *checkpointer) start(s *Store, every time.Duration) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			if c.commits.Swap(false) {
				// An error (the database closing) leaves the log to the
				// next checkpoint, or to SQLite's own at the last close.
				_, _ = s.db.ExecContext(ctx, `PRAGMA wal_checkpoint(PASSIVE)`)
			}
		}
	}()
	c.stop = func() { cancel(); <-done }
}
