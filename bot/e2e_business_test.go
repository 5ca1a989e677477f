package bot_test

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/bottest"
	"github.com/transparentcities/nazar/bot/sandbox"
	"github.com/transparentcities/nazar/importer"
	"github.com/transparentcities/nazar/taxid"
)

const demoBusinesses = "../demo/data/business/businesses.csv"

// startBusiness runs the bot with the demo directory loaded.
func startBusiness(t *testing.T) *bottest.Harness {
	t.Helper()
	h := bottest.Start(t)
	_, err := importer.Run(t.Context(), importer.Env{Store: h.Store, Config: h.Config}, "businesses", demoBusinesses)
	require.NoError(t, err)
	return h
}

// pressPrefix presses the first button whose text starts with prefix.
func pressPrefix(t *testing.T, h *bottest.Harness, m sandbox.Message, prefix string) sandbox.Message {
	t.Helper()
	for _, b := range buttonTexts(m) {
		if strings.HasPrefix(b, prefix) {
			return h.Press(bottest.Uk, m, b)
		}
	}
	t.Fatalf("no button starting %q in %v", prefix, buttonTexts(m))
	return sandbox.Message{}
}

func TestBusinessSearchCyrillicAndLatin(t *testing.T) {
	h := startBusiness(t)
	cyr := h.Say(bottest.Uk, "/business Здоров'я")
	lat := h.Say(bottest.Uk, "/business zdorovia")
	assert.Contains(t, cyr.Text, "1. Аптека «Здоров'я» · пл. Ринок, 1")
	assert.Equal(t, buttonTexts(cyr), buttonTexts(lat), "the same businesses in the same order")
	assert.Contains(t, lat.Text, "1. Аптека «Здоров'я»")

	many := h.Say(bottest.Uk, "/business аптека")
	assert.Equal(t, buttonTexts(many), buttonTexts(h.Say(bottest.Uk, "/business APTEKA")))
	assert.Regexp(t, `знайдено \d+ запис`, many.Text)
	assert.Contains(t, many.Text, "(1–8):")
	h.Press(bottest.Uk, many, "▶")
	next := h.Message(bottest.Uk, many.ID)
	assert.Equal(t, 1, next.Edits, "search pages edit in place")
	assert.Contains(t, next.Text, "(9–")

	// Without an argument the bot asks; the next message is the query.
	m := h.Say(bottest.En, "/business")
	m = h.Press(bottest.En, m, "🔎 Search")
	assert.Contains(t, m.Text, "Type words of the name")
	assert.Contains(t, h.Say(bottest.En, "nichna sova").Text, "1. Кав'ярня «Нічна сова»")
}

func TestBusinessFTSSyntaxNeverReachesTheUser(t *testing.T) {
	h := startBusiness(t)
	for _, q := range []string{`"`, `"аптека`, `*`, `аптека*`, `NEAR(аптека кава)`, `NEAR`, `-аптека`, `кава -чай`,
		`(аптека`, `аптека)`, `аптека AND OR NOT`, `name:аптека`, `^аптека`, `'; DROP TABLE businesses; --`,
		`{name description}: x`, `"" ** ()`, strings.Repeat("а ", 300)} {
		m := h.Say(bottest.Uk, "/business "+q)
		lower := strings.ToLower(m.Text)
		for _, leak := range []string{"sql", "fts5", "syntax", "no such column", "malformed", "помилка"} {
			assert.NotContains(t, lower, leak, q)
		}
		// Words that name a category (issue 19) may answer with its list.
		assert.Regexp(t, `знайдено|нічого не знайдено|Напишіть хоча б одне слово|^🏢 [^\n]+: \d+ запис`, m.Text, q)
	}
	assert.NotContains(t, strings.ToLower(h.Log.String()), "fts5")
	assert.NotContains(t, strings.ToLower(h.Log.String()), "syntax error")
}

