// Package lockout is the rule of the attempt lock that guards every lookup
// revealing personal data (SPEC §4, issue 14): linking a card, "is my card
// ready?" and voucher status. MaxFailures failed tries by one user, or on
// one subject (a card, an application), within Window lock further tries
// for LockFor.
package lockout

import (
	"sort"
	"time"
)

// The limits, the same for every guarded lookup.
const (
	MaxFailures = 5
	Window      = 24 * time.Hour
	LockFor     = 24 * time.Hour
)

// LockedUntil returns when the lock made by failures ends, or the zero time
// when failures (of one card, or of one user) do not lock at now. Any
// MaxFailures failures within Window lock until LockFor after the last of
// them, so a user cannot wait out the window by spacing tries.
func LockedUntil(failures []time.Time, now time.Time) time.Time {
	if len(failures) < MaxFailures {
		return time.Time{}
	}
	f := append([]time.Time(nil), failures...)
	sort.Slice(f, func(i, j int) bool { return f[i].Before(f[j]) })
	var until time.Time
	for i := MaxFailures - 1; i < len(f); i++ {
		if f[i].Sub(f[i-MaxFailures+1]) < Window {
			if end := f[i].Add(LockFor); end.After(until) {
				until = end
			}
		}
	}
	if !until.After(now) {
		return time.Time{}
	}
	return until
}

// FailuresSince is how far back failures matter for LockedUntil at now:
// a lock can start from failures up to Window before its last one.
func FailuresSince(now time.Time) time.Time { return now.Add(-(Window + LockFor)) }

// Left is how many tries remain before failures lock at now (at least 1
// when they do not lock yet: the next failure may be the one that locks).
func Left(now time.Time, failures ...[]time.Time) int {
	most := 0
	for _, list := range failures {
		n := 0
		for _, f := range list {
			if now.Sub(f) < Window {
				n++
			}
		}
		most = max(most, n)
	}
	return max(MaxFailures-most, 1)
}
