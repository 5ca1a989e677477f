package sandbox

import (
	"bytes"
	"net/http"
	"time"
)

// webhookRetry is how long delivery waits after the bot refused an update.
const webhookRetry = 50 * time.Millisecond

// deliverWebhook posts queued updates to url one at a time, in order, with
// the secret in X-Telegram-Bot-Api-Secret-Token, as Telegram does: an update
// leaves the queue only when the bot answers 2xx, otherwise it is retried.
func (s *Server) deliverWebhook(url, secret string, stop <-chan struct{}) {
	client := &http.Client{Timeout: 10 * time.Second}
	for {
		s.mu.Lock()
		var next *pendingUpdate
		if len(s.updates) > 0 {
			next = &s.updates[0]
		}
		wake := s.arrived
		s.mu.Unlock()
		if next == nil {
			select {
			case <-wake:
				continue
			case <-stop:
				return
			case <-s.done:
				return
			}
		}
		ok := postUpdate(client, url, secret, next.raw)
		if ok {
			s.confirmBelow(next.id + 1)
			continue
		}
		select {
		case <-time.After(webhookRetry):
		case <-stop:
			return
		case <-s.done:
			return
		}
	}
}

func postUpdate(client *http.Client, url, secret string, raw []byte) bool {
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(raw))
	if err != nil {
		return false
	}
	req.Header.Set("Content-Type", "application/json")
	if secret != "" {
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
	}
	resp, err := client.Do(req)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode/100 == 2
}

// stopWebhookLocked ends webhook delivery; the caller holds s.mu.
func (s *Server) stopWebhookLocked() {
	if s.webhookStop != nil {
		close(s.webhookStop)
		s.webhookStop = nil
	}
	s.webhookURL = ""
}
