package store

import (
	"context"
	"sync/atomic"
	"time"
)

// SQLite checkpoints on its own in the connection whose commit takes the
// write-ahead log past 1,000 pages: before that statement returns, it copies
// the log into the database file and syncs it. The outbox sender records each
// send holding sendMu, so every sender worker waited for that sync. With the
// disk busy (a sender at 1,000 messages a second writes about 16 MB of log a
// second) the sends stopped for 100 ms to 1.2 s at a time, no worker waiting
// for the pace (traced). So every connection of the store has the automatic
// checkpoint off (waitingConnector), and the store checkpoints in the
// background instead (checkpoint).

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
				s.checkpoint(ctx)
			}
		}
	}()
	c.stop = func() { cancel(); <-done }
}

// checkpoint copies the log into the database file and starts the log
// over. PASSIVE copies and syncs what is committed without making anyone
// wait; but at a steady stream of commits it never catches up with the last
// of them, and SQLite starts the log over only once every frame was copied:
// the log grew by the whole stream (97–151 MB in 8 seconds of the sender at
// its limit, and a restarted bot read all of it before its first send).
// RESTART then copies the few frames committed meanwhile and starts the log
// over, holding new writers for that tail only; a reader or writer still
// busy after a millisecond (the connections' own busy timeout) makes it give
// up, and the next round tries again. An error (the database closing)
// leaves the log to the next round, or to SQLite's own checkpoint at the
// last close.
func (s *Store) checkpoint(ctx context.Context) {
	if _, err := s.db.ExecContext(ctx, `PRAGMA wal_checkpoint(PASSIVE)`); err != nil {
		return
	}
	_, _ = s.db.ExecContext(ctx, `PRAGMA wal_checkpoint(RESTART)`)
}
