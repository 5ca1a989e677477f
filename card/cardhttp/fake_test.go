package cardhttp

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

const (
	testNumber = "9876540000000031"
	testToken  = "s3cret-token"
)

// fakeAPI is the city's API as docs/card.md defines it, with one card and
// one application, plus switches for failure modes.
type fakeAPI struct {
	status atomic.Int32 // answer every request with this status when non-zero
	stall  atomic.Int64 // nanoseconds to wait before answering
	calls  atomic.Int32
}

func (f *fakeAPI) start(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return srv
}

func (f *fakeAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.calls.Add(1)
	// Reading the body first lets the server notice a client that gave up.
	var body struct {
		BirthDate string `json:"birth_date"`
	}
	_ = json.NewDecoder(r.Body).Decode(&body)
	if d := time.Duration(f.stall.Load()); d > 0 {
		select {
		case <-time.After(d):
		case <-r.Context().Done():
			return
		}
	}
	if r.Header.Get("Authorization") != "Bearer "+testToken {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	if s := f.status.Load(); s != 0 {
		w.WriteHeader(int(s))
		return
	}
	w.Header().Set("Content-Type", "application/json")
	switch path := r.URL.Path; {
	case path == "/api/cards/"+testNumber && r.Method == http.MethodGet:
		_, _ = w.Write([]byte(`{"number":"` + testNumber + `","category":"student","status":"active","valid_until":"2027-08-31",
			"balance_kopiykas":12345,"trips_left":40,"pending_kopiykas":5000,"updated_at":"2026-11-28T08:30:00+02:00"}`))
	case path == "/api/cards/"+testNumber+"/verify" && r.Method == http.MethodPost:
		_, _ = w.Write([]byte(`{"verified":` + map[bool]string{true: "true", false: "false"}[body.BirthDate == "2004-03-05"] + `}`))
	case path == "/api/cards/"+testNumber+"/operations" && r.URL.Query().Get("limit") == "10":
		_, _ = w.Write([]byte(`{"operations":[{"at":"2026-11-27T18:40:00+02:00","kind":"ride","amount_kopiykas":0,"trips":-1,"place":"Трамвай №2"},
			{"at":"2026-11-26T19:15:00+02:00","kind":"topup","amount_kopiykas":10000,"trips":0,"place":""}]}`))
	case path == "/api/applications/SC-1/status" && r.Method == http.MethodPost && body.BirthDate == "1958-08-23":
		_, _ = w.Write([]byte(`{"application_no":"SC-1","category":"pensioner","status":"ready","status_date":"2026-11-27","pickup_point":"cnap-centre","reason":""}`))
	case strings.HasPrefix(path, "/api/"):
		w.WriteHeader(http.StatusNotFound)
	default:
		w.WriteHeader(http.StatusBadRequest)
	}
}
