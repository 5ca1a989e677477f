package bot

import (
	"context"
	"sync"
	"time"
)

// batched gathers items from many goroutines and writes them from one, at
// most once per markPause, each write taking every item gathered since the
// last. One write per item made the handlers queue for SQLite's single
// write lock, whose waiters back off in sleeps of a millisecond and more (a
// quarter of the throughput). Items not yet written when the process is
// killed are lost: at most markPause's worth. The handled marks of updates
// and the answers' sends are written this way.
type batched[T any] struct {
	write  func(ctx context.Context, items []T) error
	failed func(n int, err error) // tells of a write that failed

	mu      sync.Mutex
	pending []T
	wake    chan struct{} // holds one signal: items are pending
	quit    chan struct{}
	done    chan struct{}
}

// markPause spaces the writes: 100 a second at most.
const markPause = 10 * time.Millisecond

func newBatched[T any](write func(context.Context, []T) error, failed func(n int, err error)) *batched[T] {
	return &batched[T]{write: write, failed: failed, wake: make(chan struct{}, 1)}
}

// add gathers one item; nothing is written before start. A nil batched
// drops it (tests build answer paths without one).
func (b *batched[T]) add(item T) {
	if b == nil {
		return
	}
	b.mu.Lock()
	b.pending = append(b.pending, item)
	b.mu.Unlock()
	select {
	case b.wake <- struct{}{}:
	default:
	}
}

// start writes what is gathered until stop.
func (b *batched[T]) start() {
	b.quit, b.done = make(chan struct{}), make(chan struct{})
	go func() {
		defer close(b.done)
		for {
			select {
			case <-b.wake:
				b.flush()
				time.Sleep(markPause)
			case <-b.quit:
				b.flush()
				return
			}
		}
	}()
}

func (b *batched[T]) flush() {
	b.mu.Lock()
	items := b.pending
	b.pending = nil
	b.mu.Unlock()
	if len(items) == 0 {
		return
	}
	if err := b.write(context.Background(), items); err != nil {
		b.failed(len(items), err)
	}
}

// stop writes what is pending and ends the goroutine start began.
func (b *batched[T]) stop() {
	close(b.quit)
	<-b.done
}
