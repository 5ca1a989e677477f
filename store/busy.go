package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"sync/atomic"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// A writer that finds SQLite's write lock taken waits in SQLite's busy
// handler, which sleeps 1, 2, 5… then 100 ms between tries. Beside an import
// that writes in short transactions with short gaps between them (see
// stagedWriter), such a writer keeps waking in the middle of a transaction:
// it would wait hundreds of milliseconds for a lock that is free every few.
// waitingConnector wraps every connection so that a statement that meets a
// held lock outside a transaction is tried again every millisecond, up to
// the store's busy timeout: it gets the lock within a millisecond of its
// release, and "database is locked" means the lock was held that long.

// busyPoll is how long SQLite's own handler waits before a try returns to
// Go, and how long Go sleeps before the next one.
const busyPoll = time.Millisecond

// waitingConnector opens mattn connections with a short busy timeout and
// wraps them in waitingConn.
type waitingConnector struct {
	dsn  string
	wait time.Duration
	// commits, when set, turns SQLite's automatic checkpoint off on each
	// connection and is set at each commit: the store checkpoints in the
	// background instead (store/checkpoint.go).
	commits *atomic.Bool
}

func (c waitingConnector) Connect(ctx context.Context) (driver.Conn, error) {
	// Opening runs pragmas (WAL mode on a new file) that need the lock too.
	conn, err := retry(ctx, c.wait, func() (driver.Conn, error) { return (&sqlite3.SQLiteDriver{}).Open(c.dsn) })
	if err != nil {
		return nil, err
	}
	sc := conn.(*sqlite3.SQLiteConn)
	if c.commits != nil {
		if _, err := sc.Exec(`PRAGMA wal_autocheckpoint = 0`, nil); err != nil {
			sc.Close()
			return nil, err
		}
		sc.RegisterCommitHook(func() int { c.commits.Store(true); return 0 })
	}
	return &waitingConn{SQLiteConn: sc, wait: c.wait}, nil
}

func (c waitingConnector) Driver() driver.Driver { return &sqlite3.SQLiteDriver{} }

// waitingConn is a mattn connection whose BEGIN and autocommit statements
// wait for a held write lock in busyPoll steps.
type waitingConn struct {
	*sqlite3.SQLiteConn
	wait time.Duration
}

// isBusy reports a lock held by another connection (SQLITE_BUSY and its
// extended codes).
func isBusy(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.Code == sqlite3.ErrBusy
}

// retry runs try until it succeeds, fails otherwise than busy, the context
// ends or the wait is over. Only safe where a busy try changed nothing: a
// BEGIN, or a statement outside a transaction.
func retry[T any](ctx context.Context, wait time.Duration, try func() (T, error)) (T, error) {
	deadline := time.Now().Add(wait)
	for {
		v, err := try()
		if !isBusy(err) || time.Now().After(deadline) {
			return v, err
		}
		t := time.NewTimer(busyPoll)
		select {
		case <-ctx.Done():
			t.Stop()
			return v, err
		case <-t.C:
		}
	}
}

func (c *waitingConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	return retry(ctx, c.wait, func() (driver.Tx, error) { return c.SQLiteConn.BeginTx(ctx, opts) })
}

func (c *waitingConn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}

func (c *waitingConn) ExecContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Result, error) {
	if !c.AutoCommit() {
		return c.SQLiteConn.ExecContext(ctx, q, args)
	}
	return retry(ctx, c.wait, func() (driver.Result, error) { return c.SQLiteConn.ExecContext(ctx, q, args) })
}

// QueryContext retries a busy first step, which the driver takes either at
// once or at the first Next (an INSERT … RETURNING outside a transaction).
func (c *waitingConn) QueryContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Rows, error) {
	if !c.AutoCommit() {
		return c.SQLiteConn.QueryContext(ctx, q, args)
	}
	open := func() (driver.Rows, error) { return c.SQLiteConn.QueryContext(ctx, q, args) }
	rows, err := retry(ctx, c.wait, open)
	if err != nil {
		return nil, err
	}
	return &waitingRows{Rows: rows, ctx: ctx, wait: c.wait, reopen: open}, nil
}

// waitingRows tries a query again when its first row meets a held lock.
type waitingRows struct {
	driver.Rows // nil between a busy try and the next
	ctx         context.Context
	wait        time.Duration
	reopen      func() (driver.Rows, error)
	started     bool
}

func (r *waitingRows) Next(dest []driver.Value) error {
	if r.started {
		return r.Rows.Next(dest)
	}
	r.started = true
	_, err := retry(r.ctx, r.wait, func() (struct{}, error) {
		if r.Rows == nil {
			rows, err := r.reopen()
			if err != nil {
				return struct{}{}, err
			}
			r.Rows = rows
		}
		err := r.Rows.Next(dest)
		if isBusy(err) {
			r.Rows.Close()
			r.Rows = nil
		}
		return struct{}{}, err
	})
	return err
}

func (r *waitingRows) Close() error {
	if r.Rows == nil {
		return nil
	}
	return r.Rows.Close()
}
