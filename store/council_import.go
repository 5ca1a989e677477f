package store

import (
	"context"
	"database/sql"

	"github.com/transparentcities/nazar/council"
)

// councilImport is the state of one ImportCouncil transaction.
type councilImport struct {
	s    *Store
	ctx  context.Context
	conn *sql.Conn // the connection of tx, for the bulk inserts
	tx   *sql.Tx
	data CouncilData
	res  *CouncilImportResult
	// titles: the title index was staged (stageTitles); its triggers
	titles titleTriggers

	factions map[string]int64 // faction name → id
	voters   map[string]int64 // voting id → deputy id
	sessions map[string]int64 // uid → id
	motions  map[string]motionRef
	events   map[string]eventRef

	listed map[int32]bool      // the events whose named list this import carries
	fresh  map[int32]*newVotes // per deputy with new rows, what their follow push tells

	// stage, when set, takes the named lists of a large import (every row
	// of the council, in key order) instead of this database; staged
	// reports that it did.
	stage  func(rows []voteRow) error
	staged bool
}

type motionRef struct{ id, session int64 }

type eventRef struct {
	id       int64
	day, old council.Day // old is the stored day before this import
	existed  bool
}

// voteRow is one named-list row on its way into council_votes; 20 bytes,
// because the benchmark council holds over a million of them.
type voteRow struct {
	deputy, event, day, faction int32
	option, dev                 int8 // dev: -1 none, 0 followed the line, 1 deviated
}

// ImportCouncil writes one council import: upserts by uid, replaces the
// named lists of the events it carries, computes the faction lines and
// deviations of those events (of every event when the roster of factions
// changed), refreshes every deputy's figures, and queues a push to each
// follower of a deputy with new votes. Importing the same data again
// changes nothing and queues nothing.
//
// The work runs in a scratch copy of the council tables and reaches this
// database in one short transaction (see council_stage.go), so the bot's
// writers never wait for the import. Callers hold LockImports (importer.Run
// does): the scratch file and the staging table are one per database.
func (s *Store) ImportCouncil(ctx context.Context, d CouncilData) (CouncilImportResult, error) {
	return s.importCouncilStaged(ctx, d)
}

// importCouncilTx runs one council import in one transaction of s; stage
// may take its named lists (see councilImport.stage).
func (s *Store) importCouncilTx(ctx context.Context, d CouncilData, stage func([]voteRow) error) (*councilImport, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	ci := &councilImport{s: s, ctx: ctx, conn: conn, tx: tx, data: d, res: &CouncilImportResult{}, stage: stage}
	if err := ci.run(); err != nil {
		return nil, err
	}
	return ci, tx.Commit()
}

func (ci *councilImport) run() error {
	if err := ci.exec(`PRAGMA cache_size = -65536`); err != nil {
		return err
	}
	defer ci.exec(`PRAGMA cache_size = -2000`)
	before, err := ci.rosterSignatures()
	if err != nil {
		return err
	}
	steps := []func() error{ci.upsertConvocations, ci.upsertSessions, ci.loadFactions, ci.upsertDeputies,
		ci.replaceMemberships, ci.upsertMotions, ci.upsertEvents}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	after, err := ci.rosterSignatures()
	if err != nil {
		return err
	}
	ci.res.Recomputed = rosterChanged(before, after)
	namedAtInsert := ci.data.VotesLater == nil
	if !namedAtInsert {
		if ci.data.Votes, err = ci.lateVotes(); err != nil {
			return err
		}
	}
	var stored bool
	if err := ci.tx.QueryRowContext(ci.ctx, `SELECT EXISTS (SELECT 1 FROM council_votes)`).Scan(&stored); err != nil {
		return err
	}
	ci.staged = ci.stage != nil && (ci.res.Recomputed || len(ci.data.Votes) > stagedVotes)
	rows, imp, old, err := ci.collectVotes(ci.res.Recomputed || ci.staged)
	if err != nil {
		return err
	}
	if rows, err = ci.computeAndWrite(rows, namedAtInsert); err != nil {
		return err
	}
	fresh := ci.freshVotes(imp, old)
	if err := ci.markMismatches(); err != nil {
		return err
	}
	if err := ci.refreshFactionStats(); err != nil {
		return err
	}
	if err := ci.s.refreshCouncilStats(ci.ctx, ci.tx, rows, ci.res.Recomputed || ci.staged || !stored); err != nil {
		return err
	}
	ci.fresh = fresh
	if err := ci.followPushes(fresh); err != nil {
		return err
	}
	_, err = ci.tx.ExecContext(ci.ctx, `INSERT INTO council_imports(at, events, votes) VALUES (?, ?, ?)`,
		unix(ci.s.now()), ci.res.Events, ci.res.Votes)
	return err
}

// lateVotes waits for the named lists the importer is still reading.
func (ci *councilImport) lateVotes() ([]council.VoteRow, error) {
	select {
	case late := <-ci.data.VotesLater:
		return late.Votes, late.Err
	case <-ci.ctx.Done():
		return nil, ci.ctx.Err()
	}
}

// importVotes turns this import's named lists into rows, grouped by event
// in the order of the events' ids.
func (ci *councilImport) importVotes() []voteRow {
	rows := make([]voteRow, 0, len(ci.data.Votes))
	var ev eventRef
	uid := ""
	for _, v := range ci.data.Votes {
		if v.Event != uid || uid == "" { // named lists come event by event
			uid, ev = v.Event, ci.events[v.Event]
		}
		rows = append(rows, voteRow{deputy: int32(ci.voters[v.Voter]), event: int32(ev.id), day: int32(ev.day),
			option: int8(v.Option), dev: -1})
	}
	ci.res.Votes = len(rows)
	return rows
}

// importEvents is the set of events whose named list this import carries.
func importEvents(rows []voteRow) map[int32]bool {
	set := map[int32]bool{}
	for i, r := range rows {
		if i == 0 || r.event != rows[i-1].event { // rows come event by event
			set[r.event] = true
		}
	}
	return set
}

func pairKey(deputy, event int32) uint64 { return uint64(uint32(deputy))<<32 | uint64(uint32(event)) }
