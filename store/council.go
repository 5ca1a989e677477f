package store

import (
	"context"

	"github.com/transparentcities/nazar/council"
)

// CouncilData is one council import (SPEC §8), parsed and checked by the
// importer: every reference resolves to a row of this import or of the
// database (see CouncilKeys).
type CouncilData struct {
	Convocations []council.ConvocationRow
	Sessions     []council.SessionRow
	Deputies     []council.DeputyRow
	// Memberships replace, per deputy voting id, every dated membership
	// stored for that deputy; deputies not listed keep theirs.
	Memberships map[string][]council.MembershipRow
	Motions     []council.MotionRow
	Events      []council.EventRow
	// Votes are named lists; the list of an event in this import replaces
	// the stored one.
	Votes []council.VoteRow
	// VotesLater, when set, delivers Votes (one value) once the importer has
	// read them, so the named lists are read while the store writes the
	// events; an error in it rolls the whole import back. It is a channel,
	// data streaming in, not a call back into the importer: the store waits
	// for the value (or for its context to end) and runs none of the
	// importer's code in its transaction.
	VotesLater <-chan LateVotes
}

// LateVotes is the value CouncilData.VotesLater delivers: the named lists,
// or why they could not be read.
type LateVotes struct {
	Votes []council.VoteRow
	Err   error
}

// CouncilImportResult counts what an import wrote.
type CouncilImportResult struct {
	Deputies, Sessions, Motions, Events, Votes int
	NewEvents, NewVotes                        int
	OutsideMandate                             int // votes dated outside the deputy's mandate (not counted)
	Pushes                                     int
	Recomputed                                 bool     // the faction roster changed: every line was recomputed
	Mismatches                                 []string // events whose header counts disagree with the named list
}

// CouncilKeys are the ids already stored, so the importer can check the
// references of a partial import (a new session's votes only).
type CouncilKeys struct {
	Voters, Motions, Events, Sessions map[string]bool
}

// CouncilKeys lists the stored voting ids, motion, event and session uids.
func (s *Store) CouncilKeys(ctx context.Context) (CouncilKeys, error) {
	k := CouncilKeys{Voters: map[string]bool{}, Motions: map[string]bool{}, Events: map[string]bool{},
		Sessions: map[string]bool{}}
	for q, set := range map[string]map[string]bool{
		`SELECT voting_id FROM council_deputies`: k.Voters,
		`SELECT uid FROM council_motions`:        k.Motions,
		`SELECT uid FROM council_events`:         k.Events,
		`SELECT uid FROM council_sessions`:       k.Sessions,
	} {
		rows, err := s.db.QueryContext(ctx, q)
		if err != nil {
			return k, err
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return k, err
			}
			set[id] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return k, err
		}
	}
	return k, nil
}
