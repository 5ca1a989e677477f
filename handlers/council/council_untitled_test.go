package council

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/council"
	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/store/storetest"
)

// A record with an agenda item and a vote without titles (a registration):
// every view shows "Vote No. N of DATE" in the reader's language.
func TestUntitledItemsAreShownByNumberAndDate(t *testing.T) {
	st := storetest.Open(t, nil)
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	require.NoError(t, err)
	at := time.Date(2018, 10, 30, 10, 0, 0, 0, kyiv)
	day := council.DayOf(at)
	_, err = st.ImportCouncil(t.Context(), store.CouncilData{
		Sessions:    []council.SessionRow{{UID: "s1", Label: "Сесія", Span: council.Span{From: day, Until: day}}},
		Deputies:    []council.DeputyRow{{UID: "d1", VotingID: "1", FullName: "Муль Роман", Mandate: council.Always}},
		Motions:     []council.MotionRow{{UID: "reg-7", Session: "s1", Day: -1}},
		Events:      []council.EventRow{{UID: "117", Motion: "reg-7", At: at, Day: day, Adopted: true}},
		Votes:       []council.VoteRow{{Event: "117", Voter: "1", Option: council.For}},
		Memberships: map[string][]council.MembershipRow{},
	})
	require.NoError(t, err)
	c := &Council{Store: st, Location: kyiv}
	uk, en := locales.New("uk"), locales.New("en")

	rc, err := c.rollCall(t.Context(), uk, 1)
	require.NoError(t, err)
	assert.Contains(t, rc.Text, "Голосування № 117 від "+uk.Date(day.Time()))
	rc, err = c.rollCall(t.Context(), en, 1)
	require.NoError(t, err)
	assert.Contains(t, rc.Text, "Vote No. 117 of "+en.Date(day.Time()))

	item, err := c.motion(t.Context(), en, 1)
	require.NoError(t, err)
	assert.Contains(t, item.Text, "Vote No. reg-7 of "+en.Date(day.Time()), "the item's date is its first vote's")

	agenda, err := c.session(t.Context(), uk, 1, 0)
	require.NoError(t, err)
	require.NotEmpty(t, agenda.Buttons)
	assert.Contains(t, agenda.Buttons[0][0].Text, "Голосування № reg-7")

	votes, err := c.votes(t.Context(), &handlers.Request{L: en, Now: at}, 1, 0)
	require.NoError(t, err)
	assert.Contains(t, votes.Text, "Vote No. 117 of "+en.Date(day.Time()))

	titles, err := st.CouncilDecisionTitles(t.Context(), at.Add(-time.Hour), at.Add(time.Hour))
	require.NoError(t, err)
	assert.Empty(t, titles, "the digest leaves an untitled decision out")

	assert.Equal(t, "Про бюджет", titleOr(uk, "Про бюджет", "1", day), "a title is shown as it is")
	assert.Equal(t, "Vote No. 5", titleOr(en, "", "5", -1))
}
