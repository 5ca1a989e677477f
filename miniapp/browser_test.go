package miniapp_test

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// chromiumPath is Debian's chromium; .ci/run installs it when missing.
const chromiumPath = "/usr/bin/chromium"

// Telegram's light and dark themes (themeParams as a client sends them).
var (
	lightTheme = map[string]string{"bg_color": "#ffffff", "text_color": "#000000", "hint_color": "#707579",
		"link_color": "#2481cc", "button_color": "#2481cc", "button_text_color": "#ffffff", "secondary_bg_color": "#f1f1f1"}
	darkTheme = map[string]string{"bg_color": "#212121", "text_color": "#ffffff", "hint_color": "#aaaaaa",
		"link_color": "#8774e1", "button_color": "#8774e1", "button_text_color": "#ffffff", "secondary_bg_color": "#181818"}
)

// browser starts headless Chromium for the test, or skips it when Chromium
// is not installed. The network is closed here: map tiles never load, and
// nothing in the tests depends on them.
func browser(tb testing.TB) context.Context {
	tb.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		tb.Skipf("%s not installed (apt-get install chromium): skipping the browser test", chromiumPath)
	}
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(chromiumPath), chromedp.Headless, chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.UserDataDir(tb.TempDir()), chromedp.WindowSize(420, 820),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true)}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	tb.Cleanup(func() { cancel(); cancelAlloc() })
	require.NoError(tb, chromedp.Do(ctx)) // starts the browser
	return ctx
}

// appURL opens the Mini App the way Telegram does: launch parameters in the fragment.
func (f *fixture) appURL(lang string, theme map[string]string, query string) string {
	themeJSON, _ := json.Marshal(theme)
	return f.srv.URL + "/app/" + query + "#tgWebAppData=" + url.QueryEscape(initData(f.now.Add(-time.Minute), lang)) +
		"&tgWebAppThemeParams=" + url.QueryEscape(string(themeJSON)) + "&tgWebAppVersion=8.0&tgWebAppPlatform=android"
}

type mapCounts struct {
	Clusters    int `json:"clusters"`
	Pins        int `json:"pins"`
	Total       int `json:"total"`
	Loads       int `json:"loads"`
	DOMClusters int `json:"domClusters"`
	DOMPins     int `json:"domPins"`
}

const countsJS = `({clusters: nazar.counts.clusters, pins: nazar.counts.pins, total: nazar.counts.total, loads: nazar.loads,
	domClusters: document.querySelectorAll('.leaflet-marker-icon.cluster').length,
	domPins: document.querySelectorAll('path.biz-pin').length})`

// eval runs a JavaScript expression in the page and returns its value.
func eval[T any](ctx context.Context, t testing.TB, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	require.NoError(t, err, expr)
	return v
}

// waitFor polls a JavaScript condition until it is true.
func waitFor(ctx context.Context, t testing.TB, cond string) {
	t.Helper()
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(15*time.Second)))
	require.NoError(t, err, cond)
}

func do(ctx context.Context, t testing.TB, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	require.NoError(t, chromedp.Do(ctx, steps...))
}

func screenshot(ctx context.Context, t *testing.T, name string) {
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	require.NoError(t, err)
	dir := t.TempDir()
	if os.Getenv("NAZAR_SCREENSHOTS") == "1" { // make screenshots: refresh the README's pictures
		dir = filepath.Join("..", "docs", "screenshots")
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, name), png, 0o644))
}

func TestBrowserMapAndCouncil(t *testing.T) {
	ctx := browser(t)
	f := newFixture(t)
	do(ctx, t, chromedp.Navigate(f.appURL("uk", lightTheme, "")))
	waitFor(ctx, t, `window.nazar && nazar.ready`)
	all := eval[mapCounts](ctx, t, countsJS)
	assert.Positive(t, all.Total)
	assert.Positive(t, all.DOMClusters+all.DOMPins, "markers or clusters are drawn")
	assert.Equal(t, all.Clusters, all.DOMClusters, "one DOM cluster per cluster of the answer")
	assert.Equal(t, all.Pins, all.DOMPins, "one DOM pin per business of the answer")
	screenshot(ctx, t, "miniapp-map.png")

	eval[any](ctx, t, `(() => { const s = document.getElementById('section'); s.value = 'G';
		s.dispatchEvent(new Event('change')); return true; })()`)
	waitFor(ctx, t, `nazar.loads > `+strconv.Itoa(all.Loads))
	g := eval[mapCounts](ctx, t, countsJS)
	assert.Positive(t, g.Total)
	assert.Less(t, g.Total, all.Total, "the section filter narrows the map")

	do(ctx, t, chromedp.Click(chromedp.CSS(`#open-now`)))
	waitFor(ctx, t, `nazar.loads > `+strconv.Itoa(g.Loads))
	open := eval[mapCounts](ctx, t, countsJS)
	assert.LessOrEqual(t, open.Total, g.Total, "open now narrows it further")
	assert.Zero(t, eval[int](ctx, t, `document.querySelectorAll('path.biz-pin.is-closed').length`),
		"no closed business is shown with open now on")

	// The council table, in Telegram's dark theme and in English.
	do(ctx, t, chromedp.Navigate(f.appURL("en", darkTheme, "?view=council")))
	waitFor(ctx, t, `window.nazar && nazar.council`)
	want, err := f.store.CouncilDeputies(t.Context())
	require.NoError(t, err)
	rows := eval[int](ctx, t, `document.querySelectorAll('#deputies tbody tr').length`)
	assert.Equal(t, len(want), rows)
	assert.Equal(t, "Attendance", eval[string](ctx, t, `document.querySelector('th[data-sort=attendance]').textContent`))
	const attendance = `[...document.querySelectorAll('#deputies tbody tr td.attendance')]
		.map(td => parseFloat(td.textContent.replace(',', '.')))`
	do(ctx, t, chromedp.Click(chromedp.CSS(`th[data-sort=attendance]`)))
	values := eval[[]float64](ctx, t, attendance)
	require.Len(t, values, rows)
	for i := 1; i < len(values); i++ {
		assert.GreaterOrEqual(t, values[i-1], values[i], "sorted by attendance, highest first")
	}
	do(ctx, t, chromedp.Click(chromedp.CSS(`th[data-sort=attendance]`)))
	values = eval[[]float64](ctx, t, attendance)
	for i := 1; i < len(values); i++ {
		assert.LessOrEqual(t, values[i-1], values[i], "a second click: lowest first")
	}
	assert.Equal(t, "rgb(33, 33, 33)", eval[string](ctx, t, `getComputedStyle(document.body).backgroundColor`),
		"Telegram's dark theme colours the page")
	screenshot(ctx, t, "miniapp-council.png")
}
