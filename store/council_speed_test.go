package store_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/clock"
	"github.com/transparentcities/nazar/council"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/store/storetest"
)

// wantCohesion is each faction's cohesion from the pure lines of package
// council: events where it had a line ÷ events where a member was present.
func wantCohesion(t *testing.T, st *store.Store, d store.CouncilData) map[int64]council.Ratio {
	out := map[int64]council.Ratio{}
	for ef, tally := range expected(t, st, d).Lines() {
		if tally.Present == 0 {
			continue
		}
		r := out[ef.Faction]
		r.Den++
		if tally.Line().Has() {
			r.Num++
		}
		out[ef.Faction] = r
	}
	return out
}

func factionCohesion(t *testing.T, st *store.Store) map[int64]council.Ratio {
	list, err := st.Factions(t.Context(), councilT0)
	require.NoError(t, err)
	out := map[int64]council.Ratio{}
	for _, f := range list {
		if f.Cohesion.Den > 0 {
			out[f.ID] = f.Cohesion
		}
	}
	return out
}

// The factions page reads the sums the import keeps (council_faction_stats):
// they equal the pure computation after one import, after an import in
// parts that recomputes every line, and after adding events to stored ones.
func TestFactionCohesionIsKeptByEveryImport(t *testing.T) {
	d := randomCouncil(3, 12, 6, 5)
	whole := storetest.Open(t, clock.NewFake(councilT0).Now)
	_, err := whole.ImportCouncil(t.Context(), d)
	require.NoError(t, err)
	want := wantCohesion(t, whole, d)
	require.Len(t, want, 3)
	assert.Equal(t, want, factionCohesion(t, whole))

	parts := storetest.Open(t, clock.NewFake(councilT0).Now)
	first := d
	first.Events, first.Votes = d.Events[:10], nil
	for _, v := range d.Votes {
		if v.Event < "e2" {
			first.Votes = append(first.Votes, v)
		}
	}
	_, err = parts.ImportCouncil(t.Context(), first)
	require.NoError(t, err)
	assert.Equal(t, wantCohesion(t, parts, first), factionCohesion(t, parts), "the first part")
	rest := store.CouncilData{Deputies: d.Deputies, Memberships: d.Memberships, Events: d.Events[10:]}
	for _, v := range d.Votes {
		if v.Event >= "e2" {
			rest.Votes = append(rest.Votes, v)
		}
	}
	res, err := parts.ImportCouncil(t.Context(), rest)
	require.NoError(t, err)
	require.False(t, res.Recomputed, "the roster is unchanged: only the new events' lines are written")
	assert.Equal(t, want, factionCohesion(t, parts), "events added to stored ones")
}

// decisionsCouncil has adopted final votes on items with the given titles
// (one event each, a minute apart), and a rejected one that no search finds.
func decisionsCouncil(titles []string) store.CouncilData {
	d := store.CouncilData{Sessions: []council.SessionRow{{UID: "s", Label: "Сесія",
		Span: council.Span{From: 20000, Until: 20000}}}}
	at := time.Date(2024, 10, 3, 10, 0, 0, 0, time.UTC)
	for i, title := range append(titles, "Про бюджет відхилений") {
		uid := fmt.Sprintf("m%d", i)
		d.Motions = append(d.Motions, council.MotionRow{UID: uid, Session: "s", Title: title, Day: -1})
		d.Events = append(d.Events, council.EventRow{UID: "e" + uid, Motion: uid, Kind: council.KindFinal,
			Adopted: i < len(titles), At: at.Add(time.Duration(i) * time.Minute), Day: council.DayOf(at)})
	}
	return d
}

// byInstr is the search's definition: adopted decisions whose title key
// holds every word or its Latin key, newest first.
func byInstr(titles []string, q council.NameQuery) []string {
	var out []string
	for i := len(titles) - 1; i >= 0; i-- {
		key, all := council.NameKey(titles[i]), true
		for _, w := range q.Terms() {
			all = all && (strings.Contains(key, w[0]) || strings.Contains(key, w[1]))
		}
		if all {
			out = append(out, titles[i])
		}
	}
	return out
}

