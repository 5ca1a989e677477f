package council

// Ratio is a share with the counts behind it: shown as "45,1 % — 23 з 51".
type Ratio struct{ Num, Den int }

// Event is one vote event and its sitting day.
type Event struct {
	ID  int64
	Day Day
}

// Ballot is one row of a named list.
type Ballot struct {
	Event  int64
	Deputy int64
	Option Option
}

// Votes is the vote record of a council: events, named lists, mandates and
// the faction roster. Every metric of SPEC §5.1 is a function of it.
type Votes struct {
	Events   []Event
	Ballots  []Ballot
	Mandates map[int64]Span // deputy → mandate; a deputy missing here has none
	Roster   *Roster
}

// Metrics are the figures of one deputy (SPEC §5.1).
type Metrics struct {
	Counts        [5]int // by Option; Absent includes events with no record
	Events        int    // vote events within the mandate
	Attendance    Ratio  // sitting days with a non-absent vote ÷ sitting days
	Participation Ratio  // for + against + abstain ÷ vote events
	Discipline    Ratio  // events with a line followed ÷ events with a line, present
	Deviations    int
}

// EventFaction keys the line of one faction at one event.
type EventFaction struct {
	Event, Faction int64
}

// Lines computes every faction's tally at every event. Non-faction
// deputies are not tallied: they have no line.
func (v Votes) Lines() map[EventFaction]Tally {
	days := v.days()
	out := map[EventFaction]Tally{}
	for _, b := range v.Ballots {
		day, ok := days[b.Event]
		if !ok || !v.Mandates[b.Deputy].Covers(day) {
			continue
		}
		f := v.Roster.FactionAt(b.Deputy, day)
		if f == NoFaction {
			continue
		}
		key := EventFaction{b.Event, f}
		t := out[key]
		t.Add(b.Option)
		out[key] = t
	}
	return out
}

// Record is one deputy's option at one event within their mandate, with
// the line of the faction they were in that day.
type Record struct {
	Event  Event
	Option Option
	Line   Line
}

// Records lists a deputy's records at every event within their mandate; an
// event with no ballot of theirs is recorded as Absent.
func (v Votes) Records(deputy int64, lines map[EventFaction]Tally) []Record {
	mine := map[int64]Option{}
	for _, b := range v.Ballots {
		if b.Deputy == deputy {
			mine[b.Event] = b.Option
		}
	}
	mandate, ok := v.Mandates[deputy]
	if !ok {
		return nil
	}
	var out []Record
	for _, e := range v.Events {
		if !mandate.Covers(e.Day) {
			continue
		}
		o, voted := mine[e.ID]
		if !voted {
			o = Absent
		}
		line := NoLine
		if f := v.Roster.FactionAt(deputy, e.Day); f != NoFaction {
			line = lines[EventFaction{e.ID, f}].Line()
		}
		out = append(out, Record{Event: e, Option: o, Line: line})
	}
	return out
}

// Compute turns a deputy's records into their metrics.
func Compute(records []Record) Metrics {
	var m Metrics
	sitting, present := map[Day]bool{}, map[Day]bool{}
	for _, r := range records {
		m.Events++
		m.Counts[r.Option]++
		sitting[r.Event.Day] = true
		if r.Option.Present() {
			present[r.Event.Day] = true
		}
		if r.Option.Present() && r.Line.Has() {
			m.Discipline.Den++
			if Deviates(r.Option, r.Line) {
				m.Deviations++
			}
		}
	}
	m.Attendance = Ratio{len(present), len(sitting)}
	m.Participation = Ratio{m.Counts[For] + m.Counts[Against] + m.Counts[Abstain], m.Events}
	m.Discipline.Num = m.Discipline.Den - m.Deviations
	return m
}

// Deputy computes one deputy's metrics from the whole vote record.
func (v Votes) Deputy(deputy int64) Metrics {
	return Compute(v.Records(deputy, v.Lines()))
}

// Agreement of two deputies: events where both were present and their
// reduced votes are equal ÷ events where both were present.
func Agreement(a, b []Record) Ratio {
	other := make(map[int64]Option, len(b))
	for _, r := range b {
		other[r.Event.ID] = r.Option
	}
	var out Ratio
	for _, r := range a {
		o, ok := other[r.Event.ID]
		if !ok || !r.Option.Present() || !o.Present() {
			continue
		}
		out.Den++
		if r.Option.Supports() == o.Supports() {
			out.Num++
		}
	}
	return out
}

func (v Votes) days() map[int64]Day {
	days := make(map[int64]Day, len(v.Events))
	for _, e := range v.Events {
		days[e.ID] = e.Day
	}
	return days
}
