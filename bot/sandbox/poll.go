package sandbox

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

// maxUpdates is getUpdates' default and largest limit.
const maxUpdates = 100

// Pending is the number of updates not yet confirmed by a getUpdates offset.
func (s *Server) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.updates)
}

// longPoll serves getUpdates: it confirms updates below offset and waits up
// to timeout seconds for at least one update.
func (s *Server) longPoll(ctx context.Context, r *request) (any, *apiError) {
	offset, err := strconv.ParseInt(strings.TrimSpace(r.params["offset"]), 10, 64)
	if err != nil && r.params["offset"] != "" {
		return nil, badRequest(`field "offset" must be an integer`)
	}
	limit, aerr := r.intParam("limit", maxUpdates)
	if aerr != nil {
		return nil, aerr
	}
	limit = min(max(limit, 1), maxUpdates)
	timeout, aerr := r.intParam("timeout", 0)
	if aerr != nil {
		return nil, aerr
	}
	deadline := time.NewTimer(time.Duration(max(timeout, 0)) * time.Second)
	defer deadline.Stop()
	defer s.polling(-1)
	s.polling(+1)
	s.confirmBelow(offset)
	for {
		batch, wake := s.takeBatch(limit)
		if len(batch) > 0 || timeout <= 0 {
			return batch, nil
		}
		select {
		case <-wake:
		case <-deadline.C:
			timeout = 0 // one last look, then answer empty
		case <-ctx.Done():
			return batch, nil
		case <-s.done:
			return batch, nil
		}
	}
}

func (s *Server) polling(delta int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.polls += delta
}

// Polls is the number of getUpdates requests being served right now; tests
// use it to know the bot is parked in a long poll.
func (s *Server) Polls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.polls
}

// confirmBelow forgets the updates below offset, as Telegram does, and
// tells the OnConfirm hook which they were.
func (s *Server) confirmBelow(offset int64) {
	if offset <= 0 {
		return
	}
	s.mu.Lock()
	var ids []int64
	for len(s.updates) > 0 && s.updates[0].id < offset {
		ids = append(ids, s.updates[0].id)
		s.updates = s.updates[1:]
	}
	hook := s.onConfirm
	s.mu.Unlock()
	if hook != nil && len(ids) > 0 {
		hook(ids)
	}
}

// OnConfirm sets fn to run, before the request is answered, whenever a
// getUpdates offset confirms updates: the moment Telegram forgets them.
func (s *Server) OnConfirm(fn func(ids []int64)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.onConfirm = fn
}

// takeBatch returns up to limit of the unconfirmed updates, plus the
// channel that closes when another update arrives.
func (s *Server) takeBatch(limit int) ([]json.RawMessage, <-chan struct{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	batch := make([]json.RawMessage, 0, min(limit, len(s.updates)))
	for _, u := range s.updates[:min(limit, len(s.updates))] {
		batch = append(batch, u.raw)
	}
	return batch, s.arrived
}
