package bot

import (
	"context"
	"slices"
	"sync"
	"time"
)

// Pace keeps every message the bot sends — answers and the outbox together —
// within Telegram's limit, counted as Telegram (and the sandbox) counts it:
// at most n messages arriving in any sliding window (one second at n per
// second).
//
// A request arrives after it starts and before it returns. So a send may
// start at t when fewer than n sends either are in flight or returned after
// t − window: however requests jitter, no window then holds more than n.
// No margin under the limit is needed; the rate reached is n per window
// plus about one round trip.
//
// The outbox's sends are also spread evenly, one per window/n (a few may
// catch up after a late one), and reserve their start at most a few gaps
// ahead: taking a whole window's places at its start would leave an answer
// nothing until the window had passed. That spacing is a clock of its own
// (outboxAt), one gap a send, on which a worker that woke late may catch up
// a few places (nextOutbox). Moved to each start instead, the clock added
// every late wake-up to all the starts after it; at the limit, where each
// start follows a return of a window before, those delays summed to 0.4 %
// of the rate.
//
// Answers to residents go first: while an answer waits, the outbox reserves
// nothing, and the outbox spreads itself over what the answers leave: with
// answers at A a window, one send per window/(n−A) (outboxGap). Spread at n a
// window beside the answers, the outbox would fill each window early, and
// then everyone, answers too, waited for the oldest sends to leave it — a
// quarter of a second once a second at 80 answers and 200 outbox messages
// a second, the pattern repeating because places free up as they were
// taken. Answers are not spread; they wait only when the window is full,
// and then, the outbox being spread, for about a gap.
type Pace struct {
	window time.Duration
	gap    time.Duration // window/n: the outbox's spacing
	mu     sync.Mutex
	// done holds the return times of the last n sends, in the order they
	// returned (so in time order); at is where the next one goes.
	done     []time.Time
	at       int
	inFlight int // started or reserved, not yet returned
	answers  int // answers waiting for a place
	// lastAnswer is when an answer last asked for a place: while answers
	// are about the outbox does not catch up (nextOutbox).
	lastAnswer time.Time
	// answered holds the return times of the latest answers (outboxGap),
	// oldest first: what the outbox spreads itself around.
	answered []time.Time
	outboxAt time.Time // the outbox's clock: its next send's place
	// changed is closed (and replaced) when a send returns or an answer
	// stops waiting: what an untimed wait waits for.
	changed chan struct{}
	now     func() time.Time
}

// outboxCatchUp is how many gaps the outbox may send closer together after
// a late start, and how far ahead it reserves (a timer fires late by tens
// of microseconds; at 1,000 a second that lost time would otherwise cost
// percents of the rate).
const outboxCatchUp = 4

// NewPace is a pace of ratePerSecond messages: n = ⌊rate⌋ per second, or one
// per 1/rate seconds below one a second.
func NewPace(ratePerSecond float64) *Pace {
	n, window := int(ratePerSecond), time.Second
	if n < 1 {
		n, window = 1, time.Duration(float64(time.Second)/max(ratePerSecond, 1e-3))
	}
	return &Pace{window: window, gap: window / time.Duration(n), done: make([]time.Time, n),
		changed: make(chan struct{}), now: time.Now}
}

// Seed records sends made before this process started, each by the time it
// returned as far as known, so that a restart after a SIGKILL mid-send does
// not send a second window's worth at once. Call it before sending (seedPace);
// sends already recorded are kept, the latest n of both in time order.
func (p *Pace) Seed(returned []time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	all := append(slices.Clone(p.done), returned...)
	slices.SortFunc(all, func(a, b time.Time) int { return a.Compare(b) })
	copy(p.done, all[len(all)-len(p.done):])
	p.at = 0 // the oldest, where the next return goes
}

