package store

import (
	"context"
	"database/sql"
	"fmt"
)

// A council import runs in a scratch database holding a copy of the council
// tables (the bot never waits for it), and then reaches the real database
// in one short transaction that writes only what differs. Named lists too
// large for that transaction (a first import, a re-import of every list, a
// roster change that recomputes every line) are instead written, every row
// of the council, into council_votes_next in short transactions while the
// scratch import runs, and the swap renames that table into place.

// stagedVotes is the most named-list rows an import writes inside the swap
// transaction; a larger import stages council_votes whole.
var stagedVotes = 100_000

// councilTables are copied into the scratch database, parents first.
var councilTables = []string{"council_convocations", "council_sessions", "council_factions", "council_deputies",
	"council_memberships", "council_motions", "council_events", "council_votes", "council_lines", "council_stats",
	"council_faction_stats", "council_imports"}

// councilSync is how the swap brings each table but votes and lines up to
// date, parents first: the key it upserts on, and whether rows can go.
func councilSync() []*tableSync {
	return []*tableSync{{table: "council_convocations", key: "uid"}, {table: "council_sessions", key: "id"},
		{table: "council_factions", key: "id"}, {table: "council_deputies", key: "id"},
		{table: "council_memberships", key: "deputy, kind, day_from, name", deletes: true},
		{table: "council_motions", key: "id"}, {table: "council_events", key: "id"},
		{table: "council_stats", key: "deputy", deletes: true},
		{table: "council_faction_stats", key: "faction", deletes: true}, {table: "council_imports", key: "id"}}
}

// linesSync brings every line up to date after a staged import, which
// computed them all.
func linesSync() *tableSync {
	return &tableSync{table: "council_lines", key: "event, faction", deletes: true}
}

func (s *Store) importCouncilStaged(ctx context.Context, d CouncilData) (CouncilImportResult, error) {
	path := s.path + scratchSuffix
	defer removeScratch(path)
	conn, err := s.db.Conn(ctx) // stages the named lists, then swaps
	if err != nil {
		return CouncilImportResult{}, err
	}
	defer conn.Close()
	// The named lists are staged while the scratch import goes on with the
	// lines and the figures; rows is only read from then on.
	staging := make(chan error, 1)
	started := false
	stageCtx, stop := context.WithCancel(ctx)
	defer stop()
	ci, err := s.importCouncilScratch(ctx, path, d, func(rows []voteRow) error {
		next, err := createStaging(ctx, conn, "council_votes")
		if err != nil {
			return err
		}
		started = true
		go func() { staging <- stageVotes(stageCtx, conn, next, rows) }()
		return nil
	})
	if started {
		if err != nil {
			stop() // the import failed: no need to finish staging
		}
		if serr := <-staging; err == nil {
			err = serr
		}
	}
	if err == nil {
		err = s.swapCouncil(ctx, conn, path, ci)
	}
	if err != nil {
		for _, t := range []string{"council_votes_next", "council_titles_next"} {
			conn.ExecContext(context.WithoutCancel(ctx), `DROP TABLE IF EXISTS main.`+t) //nolint:errcheck // the next import drops it too
		}
		return CouncilImportResult{}, err
	}
	// The import is done; a failure here leaves a table the next one drops.
	if ci.staged {
		conn.ExecContext(context.WithoutCancel(ctx), `DROP TABLE IF EXISTS main.council_votes_old`) //nolint:errcheck // see above
	}
	if ci.titles != nil {
		conn.ExecContext(context.WithoutCancel(ctx), `DROP TABLE IF EXISTS main.council_titles_old`) //nolint:errcheck // see above
	}
	return *ci.res, nil
}

// swapCouncil makes the scratch import at path visible in one transaction.
func (s *Store) swapCouncil(ctx context.Context, conn *sql.Conn, path string, ci *councilImport) error {
	detach, err := attach(ctx, conn, path, "scratch")
	if err != nil {
		return err
	}
	defer detach()
	syncs := councilSync()
	if ci.staged {
		syncs = append(syncs, linesSync())
	}
	for _, t := range syncs {
		if err := t.prepare(ctx, conn); err != nil {
			return err
		}
	}
	if ci.titles, err = stageTitles(ctx, conn, syncs); err != nil {
		return err
	}
	return withoutForeignKeys(ctx, conn, func() error {
		_, err := inConnTx(ctx, conn, func(tx *sql.Tx) (struct{}, error) {
			return struct{}{}, ci.swapInto(s, tx, syncs)
		})
		return err
	})
}

