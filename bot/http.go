package bot

import (
	"context"
	"crypto/subtle"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"
)

// The HTTP server's limits. Telegram keeps up to setWebhook's
// max_connections (40 by default, 100 at most) open to the webhook, so the
// cap leaves room for /healthz and /metrics; a client past it waits in the
// kernel's accept queue. The timeouts stop slow or idle clients holding
// one of those slots: a request must arrive in 10 s and be read in 30 s.
const (
	maxConnections    = 128 // per listener
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 30 * time.Second
	// writeTimeout covers the handler too: storing an update waits at most
	// database.busy_timeout (5 s by default) for a locked database.
	writeTimeout   = 30 * time.Second
	idleTimeout    = 2 * time.Minute
	maxHeaderBytes = 64 << 10
)

// httpServers are the bot's HTTP servers: the main one (webhook, /healthz,
// and /metrics unless http.metrics_listen moves it) and the metrics one.
type httpServers []*http.Server

// serveHTTP starts /healthz, /metrics and, in webhook mode, the webhook.
func (a *App) serveHTTP() (httpServers, error) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", a.healthz)
	separateMetrics := a.cfg.HTTP.MetricsListen != ""
	if !separateMetrics {
		mux.Handle("GET /metrics", a.Metrics.Handler())
	}
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
	var servers httpServers
	srv, err := a.startServer("http", mux, a.listener, a.cfg.HTTP.Listen)
	if err != nil {
		return nil, err
	}
	servers = append(servers, srv)
	if separateMetrics {
		metrics := http.NewServeMux()
		metrics.Handle("GET /metrics", a.Metrics.Handler())
		metrics.HandleFunc("GET /healthz", a.healthz)
		srv, err := a.startServer("metrics", metrics, a.metricsListener, a.cfg.HTTP.MetricsListen)
		if err != nil {
			a.shutdownHTTP(servers)
			return nil, err
		}
		servers = append(servers, srv)
	}
	return servers, nil
}

// startServer serves h on ln, or on a new listener at addr when ln is nil.
func (a *App) startServer(name string, h http.Handler, ln net.Listener, addr string) (*http.Server, error) {
	if ln == nil {
		var err error
		if ln, err = net.Listen("tcp", addr); err != nil {
			return nil, err
		}
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: readHeaderTimeout, ReadTimeout: readTimeout,
		WriteTimeout: writeTimeout, IdleTimeout: idleTimeout, MaxHeaderBytes: maxHeaderBytes}
	go func() {
		if err := srv.Serve(limitListener(ln, maxConnections)); err != nil && !errors.Is(err, http.ErrServerClosed) {
			a.log.Error(name+" server", "err", err)
		}
	}()
	a.log.Info(name+" listening", "addr", ln.Addr().String())
	return srv, nil
}

func (a *App) shutdownHTTP(servers httpServers) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for _, srv := range servers {
		_ = srv.Shutdown(ctx)
	}
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
// answers 401 and compares in constant time. A body that is not exactly one
// update gets 400 and is neither stored nor handled (webhook_body.go).
func (a *App) webhook(w http.ResponseWriter, r *http.Request) {
	got := r.Header.Get("X-Telegram-Bot-Api-Secret-Token")
	if subtle.ConstantTimeCompare([]byte(got), []byte(a.cfg.Telegram.SecretToken)) != 1 {
		a.log.Warn("webhook request with a wrong secret token", "remote", r.RemoteAddr)
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	upd, status, err := readUpdate(w, r)
	if err != nil {
		a.log.Warn("webhook request refused", "status", status, "err", err)
		http.Error(w, err.Error(), status)
		return
	}
	if a.accept(context.WithoutCancel(r.Context()), upd) && !a.disp.Enqueue(upd) {
		// Shutting down: the stored copy is replayed at the next start, and a
		// non-2xx makes Telegram deliver it again (then skipped as a duplicate).
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusOK)
}
