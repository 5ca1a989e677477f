package bot_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/bottest"
	"github.com/transparentcities/nazar/council"
	"github.com/transparentcities/nazar/store"
)

// smallCouncil is three deputies and two vote events; its named lists come
// through VotesLater.
func smallCouncil(votesLater <-chan store.LateVotes) store.CouncilData {
	d := store.CouncilData{VotesLater: votesLater,
		Sessions: []council.SessionRow{{UID: "s1", Label: "Сесія 1", Span: council.Span{From: 20000, Until: 20000}}},
		Motions:  []council.MotionRow{{UID: "m1", Session: "s1", Title: "Про бюджет", Day: -1}}}
	for i := range 3 {
		d.Deputies = append(d.Deputies, council.DeputyRow{UID: fmt.Sprintf("d%d", i), VotingID: fmt.Sprint(i),
			FullName: fmt.Sprintf("Депутат %d", i), Faction: "Альфа", Mandate: council.Always})
	}
	at := time.Date(2024, 10, 1, 10, 0, 0, 0, time.UTC)
	for e := range 2 {
		d.Events = append(d.Events, council.EventRow{UID: fmt.Sprintf("e%d", e), Motion: "m1", Title: "Про бюджет",
			At: at.Add(time.Duration(e) * time.Minute), Day: council.DayOf(at)})
	}
	return d
}

// An import running in another process (here another store on the same
// database file) is stopped mid-way, while its named lists are still being
// read. The bot keeps answering meanwhile: every update is stored before it
// is handled, and nothing waits for the import's lock.
func TestBotAnswersWhileAnImportIsUnderWay(t *testing.T) {
	h := bottest.Start(t)
	other, err := store.Open(h.Config.Database.Path, store.Options{})
	require.NoError(t, err)
	defer other.Close()
	release := make(chan struct{})
	var once sync.Once
	resume := func() { once.Do(func() { close(release) }) }
	t.Cleanup(resume)
	late := make(chan store.LateVotes)
	go func() {
		<-release
		var votes []council.VoteRow
		for e := range 2 {
			for d := range 3 {
				votes = append(votes, council.VoteRow{Event: fmt.Sprintf("e%d", e), Voter: fmt.Sprint(d), Option: council.For})
			}
		}
		late <- store.LateVotes{Votes: votes}
	}()
	data := smallCouncil(late)
	done := make(chan error, 1)
	go func() {
		_, err := other.ImportCouncil(context.Background(), data)
		done <- err
	}()
	// The import is under way once its scratch database exists; its named
	// lists wait for release.
	require.True(t, h.SB.WaitFor(10*time.Second, func() bool {
		_, err := os.Stat(h.Config.Database.Path + ".import-scratch")
		return err == nil
	}), "the import started")

	for _, text := range []string{"/start", "/help", "/start"} {
		m := h.Say(bottest.Uk, text)
		assert.NotEmpty(t, m.Text, "answered during the import: %s", text)
	}
	resume()
	require.NoError(t, <-done)

	log := h.Log.String()
	assert.NotContains(t, log, "locked")
	assert.NotContains(t, log, "update not stored")
	db, err := sql.Open("sqlite3", h.Config.Database.Path)
	require.NoError(t, err)
	defer db.Close()
	var stored int64
	require.NoError(t, db.QueryRow(`SELECT count(*) FROM seen_updates`).Scan(&stored))
	assert.Equal(t, h.Injected(), stored, "every update was stored")
}
