package sandbox

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"

	"github.com/go-telegram/bot/models"
)

// Server is a fake Telegram Bot API server listening on 127.0.0.1.
type Server struct {
	// URL is the base URL to hand to bot.WithServerURL.
	URL string
	// Token is the only bot token the server accepts; others get 401.
	Token string

	ts        *httptest.Server
	done      chan struct{} // closed by Close to release long polls and latency waits
	closeOnce sync.Once

	mu            sync.Mutex
	updates       []pendingUpdate
	lastUpdateID  int64
	polls         int // getUpdates requests in progress
	onConfirm     func(ids []int64)
	arrived       chan struct{} // closed and replaced whenever an update is queued
	users         map[int64]User
	chats         map[int64]*chatState
	answers       []CallbackAnswer
	callbackSeq   int64
	calls         []Call
	commands      map[string][]models.BotCommand
	menuButtons   map[int64]MenuButton
	watchers      []chan Message
	eventWatchers []chan Event
	webhookURL    string
	webhookStop   chan struct{} // closed to stop the webhook delivery goroutine
	faults        []fault
	blocked       map[int64]bool
	latency       time.Duration
	chaos         Chaos
	delayed       map[string]int // requests waiting out the latency, by method
	limits        rateLimits
	stats         Stats
}

// botUser is who the fake bot is; getMe and every bot message report it.
var botUser = models.User{ID: 1, IsBot: true, FirstName: "Nazar Test", Username: "nazar_test_bot"}

// New starts a Server that accepts token. Close it when done.
func New(token string) *Server {
	s := &Server{
		Token:       token,
		done:        make(chan struct{}),
		arrived:     make(chan struct{}),
		users:       map[int64]User{},
		chats:       map[int64]*chatState{},
		commands:    map[string][]models.BotCommand{},
		menuButtons: map[int64]MenuButton{},
		blocked:     map[int64]bool{},
		delayed:     map[string]int{},
		stats:       Stats{SentPerChat: map[int64]int{}},
	}
	s.ts = httptest.NewServer(s)
	s.URL = s.ts.URL
	return s
}

// Close releases pending long polls, stops the HTTP server and closes every
// Watch channel. It is safe to call more than once.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		close(s.done)
		s.ts.Close()
		s.mu.Lock()
		defer s.mu.Unlock()
		for _, w := range s.watchers {
			close(w)
		}
		s.watchers = nil
		for _, w := range s.eventWatchers {
			close(w)
		}
		s.eventWatchers = nil
	})
}

// ServeHTTP answers one Bot API request; it makes Server an http.Handler so it
// can also be mounted elsewhere.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	at := time.Now()
	token, method, pathOK := splitPath(r.URL.Path)
	spec, known := methodTable[strings.ToLower(method)]
	if known {
		method = spec.name
	}
	// Read the body before the latency wait: net/http notices a client that
	// hangs up (cancelling r.Context) only once the body has been consumed.
	params, files, perr := parseParams(w, r)
	if s.applyChaos(w, r, method) {
		s.record(Call{Method: method, Params: params, At: at})
		return
	}
	if !s.sleep(r.Context(), method) {
		// The client gave up while we were "slow": nobody reads an answer.
		s.record(Call{Method: method, Params: params, At: at})
		return
	}
	req := &request{method: method, params: params, spec: spec, files: files}

	result, aerr := s.handle(r.Context(), req, precheck(pathOK, token == s.Token, perr), known)
	status := writeAnswer(w, result, aerr)
	s.record(Call{Method: method, Params: params, At: at, Status: status})
}

// precheck rejects requests that never reach a method: bad path, wrong
// token, unreadable body.
func precheck(pathOK, tokenOK bool, perr error) *apiError {
	switch {
	case !pathOK:
		return errNotFound()
	case !tokenOK:
		return errUnauthorized()
	case perr != nil:
		return badRequest("can't parse request body: " + perr.Error())
	}
	return nil
}

// handle runs the request; only getUpdates' long poll happens outside the lock.
func (s *Server) handle(ctx context.Context, req *request, early *apiError, known bool) (any, *apiError) {
	s.mu.Lock()
	result, aerr, poll := s.handleLocked(req, early, known)
	s.mu.Unlock()
	if poll {
		return s.longPoll(ctx, req)
	}
	return result, aerr
}

func (s *Server) handleLocked(req *request, early *apiError, known bool) (any, *apiError, bool) {
	if early != nil {
		return nil, early, false
	}
	if f := s.takeFault(req.method); f != nil {
		return nil, f, false
	}
	if !known {
		return nil, errNotFound(), false
	}
	if aerr := s.checkChat(req); aerr != nil {
		return nil, aerr, false
	}
	if req.spec.polls {
		if s.webhookURL != "" {
			return nil, errConflict(), false
		}
		return nil, nil, true
	}
	now := time.Now()
	if req.spec.sends && !s.limits.allow(req.chatID, now) {
		return nil, errTooMany(1), false
	}
	result, aerr := req.spec.fn(s, req)
	if aerr == nil && req.spec.sends {
		s.limits.add(req.chatID, now)
		s.stats.SentPerChat[req.chatID]++
	}
	return result, aerr, false
}

// checkChat resolves chat_id for methods addressed to a chat and refuses
// chats that blocked the bot.
func (s *Server) checkChat(req *request) *apiError {
	if !req.spec.chat {
		return nil
	}
	raw := req.params["chat_id"]
	if raw == "" && req.spec.chatOptional {
		return nil
	}
	id, aerr := s.resolveChat(raw)
	if aerr != nil {
		return aerr
	}
	req.chatID, req.hasChat = id, true
	if s.blocked[id] {
		return errBlocked()
	}
	return nil
}

// splitPath cuts "/bot{token}/{method}" into its parts.
func splitPath(p string) (token, method string, ok bool) {
	rest, found := strings.CutPrefix(p, "/bot")
	if !found {
		return "", "", false
	}
	i := strings.LastIndex(rest, "/")
	if i < 0 {
		return "", "", false
	}
	token, method = rest[:i], rest[i+1:]
	// The client's test environment inserts "/test" before the method.
	token = strings.TrimSuffix(token, "/test")
	return token, method, method != ""
}

// writeAnswer writes the Bot API envelope and returns the HTTP status used,
// which like Telegram's equals error_code on failure.
func writeAnswer(w http.ResponseWriter, result any, aerr *apiError) int {
	status := http.StatusOK
	var body any = struct {
		OK     bool `json:"ok"`
		Result any  `json:"result"`
	}{true, result}
	if aerr != nil {
		status, body = aerr.Code, aerr.envelope()
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body) // a write error means the client left
	return status
}

// record keeps the call and updates the counters derived from its status.
func (s *Server) record(c Call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls = append(s.calls, c)
	s.stats.Requests++
	switch {
	case c.Status == http.StatusTooManyRequests:
		s.stats.TooMany++
	case c.Status == http.StatusForbidden:
		s.stats.Forbidden++
	case c.Status >= http.StatusInternalServerError:
		s.stats.ServerErrors++
	}
}
