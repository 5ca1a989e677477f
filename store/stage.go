package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/transparentcities/nazar/store/dbkey"
)

// A large import must not hold SQLite's one write lock for seconds: every
// reply of the bot waits behind it. Imports therefore build their result
// where no one waits for it (a scratch database file, or a staging table
// filled in short transactions) and make it visible in one short
// transaction. The helpers here are shared by those imports.

// chunkHold is how long one staging transaction aims to hold the write
// lock; chunkGap is the pause after it, in which writers polling every
// busyPoll (the bot's) take their turn.
const (
	chunkHold = 60 * time.Millisecond
	chunkGap  = 2 * time.Millisecond
)

// scratchSuffix names the scratch database beside the real one.
const scratchSuffix = ".import-scratch"

// openScratch creates an empty database with the full schema at path, for
// an import to work in. Nothing in it needs to survive a crash: no journal
// on disk, no syncing. It seals and hashes with keys, the real database's:
// what the import writes there is copied as it is.
func openScratch(ctx context.Context, path string, now func() time.Time, keys *dbkey.Keys) (*Store, error) {
	removeScratch(path)
	// Private like the database itself: it holds the same kind of rows.
	if err := createPrivate(path); err != nil {
		return nil, err
	}
	dsn := fmt.Sprintf("file:%s?_journal_mode=MEMORY&_synchronous=OFF&_foreign_keys=off&_busy_timeout=%d&_txlock=immediate&_mutex=no",
		path, busyPoll.Milliseconds())
	sc := &Store{db: sql.OpenDB(waitingConnector{dsn: dsn, wait: time.Minute}), path: path, now: now, keys: keys}
	if _, err := sc.Migrate(ctx); err != nil {
		sc.Close()
		removeScratch(path)
		return nil, fmt.Errorf("scratch database: %w", err)
	}
	return sc, nil
}