func TestBusinessSectionBrowsePages(t *testing.T) {
	h := startBusiness(t)
	m := h.Say(bottest.Uk, "/start business")
	assert.Contains(t, m.Text, "Бізнес-довідник: 240 підприємств")
	m = h.Press(bottest.Uk, m, "🗂 Галузі (КВЕД)")
	assert.GreaterOrEqual(t, len(buttonTexts(m))-1, 10, "≥ 10 sections have businesses")
	first := m.ID
	m = pressPrefix(t, h, m, "G · ")
	m = pressPrefix(t, h, m, "47 · ")
	total := countDivision(t, "47")
	assert.Contains(t, m.Text, fmt.Sprintf("🗂 47 · Роздрібна торгівля, крім торгівлі автотранспортними засобами та мотоциклами: 1–8 з %d", total))
	page1 := m.Text
	m = h.Press(bottest.Uk, m, "▶")
	assert.Equal(t, first, m.ID, "pages edit the same message")
	assert.Contains(t, m.Text, fmt.Sprintf(": 9–16 з %d", total))
	assert.Contains(t, m.Text, "\n9. ")
	assert.Equal(t, []string{"◀", "▶"}, buttonTexts(m)[8:10])
	m = h.Press(bottest.Uk, m, "◀")
	assert.Equal(t, page1, m.Text)
	for i := 0; i < total/8+1 && len(m.Inline) > 0; i++ {
		if !strings.Contains(strings.Join(buttonTexts(m), ""), "▶") {
			break
		}
		m = h.Press(bottest.Uk, m, "▶")
	}
	assert.Contains(t, m.Text, fmt.Sprintf("–%d з %d", total, total), "the last page ends at the total")
	assert.NotContains(t, buttonTexts(m), "▶")
}

func countDivision(t *testing.T, div string) int {
	n := 0
	for _, r := range demoRows(t) {
		if strings.HasPrefix(r["kved"], div+".") {
			n++
		}
	}
	return n
}

