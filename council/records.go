package council

import "time"

// Deputy is a deputy with their figures within the mandate (SPEC §5.1).
type Deputy struct {
	ID                                  int64
	UID, VotingID, FullName             string
	Party, Faction, FactionPost         string // Faction is the faction of today (or of the mandate's end)
	Commission, CommissionPost          string
	District, Reception                 string
	Mandate                             Span
	Events, Days                        int    // vote events and sitting days within the mandate
	Counts                              [5]int // by Option; Absent includes events with no record
	PresentDays, LineEvents, Deviations int
	Authored                            int      // drafts tabled (motions.votingIdentifier)
	FactionHistory                      []string // earlier factions, oldest first (dated memberships)
}

// DeputyBrief is a deputy in a list: search results, members, leaderboards.
type DeputyBrief struct {
	ID       int64
	FullName string
	Faction  string // undated faction of the deputies list
}

// Metrics are the deputy's figures as Metrics.
func (d Deputy) Metrics() Metrics {
	cast := d.Counts[For] + d.Counts[Against] + d.Counts[Abstain]
	return Metrics{Counts: d.Counts, Events: d.Events, Attendance: Ratio{Num: d.PresentDays, Den: d.Days},
		Participation: Ratio{Num: cast, Den: d.Events},
		Discipline:    Ratio{Num: d.LineEvents - d.Deviations, Den: d.LineEvents}, Deviations: d.Deviations}
}

// VoteDifference is a roll call where two compared deputies voted unlike:
// one "for", the other not (the agreement of CompareDeputies counts the
// rest as alike).
type VoteDifference struct {
	Event  int64
	UID    string // the event's uid: its number when it has no title
	At     time.Time
	Title  string // the event's title, else its agenda item's; "" when neither has one
	A, B   Option
	Passed bool
}

// Faction is a faction with its current members, how often it had a line,
// and the members who deviated from it.
type Faction struct {
	ID   int64
	Name string
	// Members are the deputies in the faction today (or at their mandate's end).
	Members []DeputyBrief
	// Cohesion: events where the faction had a line ÷ events where any member was present.
	Cohesion  Ratio
	Deviators []Deviator // most deviations first
}

// Deviator is a member's deviations from the faction's lines.
type Deviator struct {
	DeputyBrief
	Deviations, LineEvents int
}

// Overview counts what the council data holds.
type Overview struct {
	Deputies, Factions, Sessions, Events, Votes int
	First, Last                                 Day // the first and last sitting day; -1 without events
}

// RollCallEntry is one deputy in the named list of a vote event.
type RollCallEntry struct {
	Deputy   int64
	Name     string
	Faction  int64 // the faction of that day; 0 none
	Option   Option
	Deviated bool
	NoRecord bool // not in the named list although the mandate covers the day: counted absent
}

// RollCall is a vote event with its named list grouped by faction.
type RollCall struct {
	Event    VoteEvent
	Entries  []RollCallEntry  // by faction name (non-faction last), then name
	Lines    map[int64]Tally  // by faction
	Factions map[int64]string // names of the factions in Entries
	Counts   [5]int           // the named list's counts (no record counts as absent)
}

// Decision is an adopted decision: the final vote of an agenda item.
type Decision struct {
	Event   int64
	UID     string // the final vote's uid: its number when the item has no title
	Day     Day
	Number  string
	Title   string
	Session string
}

// DecisionFilter narrows the adopted decisions to a session or to words
// of the title (both optional).
type DecisionFilter struct {
	Session int64
	Words   [][2]string // NameQuery.Terms: each word and its Latin key
}

// SessionBrief is a session in a list.
type SessionBrief struct {
	ID     int64
	Label  string
	Span   Span
	Items  int // agenda items
	Events int // vote events
}

// AgendaItem is a motion of a session with the outcome of its votes.
type AgendaItem struct {
	ID            int64
	UID           string
	Number, Title string
	Day           Day // its own date, else its first vote's; -1 when neither is known
	Events        int
	Decided       bool // has a final vote
	Adopted       bool // its final vote adopted it
}

// VoteEvent is one vote event with its outcome and published header.
type VoteEvent struct {
	ID                                 int64
	UID, Title, Classification         string
	Kind                               int
	Result                             string
	Adopted                            bool
	At                                 time.Time
	Day                                Day
	Header                             *[5]int
	Mismatch                           bool
	Motion                             int64
	MotionNumber, MotionTitle, Session string
	SessionID                          int64
}

// DeputyVote is one row of a deputy's votes page.
type DeputyVote struct {
	Event    int64
	UID      string // the event's uid: its number when it has no title
	At       time.Time
	Title    string // the event's title, else its agenda item's; "" when neither has one
	Option   Option
	Adopted  bool
	Result   string
	Deviated bool // against the line of the deputy's faction that day
}

// Draft is an agenda item: a draft decision with its number and session.
type Draft struct {
	ID            int64
	UID           string // shown, with Day, when the item has neither title nor number
	Number, Title string
	Session       string
	Day           Day // -1 when unknown
}

// MonthFigures are figures of one calendar month (SPEC §5.1 definitions,
// restricted to the month): for the charts of a deputy or a faction.
type MonthFigures struct {
	Month      time.Time // the first day of the month, UTC
	Attendance Ratio     // present sitting days ÷ sitting days within the mandate(s)
	Discipline Ratio     // votes on the line ÷ votes with a line at which present
	// Reference is the discipline to compare with: the deputy's faction's
	// for a deputy, the whole council's for a faction.
	Reference Ratio
}
