package bot

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"

	"github.com/go-telegram/bot/models"
)

// maxUpdateBytes bounds a webhook body; real updates are a few kilobytes.
const maxUpdateBytes = 1 << 20

// serveHTTP starts /healthz, /metrics and, in webhook mode, the webhook.
func (a *App) serveHTTP() (*http.Server, error) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", a.healthz)
	mux.Handle("GET /metrics", a.Metrics.Handler())
	a.newMiniApp().Register(mux)
	if a.cfg.Telegram.Mode == "webhook" {
		u, err := url.Parse(a.cfg.Telegram.WebhookURL)
		if err != nil {
			return nil, err
		}
		path := u.Path
		if path == "" {
			path = "/"
		}
		mux.HandleFunc("POST "+path, a.webhook)
	}
	ln := a.listener
	if ln == nil {
		var err error
		if ln, err = net.Listen("tcp", a.cfg.HTTP.Listen); err != nil {
			return nil, err
		}
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			a.log.Error("http server", "err", err)
		}
	}()
	a.log.Info("http listening", "addr", ln.Addr().String())
	return srv, nil
}

func (a *App) shutdownHTTP(srv *http.Server) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = srv.Shutdown(ctx)
}

func (a *App) healthz(w http.ResponseWriter, r *http.Request) {
	if err := a.store.Ping(r.Context()); err != nil {
		http.Error(w, "database unavailable", http.StatusServiceUnavailable)
		return
	}
	_, _ = io.WriteString(w, "ok\n")
}

// webhook accepts an update only with the right secret token. The library's
// own handler answers 200 to a wrong secret and compares with !=; this one
// answers 401 and compares in constant time.
func (a *App) webhook(w http.ResponseWriter, r *http.Request) {
	got := r.Header.Get("X-Telegram-Bot-Api-Secret-Token")
	if subtle.ConstantTimeCompare([]byte(got), []byte(a.cfg.Telegram.SecretToken)) != 1 {
		a.log.Warn("webhook request with a wrong secret token", "remote", r.RemoteAddr)
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	var upd models.Update
	if err := json.NewDecoder(io.LimitReader(r.Body, maxUpdateBytes)).Decode(&upd); err != nil {
		http.Error(w, "bad update", http.StatusBadRequest)
		return
	}
	if a.accept(context.WithoutCancel(r.Context()), &upd) && !a.disp.Enqueue(&upd) {
		// Shutting down: the stored copy is replayed at the next start, and a
		// non-2xx makes Telegram deliver it again (then skipped as a duplicate).
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusOK)
}
