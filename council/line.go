package council

// Line is the position of a faction at one vote event (SPEC §5.1).
type Line int8

// The possible lines. Only Support and Oppose are lines a member can deviate
// from; NoLine means fewer than two members were present (or the deputies
// have no faction), Split that neither side had more than half.
const (
	NoLine  Line = iota // fewer than 2 present members, or non-faction
	Split               // present members divided evenly: no line
	Support             // more than half of the present members voted for
	Oppose              // more than half did not support
)

// Has reports whether the line is one a member can deviate from.
func (l Line) Has() bool { return l == Support || l == Oppose }

// String is the line's English name, for logs and test output.
func (l Line) String() string {
	return [...]string{"no line", "split", "support", "oppose"}[l]
}

// Tally counts the present members of one faction at one vote event.
type Tally struct {
	Present int // members present (not absent)
	Support int // of them, voted for
}

// Add counts one member's vote; absent members do not count.
func (t *Tally) Add(o Option) {
	if !o.Present() {
		return
	}
	t.Present++
	if o.Supports() {
		t.Support++
	}
}

// Line is the faction's line: support when more than half of the present
// members supported, oppose when more than half did not, otherwise split;
// a faction with fewer than two present members has no line.
func (t Tally) Line() Line {
	switch {
	case t.Present < 2:
		return NoLine
	case 2*t.Support > t.Present:
		return Support
	case 2*(t.Present-t.Support) > t.Present:
		return Oppose
	}
	return Split
}

// LineOf is the line of a faction whose members recorded opts.
func LineOf(opts ...Option) Line {
	var t Tally
	for _, o := range opts {
		t.Add(o)
	}
	return t.Line()
}

// Deviates reports whether a vote deviates from a line: the member was
// present, the faction had a line, and the reduced vote differs from it.
// Absence is never a deviation.
func Deviates(o Option, l Line) bool {
	return o.Present() && l.Has() && o.Supports() != (l == Support)
}