// inScratch writes n rows with b into a new scratch database at path (row
// appends the values of row i) and runs then on a connection to it, with
// the real database attached as live: what an import finds new or changed
// against the stored rows.
func (s *Store) inScratch(ctx context.Context, path string, b bulk, n int, row func(i int, args []any) []any,
	then func(conn *sql.Conn) (int, error)) (int, error) {
	sc, err := openScratch(ctx, path, s.now, s.keys)
	if err != nil {
		return 0, err
	}
	defer sc.Close()
	conn, err := sc.db.Conn(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	if err := stageBulk(ctx, conn, b, n, row, narrowRows); err != nil {
		return 0, err
	}
	detach, err := attach(ctx, conn, s.path, "live")
	if err != nil {
		return 0, err
	}
	defer detach()
	return then(conn)
}

// removeScratch deletes a scratch database and its journal, if any.
func removeScratch(path string) {
	for _, p := range []string{path, path + "-journal", path + "-wal", path + "-shm"} {
		os.Remove(p) //nolint:errcheck // absent is fine
	}
}

// columns lists the columns of table in schema that an INSERT can set
// (generated columns are left out).
func columns(ctx context.Context, q querier, schema, table string) ([]string, error) {
	rows, err := q.QueryContext(ctx, fmt.Sprintf(`SELECT name FROM pragma_table_xinfo(%s, %s) WHERE hidden = 0 ORDER BY cid`,
		quote(table), quote(schema)))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		cols = append(cols, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(cols) == 0 {
		return nil, fmt.Errorf("no table %s.%s", schema, table)
	}
	return cols, nil
}

func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// copyTables copies every row of each table from the attached schema from
// into main, on conn (the tables in main are empty).
func copyTables(ctx context.Context, conn *sql.Conn, from string, tables []string) error {
	for _, t := range tables {
		cols, err := columns(ctx, conn, "main", t)
		if err != nil {
			return err
		}
		list := strings.Join(cols, ", ")
		if _, err := conn.ExecContext(ctx, fmt.Sprintf(`INSERT INTO main.%s(%s) SELECT %s FROM %s.%s`,
			t, list, list, from, t)); err != nil {
			return fmt.Errorf("copy %s: %w", t, err)
		}
	}
	return nil
}

// tableSync brings main's table up to what scratch's holds (both attached
// to one connection), writing only the rows that differ. prepare finds them
// before the swap, outside the write lock (imports are the only writers of
// the tables synced, and they run one at a time); apply writes them in the
// swap transaction.
type tableSync struct {
	table, key string // key: the primary key, a comma-separated column list
	deletes    bool   // rows scratch no longer has are deleted
	cols       []string
	copyAll    bool // main's table is empty: a plain copy, page by page when SQLite can
}

func (t *tableSync) prepare(ctx context.Context, conn *sql.Conn) error {
	cols, err := columns(ctx, conn, "main", t.table)
	if err != nil {
		return err
	}
	t.cols = cols
	var some bool
	if err := conn.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM main.`+t.table+`)`).Scan(&some); err != nil {
		return err
	}
	if t.copyAll = !some; t.copyAll {
		return nil
	}
	// Both tables have the same key: one pass over either, with a seek into
	// the other per row, finds the rows that went and those that are new or
	// changed.
	sCols, mCols := make([]string, len(cols)), make([]string, len(cols))
	for i, c := range cols {
		sCols[i], mCols[i] = "s."+c, "m."+c
	}
	var on []string
	for _, k := range strings.Split(t.key, ",") {
		k = strings.TrimSpace(k)
		on = append(on, "m."+k+" = s."+k)
	}
	qs := []string{fmt.Sprintf(`CREATE TABLE scratch.%[1]s_changed AS SELECT %[2]s FROM scratch.%[1]s s
		LEFT JOIN main.%[1]s m ON %[3]s WHERE (%[4]s) IS NOT (%[2]s)`,
		t.table, strings.Join(sCols, ", "), strings.Join(on, " AND "), strings.Join(mCols, ", "))}
	if t.deletes {
		qs = append(qs, fmt.Sprintf(`CREATE TABLE scratch.%[1]s_gone AS SELECT %[2]s FROM main.%[1]s m
			WHERE NOT EXISTS (SELECT 1 FROM scratch.%[1]s s WHERE %[3]s)`, t.table, t.key, strings.Join(on, " AND ")))
	}
	for _, q := range qs {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("sync %s: %w", t.table, err)
		}
	}
	return nil
}

func (t *tableSync) apply(ctx context.Context, tx *sql.Tx) error {
	var qs []string
	switch {
	case t.copyAll:
		qs = []string{fmt.Sprintf(`INSERT INTO main.%[1]s SELECT * FROM scratch.%[1]s`, t.table)}
	default:
		if t.deletes {
			qs = append(qs, fmt.Sprintf(`DELETE FROM main.%[1]s WHERE (%[2]s) IN (SELECT %[2]s FROM scratch.%[1]s_gone)`,
				t.table, t.key))
		}
		set := make([]string, len(t.cols))
		for i, c := range t.cols {
			set[i] = c + " = excluded." + c
		}
		list := strings.Join(t.cols, ", ")
		qs = append(qs, fmt.Sprintf(`INSERT INTO main.%[1]s(%[2]s) SELECT %[2]s FROM scratch.%[1]s_changed WHERE true
			ON CONFLICT(%[3]s) DO UPDATE SET %[4]s`, t.table, list, t.key, strings.Join(set, ", ")))
	}
	for _, q := range qs {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("sync %s: %w", t.table, err)
		}
	}
	return nil
}

// createStaging creates main.<table>_next like main.<table> (dropping one
// left by a crash) and returns its name.
func createStaging(ctx context.Context, conn *sql.Conn, table string) (string, error) {
	next := table + "_next"
	var ddl string
	if err := conn.QueryRowContext(ctx, `SELECT sql FROM main.sqlite_master WHERE type = 'table' AND name = ?`,
		table).Scan(&ddl); err != nil {
		return "", fmt.Errorf("stage %s: %w", table, err)
	}
	if _, err := conn.ExecContext(ctx, `DROP TABLE IF EXISTS main.`+next); err != nil {
		return "", err
	}
	// A renamed table's statement names it in quotes: keep only the body.
	body := ddl[max(strings.Index(ddl, "("), 0):]
	if _, err := conn.ExecContext(ctx, "CREATE TABLE main."+next+" "+body); err != nil {
		return "", fmt.Errorf("stage %s: %w", table, err)
	}
	return next, nil
}

// stageRows copies every row of src (a schema-qualified table whose key is
// key, a comma-separated column list) into the staging table next, in key
// order, in chunks sized by sz (see inChunks).
func stageRows(ctx context.Context, conn *sql.Conn, next, src, key string, sz chunkSizes) error {
	cols, err := columns(ctx, conn, "main", next)
	if err != nil {
		return err
	}
	list := strings.Join(cols, ", ")
	last := make([]any, len(strings.Split(key, ",")))
	ptrs := make([]any, len(last))
	for i := range last {
		ptrs[i] = &last[i]
	}
	after := fmt.Sprintf("WHERE (%s) > (%s)", key, strings.TrimSuffix(strings.Repeat("?, ", len(last)), ", "))
	where, args := "", []any(nil) // the first chunk starts at the first row
	exec := func(ctx context.Context, q string) error {
		_, err := conn.ExecContext(ctx, q)
		return err
	}
	return inChunks(ctx, exec, sz, func(rows int) (bool, error) {
		res, err := conn.ExecContext(ctx, fmt.Sprintf(`INSERT INTO main.%s(%s) SELECT %s FROM %s %s ORDER BY %s LIMIT %d`,
			next, list, list, src, where, key, rows), args...)
		if err != nil {
			return false, err
		}
		if n, err := res.RowsAffected(); err != nil || n < int64(rows) {
			return false, err
		}
		err = conn.QueryRowContext(ctx, fmt.Sprintf(`SELECT %s FROM %s %s ORDER BY %s LIMIT 1 OFFSET %d`,
			key, src, where, key, rows-1), args...).Scan(ptrs...)
		where, args = after, last
		return true, err
	})
}

// stageBulk inserts n rows, row appending the values of row i, with the
// multi-row INSERT b, in chunks (see inChunks). One driver connection
// throughout keeps the statements prepared across chunks: compiling a
// thousand-row INSERT costs as much as running it.
func stageBulk(ctx context.Context, conn *sql.Conn, b bulk, n int, row func(i int, args []any) []any, sz chunkSizes) error {
	return conn.Raw(func(dc any) error {
		c, ok := dc.(*waitingConn)
		if !ok {
			return fmt.Errorf("store: driver connection %T", dc)
		}
		stmts := newBulkStatements(c, b)
		defer stmts.close()
		exec := func(ctx context.Context, q string) error {
			_, err := c.ExecContext(ctx, q, nil)
			return err
		}
		values := make([]any, 0, bulkRows*b.cols)
		next := 0
		return inChunks(ctx, exec, sz, func(rows int) (bool, error) {
			// Whole batches only: a batch of another size is another
			// statement to compile, tens of milliseconds each for the votes'.
			rows = (rows + bulkRows - 1) / bulkRows * bulkRows
			end := min(next+rows, n)
			for next < end {
				values = values[:0]
				for i := next; i < min(next+bulkRows, end); i++ {
					values = row(i, values)
				}
				if err := stmts.insert(ctx, values); err != nil {
					return false, err
				}
				next = min(next+bulkRows, end)
			}
			return next < n, nil
		})
	})
}

// inChunks runs chunk(rows) in transactions of its own (begun and ended
// through exec) until it reports no more, sizing rows so that each holds
// the write lock about chunkHold, pausing chunkGap after each so that other
// writers take their turn. The store's background checkpoint copies the
// log into the database meanwhile, outside the write lock (store/checkpoint.go).
func inChunks(ctx context.Context, exec func(context.Context, string) error, sz chunkSizes,
	chunk func(rows int) (more bool, err error)) error {
	rows := sz.first
	for {
		began := time.Now()
		if err := exec(ctx, `BEGIN IMMEDIATE`); err != nil {
			return err
		}
		more, err := chunk(rows)
		if err == nil {
			err = exec(ctx, `COMMIT`)
		}
		if err != nil {
			exec(context.WithoutCancel(ctx), `ROLLBACK`) //nolint:errcheck // the error that led here is the one to report
			return err
		}
		if !more {
			return nil
		}
		rows = nextChunk(rows, time.Since(began), sz.least)
		if err := pause(ctx, chunkGap); err != nil {
			return err
		}
	}
}

// chunkSizes is the rows of a first chunk and the fewest of any chunk: on a
// busy machine a chunk can take long for want of a CPU, not for its size,
// and smaller chunks would only add commits and pauses.
type chunkSizes struct{ first, least int }

var (
	// narrowRows sizes the chunks of narrow rows (votes, card operations).
	narrowRows = chunkSizes{first: 20_000, least: 10_000}
	// wideRows sizes the chunks of rows that carry many indexes: a business
	// row goes into the table, four indexes, the full-text index and the
	// R*Tree, and 10,000 of them hold the write lock for a tenth of a second
	// and more.
	wideRows = chunkSizes{first: 2_000, least: 500}
)

// nextChunk sizes the next chunk so that it holds the lock about chunkHold,
// with at least least rows.
func nextChunk(rows int, took time.Duration, least int) int {
	if took <= 0 {
		return rows * 2
	}
	n := int(float64(rows) * float64(chunkHold) / float64(took))
	return min(max(n, least, rows/2), rows*2)
}

func pause(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// inConnTx runs fn in one transaction on conn.
func inConnTx[T any](ctx context.Context, conn *sql.Conn, fn func(*sql.Tx) (T, error)) (T, error) {
	var zero T
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return zero, err
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	v, err := fn(tx)
	if err != nil {
		return zero, err
	}
	return v, tx.Commit()
}

// attach attaches the database file at path to conn as schema name and
// returns the detach.
func attach(ctx context.Context, conn *sql.Conn, path, name string) (func(), error) {
	if _, err := conn.ExecContext(ctx, `ATTACH DATABASE ? AS `+name, path); err != nil {
		return nil, fmt.Errorf("attach %s: %w", name, err)
	}
	return func() { conn.ExecContext(context.WithoutCancel(ctx), `DETACH DATABASE `+name) }, nil //nolint:errcheck // the connection is closed next
}

// withoutForeignKeys runs fn on conn with foreign keys off. The swap of an
// import copies rows whose references were checked when they were made;
// with foreign keys on, SQLite copies them row by row instead of page by
// page. A connection that cannot turn them back on is dropped, not pooled.
func withoutForeignKeys(ctx context.Context, conn *sql.Conn, fn func() error) error {
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		return err
	}
	err := fn()
	if _, perr := conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA foreign_keys = ON`); perr != nil {
		conn.Raw(func(any) error { return driver.ErrBadConn }) //nolint:errcheck // drops the connection
		return errors.Join(err, perr)
	}
	return err
}