func searchTitles(t *testing.T, st *store.Store, text string) ([]string, int) {
	q, ok := council.ParseNameQuery(text)
	require.True(t, ok, text)
	list, total, err := st.Decisions(t.Context(), council.DecisionFilter{Words: q.Terms()}, 0, 100)
	require.NoError(t, err)
	var out []string
	for _, d := range list {
		out = append(out, d.Title)
	}
	return out, total
}

// Decisions by words go through the trigram index and find exactly what
// testing every title finds: inside words, in Latin, with words under three
// letters, with quotes; a re-imported title is found by its new words only.
func TestDecisionsByWordsMatchEveryTitleTest(t *testing.T) {
	titles := []string{"Про бюджет міста на 2025 рік", "Про внесення змін до бюджету", "Про паркування на вулиці Б. Хмельницького",
		"Про затвердження програми «Безпечне місто»", "Про оренду комунального майна", "Про надання дозволу ТзОВ \"Ліки\"",
		"Про звіт міського голови", "Про бюджетну програму паркування"}
	st := storetest.Open(t, clock.NewFake(councilT0).Now)
	d := decisionsCouncil(titles)
	_, err := st.ImportCouncil(t.Context(), d)
	require.NoError(t, err)
	for _, text := range []string{"бюджет", "biudzhet", "БЮДЖЕТ паркування", "budget", "бюдж", "на рік", "б. хмельницького",
		"рік 2025", "\"ліки\"", "ліки", "місто", "mista", "про", "ом", "парк нема", "змін", "zmin", "оренду майна"} {
		q, _ := council.ParseNameQuery(text)
		want := byInstr(titles, q)
		got, total := searchTitles(t, st, text)
		assert.Equal(t, want, got, text)
		assert.Equal(t, len(want), total, text)
	}

	renamed := decisionsCouncil(append(append([]string(nil), titles[:4]...), "Про продаж комунального майна"))
	_, err = st.ImportCouncil(t.Context(), renamed)
	require.NoError(t, err)
	got, _ := searchTitles(t, st, "оренду")
	assert.Empty(t, got, "the old title is gone from the index")
	got, _ = searchTitles(t, st, "продаж")
	assert.Equal(t, []string{"Про продаж комунального майна"}, got)
}

// The leaderboards' list of deputies is read once per council import, and
// an import by another process (`nazar import`) is seen at the next read.
func TestCouncilDeputiesFollowAnotherProcessImport(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nazar.db")
	open := func() *store.Store {
		st, err := store.Open(path, store.Options{Now: clock.NewFake(councilT0).Now})
		require.NoError(t, err)
		t.Cleanup(func() { st.Close() })
		_, err = st.Migrate(t.Context())
		require.NoError(t, err)
		return st
	}
	bot, importer := open(), open()
	d := randomCouncil(4, 8, 3, 4)
	first := d
	first.Events, first.Votes = d.Events[:4], nil
	for _, v := range d.Votes {
		if v.Event < "e1" {
			first.Votes = append(first.Votes, v)
		}
	}
	_, err := importer.ImportCouncil(t.Context(), first)
	require.NoError(t, err)
	before, err := bot.CouncilDeputies(t.Context())
	require.NoError(t, err)
	require.Len(t, before, 8)
	before[0].FullName = "changed by the caller"
	again, err := bot.CouncilDeputies(t.Context())
	require.NoError(t, err)
	assert.NotEqual(t, "changed by the caller", again[0].FullName, "callers get their own copy")

	_, err = importer.ImportCouncil(t.Context(), d)
	require.NoError(t, err)
	after, err := bot.CouncilDeputies(t.Context())
	require.NoError(t, err)
	want, err := importer.CouncilDeputies(t.Context())
	require.NoError(t, err)
	assert.Equal(t, want, after)
	assert.NotEqual(t, again, after, "the second import added votes")
	for _, dep := range after {
		assert.Equal(t, expected(t, importer, d).Deputy(dep.ID), dep.Metrics(), dep.FullName)
	}
}
