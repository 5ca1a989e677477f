package store

import "github.com/transparentcities/nazar/council"

// tallies holds the tally of each faction at each event of an import,
// indexed [event id][faction id]. Both ids are small rowids, and a million
// rows would otherwise cost two hash-map look-ups each.
type tallies [][]council.Tally

// newTallies sizes the table for the events of rows.
func newTallies(rows []voteRow) tallies {
	var maxEvent int32
	for _, r := range rows {
		maxEvent = max(maxEvent, r.event)
	}
	return make(tallies, maxEvent+1)
}

// add counts one member's vote for their faction.
func (t tallies) add(event, faction int32, o council.Option) {
	fs := t[event]
	if int(faction) >= len(fs) {
		fs = append(fs, make([]council.Tally, int(faction)+1-len(fs))...)
		t[event] = fs
	}
	fs[faction].Add(o)
}

// line is the line of a faction at an event; NoLine when nobody counted.
func (t tallies) line(event, faction int32) council.Line {
	if fs := t[event]; int(faction) < len(fs) {
		return fs[faction].Line()
	}
	return council.NoLine
}

// each calls fn for every faction with a member present, in (event,
// faction) order: the key order of council_lines. A faction with nobody
// present has no line, as one with no row at all.
func (t tallies) each(fn func(event, faction int32, t council.Tally)) {
	for ev, fs := range t {
		for f, tally := range fs {
			if tally.Present > 0 {
				fn(int32(ev), int32(f), tally)
			}
		}
	}
}
