package store

import (
	"context"
	"time"

	"github.com/transparentcities/nazar/council"
)

// CouncilData is one council import (SPEC §8), parsed and checked by the
// importer: every reference resolves to a row of this import or of the
// database (see CouncilKeys).
type CouncilData struct {
	Convocations []CouncilConvocation
	Sessions     []CouncilSession
	Deputies     []CouncilDeputy
	// Memberships replace, per deputy voting id, every dated membership
	// stored for that deputy; deputies not listed keep theirs.
	Memberships map[string][]CouncilMembership
	Motions     []CouncilMotion
	Events      []CouncilEvent
	// Votes are named lists; the list of an event in this import replaces
	// the stored one.
	Votes []CouncilVote
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
	Votes []CouncilVote
	Err   error
}

// CouncilConvocation is a row of convocations.csv.
type CouncilConvocation struct {
	UID, Label, Authority string
	Span                  council.Span
}

// CouncilSession is a row of sessions.csv.
type CouncilSession struct {
	UID, Label, Convocation string
	Span                    council.Span
}

// CouncilDeputy is a row of deputies.csv (annex 30).
type CouncilDeputy struct {
	UID, VotingID, FullName     string
	Party, Faction, FactionPost string
	Commission, CommissionPost  string
	District, Reception, Image  string
	Mandate                     council.Span
}

// CouncilMembership is a row of memberships.csv.
type CouncilMembership struct {
	Kind, Name, Post string // kind: faction, commission or party
	Span             council.Span
}

// CouncilMotion is a row of motions.csv (an agenda item).
type CouncilMotion struct {
	UID, Session, Author, Title, Number, Classification, Sources string
	Day                                                          council.Day // -1 when unknown
}

// CouncilEvent is a row of voteEvents.csv (or a motion of the flat format).
type CouncilEvent struct {
	UID, Motion, Title, Number, Classification, Result, TextURL string
	Kind                                                        int // council.KindFinal, …
	Adopted                                                     bool
	At                                                          time.Time
	Day                                                         council.Day
	Header                                                      *[5]int // published counts by council.Option, nil if none
}

// CouncilVote is one row of a named list.
type CouncilVote struct {
	Event, Voter string // event uid, deputy votingIdentifier
	Option       council.Option
}

// CouncilNews is what a follow push tells (the arguments of
// MsgCouncilFollow): new votes of a deputy.
type CouncilNews struct {
	Deputy, DeputyUID string
	Votes             int
	Last              council.Day
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
