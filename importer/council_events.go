package importer

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/transparentcities/nazar/council"
	"github.com/transparentcities/nazar/csvin"
)

// headerColumns are the published counts of a vote event, in council.Option
// order; motions of the flat format spell them in more ways.
var headerColumns = [5][]string{
	{"votingfor"}, {"votingagainst", "vottingagains"}, {"votingabstain"}, {"notvoting"}, {"absent"},
}

var motionColumns = []string{"uid", "sessionuid", "votingidentifier", "title", "number", "projectnumber",
	"classification", "date", "sources", "votingfor", "votingagainst", "vottingagains", "votingabstain",
	"notvoting", "absent", "votingresult", "result", "texturl", "text"}

func (p *councilParser) motions(f *csvin.File) {
	if p.errs.Add(f.Require("uid", "title")) {
		return
	}
	f.Known(motionColumns...)
	p.each(f, func(row csvin.Row) error {
		m := council.MotionRow{UID: row.Get("uid"), Session: row.Get("sessionuid"), Author: row.Get("votingidentifier"),
			Title: row.Get("title"), Number: first(row, "number", "projectnumber"),
			Classification: row.Get("classification"), Sources: row.Get("sources"), Day: -1}
		switch {
		case m.UID == "":
			return row.Errorf("uid", "is empty")
		case p.motionSet[m.UID] != nil:
			return row.Errorf("uid", "agenda item %q is listed twice", m.UID)
		case m.Session != "" && !p.sessionSet[m.Session] && !p.keys.Sessions[m.Session]:
			return row.Errorf("sessionuid", "no session has the uid %q", m.Session)
		}
		extra := &motionExtra{result: first(row, "votingresult", "result")}
		if v := row.Get("date"); v != "" {
			at, err := p.timestamp(v)
			if err != nil {
				return row.Errorf("date", "%v", err)
			}
			m.Day, extra.at, extra.dated = council.DayOf(at), at, true
		}
		var err error
		if extra.header, err = header(row); err != nil {
			return err
		}
		extra.untitled = m.Title == ""
		if extra.untitled {
			p.untitled.motions = append(p.untitled.motions, row.Line)
		}
		p.motionSet[m.UID] = extra
		p.data.Motions = append(p.data.Motions, m)
		return nil
	})
}

var eventColumns = []string{"uid", "motionuid", "projectnumber", "projecttitle", "startdate", "enddate", "result",
	"votingfor", "votingagainst", "votingabstain", "notvoting", "absent", "texturl", "text", "classification"}

func (p *councilParser) voteEvents(f *csvin.File) {
	if p.errs.Add(f.Require("uid", "motionuid", "startdate")) {
		return
	}
	f.Known(eventColumns...)
	p.each(f, func(row csvin.Row) error {
		e := council.EventRow{UID: row.Get("uid"), Motion: row.Get("motionuid"), Title: row.Get("projecttitle"),
			Number: row.Get("projectnumber"), Classification: row.Get("classification"), Result: row.Get("result"),
			TextURL: row.Get("texturl")}
		switch {
		case e.UID == "":
			return row.Errorf("uid", "is empty")
		case p.hasEvent(e.UID):
			return row.Errorf("uid", "vote event %q is listed twice", e.UID)
		case p.motionSet[e.Motion] == nil && !p.keys.Motions[e.Motion]:
			return row.Errorf("motionuid", "no agenda item has the uid %q (motions.csv)", e.Motion)
		}
		at, err := p.timestamp(first(row, "startdate", "enddate"))
		if err != nil {
			return row.Errorf("startdate", "%v", err)
		}
		if e.Header, err = header(row); err != nil {
			return err
		}
		p.addEvent(e, at, fmt.Sprintf("%s:%d", f.Name, row.Line))
		if m := p.motionSet[e.Motion]; e.Title == "" && m != nil && m.untitled {
			p.untitled.events = append(p.untitled.events, row.Line)
		}
		return nil
	})
}

func (p *councilParser) hasEvent(uid string) bool {
	_, ok := p.events[uid]
	return ok
}

// addEvent completes an event (date, kind, outcome) and adds it.
func (p *councilParser) addEvent(e council.EventRow, at time.Time, where string) {
	e.At, e.Day = at, council.DayOf(at)
	e.Kind = council.KindOf(e.Classification, e.Title)
	e.Adopted = council.Adopted(e.Result)
	p.events[e.UID] = len(p.data.Events)
	p.evLines[e.UID] = where
	p.data.Events = append(p.data.Events, e)
}

// header reads the five published counts; all must be given, or none.
func header(row csvin.Row) (*[5]int, error) {
	var h [5]int
	given := 0
	for i, names := range headerColumns {
		col := names[0]
		for _, n := range names {
			if row.Get(n) != "" {
				col = n
			}
		}
		v := row.Get(col)
		if v == "" {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return nil, row.Errorf(col, "%q is not a count", v)
		}
		h[i] = n
		given++
	}
	if given < len(h) {
		return nil, nil
	}
	return &h, nil
}

// localLayouts are timestamps without a zone: the city's local time.
var localLayouts = []string{"2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02 15:04",
	"02.01.2006 15:04:05", "02.01.2006 15:04"}

// timestamp reads RFC 3339, a local date and time, or a date (midnight,
// local time).
func (p *councilParser) timestamp(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	// The published forms first: a failed try builds an error, and no text
	// reads in two of these layouts, so the order changes no result. Ten
	// characters hold a date and no time (the shortest, 2018-10-30T9:25,
	// has fifteen).
	if len(s) > len("2018-10-30") {
		if t, err := p.dateTime(s); err == nil {
			return t, nil
		}
	}
	d, err := csvin.ParseDate(s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date or time (use 2018-10-30T10:25:37 or 30.10.2018)", s)
	}
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, p.loc), nil
}

// dateTime reads RFC 3339 or a local date and time.
func (p *councilParser) dateTime(s string) (time.Time, error) {
	t, err := time.ParseInLocation(localLayouts[0], s, p.loc)
	if err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.In(p.loc), nil
	}
	for _, layout := range localLayouts[1:] {
		if t, err := time.ParseInLocation(layout, s, p.loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, err
}
