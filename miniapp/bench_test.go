package miniapp_test

import (
	"bytes"
	"context"
	"math"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/transparentcities/nazar/business/demogen"
	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/importer"
	"github.com/transparentcities/nazar/miniapp"
	"github.com/transparentcities/nazar/store"
)

var (
	bigOnce sync.Once
	bigMux  *http.ServeMux
	bigErr  error
)

// bigCity serves the Mini App over 100,000 generated businesses (the
// generator of business/benchmark), once per test binary.
func bigCity(b *testing.B) *http.ServeMux {
	bigOnce.Do(func() {
		dir, err := os.MkdirTemp("", "nazar-miniapp-bench-")
		if bigErr = err; err != nil {
			return
		}
		csv := filepath.Join(dir, "businesses.csv")
		var buf bytes.Buffer
		if bigErr = demogen.Write(&buf, demogen.Generate(100_000, 42, 10)); bigErr != nil {
			return
		}
		if bigErr = os.WriteFile(csv, buf.Bytes(), 0o644); bigErr != nil {
			return
		}
		st, err := store.Open(filepath.Join(dir, "nazar.db"), store.Options{})
		if bigErr = err; err != nil {
			return
		}
		if _, bigErr = st.Migrate(context.Background()); bigErr != nil {
			return
		}
		if _, bigErr = importer.Run(context.Background(), importer.Env{Store: st, Config: config.Default()}, "businesses", csv); bigErr != nil {
			return
		}
		kyiv, _ := time.LoadLocation("Europe/Kyiv")
		app := miniapp.New(miniapp.Options{BotToken: botToken, MaxAge: 24 * time.Hour, TileURL: config.DefaultTileURL,
			Location: kyiv, Now: func() time.Time { return monday11 }}, st, st)
		bigMux = http.NewServeMux()
		app.Register(bigMux)
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	return bigMux
}

// viewport is the bbox a 420×800 px phone screen shows around a point at zoom.
func viewport(lat, lon float64, zoom int) string {
	degPerPx := 360 / (256 * math.Exp2(float64(zoom)))
	dLon, dLat := 210*degPerPx, 400*degPerPx*math.Cos(lat*math.Pi/180)
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', 6, 64) }
	return f(lon-dLon) + "," + f(lat-dLat) + "," + f(lon+dLon) + "," + f(lat+dLat)
}

// BenchmarkMapViewport is GET /app/api/businesses over 100,000 businesses
// for random viewports of a phone: zoom 10 (the whole city and beyond) to 18
// (a street), with no filter, a section, open now, a search, or all three;
// init data checked and JSON written, as a request is served. It reports
// the p50 and p99 of per-request latencies.
func BenchmarkMapViewport(b *testing.B) {
	mux := bigCity(b)
	init := initData(monday11.Add(-time.Minute), "uk")
	filters := []string{"", "&section=G", "&open_now=1", "&q=аптека", "&section=I&open_now=1&q=кава"}
	r := rand.New(rand.NewPCG(3, 4))
	// One request first: the index is built from the store on first use.
	serve(b, mux, "/app/api/businesses?bbox="+viewport(demogen.Centre[0], demogen.Centre[1], 12)+"&zoom=12", init)
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		zoom := 10 + r.IntN(9)
		d, a := 8000*math.Sqrt(r.Float64()), r.Float64()*2*math.Pi
		plat := demogen.Centre[0] + d*math.Cos(a)/111_195
		plon := demogen.Centre[1] + d*math.Sin(a)/(111_195*math.Cos(demogen.Centre[0]*math.Pi/180))
		path := "/app/api/businesses?bbox=" + url.QueryEscape(viewport(plat, plon, zoom)) + "&zoom=" + strconv.Itoa(zoom) +
			filters[r.IntN(len(filters))]
		t := time.Now()
		serve(b, mux, path, init)
		lat = append(lat, time.Since(t))
	}
	// On a machine shared with other jobs the wall-clock tail is mostly
	// waiting for a CPU; the CPU time per request tells the work itself.
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	report(b, lat)
}

// cpuTime is the process's user and system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func serve(b *testing.B, mux *http.ServeMux, path, init string) {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Header.Set("X-Telegram-Init-Data", init)
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		b.Fatalf("%s: %d %s", path, rec.Code, rec.Body.String())
	}
}

// BenchmarkFirstRender opens the Mini App in headless Chromium (a fresh tab
// each time, the demo city) and reports the time from navigation start until
// the map has drawn its first answer (performance.now() at that moment).
func BenchmarkFirstRender(b *testing.B) {
	browserCtx := browser(b)
	f := newFixture(b)
	target := f.appURL("uk", lightTheme, "")
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ctx, cancel := chromedp.NewContext(browserCtx)
		do(ctx, b, chromedp.Navigate(target))
		waitFor(ctx, b, `window.nazar && nazar.ready`)
		ms := eval[float64](ctx, b, `nazar.firstRenderMs`)
		cancel()
		times = append(times, time.Duration(ms*float64(time.Millisecond)))
	}
	report(b, times)
}

// report adds the p50 and p99 of the latencies in milliseconds.
func report(b *testing.B, lat []time.Duration) {
	if len(lat) == 0 {
		return
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	at := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(math.Ceil(p*float64(len(lat))))-1)].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
}
