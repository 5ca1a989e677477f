package store

import (
	"context"
	"database/sql/driver"
	"fmt"
	"strings"
)

// bulkRows rows go into one INSERT: crossing from Go into SQLite once per
// row is what makes a naive import slow.
const bulkRows = 1000

// bulk is one multi-row INSERT: INSERT INTO into VALUES row, row… tail.
type bulk struct {
	into string // the table and its columns
	row  string // one row's tuple, its cols parameters written %[1]d, %[2]d…, so that one can be used twice
	cols int
	tail string // after the rows: an upsert clause
}

// insertBatched inserts n rows, bulkRows per statement; row appends the
// cols values of row i, each a driver.Value (int64, not int).
//
// The rows go through the driver's own statement, inside the import's
// transaction on the same connection: database/sql would copy and check
// each of two million arguments, and the driver binds a query's whole
// argument list in one crossing into C (its Exec crosses once per
// argument). A statement without RETURNING has done its work when Query
// returns.
func insertBatched(ci *councilImport, b bulk, n int, row func(i int, args []any) []any) error {
	return ci.conn.Raw(func(dc any) error {
		conn, ok := dc.(driver.ConnPrepareContext)
		if !ok {
			return fmt.Errorf("store: driver connection %T cannot prepare with a context", dc)
		}
		stmts := newBulkStatements(conn, b)
		defer stmts.close()
		values := make([]any, 0, bulkRows*b.cols)
		for start := 0; start < n; start += bulkRows {
			if err := ci.ctx.Err(); err != nil {
				return err
			}
			values = values[:0]
			for i := start; i < min(start+bulkRows, n); i++ {
				values = row(i, values)
			}
			if err := stmts.insert(ci.ctx, values); err != nil {
				return err
			}
		}
		return nil
	})
}

// bulkStatements are the prepared INSERTs of one bulk, by number of rows
// (all batches but the last have bulkRows).
type bulkStatements struct {
	conn     driver.ConnPrepareContext
	b        bulk
	prepared map[int]driver.Stmt
	args     []driver.NamedValue
}

func newBulkStatements(conn driver.ConnPrepareContext, b bulk) *bulkStatements {
	args := make([]driver.NamedValue, bulkRows*b.cols)
	for i := range args {
		args[i].Ordinal = i + 1
	}
	return &bulkStatements{conn: conn, b: b, prepared: map[int]driver.Stmt{}, args: args}
}

// insert writes one batch: values holds its rows' values, row by row.
func (s *bulkStatements) insert(ctx context.Context, values []any) error {
	rows := len(values) / s.b.cols
	stmt, ok := s.prepared[rows]
	if !ok {
		var err error
		stmt, err = s.conn.PrepareContext(ctx, "INSERT INTO "+s.b.into+" VALUES "+tuples(s.b.row, s.b.cols, rows)+s.b.tail)
		if err != nil {
			return err
		}
		s.prepared[rows] = stmt
	}
	query, ok := stmt.(driver.StmtQueryContext)
	if !ok {
		return fmt.Errorf("store: driver statement %T cannot query with a context", stmt)
	}
	for i, v := range values {
		s.args[i].Value = v
	}
	// No context here: the driver would watch it from a goroutine per batch.
	result, err := query.QueryContext(context.Background(), s.args[:len(values)])
	if err != nil {
		return err
	}
	return result.Close()
}

func (s *bulkStatements) close() {
	for _, stmt := range s.prepared {
		stmt.Close()
	}
}

// plainRow is the bulk row of cols parameters used once each, in order.
func plainRow(cols int) string {
	ps := make([]string, cols)
	for i := range ps {
		ps[i] = fmt.Sprintf("?%%[%d]d", i+1)
	}
	return "(" + strings.Join(ps, ",") + ")"
}

// tuples writes rows copies of a bulk row, numbering their parameters on.
func tuples(row string, cols, rows int) string {
	var b strings.Builder
	numbers := make([]any, cols)
	for r := range rows {
		if r > 0 {
			b.WriteByte(',')
		}
		for c := range numbers {
			numbers[c] = r*cols + c + 1
		}
		fmt.Fprintf(&b, row, numbers...)
	}
	return b.String()
}
