package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// inChunks sizes its chunks for narrow rows (votes, card operations): it
// starts at 20,000 and never goes below minChunk. A business row goes into
// the table, four indexes, the full-text index and the R*Tree, and 10,000
// of them hold the write lock for a tenth of a second and more; the
// helpers here are the same with the sizes a caller gives.
//
// (stageBulk, stageRows and inChunks are stageBulkSized, stageRowsSized and
// inSizedChunks with chunkSizes{20_000, minChunk}; kept apart while the
// council import's staging is reworked beside this, to be merged later.)

// chunkSizes is the rows of a first chunk and the fewest of any chunk.
type chunkSizes struct{ first, least int }

// wideRows sizes the chunks of rows that carry many indexes.
var wideRows = chunkSizes{first: 2_000, least: 500}

// stageBulkSized is stageBulk with chunks sized by sz.
func stageBulkSized(ctx context.Context, conn *sql.Conn, b bulk, n int, row func(i int, args []any) []any, sz chunkSizes) error {
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
		return inSizedChunks(ctx, exec, sz, func(rows int) (bool, error) {
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

// stageRowsSized is stageRows with chunks sized by sz.
func stageRowsSized(ctx context.Context, conn *sql.Conn, next, src, key string, sz chunkSizes) error {
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
	return inSizedChunks(ctx, exec, sz, func(rows int) (bool, error) {
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

// inSizedChunks is inChunks with chunks sized by sz.
func inSizedChunks(ctx context.Context, exec func(context.Context, string) error, sz chunkSizes,
	chunk func(rows int) (more bool, err error)) error {
	if err := exec(ctx, `PRAGMA wal_autocheckpoint = 0`); err != nil {
		return err
	}
	defer exec(context.WithoutCancel(ctx), fmt.Sprintf(`PRAGMA wal_autocheckpoint = %d`, sqliteAutoCheckpoint)) //nolint:errcheck // best effort
	rows := sz.first
	for i := 1; ; i++ {
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
		rows = nextSizedChunk(rows, time.Since(began), sz.least)
		if i%checkpointChunks == 0 {
			if err := exec(ctx, `PRAGMA wal_checkpoint(PASSIVE)`); err != nil {
				return err
			}
		}
		if err := pause(ctx, chunkGap); err != nil {
			return err
		}
	}
}

// nextSizedChunk is nextChunk with least for minChunk.
func nextSizedChunk(rows int, took time.Duration, least int) int {
	if took <= 0 {
		return rows * 2
	}
	n := int(float64(rows) * float64(chunkHold) / float64(took))
	return min(max(n, least, rows/2), rows*2)
}
