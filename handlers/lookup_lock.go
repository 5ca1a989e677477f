package handlers

import (
	"context"
	"time"

	"github.com/transparentcities/nazar/lockout"
)

// LookupLockStore is what the attempt lock needs from the store.
type LookupLockStore interface {
	RecordLookupFailure(ctx context.Context, scope string, userID int64, subject, label string) error
	LookupFailures(ctx context.Context, scope string, userID int64, subject string) (byUser, bySubject []time.Time, err error)
}

// lookupLock guards one lookup that reveals personal data (linking a card,
// "is my card ready?", voucher status) with the rule of package lockout:
// too many failures by the user, or on the subject (the card or
// application asked about, whoever asked), lock further tries. The three
// flows share it; they differ only in scope and wording.
type lookupLock struct {
	Store    LookupLockStore
	Scope    string         // store.Lookup…
	Locked   string         // the answer to a locked try, with {{.Until}}
	Location *time.Location // the city's, for the time shown
}

// check answers with the lock (ending the conversation) when the user, or
// the subject when it is set, is locked at req.Now.
func (k lookupLock) check(ctx context.Context, req *Request, subject string) (bool, Response, error) {
	byUser, bySubject, err := k.Store.LookupFailures(ctx, k.Scope, req.UserID, subject)
	if err != nil {
		return false, Response{}, err
	}
	until := lockout.LockedUntil(byUser, req.Now)
	if u := lockout.LockedUntil(bySubject, req.Now); u.After(until) {
		until = u
	}
	if until.IsZero() {
		return false, Response{}, nil
	}
	return true, WithMenu(req.L, req.L.T(k.Locked, map[string]any{"Until": req.L.DateTime(until.In(k.Location))})), nil
}

// fail records a failed lookup of subject (label is what an admin may see
// of it). When this failure locks, locked is true and resp the lock answer;
// otherwise left is how many tries remain.
func (k lookupLock) fail(ctx context.Context, req *Request, subject, label string) (locked bool, resp Response, left int, err error) {
	if err := k.Store.RecordLookupFailure(ctx, k.Scope, req.UserID, subject, label); err != nil {
		return false, Response{}, 0, err
	}
	if locked, resp, err := k.check(ctx, req, subject); locked || err != nil {
		return locked, resp, 0, err
	}
	byUser, bySubject, err := k.Store.LookupFailures(ctx, k.Scope, req.UserID, subject)
	return false, Response{}, lockout.Left(req.Now, byUser, bySubject), err
}
