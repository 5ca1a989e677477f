// Package miniapp serves the Telegram Mini App (issue 18): the page itself
// at /app/ (embedded HTML, JS, CSS and Leaflet) and its JSON API under
// /app/api/, every call of which must carry Telegram's signed init data.
// The map's and the council's figures come from the same store queries and
// metric definitions as the chat's.
package miniapp

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"log/slog"
	"net/http"
	"time"

	"github.com/transparentcities/nazar/locales"
)

// Options configure the server.
type Options struct {
	BotToken string        // verifies the init data's signature
	MaxAge   time.Duration // oldest init data accepted
	TileURL  string        // map tiles, handed to the page
	Location *time.Location
	Now      func() time.Time
	Log      *slog.Logger
}

// Server is the Mini App's page and API.
type Server struct {
	opts     Options
	maps     *mapService
	council  CouncilSource
	business BusinessSource
}

// New builds the server; it reads nothing until a request comes.
func New(opts Options, business BusinessSource, council CouncilSource) *Server {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Location == nil {
		opts.Location = time.UTC
	}
	if opts.Log == nil {
		opts.Log = slog.Default()
	}
	return &Server{opts: opts, maps: newMapService(business), council: council, business: business}
}

// Register adds the page and the API to mux.
func (s *Server) Register(mux *http.ServeMux) {
	static, _ := fs.Sub(staticFiles, "static")
	files := http.StripPrefix("/app/", http.FileServerFS(static))
	mux.Handle("GET /app/", cacheFor(time.Hour, files))
	api := map[string]func(w http.ResponseWriter, r *http.Request, l *locales.Localizer) (any, error){
		"GET /app/api/session":               s.session,
		"GET /app/api/businesses":            s.businesses,
		"GET /app/api/businesses/{id}":       s.businessDetail,
		"GET /app/api/council/deputies":      s.deputies,
		"GET /app/api/council/deputies/{id}": s.deputy,
		"GET /app/api/council/events/{id}":   s.rollCall,
	}
	for pattern, h := range api {
		mux.Handle(pattern, s.authed(h))
	}
	mux.Handle("GET /app/api/", s.authed(func(http.ResponseWriter, *http.Request, *locales.Localizer) (any, error) {
		return nil, errNotFound
	}))
}

// cacheFor lets a browser keep the page's files a while (they change only
// with the binary).
func cacheFor(d time.Duration, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age="+itoa(int64(d.Seconds())))
		h.ServeHTTP(w, r)
	})
}

// apiError is an answer other than 200, with a message in the user's language.
type apiError struct {
	status int
	msgID  string
}

func (e *apiError) Error() string { return e.msgID }

var (
	errNotFound   = &apiError{http.StatusNotFound, locales.ID("miniapp_err_not_found")}
	errBadRequest = &apiError{http.StatusBadRequest, locales.ID("miniapp_err_bad_request")}
	errBadBBox    = &apiError{http.StatusBadRequest, locales.ID("miniapp_err_bbox")}
)

// authed checks the init data before anything is read: anything but valid,
// fresh init data gets 401 and no data. The user's language comes from it.
func (s *Server) authed(h func(http.ResponseWriter, *http.Request, *locales.Localizer) (any, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		d, err := Validate(r.Header.Get("X-Telegram-Init-Data"), s.opts.BotToken, s.opts.MaxAge, s.opts.Now())
		if err != nil {
			writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "unauthorized"})
			return
		}
		l := locales.New(d.User.LanguageCode)
		out, err := h(w, r, l)
		var ae *apiError
		switch {
		case errors.As(err, &ae):
			writeJSON(w, ae.status, map[string]string{"error": l.T(ae.msgID)})
		case err != nil:
			if !errors.Is(err, context.Canceled) {
				s.opts.Log.Error("miniapp api", "path", r.URL.Path, "err", err)
			}
			writeJSON(w, http.StatusInternalServerError, map[string]string{"error": l.T("miniapp_err_internal")})
		case out != nil:
			writeJSON(w, http.StatusOK, out)
		}
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
