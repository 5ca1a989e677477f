package store_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/clock"
	"github.com/transparentcities/nazar/council"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/store/storetest"
)

var councilT0 = time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)

// randomCouncil builds a council of n deputies in 3 factions (deputy 0 is
// non-faction) over days sitting days, with a faction switch, a mandate that
// begins mid-term, one that ends mid-term, and missing named-list rows.
func randomCouncil(seed uint64, n, days, perDay int) store.CouncilData {
	r := rand.New(rand.NewPCG(seed, 7))
	factions := []string{"Позафракційний", "Альфа", "Бета", "Гамма"}
	d := store.CouncilData{Memberships: map[string][]council.MembershipRow{}}
	d.Sessions = append(d.Sessions, council.SessionRow{UID: "s", Label: "Сесія", Span: council.Span{From: 20000, Until: 20000}})
	d.Motions = append(d.Motions, council.MotionRow{UID: "m", Session: "s", Title: "Питання", Day: -1})
	for i := range n {
		dep := council.DeputyRow{UID: fmt.Sprintf("d%d", i), VotingID: fmt.Sprint(i),
			FullName: fmt.Sprintf("Депутат %02d", i), Faction: factions[min(i, 1+i%3)], Mandate: council.Always}
		d.Deputies = append(d.Deputies, dep)
	}
	d.Deputies[1].Mandate = council.Span{From: 20000 + council.Day(days/2), Until: council.LastDay}
	d.Deputies[2].Mandate = council.Span{From: council.FirstDay, Until: 20000 + council.Day(days/3)}
	d.Memberships["3"] = []council.MembershipRow{
		{Kind: "faction", Name: "Альфа", Span: council.Span{From: council.FirstDay, Until: 20000 + council.Day(days/2)}},
		{Kind: "faction", Name: "Бета", Span: council.Span{From: 20001 + council.Day(days/2), Until: council.LastDay}}}
	base := councilT0.Add(-24 * time.Hour * time.Duration(days+10))
	for day := range days {
		for k := range perDay {
			uid := fmt.Sprintf("e%d-%d", day, k)
			at := base.Add(time.Duration(day)*24*time.Hour + time.Duration(k)*time.Minute)
			d.Events = append(d.Events, council.EventRow{UID: uid, Motion: "m", Title: uid, At: at,
				Day: council.DayOf(at), Adopted: k%2 == 0})
			lean := r.IntN(3)
			for i := range n {
				if r.IntN(12) == 0 {
					continue // no row: absent if the mandate covers the day
				}
				o := council.Option(r.IntN(5))
				if r.IntN(3) > 0 && lean < 2 {
					o = council.Option(lean)
				}
				d.Votes = append(d.Votes, council.VoteRow{Event: uid, Voter: fmt.Sprint(i), Option: o})
			}
		}
	}
	return d
}

// expected computes the metrics with the pure functions of package council.
func expected(t *testing.T, st *store.Store, d store.CouncilData) council.Votes {
	ids := map[string]int64{}
	all, err := st.CouncilDeputies(t.Context())
	require.NoError(t, err)
	for _, dep := range all {
		ids[dep.VotingID] = dep.ID
	}
	v := council.Votes{Mandates: map[int64]council.Span{}}
	factionIDs := map[string]int64{"Альфа": 1, "Бета": 2, "Гамма": 3}
	baseF := map[int64]int64{}
	for _, dep := range d.Deputies {
		v.Mandates[ids[dep.VotingID]] = dep.Mandate
		baseF[ids[dep.VotingID]] = factionIDs[dep.Faction]
	}
	var dated []council.Membership
	for voter, ms := range d.Memberships {
		for _, m := range ms {
			dated = append(dated, council.Membership{Deputy: ids[voter], Faction: factionIDs[m.Name], Span: m.Span})
		}
	}
	v.Roster = council.NewRoster(baseF, dated)
	evIDs := map[string]int64{}
	for i, e := range d.Events {
		evIDs[e.UID] = int64(i + 1)
		v.Events = append(v.Events, council.Event{ID: int64(i + 1), Day: e.Day})
	}
	for _, b := range d.Votes {
		v.Ballots = append(v.Ballots, council.Ballot{Event: evIDs[b.Event], Deputy: ids[b.Voter], Option: b.Option})
	}
	return v
}

func TestCouncilStoreFiguresEqualThePureMetrics(t *testing.T) {
	st := storetest.Open(t, clock.NewFake(councilT0).Now)
	d := randomCouncil(1, 12, 6, 5)
	res, err := st.ImportCouncil(t.Context(), d)
	require.NoError(t, err)
	assert.Positive(t, res.OutsideMandate, "the fixture has rows outside mandates")
	want := expected(t, st, d)
	lines := want.Lines()
	all, err := st.CouncilDeputies(t.Context())
	require.NoError(t, err)
	require.Len(t, all, 12)
	for _, dep := range all {
		assert.Equal(t, want.Deputy(dep.ID), dep.Metrics(), dep.FullName)
	}
	for _, pair := range [][2]int64{{4, 5}, {1, 2}, {3, 7}, {1, 9}} {
		got, err := st.CompareDeputies(t.Context(), pair[0], pair[1])
		require.NoError(t, err)
		assert.Equal(t, council.Agreement(want.Records(pair[0], lines), want.Records(pair[1], lines)), got, pair)
	}
	for ev := int64(1); ev <= int64(len(d.Events)); ev++ {
		rc, found, err := st.RollCall(t.Context(), ev)
		require.NoError(t, err)
		require.True(t, found)
		for _, f := range []int64{1, 2, 3} {
			assert.Equal(t, lines[council.EventFaction{Event: ev, Faction: f}], rc.Lines[f], "event %d faction %d", ev, f)
		}
	}
}

