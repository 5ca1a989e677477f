package bot

import (
	"context"
	"fmt"
	"time"

	tg "github.com/go-telegram/bot"

	"github.com/transparentcities/nazar/store"
)

// maxBackoff caps the wait between retries of a transient failure.
const maxBackoff = 5 * time.Minute

// deliver sends one row (in parts when it is long) and settles it. A stop
// signal is heeded only before a part is sent: the request itself and the
// settle calls use a context that outlives it (the HTTP client's timeout
// still bounds the request). A request cancelled on the wire may have
// reached Telegram with its answer lost, and a message that went out must
// be recorded as sent, or the next run would send it again.
func (s *Sender) deliver(ctx context.Context, it store.OutboxItem) {
	defer s.setBusy(it.ChatID, false)
	settle := context.WithoutCancel(ctx)
	text, err := s.text(it)
	if err != nil {
		// A row no renderer can read (an unknown message, arguments of an
		// older shape) will not read better later.
		s.log.Error("outbox: render", "id", it.ID, "message", it.Message, "err", err)
		_ = s.store.OutboxFailed(settle, it.ID, err.Error())
		return
	}
	parts := SplitText(text, maxMessageLen)
	for i := it.PartsSent; i < len(parts); i++ {
		finished, err := s.pace(ctx, it.ChatID)
		if err != nil {
			_ = s.store.OutboxRetry(settle, it.ID, 0, false, "")
			return
		}
		params := &tg.SendMessageParams{ChatID: it.ChatID, Text: parts[i]}
		if i == len(parts)-1 {
			params.ReplyMarkup = pushMarkup(it.Buttons)
		}
		msg, err := s.api.SendMessage(settle, params)
		finished()
		s.markSent(it.ChatID)
		if err != nil {
			s.settleError(settle, it, err)
			return
		}
		if i < len(parts)-1 {
			if err := s.store.OutboxPartSent(settle, it.ID, i+1); err != nil {
				s.log.Error("outbox: record part", "id", it.ID, "err", err)
			}
			continue
		}
		if err := s.store.OutboxSent(settle, it.ID, msg.ID); err != nil {
			s.log.Error("outbox: record sent", "id", it.ID, "err", err)
		}
	}
}

// pace waits for a 429 pause, the chat's interval and a place in the
// bot's pace; call finished when the send has returned.
func (s *Sender) pace(ctx context.Context, chat int64) (finished func(), err error) {
	if until := time.Unix(0, s.pauseUntil.Load()); time.Now().Before(until) {
		sleep(ctx, time.Until(until))
	}
	s.mu.Lock()
	last := s.lastSent[chat]
	s.mu.Unlock()
	if wait := s.cfg.PerChatInterval - time.Since(last); wait > 0 {
		sleep(ctx, wait)
	}
	if ctx.Err() != nil {
		return nil, errStopped
	}
	if finished, err = s.window.Wait(ctx, false); err != nil {
		return nil, errStopped
	}
	return finished, nil
}

func (s *Sender) markSent(chat int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lastSent[chat] = time.Now()
	if len(s.lastSent) > 100_000 {
		// Forget chats not written to for longer than the interval.
		for c, t := range s.lastSent {
			if time.Since(t) > s.cfg.PerChatInterval {
				delete(s.lastSent, c)
			}
		}
	}
}

func (s *Sender) settleError(ctx context.Context, it store.OutboxItem, err error) {
	outcome, wait := Classify(err)
	reason := err.Error()
	switch outcome {
	case RetryLater:
		// Every worker pauses, not only this one.
		s.pauseUntil.Store(time.Now().Add(wait).UnixNano())
		s.log.Warn("outbox: telegram asked to slow down", "retry_after", wait)
		_ = s.store.OutboxRetry(ctx, it.ID, wait, false, reason)
	case Transient:
		if it.Attempts+1 >= s.cfg.MaxAttempts {
			_ = s.store.OutboxFailed(ctx, it.ID, fmt.Sprintf("gave up after %d attempts: %s", it.Attempts+1, reason))
			return
		}
		_ = s.store.OutboxRetry(ctx, it.ID, backoff(it.Attempts), true, reason)
	case DeadChat:
		if err := s.store.SetChatInactive(ctx, it.ChatID, reason); err != nil {
			s.log.Error("outbox: mark chat inactive", "chat_id", it.ChatID, "err", err)
		}
	default:
		_ = s.store.OutboxFailed(ctx, it.ID, reason)
	}
}

// backoff is 1 s, 2 s, 4 s … capped at maxBackoff.
func backoff(attempts int) time.Duration {
	d := time.Second << min(attempts, 20)
	return min(d, maxBackoff)
}
