package understand_test

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/forms"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/understand"
)

// demoEngine is the engine with the shipped word lists and the demo
// city's deputies and businesses.
func demoEngine(t testing.TB) *understand.Engine {
	t.Helper()
	lx, err := understand.LoadLexicon(locales.IntentFiles())
	require.NoError(t, err)
	e := understand.New(lx)
	catalog, err := forms.Load("")
	require.NoError(t, err)
	for _, f := range catalog.Forms {
		for _, title := range f.Title {
			e.AddTitle("form."+f.ID, title)
		}
	}
	e.SetNames(understand.Names{Deputies: demoDeputies(t), Businesses: demoBusinesses(t)})
	return e
}

func readCSV(t testing.TB, path string, comma rune) [][]string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = comma
	rows, err := r.ReadAll()
	require.NoError(t, err)
	return rows[1:]
}

func demoDeputies(t testing.TB) []understand.Deputy {
	var out []understand.Deputy
	for i, row := range readCSV(t, "../demo/data/council/deputies.csv", ';') {
		out = append(out, understand.Deputy{ID: int64(i + 1), FullName: row[2] + " " + row[3] + " " + row[4]})
	}
	return out
}

func demoBusinesses(t testing.TB) []string {
	var out []string
	for _, row := range readCSV(t, "../demo/data/business/businesses.csv", ',') {
		out = append(out, row[2])
	}
	return out
}

// phrasing is one line of testdata/understand.tsv.
type phrasing struct {
	lang, text, intent, entity string
	menu                       bool
}

func readCorpus(t testing.TB) []phrasing {
	f, err := os.Open("testdata/understand.tsv")
	require.NoError(t, err)
	defer f.Close()
	var out []phrasing
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		require.GreaterOrEqual(t, len(c), 4, line)
		out = append(out, phrasing{lang: c[0], text: c[1], intent: c[2], entity: c[3], menu: len(c) > 4 && c[4] == "menu"})
	}
	require.NoError(t, sc.Err())
	return out
}

// entityOK checks the best candidate's entity against "kind:value": names
// and words are compared folded (the value is part of the entity's).
func entityOK(c understand.Candidate, want string) bool {
	if want == "-" {
		return true
	}
	kind, value, _ := strings.Cut(want, ":")
	if c.Entity.Kind != map[string]string{"deputy": understand.KindDeputy, "category": understand.KindCategory,
		"edrpou": understand.KindEDRPOU, "app": understand.KindAppNumber, "card": understand.KindCardNumber,
		"words": understand.KindWords}[kind] {
		return false
	}
	return strings.Contains(understand.Fold(c.Entity.Value), understand.Fold(value))
}

// TestCorpus runs the public corpus: at least 95 % of the phrasings get
// the expected intent as the best reading, every phrasing that names a
// menu button does, and entities are right where the intent is.
func TestCorpus(t *testing.T) {
	e := demoEngine(t)
	corpus := readCorpus(t)
	require.GreaterOrEqual(t, len(corpus), 200)
	intentOK, entityGood, withEntity, langs := 0, 0, 0, map[string]int{}
	var misses []string
	for _, p := range corpus {
		langs[p.lang]++
		best, _ := e.Understand(p.text).Best()
		okIntent := best.Intent == p.intent
		if okIntent {
			intentOK++
		}
		if p.entity != "-" {
			withEntity++
			if okIntent && entityOK(best, p.entity) {
				entityGood++
			}
		}
		if !okIntent || !entityOK(best, p.entity) {
			misses = append(misses, fmt.Sprintf("%s %q: got %s %+v, want %s %s", p.lang, p.text, best.Intent, best.Entity, p.intent, p.entity))
			assert.False(t, p.menu, "a menu phrasing must be understood: %q → %s", p.text, best.Intent)
		}
	}
	acc := float64(intentOK) / float64(len(corpus))
	t.Logf("corpus: %d phrasings (uk %d, en %d): intent %d/%d = %.1f %%, entity %d/%d",
		len(corpus), langs["uk"], langs["en"], intentOK, len(corpus), 100*acc, entityGood, withEntity)
	for _, m := range misses {
		t.Log("miss: " + m)
	}
	assert.GreaterOrEqual(t, acc, 0.95)
	assert.GreaterOrEqual(t, float64(entityGood)/float64(withEntity), 0.95)
}

// TestMenuLabelsAreUnderstood types every menu and section button's label
// (without its emoji) in both languages: each must read as what the button
// does.
func TestMenuLabelsAreUnderstood(t *testing.T) {
	e := demoEngine(t)
	labels := map[string]string{
		"card_menu_label": "card.menu", "council_menu_label": "council.menu", "business_menu_label": "business.menu",
		"voucher_menu_label": "voucher.menu", "menu_digest": "digest.menu", "menu_services": "services.menu",
		"menu_help": "core.help", "menu_language": "core.language", "menu_privacy": "core.privacy",
		"card_btn_howto": "card.howto", "card_btn_ready": "card.ready", "card_btn_link": "card.link",
		"card_btn_mine": "card.balance", "council_btn_find": "council.deputy", "council_btn_sessions": "council.sessions",
		"council_btn_decisions": "council.decisions", "council_btn_drafts": "council.drafts",
		"council_btn_factions": "council.factions", "council_btn_leaders": "council.leaders",
		"council_btn_low_attendance": "council.attendance", "council_btn_low_discipline": "council.discipline",
		"voucher_btn_calc": "voucher.calc", "voucher_btn_status": "voucher.status",
		"business_btn_sectors": "business.sectors", "business_btn_near": "business.near", "business_btn_edrpou": "business.edrpou",
	}
	for _, lang := range locales.Supported {
		l := locales.New(lang)
		for id, want := range labels {
			text := l.T(id)
			best, _ := e.Understand(text).Best()
			assert.Equal(t, want, best.Intent, "%s %q", lang, text)
		}
	}
}

// BenchmarkCorpus reports the corpus accuracy for docs/PERFORMANCE.md
// (make bench) and the time to understand one phrasing.
func BenchmarkCorpus(b *testing.B) {
	e := demoEngine(b)
	corpus := readCorpus(b)
	ok, menu, menuOK := 0, 0, 0
	for _, p := range corpus {
		best, _ := e.Understand(p.text).Best()
		if best.Intent == p.intent {
			ok++
		}
		if p.menu {
			menu++
			if best.Intent == p.intent {
				menuOK++
			}
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.Understand(corpus[i%len(corpus)].text)
	}
	b.ReportMetric(100*float64(ok)/float64(len(corpus)), "intent-%")
	b.ReportMetric(100*float64(menuOK)/float64(menu), "menu-%")
	b.ReportMetric(float64(len(corpus)), "phrasings")
}
