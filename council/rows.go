package council

import "time"

// ConvocationRow is a row of convocations.csv.
type ConvocationRow struct {
	UID, Label, Authority string
	Span                  Span
}

// SessionRow is a row of sessions.csv.
type SessionRow struct {
	UID, Label, Convocation string
	Span                    Span
}

// DeputyRow is a row of deputies.csv (annex 30).
type DeputyRow struct {
	UID, VotingID, FullName     string
	Party, Faction, FactionPost string
	Commission, CommissionPost  string
	District, Reception, Image  string
	Mandate                     Span
}

// MembershipRow is a row of memberships.csv.
type MembershipRow struct {
	Kind, Name, Post string // kind: faction, commission or party
	Span             Span
}

// MotionRow is a row of motions.csv (an agenda item).
type MotionRow struct {
	UID, Session, Author, Title, Number, Classification, Sources string
	Day                                                          Day // -1 when unknown
}

// EventRow is a row of voteEvents.csv (or a motion of the flat format).
type EventRow struct {
	UID, Motion, Title, Number, Classification, Result, TextURL string
	Kind                                                        int // KindFinal, …
	Adopted                                                     bool
	At                                                          time.Time
	Day                                                         Day
	Header                                                      *[5]int // published counts by Option, nil if none
}

// VoteRow is one row of a named list.
type VoteRow struct {
	Event, Voter string // event uid, deputy votingIdentifier
	Option       Option
}

// News is what a follow push tells (the arguments of
// the store's MsgCouncilFollow): new votes of a deputy.
type News struct {
	Deputy, DeputyUID string
	Votes             int
	Last              Day
}
