package main

import (
	"fmt"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/sandbox"
)

// killSend is a digest sent by the real binary against a sandbox that
// enforces the bot's own rate, the process SIGKILLed mid-send and restarted
// at once on the same database (issue 20: the sender keeps to the rate
// "also across a SIGKILL and restart mid-send"). Residents write /start
// around the kill, in three groups, each at once.
type killSend struct {
	rate, workers int
	subscribers   int
	killAfter     int // deliveries before the kill
	// answered write just before the kill and are answered by the first
	// process: their answers share the last window with the digest.
	answered int
	// cut write as the kill comes: their answers are in flight when it
	// lands, so the restarted bot replays their updates first thing (at
	// most telegram.max_concurrent_handlers, 128, handlers wait at once).
	cut int
	// waiting write while the bot is down: their updates reach the
	// restarted bot in its first poll.
	waiting int
}

// killSendRun is what the sandbox saw.
type killSendRun struct {
	chats     []int64
	residents []sandbox.User
	killedAt  time.Time // the first process's sends all arrived before
	walAtKill int64     // bytes of write-ahead log the killed process left
	restarted time.Time // the second process was started
	stats     sandbox.Stats
	sends     []sandbox.Call // every sendMessage, in the order answered
}

func (k killSend) run(tb testing.TB) killSendRun {
	tb.Helper()
	binary(tb) // skip early under -short
	db := filepath.Join(tb.TempDir(), "nazar.db")
	var r killSendRun
	r.chats = seedDigest(tb, db, k.subscribers)
	sb := sandbox.New(testToken)
	tb.Cleanup(sb.Close)
	sb.SetRateLimit(k.rate, 1)
	runCLI(tb, db, "digest", "send-now")
	env := []string{"NAZAR_DIGEST_RATE_PER_SECOND=" + strconv.Itoa(k.rate),
		"NAZAR_DIGEST_WORKERS=" + strconv.Itoa(k.workers), "NAZAR_LOG_LEVEL=warn"}

	first := startProcess(tb, sb, db, env, "run")
	if !poll(time.Minute, func() bool { return delivered(sb) >= k.killAfter }) {
		tb.Fatalf("delivered %d of %d before the kill; stderr:\n%s", delivered(sb), k.killAfter, first.stderr.String())
	}
	answered := r.write(sb, k.answered)
	if !poll(10*time.Second, func() bool { return allAnswered(sb, answered) }) {
		tb.Fatalf("the residents writing before the kill were not answered; stderr:\n%s", first.stderr.String())
	}
	// Hold every new request in the sandbox: once each worker (and each cut
	// resident's handler) waits there, every answer received before is
	// recorded, so what was delivered is exactly what the database says; the
	// held requests die with the process, undelivered. The kill follows at
	// once, with the last second's sends still in the sandbox's window.
	sb.SetLatency(time.Minute)
	r.killedAt = time.Now()
	r.write(sb, k.cut)
	held := k.workers + k.cut
	if !sb.WaitFor(10*time.Second, func() bool { return sb.Delayed("sendMessage") >= held }) {
		tb.Fatalf("%d of %d sends reached the hold", sb.Delayed("sendMessage"), held)
	}
	require.NoError(tb, first.cmd.Process.Signal(syscall.SIGKILL))
	<-first.done
	r.walAtKill = fileSize(tb, db+"-wal")
	sb.SetLatency(0)

	r.write(sb, k.waiting)
	r.restarted = time.Now()
	second := startProcess(tb, sb, db, env, "run")
	done := func() bool { return delivered(sb) >= k.subscribers+len(r.residents) && allAnswered(sb, r.residents) }
	if !poll(time.Minute, done) {
		tb.Fatalf("after the restart: %d deliveries; stderr:\n%s", delivered(sb), second.stderr.String())
	}
	time.Sleep(time.Second) // a duplicate, if any, would arrive now
	r.stats, r.sends = sb.Stats(), sb.Calls("sendMessage")
	return r
}

// write has n new residents send /start and returns them.
func (r *killSendRun) write(sb *sandbox.Server, n int) []sandbox.User {
	var users []sandbox.User
	for range n {
		id := int64(900_000 + len(r.residents))
		u := sandbox.User{ID: id, FirstName: fmt.Sprintf("Мешканка %d", id), LanguageCode: "uk"}
		r.residents = append(r.residents, u)
		users = append(users, u)
		sb.SendText(u, "/start")
	}
	return users
}

// poll is sb.WaitFor every 50 ms rather than 5: its conditions copy the
// sandbox's counters of thousands of chats under the lock every request takes,
// which at 5 ms took the CPU and the lock from the sends being measured.
func poll(timeout time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(50 * time.Millisecond)
	}
	return true
}

