package benchmark

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"sync"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	nazarapp "github.com/transparentcities/nazar/app"
	"github.com/transparentcities/nazar/bot"
	"github.com/transparentcities/nazar/business/demogen"
	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/importer"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
)

// typed are the questions of the understanding benchmark: every kind of
// answer (deputy card, leaderboard, decisions search, category list, name
// search, EDRPOU, card and voucher flows, choices, sections), in both
// languages, with case forms and typos.
var typed = append(append([]string(nil), typedDirect...), typedPages...)

// typedDirect are answered by a card, a leaderboard, a category, a flow's
// first step: what a resident waits for after typing.
var typedDirect = []string{
	"як голосував Прізвище07", "Прізвище12", "депутат Прізвищем03", "хто прогулює сесії", "де найближча аптека?",
	"аптека", "pharmacy", "кав'ярня", "СТО", "ремонт авто", "21560766", "баланс картки", "чи готова моя картка",
	"загубив картку", "калькулятор ваучера", "статус заявки LV-2026-000101", "підписатися на дайджест",
	"повідомити про фейк", "ваучер картка", "ывфапрол", "how did Prizvyshche07 vote", "coffee near me",
	"lowest attendance", "балланс картки",
}

// typedPages open pages whose own queries are the cost, whoever opens them
// (a button or a typed question): the factions page computes every
// faction's discipline over all votes, a decisions or business search
// scans titles or ranks full-text matches, the sessions list counts items.
var typedPages = []string{"фракції", "рішення про бюджет", "decisions about parking", "остання сесія", "Злагода", "будсервіс"}

// issue17 is the council of issue 17's speed figure: 64 deputies × 35,200
// events = 2,252,800 votes, the 2.25 M the issue names.
var issue17 = shape{deputies, bigEvents}

var (
	cityOnce sync.Once
	cityDir  string // removed by TestMain
	cityF    bot.Features
	cityErr  error
)

// city is the issue17 council with 100,000 generated businesses imported
// into the same database, and every feature built on it as the bot builds
// them; generated once per test binary (about 20 s).
func city(b *testing.B) bot.Features {
	b.Helper()
	cityOnce.Do(func() {
		if cityDir, cityErr = os.MkdirTemp("", "nazar-council-city-"); cityErr != nil {
			return
		}
		if cityErr = generate(cityDir, issue17); cityErr != nil {
			return
		}
		st := openStore(b, filepath.Join(cityDir, "imported.db"))
		env := importer.Env{Store: st, Config: config.Default()}
		if _, cityErr = importer.Run(context.Background(), env, "council", cityDir); cityErr != nil {
			return
		}
		path := filepath.Join(cityDir, "businesses.csv")
		f, err := os.Create(path)
		if err != nil {
			cityErr = err
			return
		}
		if cityErr = demogen.Write(f, demogen.Generate(100_000, 42, 10)); cityErr != nil {
			f.Close()
			return
		}
		f.Close()
		if _, cityErr = importer.Run(context.Background(), env, "businesses", path); cityErr != nil {
			return
		}
		if cityF, cityErr = nazarapp.NewFeatures(config.Default(), st, slog.New(slog.NewTextHandler(io.Discard, nil))); cityErr != nil {
			return
		}
		// The resident asking: subscribing and card links need a user row.
		if _, cityErr = st.TouchUser(context.Background(), store.SeenUser{ID: 1, ChatID: 1, FirstName: "B",
			Language: "uk"}); cityErr != nil {
			return
		}
		_, cityErr = cityF.Names.Refresh(context.Background())
	})
	if cityErr != nil {
		b.Fatal(cityErr)
	}
	return cityF
}

// BenchmarkUnderstandAnswer reads a typed question and answers it with the
// feature it names, database queries included (issue 17: p99 ≤ 5 ms with
// 100,000 businesses and 2.25 M council votes loaded). Every tenth operation
// is the location that answers "the nearest pharmacy".
func BenchmarkUnderstandAnswer(b *testing.B) { benchmarkAnswers(b, typed) }

// BenchmarkUnderstandAnswerDirect is BenchmarkUnderstandAnswer without the
// typedPages.
func BenchmarkUnderstandAnswerDirect(b *testing.B) { benchmarkAnswers(b, typedDirect) }

func benchmarkAnswers(b *testing.B, typed []string) {
	f := city(b)
	ctx := context.Background()
	langs := []*locales.Localizer{locales.New("uk"), locales.New("en")}
	var understandOnly, cpu []time.Duration
	// On a shared machine the wall-clock tail is mostly waiting for a CPU;
	// the CPU time of each answer (on this locked thread: the handlers, the
	// SQLite calls and any GC assist all run here) tells the work itself.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	measure(b, func(i int) error {
		if c0, ok := threadCPU(); ok {
			defer func() {
				if c1, ok := threadCPU(); ok {
					cpu = append(cpu, c1-c0)
				}
			}()
		}
		req := &handlers.Request{ChatID: 1, UserID: 1, L: langs[i%2], Now: time.Now()}
		if i%10 == 9 {
			req.Conv = handlers.Step("u", "near", map[string]string{"cat": "pharmacy"})
			req.Location = &handlers.Location{Lat: 49.8397 + float64(i%7)*0.01, Lon: 24.0297}
			_, err := f.Understand.Step(ctx, req)
			return err
		}
		req.Text = typed[i%len(typed)]
		t := time.Now()
		f.Understand.Engine.Understand(req.Text)
		understandOnly = append(understandOnly, time.Since(t))
		_, err := f.Understand.Text(ctx, req)
		return err
	})
	sort.Slice(understandOnly, func(i, j int) bool { return understandOnly[i] < understandOnly[j] })
	b.ReportMetric(float64(understandOnly[len(understandOnly)*99/100])/1e6, "understand-p99-ms")
	if len(cpu) > 0 {
		slices.Sort(cpu)
		b.ReportMetric(float64(cpu[len(cpu)*99/100])/1e6, "cpu-p99-ms")
	}
}

// threadCPU is the calling thread's CPU time, to the nanosecond
// (getrusage's thread times move in scheduler ticks); false when the system
// has no such clock.
func threadCPU() (time.Duration, bool) {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		return 0, false
	}
	return time.Duration(ts.Nano()), true
}
