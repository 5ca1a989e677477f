package sandbox

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// fault is a scripted error answer for the next calls of a method.
type fault struct {
	method string // "" matches any method except getUpdates
	left   int    // calls still to fail; 0 for a fault bounded by until alone
	until  time.Time
	err    apiError
}

// Fail makes the next `times` calls of method ("" = any method but
// getUpdates) answer status with description (a Telegram-like default when
// empty) and, if retryAfter > 0, parameters.retry_after. Faults take
// precedence over every other check and are consumed in the order added.
// getUpdates is excluded from "" because the bot polls it in the background
// and would eat faults meant for the calls under test; name it to fail it.
func (s *Server) Fail(method string, times, status int, description string, retryAfter int) {
	if times <= 0 {
		return
	}
	if description == "" {
		description = defaultDescription(status, retryAfter)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, fault{
		method: method,
		left:   times,
		err:    apiError{Code: status, Description: description, RetryAfter: retryAfter},
	})
}

// FailFor makes every call of method ("" as in Fail) within the next d
// answer as Fail does: flood control as Telegram applies it, for a while
// rather than for a number of calls, so a lone caller meets it once or
// twice, not for as long as it keeps retrying.
func (s *Server) FailFor(method string, d time.Duration, status int, description string, retryAfter int) {
	if description == "" {
		description = defaultDescription(status, retryAfter)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, fault{method: method, until: time.Now().Add(d),
		err: apiError{Code: status, Description: description, RetryAfter: retryAfter}})
}

func defaultDescription(status, retryAfter int) string {
	switch status {
	case http.StatusTooManyRequests:
		return fmt.Sprintf("Too Many Requests: retry after %d", retryAfter)
	case http.StatusForbidden:
		return "Forbidden: bot was blocked by the user"
	case http.StatusBadRequest:
		return "Bad Request: sandbox fault"
	}
	return http.StatusText(status)
}

// takeFault consumes the first fault matching method; the caller holds the lock.
func (s *Server) takeFault(method string) *apiError {
	now := time.Now()
	s.faults = slices.DeleteFunc(s.faults, func(f fault) bool { return f.left == 0 && now.After(f.until) })
	for i := range s.faults {
		f := &s.faults[i]
		if f.method == "" && method == "getUpdates" {
			continue
		}
		if f.method != "" && !strings.EqualFold(f.method, method) {
			continue
		}
		aerr := f.err
		if f.left > 0 {
			if f.left--; f.left == 0 {
				s.faults = append(s.faults[:i], s.faults[i+1:]...)
			}
		}
		return &aerr
	}
	return nil
}

// BlockChats makes every request addressed to these chats answer 403
// "Forbidden: bot was blocked by the user".
func (s *Server) BlockChats(ids ...int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, id := range ids {
		s.blocked[id] = true
	}
}

// UnblockChats undoes BlockChats.
func (s *Server) UnblockChats(ids ...int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, id := range ids {
		delete(s.blocked, id)
	}
}

// SetLatency delays every request but getUpdates by d before it is handled;
// 0 turns it off. A long poll waits anyway, and Telegram confirms the updates
// a poll's offset passes at once, however slow its other methods are.
func (s *Server) SetLatency(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.latency = d
}

// Delayed is the number of method requests waiting out the latency now;
// tests use it to act while a handler is inside a slow call.
func (s *Server) Delayed(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.delayed[method]
}

// sleep waits out the latency; false if the request was cancelled meanwhile.
func (s *Server) sleep(ctx context.Context, method string) bool {
	s.mu.Lock()
	d := s.latency
	if method == "getUpdates" {
		d = 0
	}
	if d > 0 {
		s.delayed[method]++
	}
	s.mu.Unlock()
	if d <= 0 {
		return true
	}
	defer func() {
		s.mu.Lock()
		s.delayed[method]--
		s.mu.Unlock()
	}()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	case <-s.done:
		return false
	}
}

// SetRateLimit enables flood control over sliding one-second windows: at most
// perSecond messages overall and perChatPerSecond per chat (0 = unlimited).
// Only sendMessage, sendVenue and sendLocation count and are limited; a
// rejected send answers 429 with retry_after 1 and does not count as sent.
func (s *Server) SetRateLimit(perSecond, perChatPerSecond int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.limits = rateLimits{global: perSecond, perChat: perChatPerSecond, chats: map[int64][]time.Time{}}
}

// rateLimits remembers recent sends while a limit is active.
type rateLimits struct {
	global, perChat int
	sent            []time.Time
	chats           map[int64][]time.Time
}

func (l *rateLimits) allow(chat int64, now time.Time) bool {
	if l.global > 0 {
		l.sent = recent(l.sent, now)
		if len(l.sent) >= l.global {
			return false
		}
	}
	if l.perChat > 0 {
		l.chats[chat] = recent(l.chats[chat], now)
		if len(l.chats[chat]) >= l.perChat {
			return false
		}
	}
	return true
}

func (l *rateLimits) add(chat int64, now time.Time) {
	if l.global > 0 {
		l.sent = append(l.sent, now)
	}
	if l.perChat > 0 {
		l.chats[chat] = append(l.chats[chat], now)
	}
}

// recent drops times that left the one-second window ending at now.
func recent(times []time.Time, now time.Time) []time.Time {
	i := 0
	for i < len(times) && now.Sub(times[i]) >= time.Second {
		i++
	}
	return times[i:]
}
