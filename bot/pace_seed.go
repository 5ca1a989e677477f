package bot

import (
	"context"
	"time"
)

// recentSends is what seeding a pace reads: how long ago each message of
// the last window went out, the outbox's and the answers' (store.Store).
type recentSends interface {
	RecentSendAges(ctx context.Context, window time.Duration, inFlight int) ([]time.Duration, error)
}

// seedPace takes the sends of the last window, as the store knows them, into
// the pace, so that a restart (after a SIGKILL mid-send above all) continues
// the last window instead of opening a fresh one at full rate. Call it before
// anything sends through the pace, and before RecoverOutbox. workers is the
// sender's: of the rows it had claimed, at most that many were in flight.
func seedPace(ctx context.Context, st recentSends, p *Pace, workers int) error {
	ages, err := st.RecentSendAges(ctx, p.window, workers)
	if err != nil {
		return err
	}
	now := p.now()
	returned := make([]time.Time, len(ages))
	for i, age := range ages {
		returned[i] = now.Add(-age)
	}
	p.Seed(returned)
	return nil
}
