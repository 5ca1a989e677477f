package council

import (
	"sort"
	"strings"
)

// NoFaction is the faction id of a deputy outside any faction.
const NoFaction int64 = 0

// nonFactionStems recognise «Позафракційний» in any case and gender, and
// the usual ways a register writes that there is no faction.
var nonFactionStems = []string{"позафракц", "без фракц", "non-faction", "independent", "-", "—"}

// IsNonFaction reports whether a faction name means "no faction".
func IsNonFaction(name string) bool {
	key := strings.ToLower(strings.TrimSpace(name))
	if key == "" {
		return true
	}
	for _, stem := range nonFactionStems {
		if strings.HasPrefix(key, stem) {
			return true
		}
	}
	return false
}

// Membership is a dated membership of a deputy in a faction.
type Membership struct {
	Deputy  int64
	Faction int64 // NoFaction for a period outside any faction
	Span
}

// Roster answers which faction a deputy was in on a given day: a vote
// counts for the faction of that day (SPEC §8, memberships.csv).
type Roster struct {
	base  map[int64]int64        // deputy → faction from the deputies list (undated)
	dated map[int64][]Membership // deputy → dated faction memberships, by start
}

// NewRoster builds a roster from the undated factions of the deputies list
// and the dated memberships. A deputy with dated memberships is outside any
// faction on the days none of them covers; one without them is in their
// undated faction for the whole mandate.
func NewRoster(base map[int64]int64, dated []Membership) *Roster {
	r := &Roster{base: base, dated: map[int64][]Membership{}}
	for _, m := range dated {
		r.dated[m.Deputy] = append(r.dated[m.Deputy], m)
	}
	for _, ms := range r.dated {
		sort.Slice(ms, func(i, j int) bool { return ms[i].From < ms[j].From })
	}
	return r
}

// FactionAt is the faction a deputy belonged to on day, or NoFaction.
func (r *Roster) FactionAt(deputy int64, day Day) int64 {
	ms, ok := r.dated[deputy]
	if !ok {
		return r.base[deputy]
	}
	// The latest membership that started by day wins when dates overlap
	// (a switch recorded without closing the old membership).
	for i := len(ms) - 1; i >= 0; i-- {
		if ms[i].Covers(day) {
			return ms[i].Faction
		}
	}
	return NoFaction
}