// importCouncilScratch copies the council tables into a new scratch
// database at path and runs the import there; stage takes the named lists
// of a large import.
func (s *Store) importCouncilScratch(ctx context.Context, path string, d CouncilData,
	stage func([]voteRow) error) (*councilImport, error) {
	sc, err := openScratch(ctx, path, s.now, s.keys)
	if err != nil {
		return nil, err
	}
	defer sc.Close()
	conn, err := sc.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	if err := dropTitleIndex(ctx, conn); err != nil {
		conn.Close()
		return nil, err
	}
	detach, err := attach(ctx, conn, s.path, "live")
	if err != nil {
		conn.Close()
		return nil, err
	}
	err = copyTables(ctx, conn, "live", councilTables)
	detach()
	conn.Close()
	if err != nil {
		return nil, fmt.Errorf("scratch database: %w", err)
	}
	return sc.importCouncilTx(ctx, d, stage)
}

// stageVotes writes rows (every named-list row of the council, in key
// order) into the staging table next, in chunks (see stageBulk).
func stageVotes(ctx context.Context, conn *sql.Conn, next string, rows []voteRow) error {
	b := bulk{into: "main." + next + "(deputy, day, event, vote)", row: votePacked, cols: 2}
	return stageBulk(ctx, conn, b, len(rows), func(i int, args []any) []any {
		deputyEvent, dayVote := packVote(rows[i])
		return append(args, deputyEvent, dayVote)
	}, narrowRows)
}

// swapInto writes, in tx on the real database (scratch attached), what the
// scratch import changed, and queues the pushes it causes.
func (ci *councilImport) swapInto(s *Store, tx *sql.Tx, syncs []*tableSync) error {
	ctx := ci.ctx
	if err := ci.titles.setAside(ctx, tx); err != nil {
		return err
	}
	for _, t := range syncs {
		if err := t.apply(ctx, tx); err != nil {
			return err
		}
	}
	if ci.titles != nil {
		if err := ci.titles.swapIn(ctx, tx); err != nil {
			return err
		}
	}
	if ci.staged {
		if err := swapStagedVotes(ctx, tx); err != nil {
			return err
		}
	} else if err := ci.syncListedEvents(tx); err != nil {
		return err
	}
	ci.s, ci.tx = s, tx
	return ci.followPushes(ci.fresh)
}

// swapStagedVotes puts council_votes_next in place of council_votes (the
// old table is dropped after the swap, in a transaction of its own: freeing
// two million rows takes a tenth of a second).
func swapStagedVotes(ctx context.Context, tx *sql.Tx) error {
	for _, q := range []string{`DROP TABLE IF EXISTS main.council_votes_old`,
		`ALTER TABLE main.council_votes RENAME TO council_votes_old`,
		`ALTER TABLE main.council_votes_next RENAME TO council_votes`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("swap council votes: %w", err)
		}
	}
	return nil
}

// syncListedEvents replaces the named lists and lines of the events whose
// rows the import changed: those it carries a list for, and those it
// re-dated (their rows moved to the new day).
func (ci *councilImport) syncListedEvents(tx *sql.Tx) error {
	del, err := tx.PrepareContext(ci.ctx, `DELETE FROM main.council_votes WHERE `+byEvent)
	if err != nil {
		return err
	}
	defer del.Close()
	ins, err := tx.PrepareContext(ci.ctx, `INSERT INTO main.council_votes(deputy, day, event, vote)
		SELECT deputy, day, event, vote FROM scratch.council_votes WHERE `+byEvent)
	if err != nil {
		return err
	}
	defer ins.Close()
	for _, ref := range ci.events {
		if !ci.listed[int32(ref.id)] && ref.day == ref.old {
			continue
		}
		steps := []struct {
			stmt *sql.Stmt
			args []any
		}{{del, []any{ref.old, ref.id}}, {ins, []any{ref.day, ref.id}}}
		for _, st := range steps {
			if _, err := st.stmt.ExecContext(ci.ctx, st.args...); err != nil {
				return err
			}
		}
		if !ci.listed[int32(ref.id)] {
			continue
		}
		if _, err := tx.ExecContext(ci.ctx, `DELETE FROM main.council_lines WHERE event = ?`, ref.id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ci.ctx, `INSERT INTO main.council_lines SELECT * FROM scratch.council_lines
			WHERE event = ?`, ref.id); err != nil {
			return err
		}
	}
	return nil
}

// dropTitleIndex removes the scratch database's trigram index of the agenda
// items' titles and the triggers that feed it: nothing reads it there, and
// the real database's index is fed by the swap's copy of the motions, or
// staged (stageTitles). Kept, it
// would index every title twice, a tenth of a large import's time.
func dropTitleIndex(ctx context.Context, conn *sql.Conn) error {
	for _, q := range []string{`DROP TRIGGER council_titles_insert`, `DROP TRIGGER council_titles_update`,
		`DROP TRIGGER council_titles_delete`, `DROP TABLE council_titles`} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("scratch database: %w", err)
		}
	}
	return nil
}
