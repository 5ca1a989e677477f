package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// Source states: new (never fetched), ok (the last attempt ended with good
// data) and failed (it did not; the data imported before stays).
const (
	SourceNew    = "new"
	SourceOK     = "ok"
	SourceFailed = "failed"
)

// SourceState is what the bot remembers of one data source between runs.
type SourceState struct {
	Name, Dataset, State string
	ETag, LastModified   string // validators of the content last imported
	Hash, FailedHash     string // SHA-256 of the content last imported, and of content that failed
	Rows                 int
	LastFetch            time.Time // zero = never
	LastChange           time.Time
	LastSuccess          time.Time
	LastError            string
	Failures             int
	Transitions          int
}

const sourceColumns = `name, dataset, state, etag, last_modified, hash, failed_hash, rows, last_fetch, last_change,
	last_success, last_error, failures, transitions`

// SourceStates lists every source the bot has state for, by name.
func (s *Store) SourceStates(ctx context.Context) ([]SourceState, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+sourceColumns+` FROM sources ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []SourceState
	for rows.Next() {
		st, err := scanSource(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// SourceStateOf returns one source's state; a source never run is in state
// new with everything else empty.
func (s *Store) SourceStateOf(ctx context.Context, name string) (SourceState, error) {
	return sourceState(s.db.QueryRowContext(ctx, `SELECT `+sourceColumns+` FROM sources WHERE name = ?`, name), name)
}

// UpdateSource reads a source's state, lets next decide the new state and
// the pushes it causes (the admins' alert), and writes both in one
// transaction: a change of state is recorded and announced together or not
// at all, and BEGIN IMMEDIATE keeps two processes from deciding on the same
// old state.
func (s *Store) UpdateSource(ctx context.Context, name string,
	next func(prev SourceState) (SourceState, []Push)) (SourceState, error) {
	var saved SourceState
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		prev, err := sourceState(tx.QueryRowContext(ctx, `SELECT `+sourceColumns+` FROM sources WHERE name = ?`, name), name)
		if err != nil {
			return err
		}
		st, pushes := next(prev)
		st.Name = name
		if _, err := tx.ExecContext(ctx, `INSERT INTO sources(`+sourceColumns+`) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
			ON CONFLICT(name) DO UPDATE SET dataset = excluded.dataset, state = excluded.state, etag = excluded.etag,
			last_modified = excluded.last_modified, hash = excluded.hash, failed_hash = excluded.failed_hash,
			rows = excluded.rows, last_fetch = excluded.last_fetch, last_change = excluded.last_change,
			last_success = excluded.last_success, last_error = excluded.last_error, failures = excluded.failures,
			transitions = excluded.transitions`,
			st.Name, st.Dataset, st.State, st.ETag, st.LastModified, st.Hash, st.FailedHash, st.Rows,
			unixOrZero(st.LastFetch), unixOrZero(st.LastChange), unixOrZero(st.LastSuccess), st.LastError,
			st.Failures, st.Transitions); err != nil {
			return err
		}
		saved = st
		_, err = s.enqueueTx(ctx, tx, pushes)
		return err
	})
	return saved, err
}

type rowScanner interface{ Scan(dest ...any) error }

func sourceState(row *sql.Row, name string) (SourceState, error) {
	st, err := scanSource(row)
	if errors.Is(err, sql.ErrNoRows) {
		return SourceState{Name: name, State: SourceNew}, nil
	}
	return st, err
}

func scanSource(row rowScanner) (SourceState, error) {
	var st SourceState
	var fetch, change, success int64
	err := row.Scan(&st.Name, &st.Dataset, &st.State, &st.ETag, &st.LastModified, &st.Hash, &st.FailedHash, &st.Rows,
		&fetch, &change, &success, &st.LastError, &st.Failures, &st.Transitions)
	st.LastFetch, st.LastChange, st.LastSuccess = zeroOrTime(fetch), zeroOrTime(change), zeroOrTime(success)
	return st, err
}

// unixOrZero stores a zero time as 0 ("never").
func unixOrZero(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return unix(t)
}

func zeroOrTime(sec int64) time.Time {
	if sec == 0 {
		return time.Time{}
	}
	return fromUnix(sec)
}