func allAnswered(sb *sandbox.Server, users []sandbox.User) bool {
	for _, u := range users {
		if len(sb.Messages(u.ID)) == 0 {
			return false
		}
	}
	return true
}

// TestDigestSendSurvivesSIGKILLWithout429OrDuplicates: a 2,000-subscriber
// digest at 500/s, the sandbox enforcing 500/s. 150 residents are answered,
// then the bot is SIGKILLed with a full window of sends behind it and 100
// residents' answers in flight; 100 more write while it is down. The
// restarted bot answers them and finishes the digest: every subscriber gets
// the digest once, every resident one answer, and the sandbox never answers
// 429, because the restart seeds its pace, before anything answers, with the
// last window's sends: the outbox's and the answers' (answer_sends).
// Without the seeding it met 31-38 429s; without the answers in it, 31-36
// in 2 runs of 3; with no resident at all, none (the outbox alone is spread
// one send per 1/rate and does not burst).
func TestDigestSendSurvivesSIGKILLWithout429OrDuplicates(t *testing.T) {
	k := killSend{rate: 500, workers: 8, subscribers: 2_000, killAfter: 800, answered: 150, cut: 100, waiting: 100}
	r := k.run(t)
	for _, c := range r.chats {
		require.Equal(t, 1, r.stats.SentPerChat[c], "chat %d got the digest once", c)
	}
	for _, u := range r.residents {
		require.Equal(t, 1, r.stats.SentPerChat[u.ID], "resident %d answered once", u.ID)
	}
	require.Zero(t, r.stats.TooMany, "429 answers across the kill and restart")
	// The store's background checkpoint starts the log over while the
	// digest goes out; PASSIVE alone never caught up with the stream of
	// commits, and the log grew by all of it: up to 18 MB here (2.3 MB now),
	// 97–151 MB in BenchmarkSendRateAcrossSIGKILL.
	require.Less(t, r.walAtKill, int64(8<<20), "write-ahead log left at the kill")
}

// BenchmarkSendRateAcrossSIGKILL runs the same scenario at Telegram's
// paid-broadcast ceiling: 16,000 subscribers at 1,000/s (16 workers, the
// sandbox enforcing 1,000/s), SIGKILLed after 8,000; 300 residents answered
// just before the kill, 100 cut by it, 300 writing while the bot is down
// (about 8 s of sending on either side). It reports the rate of delivered messages before the
// kill and after the restart (the restart's first send to its last, answers
// included: they share the pace) as % of the configured rate, the 429s over
// the whole run, and how long the restarted process took to its first send.
// Goal (issue 20): ≥ 99 % of the configured rate, 0 × 429, across a SIGKILL.
func BenchmarkSendRateAcrossSIGKILL(b *testing.B) {
	k := killSend{rate: 1000, workers: 16, subscribers: 16_000, killAfter: 8_000, answered: 300, cut: 100, waiting: 300}
	// Over several runs the worst of each figure is reported.
	before, after := math.Inf(1), math.Inf(1)
	var tooMany, firstSend float64
	for b.Loop() {
		r := k.run(b)
		pre, post := r.delivered(time.Time{}, r.killedAt), r.delivered(r.restarted, time.Time{})
		before, after = min(before, rate(pre)), min(after, rate(post))
		tooMany += float64(r.stats.TooMany)
		if len(post) > 0 {
			firstSend = max(firstSend, float64(post[0].At.Sub(r.restarted).Milliseconds()))
		}
	}
	b.ReportMetric(100*before/float64(k.rate), "%_before_kill")
	b.ReportMetric(100*after/float64(k.rate), "%_after_restart")
	b.ReportMetric(tooMany, "429s")
	b.ReportMetric(firstSend, "ms_to_first_send")
	b.ReportMetric(0, "ns/op")
}

// delivered is the successful sendMessage calls that arrived in [from, to)
// (a zero bound is open).
func (r killSendRun) delivered(from, to time.Time) []sandbox.Call {
	var out []sandbox.Call
	for _, c := range r.sends {
		if c.Status == http.StatusOK && !c.At.Before(from) && (to.IsZero() || c.At.Before(to)) {
			out = append(out, c)
		}
	}
	return out
}

// rate is messages a second from the first call's arrival to the last's.
func rate(calls []sandbox.Call) float64 {
	if len(calls) < 2 {
		return 0
	}
	return float64(len(calls)-1) / calls[len(calls)-1].At.Sub(calls[0].At).Seconds()
}

func fileSize(tb testing.TB, path string) int64 {
	tb.Helper()
	fi, err := os.Stat(path)
	require.NoError(tb, err)
	return fi.Size()
}
