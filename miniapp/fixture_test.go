package miniapp_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/demo"
	"github.com/transparentcities/nazar/importer"
	"github.com/transparentcities/nazar/miniapp"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/store/storetest"
)

const botToken = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghi"

// monday11 is a Monday late morning in Kyiv: most demo businesses are open.
var monday11 = time.Date(2026, 11, 30, 11, 0, 0, 0, time.FixedZone("EET", 2*3600))

type fixture struct {
	srv   *httptest.Server
	store *store.Store
	now   time.Time
}

// newFixture serves the Mini App over the demo city's data.
func newFixture(t testing.TB) *fixture {
	st := storetest.Open(t, nil)
	_, err := demo.Load(t.Context(), importer.Env{Store: st, Config: config.Default()}, monday11)
	require.NoError(t, err)
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	require.NoError(t, err)
	f := &fixture{store: st, now: monday11}
	app := miniapp.New(miniapp.Options{BotToken: botToken, MaxAge: 24 * time.Hour, TileURL: config.DefaultTileURL,
		Location: kyiv, Now: func() time.Time { return f.now }}, st, st)
	mux := http.NewServeMux()
	app.Register(mux)
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	return f
}

// initData is what Telegram would hand the page of a user speaking lang.
func initData(at time.Time, lang string) string {
	return miniapp.Sign(url.Values{"auth_date": {strconv.FormatInt(at.Unix(), 10)},
		"user": {`{"id":42,"first_name":"Оля","language_code":"` + lang + `"}`}}, botToken)
}
