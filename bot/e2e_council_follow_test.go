package bot_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/bottest"
	"github.com/transparentcities/nazar/council"
	"github.com/transparentcities/nazar/importer"
)

func mustQuery(t *testing.T, s string) council.NameQuery {
	t.Helper()
	q, ok := council.ParseNameQuery(s)
	require.True(t, ok)
	return q
}

// newSession writes a council folder with one more sitting: Гнатюк (01)
// votes twice, Коваль Ірина (02) once.
func newSession(t *testing.T) string {
	dir := t.TempDir()
	files := map[string]string{
		"sessions.csv":   "uid,label,convocationUid,dateFrom,dateUntil\n9-15,15 сесія,9,2026-12-10,2026-12-10\n",
		"motions.csv":    "uid,sessionUid,title,number,classification,date\n9-15-1,9-15,Про бюджет на 2027 рік,1,За основу і в цілому,2026-12-10\n",
		"voteEvents.csv": "uid,motionUid,projectTitle,startDate,result\nx1,9-15-1,Про бюджет на 2027 рік,2026-12-10T10:00:00,Прийнято\nx2,9-15-1,Про бюджет на 2027 рік,2026-12-10T10:05:00,Прийнято\n",
		"vote.csv":       "uid;voterUid;result\nx1;01;За\nx2;01;проти\nx1;02;Утрималась\n",
	}
	for name, body := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600))
	}
	return dir
}

func TestCouncilFollowPushesNewVotesOnce(t *testing.T) {
	h := startCouncil(t)
	card := h.Say(bottest.Uk, "/deputy Гнатюк")
	card = h.Press(bottest.Uk, card, "🔔 Стежити")
	assert.Contains(t, buttonTexts(card), "🔕 Не стежити", "the card redraws in place")
	assert.Contains(t, h.Say(bottest.Uk, "/privacy").Text, "стежите за депутатами: Гнатюк Олександр Петрович")

	env := importer.Env{Store: h.Store, Config: h.Config}
	dir := newSession(t)
	sum, err := importer.Run(t.Context(), env, "council", dir)
	require.NoError(t, err)
	assert.Contains(t, sum.String(), "follow messages queued: 1")
	rows, err := h.Store.OutboxFor(t.Context(), "deputy", bottest.Uk.ID)
	require.NoError(t, err)
	require.Len(t, rows, 1)
	assert.Equal(t, "NM-001:x2", rows[0].Key)
	push := waitMessage(t, h, bottest.Uk.ID, "поіменні голосування")
	assert.Equal(t, "🔔 Гнатюк Олександр Петрович: 2 нові поіменні голосування (останнє — 10.12.2026). Картка: /deputy NM-001",
		push.Text, "rendered when sent, in the follower's language")

	_, err = importer.Run(t.Context(), env, "council", dir)
	require.NoError(t, err)
	rows, err = h.Store.OutboxFor(t.Context(), "deputy", 0)
	require.NoError(t, err)
	assert.Len(t, rows, 1, "re-importing the same votes pushes nothing")

	m := h.Say(bottest.Uk, "/privacy")
	m = h.Press(bottest.Uk, m, "🗑 Видалити мої дані")
	h.Press(bottest.Uk, m, "Так, видалити")
	follows, err := h.Store.FollowsDeputy(t.Context(), bottest.Uk.ID, 1)
	require.NoError(t, err)
	assert.False(t, follows, "deleting the user deletes their follows")
}
