package benchmark

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

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

var (
	cityOnce sync.Once
	cityF    bot.Features
	cityErr  error
)

// city is the generated council (1,280,000 votes) with 100,000 generated
// businesses imported into the same database, and every feature built on
// it as the bot builds them.
func city(b *testing.B) bot.Features {
	b.Helper()
	st := council(b)
	cityOnce.Do(func() {
		path := filepath.Join(folder(b), "businesses.csv")
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
		env := importer.Env{Store: st, Config: config.Default()}
		if _, cityErr = importer.Run(context.Background(), env, "businesses", path); cityErr != nil {
			return
		}
		if cityF, cityErr = bot.NewFeatures(config.Default(), st, slog.New(slog.NewTextHandler(io.Discard, nil))); cityErr != nil {
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
// 100,000 businesses and the council's votes loaded). Every tenth operation
// is the location that answers "the nearest pharmacy".
func BenchmarkUnderstandAnswer(b *testing.B) { benchmarkAnswers(b, typed) }

// BenchmarkUnderstandAnswerDirect is BenchmarkUnderstandAnswer without the
// typedPages.
func BenchmarkUnderstandAnswerDirect(b *testing.B) { benchmarkAnswers(b, typedDirect) }

func benchmarkAnswers(b *testing.B, typed []string) {
	f := city(b)
	ctx := context.Background()
	langs := []*locales.Localizer{locales.New("uk"), locales.New("en")}
	var understandOnly []time.Duration
	measure(b, func(i int) error {
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
}