func demoRows(t *testing.T) []map[string]string {
	t.Helper()
	f, err := os.Open(demoBusinesses)
	require.NoError(t, err)
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// haversineRef is the test's own great-circle distance (mean Earth radius).
func haversineRef(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371008.8
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	a := math.Pow(math.Sin(dp/2), 2) + math.Cos(p1)*math.Cos(p2)*math.Pow(math.Sin(dl/2), 2)
	return 2 * r * math.Atan2(math.Sqrt(a), math.Sqrt(1-a))
}

func TestBusinessNearMeNearestFirst(t *testing.T) {
	h := startBusiness(t)
	lat, lon := 49.8380, 24.0350
	type ref struct {
		name string
		d    float64
	}
	var want []ref
	for _, r := range demoRows(t) {
		blat, _ := strconv.ParseFloat(r["lat"], 64)
		blon, _ := strconv.ParseFloat(r["lon"], 64)
		if d := haversineRef(lat, lon, blat, blon); d <= 2000 {
			want = append(want, ref{r["name"], d})
		}
	}
	sort.Slice(want, func(i, j int) bool { return want[i].d < want[j].d })
	require.Greater(t, len(want), 10)
	m := nearAnswer(h, bottest.Uk, lat, lon)
	assert.Contains(t, m.Text, "📍 10 найближчих місць у радіусі 2,0 км, спершу найближчі:")
	lines := strings.Split(m.Text, "\n")[2:]
	require.Len(t, lines, 10)
	for i, w := range want[:10] {
		dist := fmt.Sprintf("%d м", int(math.Round(w.d)))
		if w.d >= 1000 {
			dist = strings.Replace(fmt.Sprintf("%.1f км", w.d/1000), ".", ",", 1)
		}
		assert.True(t, strings.HasPrefix(lines[i], fmt.Sprintf("%d. %s · %s · ", i+1, w.name, dist)),
			"line %d: got %q, want %s at %s", i+1, lines[i], w.name, dist)
	}
	card := h.Press(bottest.Uk, m, buttonTexts(m)[0])
	msgs := h.SB.Messages(bottest.Uk.ID)
	pin := msgs[len(msgs)-2]
	require.NotNil(t, pin.Venue, "the card comes with a sendVenue pin")
	assert.Equal(t, want[0].name, pin.Venue.Title)
	assert.Contains(t, card.Text, "🏢 "+want[0].name)

	far := nearAnswer(h, bottest.En, 50.45, 30.52)
	assert.Equal(t, "No business of the directory is within 2.0 km of you.", far.Text)
}

func TestBusinessEDRPOU(t *testing.T) {
	h := startBusiness(t)
	m := h.Say(bottest.Uk, "/edrpou 2156 0766")
	assert.Contains(t, m.Text, "🏢 Аптека «Здоров'я»\nТип: підприємство\nГалузь: G · Оптова та роздрібна торгівля")
	assert.Contains(t, m.Text, "ЄДРПОУ: 21560766")
	assert.Contains(t, m.Text, "КВЕД 47.73")
	assert.Contains(t, m.Text, "Оновлено: 02.11.2026")
	msgs := h.SB.Messages(bottest.Uk.ID)
	require.NotNil(t, msgs[len(msgs)-2].Venue)
	assert.InDelta(t, 49.8402, msgs[len(msgs)-2].Venue.Lat, 1e-6)

	assert.Equal(t, "Код «21560767» недійсний: контрольна цифра не збігається. Перевірте, чи не помилилися в цифрі.",
		h.Say(bottest.Uk, "/edrpou 21560767").Text)
	assert.Contains(t, h.Say(bottest.Uk, "/business 21560767").Text, "недійсний")
	assert.Contains(t, h.Say(bottest.Uk, "/edrpou 1234").Text, "рівно 8 цифр")
	assert.Contains(t, h.Say(bottest.Uk, "/edrpou").Text, "Надішліть код ЄДРПОУ")
	assert.Contains(t, h.Say(bottest.Uk, "40087658").Text, "🏢 Кав'ярня «Нічна сова»", "the next message is the code")
	unknown := ""
	for d := '0'; d <= '9' && unknown == ""; d++ {
		if c := "1234567" + string(d); taxid.ValidEDRPOU(c) {
			unknown = c
		}
	}
	assert.Contains(t, h.Say(bottest.Uk, "/edrpou "+unknown).Text, "дійсний, але в довіднику")
	// Issue 19: the flow stays open after "valid, not in the directory".
	assert.Contains(t, h.Say(bottest.Uk, "40087658").Text, "🏢 Кав'ярня «Нічна сова»", "the next code is looked up")
}

// nearAnswer shares a location and returns the list of places (the message
// before the one that brings the main menu back).
func nearAnswer(h *bottest.Harness, u sandbox.User, lat, lon float64) sandbox.Message {
	h.Location(u, lat, lon)
	msgs := h.SB.Messages(u.ID)
	return msgs[len(msgs)-2]
}

func TestBusinessOpenNowOnAFixedClock(t *testing.T) {
	h := startBusiness(t)
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	require.NoError(t, err)
	tests := []struct {
		name, when, code, want string
	}{
		{"weekday morning", "2026-11-24 10:00", "21560766", "🟢 відчинено зараз"},
		{"lunch break", "2026-11-24 13:30", "21560766", "🔴 зачинено зараз"},
		{"saturday short day", "2026-11-28 14:59", "21560766", "🟢 відчинено зараз"},
		{"sunday off", "2026-11-29 12:00", "21560766", "🔴 зачинено зараз"},
		{"friday night past midnight", "2026-11-28 02:30", "40087658", "🟢 відчинено зараз"},
		{"sunday night ends at 22", "2026-11-30 01:00", "40087658", "🔴 зачинено зараз"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at, err := time.ParseInLocation("2006-01-02 15:04", tt.when, kyiv)
			require.NoError(t, err)
			h.Clock.Set(at)
			assert.Contains(t, h.Say(bottest.Uk, "/edrpou "+tt.code).Text, tt.want)
		})
	}
}

func TestBusinessNearMeButtonAsksForALocation(t *testing.T) {
	h := startBusiness(t)
	m := h.Say(bottest.Uk, "/business")
	m = h.Press(bottest.Uk, m, "📍 Поруч зі мною")
	assert.Contains(t, m.Text, "в радіусі 2,0 км")
	assert.Equal(t, [][]string{{"📍 Надіслати мою локацію"}, {"🏠 Головне меню"}}, m.Keyboard)
	m = nearAnswer(h, bottest.Uk, 49.8402, 24.0301)
	assert.Contains(t, m.Text, "1. Аптека «Здоров'я» · 0 м · пл. Ринок, 1")
	// Issue 19: the main menu keyboard comes back after the answer.
	last := h.Last(bottest.Uk)
	assert.Equal(t, uk.T("business_near_again"), last.Text)
	assert.Contains(t, flatten(last.Keyboard), "🏢 Бізнес-довідник")
	// A later location is still answered, outside any conversation.
	assert.Contains(t, nearAnswer(h, bottest.Uk, 49.8402, 24.0301).Text, "1. Аптека «Здоров'я»")
}
