package bot

import (
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Whatever the workers' timing, no send starts while n others either are in
// flight or returned less than a window before: then no sliding window at
// Telegram, which sees each request between its start and its return, can
// hold more than n.
func TestPaceNeverPutsMoreThanNInAWindow(t *testing.T) {
	const n, sends = 10, 60
	p := NewPace(n * 5) // 50 a second: the window is one second, the gap 20 ms
	p.done = make([]time.Time, n)
	p.window, p.gap = 200*time.Millisecond, 20*time.Millisecond // ten in any 200 ms: a short test
	type span struct{ start, end time.Time }
	var mu sync.Mutex
	var spans []span
	var wg sync.WaitGroup
	for w := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < sends; i += 6 {
				finished, err := p.Wait(t.Context(), i%7 == 0) // some answers among the outbox
				if !assert.NoError(t, err) {
					return
				}
				s := span{start: time.Now()}
				time.Sleep(time.Duration(i%4) * time.Millisecond) // the request's round trip
				s.end = time.Now()
				finished()
				mu.Lock()
				spans = append(spans, s)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	require.Len(t, spans, sends)
	for _, s := range spans {
		overlapping := 0 // sends that may arrive within the window ending at s's arrival
		for _, o := range spans {
			if !o.start.After(s.start) && o.end.After(s.start.Add(-p.window)) {
				overlapping++
			}
		}
		assert.LessOrEqual(t, overlapping, n, "a window holds at most n (itself included)")
	}
}

// A restarted bot takes the sends of the last window (from the outbox) into
// its pace: with n of them a moment ago, the next send waits for the window.
func TestPaceSeededByTheLastWindowDoesNotBurst(t *testing.T) {
	p := NewPace(5)
	now := time.Now()
	p.now = func() time.Time { return now }
	var recent []time.Time
	for i := range 5 {
		recent = append(recent, now.Add(-time.Duration(100*(i+1))*time.Millisecond))
	}
	p.Seed(recent)
	start, ok := p.earliest(now, true)
	require.True(t, ok)
	assert.Equal(t, now.Add(500*time.Millisecond), start, "the oldest of the five left the window")

	fresh := NewPace(5)
	start, ok = fresh.earliest(now, true)
	require.True(t, ok)
	assert.Equal(t, now, start, "without sends in the window, at once")
}

// Seeding after a send keeps that send: the window holds the latest n of
// both, in time order (the old Seed wrote over the ring where it stood and
// took a send 900 ms old for the third latest).
func TestPaceSeedKeepsTheSendsAlreadyRecorded(t *testing.T) {
	p := NewPace(3)
	now := time.Now()
	p.now = func() time.Time { return now }
	finished, err := p.Wait(t.Context(), true)
	require.NoError(t, err)
	finished() // returned now
	p.Seed([]time.Time{now.Add(-100 * time.Millisecond), now.Add(-900 * time.Millisecond), now.Add(-800 * time.Millisecond)})
	start, ok := p.earliest(now, true)
	require.True(t, ok)
	assert.Equal(t, now.Add(200*time.Millisecond), start, "the third latest, 800 ms ago, leaves the window first")
}

// The outbox spreads itself over the places the answers leave, at the
// answers' rate over the last tenth of a second: with 8 answers in it at
// 200 a second, one send per 1 s / 120, not per 1 s / 200. Spread at n beside the answers it filled
// each window early, and then answers and outbox alike waited for the
// oldest sends to leave it: ~250 ms once a second with residents chatting
// during a digest.
func TestPaceSpreadsTheOutboxOverWhatTheAnswersLeave(t *testing.T) {
	p := NewPace(200)
	now := time.Now()
	p.now = func() time.Time { return now }
	outboxGap := func() time.Duration {
		p.mu.Lock()
		defer p.mu.Unlock()
		return p.outboxGap(p.recentAnswers(now))
	}
	answer := func() {
		finished, err := p.Wait(t.Context(), true)
		require.NoError(t, err)
		finished()
	}
	assert.Equal(t, time.Second/200, outboxGap(), "no answers: n a window")

	for range 50 {
		answer()
	}
	now = now.Add(10 * time.Millisecond)
	assert.Equal(t, time.Second/100, outboxGap(), "50 in a tenth of the window: 500 a window, at most half: window/(n−100)")

	for range 8 {
		answer()
	}
	now = now.Add(100 * time.Millisecond)
	assert.Equal(t, time.Second/120, outboxGap(), "the burst went, 8 in the last tenth: window/(n−80)")

	now = now.Add(time.Second + time.Millisecond)
	assert.Equal(t, time.Second/200, outboxGap(), "the answers left the window: n a window again")
}

// The outbox keeps its rate when its workers wake late, as timers and a
// busy machine make them: the spacing is a clock of its own, not the last
// start plus a gap. Moved to each start, it added every late wake-up to the
// starts after it: here, 1 ms late on average at 100 a second, 91 % of the
// rate (and in the real binary, at the window's limit, 99.6 %).
func TestPaceKeepsItsRateWhenWorkersWakeLate(t *testing.T) {
	p := NewPace(100) // a gap of 10 ms
	now := time.Now()
	p.now = func() time.Time { return now }
	begin := now
	for i := range 1000 { // ten seconds
		p.mu.Lock()
		start, ok := p.earliest(now, false)
		p.mu.Unlock()
		require.True(t, ok)
		now = laterOf(now, start).Add(time.Duration(i%5) * 500 * time.Microsecond) // 0–2 ms late
		finished, err := p.Wait(t.Context(), false)
		require.NoError(t, err)
		now = now.Add(300 * time.Microsecond) // the round trip
		finished()
	}
	rate := 999 / now.Sub(begin).Seconds()
	assert.GreaterOrEqual(t, rate, 99.5, "sends a second, of 100")
}

// An answer that waited for its place (a backlog, such as the residents
// writing to a restarted bot) does not count towards the answers' rate the
// outbox leaves room for: while it waited the outbox was held back anyway,
// and a backlog says nothing of the answers to come.
func TestPaceCountsOnlyAnswersThatFoundAPlaceAtOnce(t *testing.T) {
	p := NewPace(5)
	p.window, p.gap = 20*time.Millisecond, 4*time.Millisecond // five in any 20 ms: a short test
	now := time.Now()
	p.now = func() time.Time { return now }
	answer := func() {
		finished, err := p.Wait(t.Context(), true)
		require.NoError(t, err)
		finished()
	}
	answer()
	assert.Len(t, p.answered, 1, "found its place at once")

	for i := range p.done {
		p.done[i] = now // the window is full
	}
	answer() // waits 20 ms for the oldest to leave
	assert.Len(t, p.answered, 1, "waited for its place: not counted")
}

// Answers are forgotten once older than the horizon even when no outbox
// send asks for the spacing (a bot with no digest going out).
func TestPaceForgetsOldAnswersWithoutAnOutbox(t *testing.T) {
	p := NewPace(200)
	now := time.Now()
	p.now = func() time.Time { return now }
	for range 1000 {
		finished, err := p.Wait(t.Context(), true)
		require.NoError(t, err)
		finished()
		now = now.Add(10 * time.Millisecond)
	}
	assert.LessOrEqual(t, len(p.answered), 11, "only the last tenth of a second's answers are kept")
}

// A late outbox worker catches up on the clock, but not on the first send
// (there is nothing to catch up) and not while answers are about (the places
// it would catch up are theirs).
func TestPaceOutboxCatchesUpOnlyWithoutAnswers(t *testing.T) {
	p := NewPace(100) // a gap of 10 ms
	now := time.Now()
	p.now = func() time.Time { return now }
	send := func(answer bool) {
		finished, err := p.Wait(t.Context(), answer)
		require.NoError(t, err)
		finished()
	}
	send(false)
	assert.Equal(t, now.Add(p.gap), p.outboxAt, "the first send: the next a gap later")

	now = now.Add(10 * p.gap) // the worker comes back late
	send(false)
	assert.Equal(t, now.Add(-(outboxCatchUp-1)*p.gap), p.outboxAt, "late: it may catch up")

	now = now.Add(10 * p.gap)
	send(true)
	now = now.Add(p.gap)
	send(false)
	gap := p.window / time.Duration(100-answerHorizon) // one answer in the last tenth
	assert.Equal(t, now.Add(gap), p.outboxAt, "an answer a moment ago: a gap from this send, no catching up")
}

// Quiet: nothing waiting, nothing in flight, the latest return d ago.
func TestPaceQuiet(t *testing.T) {
	p := NewPace(10)
	now := time.Now()
	p.now = func() time.Time { return now }
	assert.True(t, p.Quiet(time.Second), "nothing ever sent")
	finished, err := p.Wait(t.Context(), false)
	require.NoError(t, err)
	assert.False(t, p.Quiet(time.Second), "a send in flight")
	finished()
	now = now.Add(999 * time.Millisecond)
	assert.False(t, p.Quiet(time.Second), "returned 999 ms ago")
	now = now.Add(time.Millisecond)
	assert.True(t, p.Quiet(time.Second))
}
