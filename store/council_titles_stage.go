package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
)

// The trigram index of the agenda items' titles (council_titles, fed by
// triggers on council_motions) cost the swap transaction most of its time on
// a large import: every title copied in the swap was indexed there, with the
// write lock held (0.24 s of 0.47 s for a first import of 2.25 million
// votes). A large import therefore builds the whole index of the titles it
// leaves as council_titles_next, in short transactions before the swap, and
// the swap, with the triggers set aside, renames it into place.

// stagedTitles is the most agenda items an import writes inside the swap
// with their titles indexed there; more, and the index is staged.
var stagedTitles = 5_000

// titleTriggers are the index's triggers, as the schema holds them.
type titleTriggers []struct{ name, sql string }

// stageTitles builds council_titles_next from scratch.council_motions when
// the motions' sync writes more than stagedTitles rows (conn has scratch
// attached, the syncs prepared); it returns the triggers the swap sets
// aside, nil when nothing was staged.
func stageTitles(ctx context.Context, conn *sql.Conn, syncs []*tableSync) (titleTriggers, error) {
	i := slices.IndexFunc(syncs, func(t *tableSync) bool { return t.table == "council_motions" })
	changed := "scratch.council_motions"
	if !syncs[i].copyAll {
		changed = "scratch.council_motions_changed"
	}
	var n int
	if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM `+changed).Scan(&n); err != nil {
		return nil, err
	}
	if n <= stagedTitles {
		return nil, nil
	}
	triggers, err := readTitleTriggers(ctx, conn)
	if err != nil {
		return nil, err
	}
	var ddl string
	if err := conn.QueryRowContext(ctx, `SELECT sql FROM main.sqlite_master WHERE name = 'council_titles'`).
		Scan(&ddl); err != nil {
		return nil, fmt.Errorf("stage titles: %w", err)
	}
	// A renamed table's statement names it in quotes: keep only the module.
	using := ddl[max(strings.Index(strings.ToUpper(ddl), " USING "), 0):]
	for _, q := range []string{`DROP TABLE IF EXISTS main.council_titles_next`,
		"CREATE VIRTUAL TABLE main.council_titles_next" + using} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return nil, fmt.Errorf("stage titles: %w", err)
		}
	}
	return triggers, fillTitles(ctx, conn)
}

// fillTitles indexes every title of scratch.council_motions into
// council_titles_next, in id order, in chunks (see inChunks).
func fillTitles(ctx context.Context, conn *sql.Conn) error {
	last := int64(-1 << 62)
	exec := func(ctx context.Context, q string) error {
		_, err := conn.ExecContext(ctx, q)
		return err
	}
	return inChunks(ctx, exec, wideRows, func(rows int) (bool, error) {
		res, err := conn.ExecContext(ctx, `INSERT INTO main.council_titles_next(rowid, title_key)
			SELECT id, title_key FROM scratch.council_motions WHERE id > ? ORDER BY id LIMIT ?`, last, rows)
		if err != nil {
			return false, fmt.Errorf("fill titles: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil || n < int64(rows) {
			return false, err
		}
		err = conn.QueryRowContext(ctx, `SELECT id FROM scratch.council_motions WHERE id > ? ORDER BY id
			LIMIT 1 OFFSET ?`, last, rows-1).Scan(&last)
		return true, err
	})
}

func readTitleTriggers(ctx context.Context, conn *sql.Conn) (titleTriggers, error) {
	rows, err := conn.QueryContext(ctx, `SELECT name, sql FROM main.sqlite_master
		WHERE type = 'trigger' AND tbl_name = 'council_motions' AND name LIKE 'council\_titles\_%' ESCAPE '\'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ts titleTriggers
	for rows.Next() {
		var t struct{ name, sql string }
		if err := rows.Scan(&t.name, &t.sql); err != nil {
			return nil, err
		}
		ts = append(ts, t)
	}
	return ts, rows.Err()
}

// setAside drops the triggers for the swap's copy of the motions.
func (ts titleTriggers) setAside(ctx context.Context, tx *sql.Tx) error {
	for _, t := range ts {
		if _, err := tx.ExecContext(ctx, `DROP TRIGGER main.`+t.name); err != nil {
			return fmt.Errorf("swap titles: %w", err)
		}
	}
	return nil
}

// swapIn puts council_titles_next in place of council_titles (the old one is
// dropped after the swap, like the old votes) and restores the triggers.
func (ts titleTriggers) swapIn(ctx context.Context, tx *sql.Tx) error {
	qs := []string{`DROP TABLE IF EXISTS main.council_titles_old`,
		`ALTER TABLE main.council_titles RENAME TO council_titles_old`,
		`ALTER TABLE main.council_titles_next RENAME TO council_titles`}
	for _, t := range ts {
		qs = append(qs, t.sql)
	}
	for _, q := range qs {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("swap titles: %w", err)
		}
	}
	return nil
}
