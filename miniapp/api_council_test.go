package miniapp_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/miniapp"
)

// The dashboard's figures are the chat's: the same store rows through the
// same Metrics(), and the same "45,1% — 23 з 51" text.
func TestDeputiesAreTheChatsFigures(t *testing.T) {
	f := newFixture(t)
	var got struct {
		Deputies []miniapp.DeputyRow  `json:"deputies"`
		Factions []miniapp.FactionRow `json:"factions"`
		Options  []string             `json:"options"`
	}
	f.getJSON(t, "/app/api/council/deputies", &got)
	want, err := f.store.CouncilDeputies(t.Context())
	require.NoError(t, err)
	require.Len(t, got.Deputies, len(want))
	l := locales.New("uk")
	for i, d := range want {
		m := d.Metrics()
		row := got.Deputies[i]
		assert.Equal(t, d.FullName, row.Name)
		assert.Equal(t, m.Attendance.Num, row.Attendance.Num, d.FullName)
		assert.Equal(t, m.Attendance.Den, row.Attendance.Den, d.FullName)
		assert.Equal(t, m.Discipline.Num, row.Discipline.Num, d.FullName)
		assert.Equal(t, m.Counts, row.Counts, d.FullName)
		assert.Equal(t, l.T("council_ratio", map[string]any{"Percent": l.Percent(m.Participation.Num, m.Participation.Den),
			"Num": m.Participation.Num, "Den": m.Participation.Den}), row.Participation.Text)
	}
	require.NotEmpty(t, got.Factions)
	for _, fr := range got.Factions {
		var num, den int
		for _, d := range want {
			if d.Faction == fr.Name {
				num, den = num+d.Metrics().Discipline.Num, den+d.Metrics().Discipline.Den
			}
		}
		assert.Equal(t, [2]int{num, den}, [2]int{fr.Discipline.Num, fr.Discipline.Den}, fr.Name)
	}
	assert.Equal(t, []string{"за", "проти", "утримався", "не голосував", "відсутній"}, got.Options)
}

func TestDeputyPageAndRollCall(t *testing.T) {
	f := newFixture(t)
	var dep struct {
		miniapp.DeputyRow
		Months     []miniapp.MonthRow `json:"months"`
		Votes      []miniapp.VoteRow  `json:"votes"`
		VotesTotal int                `json:"votes_total"`
	}
	f.getJSON(t, "/app/api/council/deputies/1", &dep)
	require.NotEmpty(t, dep.Months)
	require.NotEmpty(t, dep.Votes)
	var att [2]int
	for _, m := range dep.Months {
		att[0], att[1] = att[0]+m.Attendance.Num, att[1]+m.Attendance.Den
	}
	assert.Equal(t, [2]int{dep.Attendance.Num, dep.Attendance.Den}, att, "the months add up to the card")
	_, total, err := f.store.DeputyVotes(t.Context(), 1, 0, 1)
	require.NoError(t, err)
	assert.Equal(t, total, dep.VotesTotal)

	var rc struct {
		Title  string                  `json:"title"`
		Counts [5]int                  `json:"counts"`
		Groups []miniapp.RollCallGroup `json:"groups"`
	}
	f.getJSON(t, fmt.Sprintf("/app/api/council/events/%d", dep.Votes[0].Event), &rc)
	want, found, err := f.store.RollCall(t.Context(), dep.Votes[0].Event)
	require.NoError(t, err)
	require.True(t, found)
	assert.Equal(t, want.Counts, rc.Counts)
	n := 0
	for _, g := range rc.Groups {
		assert.NotEmpty(t, g.Faction)
		n += len(g.Entries)
	}
	assert.Equal(t, len(want.Entries), n, "every deputy of the named list, grouped by faction")
	status, _ := f.get(t, "/app/api/council/events/987654", initData(f.now, "uk"))
	assert.Equal(t, 404, status)
	status, _ = f.get(t, "/app/api/council/deputies/x", initData(f.now, "uk"))
	assert.Equal(t, 404, status)
}
