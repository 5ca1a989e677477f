package store

import (
	"context"
	"database/sql"
	"fmt"
)

// A large card-operations import (two million rows) into an empty table is
// staged beside it in short transactions and swapped in by rename. Into a
// table that holds operations, it is first written into a scratch
// database, where duplicates within the file fold and the rows already
// stored are dropped; only what is new reaches the real database: in one
// short transaction when it is little, else staged with the stored rows and
// swapped in. Callers hold LockImports: nothing else writes card_operations.

// stagedOperations is the most new operations one swap transaction inserts.
const stagedOperations = 50_000

// operationKey is card_operations' primary key.
const operationKey = "number, at, kind, amount, trips, place"

// operationsInto is the multi-row INSERT of operations into table.
func operationsInto(table string) bulk {
	return bulk{into: table + "(" + operationKey + ")", row: plainRow(6), cols: 6, tail: " ON CONFLICT DO NOTHING"}
}

func (s *Store) importOperationsStaged(ctx context.Context, ops hashedOperations) (int, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	var stored bool
	if err := conn.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM card_operations)`).Scan(&stored); err != nil {
		return 0, err
	}
	if !stored {
		return firstOperations(ctx, conn, ops)
	}
	path := s.path + scratchSuffix
	defer removeScratch(path)
	fresh, err := s.newOperationsScratch(ctx, path, ops)
	if err != nil || fresh == 0 {
		return 0, err
	}
	detach, err := attach(ctx, conn, path, "scratch")
	if err != nil {
		return 0, err
	}
	defer detach()
	if fresh <= stagedOperations {
		_, err := inConnTx(ctx, conn, func(tx *sql.Tx) (sql.Result, error) {
			return tx.ExecContext(ctx, `INSERT INTO main.card_operations SELECT * FROM scratch.card_operations`)
		})
		return fresh, err
	}
	next, err := createStaging(ctx, conn, "card_operations")
	if err == nil {
		err = stageRows(ctx, conn, next, "main.card_operations", operationKey, narrowRows)
	}
	if err == nil {
		err = stageRows(ctx, conn, next, "scratch.card_operations", operationKey, narrowRows)
	}
	if err == nil {
		err = swapOperations(ctx, conn, next)
	}
	if err != nil {
		return 0, err
	}
	return fresh, nil
}

// firstOperations stages ops beside an empty card_operations and swaps
// them in.
func firstOperations(ctx context.Context, conn *sql.Conn, ops hashedOperations) (int, error) {
	next, err := createStaging(ctx, conn, "card_operations")
	if err != nil {
		return 0, err
	}
	n := 0
	err = stageBulk(ctx, conn, operationsInto("main."+next), len(ops.ops), ops.row, narrowRows)
	if err == nil {
		err = conn.QueryRowContext(ctx, `SELECT count(*) FROM main.`+next).Scan(&n)
	}
	if err == nil {
		err = swapOperations(ctx, conn, next)
	}
	return n, err
}

// swapOperations puts the staging table next in place of card_operations;
// on failure it drops next.
func swapOperations(ctx context.Context, conn *sql.Conn, next string) error {
	_, err := inConnTx(ctx, conn, func(tx *sql.Tx) (struct{}, error) {
		if _, err := tx.ExecContext(ctx, `DROP TABLE main.card_operations`); err != nil {
			return struct{}{}, err
		}
		_, err := tx.ExecContext(ctx, `ALTER TABLE main.`+next+` RENAME TO card_operations`)
		return struct{}{}, err
	})
	if err != nil {
		conn.ExecContext(context.WithoutCancel(ctx), `DROP TABLE IF EXISTS main.`+next) //nolint:errcheck // the next import drops it too
		return fmt.Errorf("card operations: %w", err)
	}
	return nil
}

// newOperationsScratch writes ops into a new scratch database at path,
// keeps there only the operations the real database does not hold, and
// counts them.
func (s *Store) newOperationsScratch(ctx context.Context, path string, ops hashedOperations) (int, error) {
	b := operationsInto("main.card_operations")
	return s.inScratch(ctx, path, b, len(ops.ops), ops.row, func(conn *sql.Conn) (int, error) {
		if _, err := conn.ExecContext(ctx, `DELETE FROM main.card_operations AS o WHERE EXISTS (SELECT 1 FROM
			live.card_operations l WHERE l.number = o.number AND l.at = o.at AND l.kind = o.kind AND l.amount = o.amount
			AND l.trips = o.trips AND l.place = o.place)`); err != nil {
			return 0, fmt.Errorf("scratch database: %w", err)
		}
		var n int
		err := conn.QueryRowContext(ctx, `SELECT count(*) FROM main.card_operations`).Scan(&n)
		return n, err
	})
}
