package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"sort"
	"time"

	"github.com/transparentcities/nazar/lockout"
)

// The lookups guarded by the attempt lock; each counts its failures apart.
const (
	LookupCard    = "card"     // linking a card: number + date of birth
	LookupCardApp = "card_app" // "is my card ready?": application number + date of birth
	LookupVoucher = "voucher"  // voucher status: application number + tax id
)

// lookupHash is how the subject of a failed lookup (a card or application
// number) is kept: a keyed hash under the database key (store/sealed.go), so
// that a copy of the database cannot tell, by hashing every card number,
// which cards were tried. What is keyed is the plain hash versions before
// the key stored (and card_failures before them), so that their rows are
// converted at start (store/sealed_legacy.go) and a lock in force stays in
// force across the upgrade.
func (s *Store) lookupHash(scope, subject string) string {
	return s.hash(hashLookup, unkeyedLookupHash(scope, subject))
}

// unkeyedLookupHash is the subject hash of the versions before the key.
func unkeyedLookupHash(scope, subject string) string {
	sum := sha256.Sum256([]byte("nazar-" + scope + ":" + subject))
	return hex.EncodeToString(sum[:])
}

// RecordLookupFailure remembers one failed lookup of subject by a user and
// forgets failures too old to matter for any lock. label is what an admin
// may see of the subject (a masked card number, an application number).
func (s *Store) RecordLookupFailure(ctx context.Context, scope string, userID int64, subject, label string) error {
	now := s.now()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO lookup_failures(scope, user_id, subject_hash, keyed, label, at)
			VALUES (?, ?, ?, 1, ?, ?)`, scope, userID, s.lookupHash(scope, subject), label, unix(now)); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM lookup_failures WHERE at < ?`, unix(lockout.FailuresSince(now)))
		return err
	})
}

// LookupFailures returns the recent failed lookups in a scope by a user and
// of a subject (subject may be "" for the user's alone).
func (s *Store) LookupFailures(ctx context.Context, scope string, userID int64, subject string) (
	byUser, bySubject []time.Time, err error) {
	since := unix(lockout.FailuresSince(s.now()))
	if byUser, err = s.failureTimes(ctx, `scope = ? AND user_id = ?`, since, scope, userID); err != nil || subject == "" {
		return byUser, nil, err
	}
	bySubject, err = s.failureTimes(ctx, `scope = ? AND subject_hash = ?`, since, scope, s.lookupHash(scope, subject))
	return byUser, bySubject, err
}

func (s *Store) failureTimes(ctx context.Context, where string, since int64, args ...any) ([]time.Time, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT at FROM lookup_failures WHERE `+where+` AND at >= ? ORDER BY at`,
		append(args, since)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []time.Time
	for rows.Next() {
		var at int64
		if err := rows.Scan(&at); err != nil {
			return nil, err
		}
		out = append(out, fromUnix(at))
	}
	return out, rows.Err()
}

// LookupLock is a lock in force: of a user (UserID set) or of a subject
// (Label says which, as an admin may see it) in one scope.
type LookupLock struct {
	Scope  string
	UserID int64  // 0 for the lock of a subject
	Label  string // "" for the lock of a user
	Until  time.Time
}

// LookupLocks lists the locks in force now, the longest-lasting first, for
// the admin panel.
func (s *Store) LookupLocks(ctx context.Context) ([]LookupLock, error) {
	now := s.now()
	rows, err := s.db.QueryContext(ctx, `SELECT scope, user_id, subject_hash, label, at FROM lookup_failures
		WHERE at >= ? ORDER BY at`, unix(lockout.FailuresSince(now)))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	type key struct {
		scope   string
		user    int64
		subject string
	}
	failures, labels := map[key][]time.Time{}, map[key]string{}
	for rows.Next() {
		var k key
		var label string
		var at int64
		if err := rows.Scan(&k.scope, &k.user, &k.subject, &label, &at); err != nil {
			return nil, err
		}
		byUser, bySubject := key{scope: k.scope, user: k.user}, key{scope: k.scope, subject: k.subject}
		failures[byUser] = append(failures[byUser], fromUnix(at))
		failures[bySubject] = append(failures[bySubject], fromUnix(at))
		if label != "" {
			labels[bySubject] = label
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var out []LookupLock
	for k, times := range failures {
		if until := lockout.LockedUntil(times, now); !until.IsZero() {
			l := LookupLock{Scope: k.scope, UserID: k.user, Until: until}
			if k.subject != "" {
				l.Label = labels[k]
				if l.Label == "" {
					l.Label = "#" + k.subject[:8] // kept before labels existed: the hash names it
				}
			}
			out = append(out, l)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Until.Equal(out[j].Until) {
			return out[i].Until.After(out[j].Until)
		}
		return out[i].Scope+out[i].Label < out[j].Scope+out[j].Label
	})
	return out, nil
}
