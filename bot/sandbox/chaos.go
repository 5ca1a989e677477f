package sandbox

import (
	"math/rand/v2"
	"net/http"
	"time"
)

// Chaos injects random faults into every method but getUpdates, for load
// tests: a share of requests answers 502, another share hangs for Hold and
// then loses the connection, as a timeout does. Both happen before the
// request is handled, so a retried send is never a duplicate.
type Chaos struct {
	ServerErrors float64 // share of requests answered 502 Bad Gateway, 0..1
	Timeouts     float64 // share of requests that hang, then drop, 0..1
	Hold         time.Duration
}

// SetChaos turns random faults on; the zero Chaos turns them off.
func (s *Server) SetChaos(c Chaos) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.chaos = c
}

type chaosOutcome int

const (
	noChaos chaosOutcome = iota
	chaosError
	chaosTimeout
)

// rollChaos decides the fate of one request.
func (s *Server) rollChaos(method string) chaosOutcome {
	if method == "getUpdates" {
		return noChaos
	}
	s.mu.Lock()
	c := s.chaos
	s.mu.Unlock()
	switch r := rand.Float64(); {
	case r < c.ServerErrors:
		s.count(func(st *Stats) { st.ChaosErrors++ })
		return chaosError
	case r < c.ServerErrors+c.Timeouts:
		s.count(func(st *Stats) { st.ChaosTimeouts++ })
		return chaosTimeout
	}
	return noChaos
}

func (s *Server) count(f func(*Stats)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f(&s.stats)
}

// applyChaos answers a request chosen for a fault; false if it was not.
func (s *Server) applyChaos(w http.ResponseWriter, r *http.Request, method string) bool {
	switch s.rollChaos(method) {
	case chaosError:
		writeAnswer(w, nil, &apiError{Code: http.StatusBadGateway, Description: "Bad Gateway"})
		return true
	case chaosTimeout:
		s.mu.Lock()
		hold := s.chaos.Hold
		s.mu.Unlock()
		select {
		case <-time.After(hold):
		case <-r.Context().Done():
		case <-s.done:
		}
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				conn.Close()
				return true
			}
		}
		writeAnswer(w, nil, &apiError{Code: http.StatusGatewayTimeout, Description: "Gateway Timeout"})
		return true
	}
	return false
}
