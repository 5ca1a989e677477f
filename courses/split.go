package courses

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// MaxMessage is Telegram's limit on one message's text, in UTF-16 units.
const MaxMessage = 4096

// SplitHTML cuts a Telegram HTML text into parts of at most limit UTF-16
// units each, tags included (Telegram counts the text after parsing, so
// counting the source is the safe side). A cut never falls inside a tag, an
// entity or a surrogate pair; it prefers a line break, then a space. Tags
// open at a cut are closed at the end of the part and opened again at the
// start of the next, so every part is valid HTML on its own. Parts with
// nothing but white space are left out.
//
// Every part fits when each tag is shorter than a quarter of limit (the
// validator caps tags at maxTagLen); a longer tag still ends up whole in
// one part, and the splitter always makes progress.
func SplitHTML(text string, limit int) []string {
	s := splitter{limit: limit}
	s.reset()
	for _, t := range tokenize(text) {
		switch t.kind {
		case tokText:
			s.text(t.raw)
		case tokOpen:
			s.open(t)
		case tokClose:
			s.close(t)
		default:
			s.atom(t.raw)
		}
	}
	s.finish()
	return s.parts
}

type splitter struct {
	limit   int
	parts   []string
	cur     strings.Builder
	used    int     // UTF-16 units in cur
	stack   []token // tags open at this point
	content bool    // cur has something beyond the reopened tags
	stuck   bool    // the open tags alone fill a part: no more cuts
}

// reset starts a new part with the tags still open.
func (s *splitter) reset() {
	s.cur.Reset()
	s.used, s.content = 0, false
	for _, t := range s.stack {
		s.write(t.raw)
	}
}

func (s *splitter) write(raw string) {
	s.cur.WriteString(raw)
	s.used += units(raw)
}

// closers is the room the closing tags of the open ones take.
func (s *splitter) closers() int {
	n := 0
	for _, t := range s.stack {
		n += len(t.name) + 3
	}
	return n
}

func (s *splitter) room() int { return s.limit - s.used - s.closers() }

// emit closes the open tags, keeps the part if it says anything, and
// starts the next one. When the tags still open leave no room for even one
// character, no part can fit: the rest of the text goes into this part
// whole (the validator refuses such nesting long before), which keeps the
// work linear.
func (s *splitter) emit() {
	if s.stuck {
		return
	}
	if s.content {
		for i := len(s.stack) - 1; i >= 0; i-- {
			s.cur.WriteString("</" + s.stack[i].name + ">")
		}
		if part := s.cur.String(); strings.TrimSpace(visible(part)) != "" {
			s.parts = append(s.parts, part)
		}
	}
	s.reset()
	s.stuck = s.room() < 1
}

// finish emits the last part, stuck or not.
func (s *splitter) finish() {
	s.stuck = false
	s.emit()
}

func (s *splitter) text(raw string) {
	for raw != "" {
		if n := units(raw); n <= s.room() || s.stuck {
			s.write(raw)
			s.content = true
			return
		}
		cut := cutAt(raw, s.room())
		if cut == 0 {
			if s.content {
				s.emit()
				continue
			}
			_, cut = utf8.DecodeRuneInString(raw) // no room even for one character: progress anyway
		}
		s.write(raw[:cut])
		s.content = true
		s.emit()
		raw = strings.TrimLeft(raw[cut:], "\n ")
	}
}

// atom writes an entity or a stray character, which must not be cut.
func (s *splitter) atom(raw string) {
	if units(raw) > s.room() && s.content {
		s.emit()
	}
	s.write(raw)
	s.content = true
}

// open writes an opening tag, first moving to a new part unless the tag,
// its closer and a character of its content fit in this one.
func (s *splitter) open(t token) {
	if units(t.raw)+len(t.name)+3+1 > s.room() && s.content {
		s.emit()
	}
	s.write(t.raw)
	s.stack = append(s.stack, t)
}

// close writes a closing tag; its room was kept when the tag opened. A
// closing tag matching nothing (invalid HTML the validator refuses) is
// written as it is.
func (s *splitter) close(t token) {
	s.write(t.raw)
	s.content = true
	for i := len(s.stack) - 1; i >= 0; i-- {
		if s.stack[i].name == t.name {
			s.stack = append(s.stack[:i], s.stack[i+1:]...)
			return
		}
	}
}

// cutAt is the byte offset at which to cut raw so that raw[:cut] takes at
// most room UTF-16 units: before a break that just does not fit, after the
// last line break, else the last space, else as much as fits; 0 when
// nothing fits.
func cutAt(raw string, room int) int {
	n, fit, lastBreak, lastSpace := 0, 0, 0, 0
	for fit < len(raw) {
		r, size := utf8.DecodeRuneInString(raw[fit:])
		n += utf16.RuneLen(r)
		if n > room {
			switch r { // a break just past the room: cut before it, it is dropped
			case '\n':
				return fit
			case ' ':
				lastSpace = fit
			}
			break
		}
		fit += size
		switch r {
		case '\n':
			lastBreak = fit
		case ' ':
			lastSpace = fit
		}
	}
	switch {
	case lastBreak > 0:
		return lastBreak
	case lastSpace > 0:
		return lastSpace
	}
	return fit
}

// units counts UTF-16 code units, the way Telegram measures text.
func units(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// visible is the text without its tags (entities kept as written).
func visible(s string) string {
	var b strings.Builder
	for _, t := range tokenize(s) {
		if t.kind != tokOpen && t.kind != tokClose {
			b.WriteString(t.raw)
		}
	}
	return b.String()
}
