// Package store keeps every piece of Nazar's state in one SQLite database:
// users, conversations, the audit log and, feature by feature, their data.
// Nothing outside this package writes SQL.
package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/transparentcities/nazar/store/dbkey"
)

// Options tune how the database is opened.
type Options struct {
	// BusyTimeout is how long a writer waits for the write lock held by another
	// connection (or process) before failing with SQLITE_BUSY.
	BusyTimeout time.Duration
	// Now is the clock used for every timestamp the store writes; time.Now when nil.
	Now func() time.Time
	// Key is the database key (32 bytes) that seals what residents typed.
	// When nil, it is read from KeyFile, which is created at the first start
	// (see openKeys).
	Key []byte
	// KeyFile holds the key as hex; "" means the database path plus ".key".
	KeyFile string
	// NoSearchCache ranks every business search anew (benchmarks measure
	// the uncached path with it; see store/business_search.go).
	NoSearchCache bool
	// CheckpointEvery is how often the log is checkpointed in the
	// background after a commit (store/checkpoint.go); 200 ms when 0.
	CheckpointEvery time.Duration
}

// Store is the SQLite database of one city deployment.
type Store struct {
	db   *sql.DB
	path string // the database file, for the import lock beside it
	now  func() time.Time
	// keys seal and hash personal data (store/sealed.go).
	keys *dbkey.Keys
	// sendMu queues the outbox sender's own writes in Go. SQLite has one
	// writer at a time, and a writer that finds the lock taken sleeps in
	// SQLite's busy handler (1, 2, 5… ms): at hundreds of sends per second
	// those sleeps, not the work, would set the pace.
	sendMu sync.Mutex
	// checkpoints copies the log into the database in the background
	// (store/checkpoint.go).
	checkpoints checkpointer
	// figures caches CouncilDeputies per council import (store/council_cache.go).
	figures deputiesCache
	// search caches business search rankings (store/business_search.go).
	search searchCache
	// openHours indexes businesses' hours for "open now" (store/business_open_index.go).
	openHours openIndexCache
	// stmts are the hot statements, prepared once (store/prepared.go).
	stmts preparedStmts
	// deputies are the council's names for deputy search (store/council_names.go).
	deputies deputyNames
}

// stmtCacheSize is how many prepared statements each connection keeps: the
// bot's hot path (users, conversations, updates, the outbox) uses a few
// dozen.
const stmtCacheSize = 64

// Open opens (creating it and its folder when missing) the database at path in
// WAL mode with foreign keys on. It does not migrate; call Migrate.
//
// Concurrency: WAL lets readers run beside the one writer. Writers use
// BEGIN IMMEDIATE (_txlock=immediate) so that two writing transactions queue on
// the busy timeout at their start instead of deadlocking on a lock upgrade.
func Open(path string, opts Options) (*Store, error) {
	if path == "" {
		return nil, errors.New("database.path is empty")
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("create database folder: %w", err)
		}
	}
	if err := createPrivate(path); err != nil {
		return nil, err
	}
	if opts.BusyTimeout <= 0 {
		opts.BusyTimeout = 5 * time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	// secure_delete=fast zeroes deleted content where that costs no extra
	// I/O: an update's stored body (what a resident typed, card numbers
	// included) is cleared once handled and should not linger in the page.
	// SQLite's own busy handler waits a millisecond; waitingConnector waits
	// the rest of BusyTimeout in millisecond steps (see busy.go). Each
	// connection keeps its most recent statements prepared: compiling the
	// SQL was a third of the cost of reading a user.
	// _mutex=no: database/sql never uses one connection from two goroutines
	// at once, so SQLite's lock around every call (every bound value of a
	// thousand-row INSERT) is pure cost, a tenth of a large import's time.
	dsn := fmt.Sprintf("file:%s?_journal_mode=WAL&_foreign_keys=on&_busy_timeout=%d&_txlock=immediate&_synchronous=NORMAL"+
		"&_secure_delete=fast&_mutex=no&_stmt_cache_size=%d", path, busyPoll.Milliseconds(), stmtCacheSize)
	st := &Store{path: path, now: opts.Now, search: searchCache{off: opts.NoSearchCache}}
	db := sql.OpenDB(waitingConnector{dsn: dsn, wait: opts.BusyTimeout, commits: &st.checkpoints.commits})
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(8)
	db.SetConnMaxIdleTime(time.Minute)
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if err := tightenModes(path); err != nil {
		db.Close()
		return nil, err
	}
	keys, err := openKeys(context.Background(), db, path, opts)
	if err != nil {
		db.Close()
		return nil, err
	}
	st.db, st.keys = db, keys
	st.checkpoints.start(st, cmp.Or(opts.CheckpointEvery, defaultCheckpointEvery))
	return st, nil
}

// Close closes the database.
func (s *Store) Close() error {
	if s.checkpoints.stop != nil {
		s.checkpoints.stop()
	}
	s.closePrepared()
	return s.db.Close()
}

// Ping checks that the database answers a query.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	return s.db.QueryRowContext(ctx, "SELECT 1").Scan(&one)
}

// Now is the store's clock.
func (s *Store) Now() time.Time { return s.now() }

// SizeBytes reports the size of the database file and its WAL.
func (s *Store) SizeBytes(ctx context.Context) (int64, error) {
	var pages, size int64
	if err := s.db.QueryRowContext(ctx, "PRAGMA page_count").Scan(&pages); err != nil {
		return 0, err
	}
	if err := s.db.QueryRowContext(ctx, "PRAGMA page_size").Scan(&size); err != nil {
		return 0, err
	}
	return pages * size, nil
}

// inTx runs fn in one transaction, committed only when fn returns nil.
func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// unix converts a time to the integer seconds stored in the database.
func unix(t time.Time) int64 { return t.Unix() }

// fromUnix converts stored seconds back to a UTC time.
func fromUnix(sec int64) time.Time { return time.Unix(sec, 0).UTC() }

// Checkpoint copies the write-ahead log into the database file and empties
// it. After a large import the log can hold tens of megabytes; the next
// writer would otherwise pay for copying it back.
func (s *Store) Checkpoint(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	return err
}
