package bot_test

import (
	"io"
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/bottest"
	"github.com/transparentcities/nazar/bot/sandbox"
	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/importer"
	"github.com/transparentcities/nazar/miniapp"
)

const publicURL = "https://bot.example.org/app/"

func startMiniApp(t *testing.T, public string) *bottest.Harness {
	t.Helper()
	h := bottest.Start(t, func(c *config.Config) { c.MiniApp.PublicURL = public })
	env := importer.Env{Store: h.Store, Config: h.Config}
	_, err := importer.Run(t.Context(), env, "council", "../demo/data/council")
	require.NoError(t, err)
	_, err = importer.Run(t.Context(), env, "businesses", demoBusinesses)
	require.NoError(t, err)
	return h
}

func webApps(m sandbox.Message) []string {
	var out []string
	for _, row := range m.Inline {
		for _, b := range row {
			if b.WebApp != "" {
				out = append(out, b.WebApp)
			}
		}
	}
	return out
}

func httpGet(t *testing.T, h *bottest.Harness, path, init string) (int, string) {
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, "http://"+h.HTTPAddr+path, nil)
	require.NoError(t, err)
	if init != "" {
		req.Header.Set("X-Telegram-Init-Data", init)
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(body)
}

func TestMiniAppWithPublicURL(t *testing.T) {
	h := startMiniApp(t, publicURL)
	council := h.Say(bottest.Uk, "/council")
	assert.Equal(t, []string{publicURL + "?view=council"}, webApps(council))
	assert.Equal(t, []string{publicURL}, webApps(h.Say(bottest.En, "/business")))
	assert.Equal(t, map[int64]sandbox.MenuButton{0: {Type: "web_app", Text: "Мапа і рада", URL: publicURL}},
		h.SB.MenuButtons(), "the chat's menu button opens the Mini App")

	status, page := httpGet(t, h, "/app/", "")
	assert.Equal(t, http.StatusOK, status)
	assert.Contains(t, page, "vendor/leaflet/leaflet.js")
	init := miniapp.Sign(url.Values{"auth_date": {strconv.FormatInt(h.Clock.Now().Unix(), 10)},
		"user": {`{"id":501,"first_name":"Оксана","language_code":"uk"}`}}, bottest.Token)
	status, body := httpGet(t, h, "/app/api/council/deputies", init)
	assert.Equal(t, http.StatusOK, status)
	assert.Contains(t, body, "Гнатюк Олександр Петрович")
	status, _ = httpGet(t, h, "/app/api/council/deputies", "")
	assert.Equal(t, http.StatusUnauthorized, status)
}

func TestMiniAppWithoutPublicURL(t *testing.T) {
	h := startMiniApp(t, "")
	assert.Empty(t, webApps(h.Say(bottest.Uk, "/council")), "no public address: no Mini App buttons")
	assert.Empty(t, webApps(h.Say(bottest.Uk, "/business")))
	assert.Empty(t, h.SB.MenuButtons())
	status, _ := httpGet(t, h, "/app/", "")
	assert.Equal(t, http.StatusOK, status, "/app/ is still served")
}

func TestChartsInTheChat(t *testing.T) {
	h := startMiniApp(t, "")
	card := h.Say(bottest.Uk, "/deputy Гнатюк")
	photo := h.Press(bottest.Uk, card, "📊 Графік")
	require.Equal(t, "sendPhoto", photo.Method)
	require.NotNil(t, photo.Photo)
	assert.Equal(t, "png", photo.Photo.Format)
	assert.GreaterOrEqual(t, photo.Photo.Width, 800)
	assert.Contains(t, photo.Photo.Caption, "Гнатюк Олександр Петрович")
	again := h.Press(bottest.Uk, card, "📊 Графік")
	assert.Equal(t, photo.Photo.Bytes, again.Photo.Bytes, "the same data: the cached picture")

	m := h.Say(bottest.En, "/council")
	m = h.Press(bottest.En, m, "👥 Factions")
	m = h.Press(bottest.En, m, "Нова сила (3)")
	chart := h.Press(bottest.En, m, "📊 Chart")
	require.NotNil(t, chart.Photo)
	assert.Contains(t, chart.Photo.Caption, "Нова сила: members' attendance by month")
}
