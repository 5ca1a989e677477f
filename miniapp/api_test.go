package miniapp_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/business"
	"github.com/transparentcities/nazar/miniapp"
)

func (f *fixture) get(t *testing.T, path, init string) (int, []byte) {
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, f.srv.URL+path, nil)
	require.NoError(t, err)
	if init != "" {
		req.Header.Set("X-Telegram-Init-Data", init)
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return res.StatusCode, body
}

func (f *fixture) getJSON(t *testing.T, path string, into any) {
	status, body := f.get(t, path, initData(f.now.Add(-time.Minute), "uk"))
	require.Equal(t, http.StatusOK, status, string(body))
	require.NoError(t, json.Unmarshal(body, into))
}

const cityBBox = "bbox=23.9,49.7,24.2,49.95"

func TestAPIRefusesWithoutValidInitData(t *testing.T) {
	f := newFixture(t)
	valid := initData(f.now.Add(-time.Hour), "uk")
	wrong, _ := url.ParseQuery(valid)
	wrong.Set("hash", "00"+wrong.Get("hash")[2:])
	other := miniapp.Sign(url.Values{"auth_date": {"1"}}, "999:ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ")
	paths := []string{"/app/api/session", "/app/api/businesses?" + cityBBox + "&zoom=13", "/app/api/businesses/1",
		"/app/api/council/deputies", "/app/api/council/deputies/1", "/app/api/council/events/1", "/app/api/nope"}
	cases := map[string]string{
		"missing":      "",
		"wrong hash":   wrong.Encode(),
		"old":          initData(f.now.Add(-25*time.Hour), "uk"),
		"other bot":    other,
		"not a string": "garbage",
	}
	for name, init := range cases {
		for _, p := range paths {
			status, body := f.get(t, p, init)
			assert.Equal(t, http.StatusUnauthorized, status, "%s %s", name, p)
			assert.JSONEq(t, `{"error":"unauthorized"}`, string(body), "no data: %s %s", name, p)
		}
	}
	status, _ := f.get(t, "/app/api/session", valid)
	assert.Equal(t, http.StatusOK, status)
}

func TestPageIsServedWithoutInitData(t *testing.T) {
	f := newFixture(t)
	for _, p := range []string{"/app/", "/app/app.js", "/app/vendor/leaflet/leaflet.js", "/app/vendor/leaflet/LICENSE"} {
		status, body := f.get(t, p, "")
		assert.Equal(t, http.StatusOK, status, p)
		assert.NotEmpty(t, body, p)
	}
	_, page := f.get(t, "/app/", "")
	assert.NotContains(t, string(page), "https://", "the page loads nothing from other sites (tiles come from the API's tile_url)")
}

func TestSessionSpeaksTheUsersLanguage(t *testing.T) {
	f := newFixture(t)
	var en, uk struct {
		Lang    string            `json:"lang"`
		Strings map[string]string `json:"strings"`
		TileURL string            `json:"tile_url"`
		Bounds  []float64         `json:"bounds"`
	}
	_, body := f.get(t, "/app/api/session", initData(f.now, "en-GB"))
	require.NoError(t, json.Unmarshal(body, &en))
	f.getJSON(t, "/app/api/session", &uk)
	assert.Equal(t, "en", en.Lang)
	assert.Equal(t, "Open now", en.Strings["open_now"])
	assert.Equal(t, "Відчинено зараз", uk.Strings["open_now"])
	assert.Equal(t, "https://tile.openstreetmap.org/{z}/{x}/{y}.png", uk.TileURL)
	require.Len(t, uk.Bounds, 4, "the page starts on the directory's extent")
}

func TestBusinessesAPI(t *testing.T) {
	f := newFixture(t)
	var all, g, open, pharmacy, wide miniapp.MapView
	f.getJSON(t, "/app/api/businesses?"+cityBBox+"&zoom=18", &all)
	f.getJSON(t, "/app/api/businesses?"+cityBBox+"&zoom=18&section=G", &g)
	f.getJSON(t, "/app/api/businesses?"+cityBBox+"&zoom=18&open_now=1", &open)
	f.getJSON(t, "/app/api/businesses?"+cityBBox+"&zoom=18&q=аптека", &pharmacy)
	f.getJSON(t, "/app/api/businesses?"+cityBBox+"&zoom=10", &wide)
	require.Greater(t, all.Total, 100)
	assert.Len(t, all.Businesses, all.Total, "close zoom: every business on its own")
	assert.Positive(t, g.Total)
	assert.Less(t, g.Total, all.Total)
	for _, p := range g.Businesses {
		assert.Equal(t, "G", p.Section)
	}
	assert.Positive(t, open.Total)
	assert.Less(t, open.Total, all.Total)
	for _, p := range open.Businesses {
		require.NotNil(t, p.Open, p.Name)
		assert.True(t, *p.Open, p.Name)
	}
	assert.Positive(t, pharmacy.Total)
	assert.Less(t, pharmacy.Total, all.Total)
	_, chatTotal, err := f.store.SearchBusinesses(t.Context(), business.MatchQuery("аптека"), 0, 1)
	require.NoError(t, err)
	assert.Equal(t, chatTotal, pharmacy.Total, "the map finds what the chat's search finds (all demo businesses have a point)")
	var sum int
	for _, c := range wide.Clusters {
		sum += c.Count
	}
	assert.Equal(t, all.Total, sum+len(wide.Businesses), "a wide view clusters the same businesses")

	for _, bad := range []string{"bbox=1,2,3&zoom=3", "bbox=24.2,49.7,23.9,49.9&zoom=3", cityBBox + "&zoom=40",
		cityBBox + "&zoom=x", cityBBox + "&zoom=3&section=Z"} {
		status, body := f.get(t, "/app/api/businesses?"+bad, initData(f.now, "en"))
		assert.Equal(t, http.StatusBadRequest, status, bad)
		assert.Contains(t, string(body), `"error":"Bad`, "a localised reason: %s", bad)
	}
}

func TestBusinessCard(t *testing.T) {
	f := newFixture(t)
	var card miniapp.BusinessCard
	f.getJSON(t, "/app/api/businesses/1", &card)
	assert.Equal(t, "Аптека «Здоров'я»", card.Name)
	assert.Equal(t, "tel:+380322223344", card.CallURL)
	assert.Equal(t, "https://zdorovia.example.ua", card.Website)
	assert.Contains(t, card.RouteURL, "destination=49.840200%2C24.030100")
	require.NotNil(t, card.Open)
	assert.True(t, *card.Open, "Monday 11:00, Пн-Пт 08:00-20:00")
	status, _ := f.get(t, "/app/api/businesses/999999", initData(f.now, "uk"))
	assert.Equal(t, http.StatusNotFound, status)
}
