package importer

import (
	"fmt"

	"github.com/transparentcities/nazar/council"
	"github.com/transparentcities/nazar/csvin"
)

// progressEvery is how many named-list rows pass between progress lines.
const progressEvery = 200_000

func (p *councilParser) votes(f *csvin.File) {
	if p.errs.Add(f.Require("uid", "voteruid", "result")) {
		return
	}
	f.Known("uid", "voteruid", "result")
	cols := newBallotCols(f, "voteruid")
	uid := f.Column("uid") - 1
	p.each(f, func(row csvin.Row) error {
		ev := row.At(uid)
		if p.last != nil && p.last.uid == ev {
			return p.ballot(row, ev, cols)
		}
		if _, seen := p.counts[ev]; !seen && !p.hasEvent(ev) && !p.keys.Events[ev] {
			return row.Errorf("uid", "no vote event has the uid %q (voteEvents.csv)", ev)
		}
		return p.ballot(row, ev, cols)
	})
	p.done(f)
}

// votings reads the flat format: each motion has one vote event, whose uid
// is the motion's uid and whose date, result and counts come from
// motions.csv (or the date column of votings.csv).
func (p *councilParser) votings(f *csvin.File) {
	if p.errs.Add(f.Require("motionuid", "voterid", "result")) {
		return
	}
	f.Known("motionuid", "voterid", "votername", "motiontitle", "result", "date")
	cols := newBallotCols(f, "voterid")
	p.each(f, func(row csvin.Row) error {
		uid := row.Get("motionuid")
		if !p.hasEvent(uid) {
			if err := p.flatEvent(row, uid); err != nil {
				return err
			}
		}
		return p.ballot(row, uid, cols)
	})
	p.done(f)
}

// flatEvent makes the single vote event of a motion of the flat format.
func (p *councilParser) flatEvent(row csvin.Row, uid string) error {
	extra := p.motionSet[uid]
	if extra == nil && !p.keys.Motions[uid] {
		return row.Errorf("motionuid", "no agenda item has the uid %q (motions.csv)", uid)
	}
	if extra == nil {
		extra = &motionExtra{}
	}
	at := extra.at
	if v := row.Get("date"); v != "" {
		t, err := p.timestamp(v)
		if err != nil {
			return row.Errorf("date", "%v", err)
		}
		at = t
	} else if !extra.dated {
		return row.Errorf("motionuid", "agenda item %q has no date: give it in motions.csv or a date column", uid)
	}
	e := council.EventRow{UID: uid, Motion: uid, Title: row.Get("motiontitle"), Result: extra.result,
		Header: extra.header}
	for _, m := range p.data.Motions {
		if m.UID == uid {
			e.Title, e.Number, e.Classification = m.Title, m.Number, m.Classification
		}
	}
	p.addEvent(e, at, fmt.Sprintf("%s:%d", "motions.csv", row.Line))
	return nil
}

// ballot checks and adds one named-list row. It runs once per vote (over a
// million in a five-year council), so labels and ids are looked up in maps
// of their own instead of being normalised and concatenated every time.
func (p *councilParser) ballot(row csvin.Row, event string, cols ballotCols) error {
	voterCol := cols.voterName
	voter := row.At(cols.voter)
	vi, ok := p.voterIndex[voter]
	if !ok {
		if !p.voters[voter] && !p.keys.Voters[voter] {
			return row.Errorf(voterCol, "no deputy has the voting identifier %q (deputies.csv)", voter)
		}
		vi = uint64(len(p.voterIndex))
		p.voterIndex[voter] = vi
	}
	label := row.At(cols.result)
	o, ok := p.labels[label]
	if !ok {
		var err error
		if o, err = council.ParseOption(label); err != nil {
			return row.Errorf("result", "%v", err)
		}
		p.labels[label] = o
	}
	c := p.last
	if c == nil || c.uid != event {
		if c = p.counts[event]; c == nil {
			c = &eventCount{uid: event}
			p.counts[event] = c
		}
		p.last = c
	}
	if c.listed(vi) {
		return row.Errorf(voterCol, "deputy %q is listed twice at vote event %q", voter, event)
	}
	c.n[o]++
	p.data.Votes = append(p.data.Votes, council.VoteRow{Event: event, Voter: voter, Option: o})
	if p.progress != nil && len(p.data.Votes)%progressEvery == 0 {
		fmt.Fprintf(p.progress, "\r%s: %d votes read", "council", len(p.data.Votes))
	}
	return nil
}

// ballotCols are the indexes of a named-list file's columns that ballot
// reads: looked up once, not by name on each of a million rows.
type ballotCols struct {
	voterName     string // the voter's column, for errors
	voter, result int
}

func newBallotCols(f *csvin.File, voterCol string) ballotCols {
	return ballotCols{voterName: voterCol, voter: f.Column(voterCol) - 1, result: f.Column("result") - 1}
}

// eventCount is the named list of one event as read so far: its counts by
// option and which deputies (by index) it lists.
type eventCount struct {
	uid  string
	n    [5]int
	seen []uint64 // bit set of voter indexes
}

// listed marks voter as listed and reports whether it already was.
func (c *eventCount) listed(voter uint64) bool {
	w, bit := voter/64, uint64(1)<<(voter%64)
	for uint64(len(c.seen)) <= w {
		c.seen = append(c.seen, 0)
	}
	was := c.seen[w]&bit != 0
	c.seen[w] |= bit
	return was
}

func (p *councilParser) done(f *csvin.File) {
	if p.progress != nil && len(p.data.Votes) >= progressEvery {
		fmt.Fprintf(p.progress, "\r%s: %d votes read\n", f.Name, len(p.data.Votes))
	}
}
