package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strings"
)

// A large import of cards or card applications (200,000 cards: 1.7 s of
// upserts in one transaction) is written into a scratch database first,
// where the rows the real database already holds as they are are dropped:
// what is left is what the import changes. Little of it reaches the real
// database in one short transaction; more is merged with the stored rows in
// the scratch database, staged beside the live table in short
// transactions and renamed into place. Either way residents see the old
// table or the new one, and a failed import leaves the old one. Callers
// hold LockImports: nothing else writes these tables meanwhile.

// stagedKeyed is the most rows an import of cards or applications writes in
// one transaction: a larger file goes through the scratch database, and
// more changes than this are staged.
var stagedKeyed = 10_000

// keyedImport is an import that upserts rows of table by its one-column
// primary key.
type keyedImport struct {
	table, key string
	cols       []string // every column, key first
	n          int
	row        func(i int, args []any) []any // appends row i's values, in cols order
}

// upsert is the multi-row INSERT of the import's rows into table, the last
// of a repeated key winning.
func (k keyedImport) upsert(table string) bulk {
	set := make([]string, 0, len(k.cols)-1)
	for _, c := range k.cols[1:] {
		set = append(set, c+" = excluded."+c)
	}
	return bulk{into: table + "(" + strings.Join(k.cols, ", ") + ")", row: plainRow(len(k.cols)), cols: len(k.cols),
		tail: " ON CONFLICT(" + k.key + ") DO UPDATE SET " + strings.Join(set, ", ")}
}

// importKeyedStaged runs k through a scratch database and returns how many
// rows were new or changed.
func (s *Store) importKeyedStaged(ctx context.Context, k keyedImport) (int, error) {
	path := s.path + scratchSuffix
	defer removeScratch(path)
	changed, err := s.keyedScratch(ctx, path, k)
	if err != nil || changed == 0 {
		return 0, err
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	detach, err := attach(ctx, conn, path, "scratch")
	if err != nil {
		return 0, err
	}
	defer detach()
	if changed <= stagedKeyed {
		list := strings.Join(k.cols, ", ")
		set := k.upsert("").tail
		_, err := inConnTx(ctx, conn, func(tx *sql.Tx) (sql.Result, error) {
			return tx.ExecContext(ctx, fmt.Sprintf(`INSERT INTO main.%[1]s(%[2]s) SELECT %[2]s FROM scratch.%[1]s
				WHERE true%[3]s`, k.table, list, set))
		})
		return changed, err
	}
	// A crash after a swap can leave the old table: dropped before the
	// staging starts, not inside the swap.
	if _, err := conn.ExecContext(ctx, `DROP TABLE IF EXISTS main.`+k.table+`_old`); err != nil {
		return 0, err
	}
	next, err := createStaging(ctx, conn, k.table)
	if err == nil {
		err = stageRows(ctx, conn, next, "scratch."+k.table, k.key, narrowRows)
	}
	if err == nil {
		err = swapKeyed(ctx, conn, k.table)
	}
	if err != nil {
		conn.ExecContext(context.WithoutCancel(ctx), `DROP TABLE IF EXISTS main.`+k.table+`_next`) //nolint:errcheck // the next import drops it too
		return 0, fmt.Errorf("%s: %w", k.table, err)
	}
	// Freeing the old table's pages is a transaction of its own.
	conn.ExecContext(context.WithoutCancel(ctx), `DROP TABLE IF EXISTS main.`+k.table+`_old`) //nolint:errcheck // the next import drops it too
	return changed, nil
}

// keyedScratch writes k's rows into a new scratch database at path, keeps
// there only those the real database does not hold as they are, and counts
// them; when they are more than stagedKeyed, it adds the stored rows the
// import leaves as they are.
func (s *Store) keyedScratch(ctx context.Context, path string, k keyedImport) (int, error) {
	return s.inScratch(ctx, path, k.upsert("main."+k.table), k.n, k.row, func(conn *sql.Conn) (int, error) {
		s2, l2 := make([]string, len(k.cols)), make([]string, len(k.cols))
		for i, c := range k.cols {
			s2[i], l2[i] = "s."+c, "l."+c
		}
		if _, err := conn.ExecContext(ctx, fmt.Sprintf(`DELETE FROM main.%[1]s AS s WHERE EXISTS (SELECT 1 FROM live.%[1]s l
			WHERE l.%[2]s = s.%[2]s AND (%[3]s) IS (%[4]s))`, k.table, k.key, strings.Join(l2, ", "), strings.Join(s2, ", "))); err != nil {
			return 0, fmt.Errorf("scratch database: %w", err)
		}
		var n int
		if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM main.`+k.table).Scan(&n); err != nil || n <= stagedKeyed {
			return n, err
		}
		// Too many changes for one transaction: the table is staged whole, so
		// the stored rows the import leaves as they are join the changed ones.
		list := strings.Join(k.cols, ", ")
		if _, err := conn.ExecContext(ctx, fmt.Sprintf(`INSERT INTO main.%[1]s(%[2]s) SELECT %[2]s FROM live.%[1]s l
			WHERE NOT EXISTS (SELECT 1 FROM main.%[1]s s WHERE s.%[3]s = l.%[3]s)`, k.table, list, k.key)); err != nil {
			return 0, fmt.Errorf("scratch database: %w", err)
		}
		return n, nil
	})
}

// swapKeyed puts main.<table>_next in place of main.<table>, keeping the
// old one as <table>_old to be dropped after.
func swapKeyed(ctx context.Context, conn *sql.Conn, table string) error {
	_, err := inConnTx(ctx, conn, func(tx *sql.Tx) (struct{}, error) {
		for _, q := range []string{`ALTER TABLE main.` + table + ` RENAME TO ` + table + `_old`,
			`ALTER TABLE main.` + table + `_next RENAME TO ` + table} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return struct{}{}, err
			}
		}
		return struct{}{}, nil
	})
	return err
}

// cardColumns and applicationColumns are the columns ImportCards and
// ImportCardApplications write, key first, in the order of their rows.
var (
	cardColumns = []string{"number", "holder_name", "birth_date", "category", "status", "valid_until", "balance",
		"trips_left", "pending", "updated_at"}
	applicationColumns = []string{"application_no", "birth_date", "category", "status", "status_date",
		"pickup_point", "reason"}
)

// repeatsKey tells whether two of n rows share a key. Such a file takes the one-transaction path, which counts each of
// its rows as it always did.
func repeatsKey(n int, key func(i int) string) bool {
	seen := make(map[string]struct{}, n)
	for i := range n {
		k := key(i)
		if _, ok := seen[k]; ok {
			return true
		}
		seen[k] = struct{}{}
	}
	return false
}

// driverRow turns a row of database/sql arguments into the driver values a
// bulk statement binds (an int becomes int64, as database/sql would make it).
func driverRow(row func(i int) []any) func(i int, args []any) []any {
	return func(i int, args []any) []any {
		for _, v := range row(i) {
			dv, err := driver.DefaultParameterConverter.ConvertValue(v)
			if err != nil {
				dv = v // the statement reports it
			}
			args = append(args, dv)
		}
		return args
	}
}
