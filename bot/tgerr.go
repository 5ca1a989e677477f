package bot

import (
	"context"
	"errors"
	"strings"
	"time"

	tg "github.com/go-telegram/bot"
)

// Outcome is what a Bot API error means for the caller.
type Outcome int

// The outcomes of a Bot API call.
const (
	Delivered   Outcome = iota // no error
	RetryLater                 // 429: wait RetryAfter, then try again (every sender)
	Transient                  // 5xx, network, timeout: retry with backoff
	DeadChat                   // blocked, deactivated, chat not found: stop sending to this chat
	NotModified                // an edit that changed nothing: success
	Rejected                   // any other 4xx: the request itself is wrong; do not retry
)

// Classify maps an error of go-telegram/bot to an Outcome and, for 429, the
// time Telegram asked to wait. errors.As is needed because the library's own
// IsTooManyRequestsError misses wrapped errors.
func Classify(err error) (Outcome, time.Duration) {
	if err == nil {
		return Delivered, 0
	}
	var tooMany *tg.TooManyRequestsError
	if errors.As(err, &tooMany) {
		wait := time.Duration(tooMany.RetryAfter) * time.Second
		if wait <= 0 {
			wait = time.Second
		}
		return RetryLater, wait
	}
	msg := strings.ToLower(err.Error())
	switch {
	case errors.Is(err, tg.ErrorForbidden):
		return DeadChat, 0
	case errors.Is(err, tg.ErrorBadRequest) && strings.Contains(msg, "message is not modified"):
		return NotModified, 0
	case errors.Is(err, tg.ErrorBadRequest) && (strings.Contains(msg, "chat not found") || strings.Contains(msg, "user is deactivated")):
		return DeadChat, 0
	case errors.Is(err, tg.ErrorBadRequest), errors.Is(err, tg.ErrorUnauthorized), errors.Is(err, tg.ErrorNotFound):
		return Rejected, 0
	case errors.Is(err, context.Canceled):
		return Transient, 0
	}
	// 5xx answers, connection errors and timeouts: worth another try.
	return Transient, 0
}