func TestCouncilImportInPartsEqualsImportAtOnce(t *testing.T) {
	d := randomCouncil(2, 10, 4, 4)
	whole := storetest.Open(t, clock.NewFake(councilT0).Now)
	_, err := whole.ImportCouncil(t.Context(), d)
	require.NoError(t, err)

	parts := storetest.Open(t, clock.NewFake(councilT0).Now)
	first := d
	first.Events, first.Votes = d.Events[:8], nil
	for _, v := range d.Votes {
		if v.Event < "e2" {
			first.Votes = append(first.Votes, v)
		}
	}
	first.Memberships = nil // the switch arrives with the second part: every line is recomputed
	res, err := parts.ImportCouncil(t.Context(), first)
	require.NoError(t, err)
	assert.False(t, res.Recomputed)
	second := store.CouncilData{Deputies: d.Deputies, Memberships: d.Memberships, Events: d.Events[8:]}
	for _, v := range d.Votes {
		if v.Event >= "e2" {
			second.Votes = append(second.Votes, v)
		}
	}
	res, err = parts.ImportCouncil(t.Context(), second)
	require.NoError(t, err)
	assert.True(t, res.Recomputed)
	assert.Equal(t, len(second.Votes), res.NewVotes)

	a, err := whole.CouncilDeputies(t.Context())
	require.NoError(t, err)
	b, err := parts.CouncilDeputies(t.Context())
	require.NoError(t, err)
	assert.Equal(t, a, b)

	res, err = parts.ImportCouncil(t.Context(), d)
	require.NoError(t, err)
	assert.Zero(t, res.NewVotes, "importing everything again adds nothing")
	assert.False(t, res.Recomputed)
	c, err := parts.CouncilDeputies(t.Context())
	require.NoError(t, err)
	assert.Equal(t, a, c)
}

func TestCouncilFollowPushKeyAndLanguage(t *testing.T) {
	st := storetest.Open(t, clock.NewFake(councilT0).Now)
	d := randomCouncil(3, 4, 1, 2)
	_, err := st.ImportCouncil(t.Context(), d)
	require.NoError(t, err)
	for _, u := range []store.SeenUser{{ID: 10, ChatID: 10, Language: "uk"}, {ID: 11, ChatID: 11, Language: "en"}} {
		_, err := st.TouchUser(t.Context(), u)
		require.NoError(t, err)
		require.NoError(t, st.FollowDeputy(t.Context(), u.ID, 2))
	}
	require.NoError(t, st.FollowDeputy(t.Context(), 10, 2), "following twice is a no-op")
	next := randomCouncil(4, 4, 1, 2)
	next.Deputies, next.Sessions, next.Motions = nil, nil, nil
	for i := range next.Events {
		next.Events[i].UID = "new-" + next.Events[i].UID
		next.Events[i].At = next.Events[i].At.Add(48 * time.Hour)
		next.Events[i].Day += 2
	}
	for i := range next.Votes {
		next.Votes[i].Event = "new-" + next.Votes[i].Event
	}
	res, err := st.ImportCouncil(t.Context(), next)
	require.NoError(t, err)
	assert.Equal(t, 2, res.Pushes)
	rows, err := st.OutboxFor(t.Context(), "deputy", 0)
	require.NoError(t, err)
	require.Len(t, rows, 2)
	assert.Equal(t, "d1:new-e0-1", rows[0].Key, "the newest new event names the push")
	for _, r := range rows {
		assert.Equal(t, store.MsgCouncilFollow, r.Message, "queued as data: no language, no text")
		var news council.News
		require.NoError(t, json.Unmarshal(r.Args, &news))
		assert.Equal(t, "d1", news.DeputyUID)
		assert.Positive(t, news.Votes)
		assert.Positive(t, news.Last)
	}
	names, err := st.FollowedDeputies(t.Context(), 10)
	require.NoError(t, err)
	assert.Equal(t, []string{"Депутат 01"}, names)
}

// An import stopped after its first writes (here, while the votes are
// still being read) leaves the database as it was, and the next import on
// the same store goes through.
func TestCancelledCouncilImportChangesNothing(t *testing.T) {
	st := storetest.Open(t, clock.NewFake(councilT0).Now)
	d := randomCouncil(4, 8, 3, 3)
	first := d
	first.Events, first.Votes = d.Events[:3], nil
	for _, v := range d.Votes {
		if slices.ContainsFunc(first.Events, func(e council.EventRow) bool { return e.UID == v.Event }) {
			first.Votes = append(first.Votes, v)
		}
	}
	_, err := st.ImportCouncil(t.Context(), first)
	require.NoError(t, err)
	before, err := st.CouncilDeputies(t.Context())
	require.NoError(t, err)

	ctx, cancel := context.WithCancel(t.Context())
	cancelled := d
	cancelled.Votes = nil
	late := make(chan store.LateVotes, 1)
	cancelled.VotesLater = late
	cancel()
	late <- store.LateVotes{Votes: d.Votes}
	_, err = st.ImportCouncil(ctx, cancelled)
	require.ErrorIs(t, err, context.Canceled)
	after, err := st.CouncilDeputies(t.Context())
	require.NoError(t, err)
	assert.Equal(t, before, after)
	_, found, err := st.RollCall(t.Context(), int64(len(first.Events)+1))
	require.NoError(t, err)
	assert.False(t, found, "the events of the cancelled import are not stored")

	res, err := st.ImportCouncil(t.Context(), d)
	require.NoError(t, err)
	assert.Equal(t, len(d.Votes)-len(first.Votes), res.NewVotes)
}