// Wait takes a place for one message and waits for its start; answer gives
// it precedence over the outbox. Call finished as soon as the request has
// returned, whatever its outcome.
func (p *Pace) Wait(ctx context.Context, answer bool) (finished func(), err error) {
	p.mu.Lock()
	arrived := p.now()
	if answer {
		p.answers++
		p.lastAnswer = arrived
		defer func() { p.mu.Lock(); p.answers--; p.wake(); p.mu.Unlock() }()
	}
	for {
		now := p.now()
		start, ok := p.earliest(now, answer)
		var wait time.Duration // 0 (with !ok): until something changes
		switch {
		case ok && (answer || start.Sub(now) <= outboxCatchUp*p.gap):
			p.inFlight++
			if !answer {
				p.outboxAt = p.nextOutbox(now, start)
			}
			p.mu.Unlock()
			finish := p.finish
			if answer && start.Sub(arrived) <= p.gap {
				// An answer that found its place at once tells the rate
				// answers arrive at; one that waited for a place (a backlog,
				// such as the residents waiting for a restarted bot) held the
				// outbox back while it waited and tells nothing of the next.
				finish = p.finishAnswer
			}
			if d := start.Sub(now); d > 0 {
				if err := waitChange(ctx, nil, d); err != nil {
					p.finish() // not sent: no room for it in the next window
					return nil, err
				}
			}
			return finish, nil
		case ok:
			wait = start.Sub(now) - outboxCatchUp*p.gap
		}
		changed := p.changed
		p.mu.Unlock()
		if err := waitChange(ctx, changed, wait); err != nil {
			return nil, err
		}
		p.mu.Lock()
	}
}

// earliest is when one more send may start; ok is false when it must wait
// for a send to return first (or, for the outbox, for the answers).
func (p *Pace) earliest(now time.Time, answer bool) (time.Time, bool) {
	n := len(p.done)
	k := n - p.inFlight // returned sends the window can still hold, ours included
	if k <= 0 || (!answer && p.answers > 0) {
		return time.Time{}, false
	}
	// The k-th latest return must be a whole window before the start.
	start := laterOf(now, p.done[(p.at-k+n)%n].Add(p.window))
	if !answer {
		start = laterOf(start, p.outboxAt)
	}
	return start, true
}

// nextOutbox is the outbox's next place after a send of it placed at start
// (now or later): a gap on, on its own clock. A worker that woke late may
// catch up the few places it lost, except on the first send (nothing to
// catch up: four sends at once at a digest's start made a full window at
// every turn of the second after, where answers then waited 50–60 ms) and
// while answers are about (those places are theirs). p.mu is held.
func (p *Pace) nextOutbox(now, start time.Time) time.Time {
	from := now.Add(-outboxCatchUp * p.gap)
	if p.outboxAt.IsZero() || p.answers > 0 || now.Sub(p.lastAnswer) < p.window/answerHorizon {
		from = start
	}
	return laterOf(p.outboxAt, from).Add(p.outboxGap(p.recentAnswers(now)))
}

// outboxGap is the outbox's spacing beside the answers that returned in
// the last tenth of a window: the window shared among the places they
// leave, at that rate (a burst of answers, such as those waiting for a
// restarted bot, slows the outbox for a tenth of a window, not a whole one,
// while the places it frees go unused), and never below half the places.
func (p *Pace) outboxGap(recentAnswers int) time.Duration {
	n := len(p.done)
	answers := min(recentAnswers*answerHorizon, n/2)
	return p.window / time.Duration(max(n-answers, 1))
}

// answerHorizon: the answers' rate is measured over window/answerHorizon.
const answerHorizon = 10

// recentAnswers forgets the answers older than the horizon and counts the
// others; p.mu is held.
func (p *Pace) recentAnswers(now time.Time) int {
	since := now.Add(-p.window / answerHorizon)
	old := 0
	for old < len(p.answered) && p.answered[old].Before(since) {
		old++
	}
	p.answered = p.answered[old:]
	return len(p.answered)
}

// finishAnswer records an answer's return. It forgets old answers itself:
// with no outbox running nothing else would, and the list would grow with
// every answer.
func (p *Pace) finishAnswer() {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	p.recentAnswers(now)
	p.answered = append(p.answered, now)
	p.returned(now)
}

// finish records a send's return.
func (p *Pace) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.returned(p.now())
}

// returned records a send's return at now; p.mu is held.
func (p *Pace) returned(now time.Time) {
	p.inFlight--
	p.done[p.at], p.at = now, (p.at+1)%len(p.done)
	p.wake()
}

// Quiet tells whether nothing has been sent for d: no message waits for a
// place or is in flight, and the latest returned at least d ago.
func (p *Pace) Quiet(d time.Duration) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := len(p.done)
	return p.inFlight == 0 && p.answers == 0 && p.now().Sub(p.done[(p.at-1+n)%n]) >= d
}

func laterOf(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// wake tells every untimed waiter to look again; p.mu is held.
func (p *Pace) wake() {
	close(p.changed)
	p.changed = make(chan struct{})
}

// waitChange waits for changed, for d when d > 0, or for ctx.
func waitChange(ctx context.Context, changed <-chan struct{}, d time.Duration) error {
	var timeout <-chan time.Time
	if d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		timeout = t.C
	}
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-changed:
	case <-timeout:
	}
	return nil
}
