package main

import (
	"github.com/transparentcities/nazar/digest"

	"bufio"
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	nazarapp "github.com/transparentcities/nazar/app"
	"github.com/transparentcities/nazar/store"
)

// starterEnv marks a re-executed test binary as one digest starter.
const starterEnv = "NAZAR_TEST_DIGEST_STARTER"

// Issue 14 §1: however many `nazar digest send-now` run at once, in as many
// processes on one database, each window's digest is queued once. 20
// starter processes race in every round, 50 rounds; every subscriber ends
// with exactly one message per digest and one digest per round.
//
// Each starter is a long-lived copy of this test binary with its own
// connection to the database, running send-now's plan, queue and message
// once per round it is told to start, so 1,000 starts fit in seconds. A round's
// starters all read the time of the round plus their index in seconds: they
// are as many different "now"s, like commands typed a moment apart.
func TestConcurrentDigestStartersQueueOneDigestPerWindow(t *testing.T) {
	const starters, subscribers = 20, 30
	rounds := 50
	if testing.Short() {
		rounds = 10
	}
	db := filepath.Join(t.TempDir(), "nazar.db")
	seed := seedRaceSubscribers(t, db, subscribers)
	base := time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)

	procs := make([]*starterProc, starters)
	for i := range procs {
		procs[i] = startStarter(t, db, i)
	}
	outcomes := map[string]int{}
	for r := range rounds {
		roundNow := base.Add(time.Duration(r) * time.Hour)
		// One new item per round, published before any starter's now and
		// after the previous round's digest ended.
		_, err := seed.SaveDigestItems(t.Context(), []digest.Item{{ID: fmt.Sprintf("n%d", r), Topic: "news",
			Title: fmt.Sprintf("Новина %d", r), PublishedAt: roundNow.Add(-time.Minute)}})
		require.NoError(t, err)
		for _, p := range procs {
			_, err := fmt.Fprintf(p.in, "%d\n", roundNow.Unix())
			require.NoError(t, err)
		}
		queued := 0
		for _, p := range procs {
			outcome := p.result(t)
			outcomes[outcome]++
			if outcome == "queued" {
				queued++
			}
		}
		require.Equal(t, 1, queued, "round %d: exactly one starter queues the digest", r)
	}
	for _, p := range procs {
		require.NoError(t, p.in.Close())
		require.NoError(t, p.cmd.Wait(), p.stderr.String())
	}
	t.Logf("%d rounds × %d starters: %v", rounds, starters, outcomes)

	raw, err := sql.Open("sqlite3", db)
	require.NoError(t, err)
	defer raw.Close()
	var digests int
	require.NoError(t, raw.QueryRow(`SELECT count(*) FROM digests`).Scan(&digests))
	assert.Equal(t, rounds, digests, "one digest per window")
	rows, err := raw.Query(`SELECT chat_id, count(*), count(DISTINCT key) FROM outbox WHERE kind = 'digest' GROUP BY chat_id`)
	require.NoError(t, err)
	defer rows.Close()
	chats := 0
	for rows.Next() {
		var chat int64
		var msgs, keys int
		require.NoError(t, rows.Scan(&chat, &msgs, &keys))
		assert.Equal(t, rounds, msgs, "chat %d: one message per window", chat)
		assert.Equal(t, rounds, keys, "chat %d: one message per digest", chat)
		chats++
	}
	require.NoError(t, rows.Err())
	assert.Equal(t, subscribers, chats)
}

func seedRaceSubscribers(t *testing.T, db string, n int) *store.Store {
	st, err := store.Open(db, store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	_, err = st.Migrate(t.Context())
	require.NoError(t, err)
	users := make([]store.SeenUser, n)
	for i := range users {
		users[i] = store.SeenUser{ID: int64(300_000 + i), ChatID: int64(300_000 + i), Language: "uk"}
	}
	require.NoError(t, st.SeedSubscribers(t.Context(), users))
	return st
}

// starterProc is one re-executed test binary waiting for rounds on stdin.
type starterProc struct {
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    *bufio.Scanner
	stderr *syncBuffer
}

func startStarter(t *testing.T, db string, index int) *starterProc {
	cmd := exec.Command(os.Args[0], "-test.run=^TestDigestStarterProcess$", "-test.count=1")
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(), starterEnv+"="+strconv.Itoa(index), "NAZAR_DATABASE_PATH="+db,
		"NAZAR_LOG_LEVEL=warn")
	in, err := cmd.StdinPipe()
	require.NoError(t, err)
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	p := &starterProc{cmd: cmd, in: in, out: bufio.NewScanner(out), stderr: &syncBuffer{}}
	cmd.Stderr = p.stderr
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	return p
}

// result reads the starter's outcome of the round: queued, taken or nothing.
func (p *starterProc) result(t *testing.T) string {
	for p.out.Scan() {
		if outcome, ok := strings.CutPrefix(p.out.Text(), "round: "); ok {
			require.NotContains(t, outcome, "error", p.stderr.String())
			return outcome
		}
	}
	t.Fatalf("a starter stopped: %v\n%s", p.out.Err(), p.stderr.String())
	return ""
}

// TestDigestStarterProcess is one starter of the race above; it is skipped
// unless the race started it. It opens the store and builds the features as
// `nazar digest send-now` does, then, for each round time read from stdin,
// runs send-now's queuing and printing and reports how it ended.
func TestDigestStarterProcess(t *testing.T) {
	index, err := strconv.Atoi(os.Getenv(starterEnv))
	if err != nil {
		t.Skip("runs only as a starter process of TestConcurrentDigestStartersQueueOneDigestPerWindow")
	}
	ctx := context.Background()
	cfg, err := loadConfig("config.yaml", false, os.Environ())
	require.NoError(t, err)
	var out bytes.Buffer
	e := &env{cfg: cfg, args: []string{"send-now"}, stdout: &out, stderr: io.Discard, log: newLogger(cfg, io.Discard)}
	st, err := openStore(ctx, e)
	require.NoError(t, err)
	defer st.Close()
	f, err := nazarapp.NewFeatures(cfg, st, e.log)
	require.NoError(t, err)
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		sec, err := strconv.ParseInt(in.Text(), 10, 64)
		require.NoError(t, err)
		out.Reset()
		now := time.Unix(sec, 0).Add(time.Duration(index) * time.Second)
		fmt.Println("round: " + starterOutcome(digestSendNow(ctx, e, f.DigestJob, now), out.String()))
	}
}

func starterOutcome(err error, out string) string {
	switch {
	case err != nil:
		return "error: " + err.Error()
	case strings.Contains(out, "queued for"):
		return "queued"
	case strings.Contains(out, "already queued or sent"):
		return "taken"
	case strings.Contains(out, "nothing new"):
		return "nothing"
	}
	return "error: unexpected output " + out
}
