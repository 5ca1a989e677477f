package bot

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// answerSends tells the store how many answers to residents went out, so that
// a restart seeds its pace with them (seedPace) as with the outbox's sends:
// without them, a bot killed just after answering a crowd would, restarted at
// once, add a window's worth on top of those answers in Telegram's count.
// Like the handled marks, it writes from one goroutine at most once per
// markPause; answers not yet written at a SIGKILL (at most markPause's worth)
// are not counted.
type answerSends struct {
	write func(ctx context.Context, n int) error
	log   *slog.Logger

	mu      sync.Mutex
	pending int
	wake    chan struct{} // holds one signal: answers are pending
	quit    chan struct{}
	done    chan struct{}
}

func newAnswerSends(write func(ctx context.Context, n int) error, log *slog.Logger) *answerSends {
	return &answerSends{write: write, log: log, wake: make(chan struct{}, 1)}
}

// add counts one answer that returned; nothing is written before start.
func (s *answerSends) add() {
	if s == nil {
		return
	}
	s.mu.Lock()
	s.pending++
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// start writes the counts until stop.
func (s *answerSends) start() {
	s.quit, s.done = make(chan struct{}), make(chan struct{})
	go func() {
		defer close(s.done)
		for {
			select {
			case <-s.wake:
				s.flush()
				time.Sleep(markPause)
			case <-s.quit:
				s.flush()
				return
			}
		}
	}()
}

func (s *answerSends) flush() {
	s.mu.Lock()
	n := s.pending
	s.pending = 0
	s.mu.Unlock()
	if n == 0 {
		return
	}
	if err := s.write(context.Background(), n); err != nil {
		s.log.Warn("answers' send times not recorded; a restart now would not count them in its pace",
			"count", n, "err", err)
	}
}

// stop writes what is pending and ends the goroutine start began.
func (s *answerSends) stop() {
	close(s.quit)
	<-s.done
}
