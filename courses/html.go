package courses

import (
	"fmt"
	"regexp"
	"strings"
)

// tokenKind sorts the pieces of a Telegram HTML text.
type tokenKind int

const (
	tokText   tokenKind = iota // plain characters
	tokEntity                  // &amp; &#39; …: never cut
	tokOpen                    // <b>, <a href="…">
	tokClose                   // </b>
	tokStray                   // a lone < > or & that Telegram would refuse
)

// token is one piece of the text; name is the lower-cased tag name.
type token struct {
	kind tokenKind
	raw  string
	name string
}

var (
	tagRe    = regexp.MustCompile(`^</?([a-zA-Z][a-zA-Z0-9-]*)(\s[^<>]*)?/?>`)
	entityRe = regexp.MustCompile(`^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{0,9});`)
)

// tokenize cuts text into tags, entities and runs of plain text. Anything
// that looks like neither a tag nor an entity is a stray character, so the
// splitter treats it as text and the validator can name it.
func tokenize(s string) []token {
	var out []token
	text := 0 // start of the pending plain-text run
	flush := func(end int) {
		if end > text {
			out = append(out, token{kind: tokText, raw: s[text:end]})
		}
	}
	for i := 0; i < len(s); {
		var t token
		switch s[i] {
		case '<':
			if m := tagRe.FindStringSubmatch(s[i:]); m != nil {
				t = token{kind: tokOpen, raw: m[0], name: strings.ToLower(m[1])}
				if strings.HasPrefix(m[0], "</") {
					t.kind = tokClose
				}
			} else {
				t = token{kind: tokStray, raw: "<"}
			}
		case '&':
			if m := entityRe.FindString(s[i:]); m != "" {
				t = token{kind: tokEntity, raw: m}
			} else {
				t = token{kind: tokStray, raw: "&"}
			}
		case '>':
			t = token{kind: tokStray, raw: ">"}
		default:
			i++
			continue
		}
		flush(i)
		out = append(out, t)
		i += len(t.raw)
		text = i
	}
	flush(len(s))
	return out
}

// allowedTags are the tags Telegram's HTML parse mode understands.
var allowedTags = map[string]bool{"b": true, "strong": true, "i": true, "em": true, "u": true, "ins": true,
	"s": true, "strike": true, "del": true, "span": true, "tg-spoiler": true, "a": true, "code": true, "pre": true,
	"blockquote": true, "tg-emoji": true}

const allowedList = "b, strong, i, em, u, ins, s, strike, del, tg-spoiler, span class=\"tg-spoiler\", a href, code, pre, blockquote, tg-emoji"

// maxTagLen bounds one tag: a link's address is long, a whole paragraph
// inside a tag is a typo. It also keeps a reopened tag small next to the
// message limit, so the splitter can always make progress.
const maxTagLen = 512

// maxOpenLen bounds the tags open at one point, which every part of a long
// lesson repeats: a quarter of a message at most.
const maxOpenLen = MaxMessage / 4

var (
	hrefRe    = regexp.MustCompile(`\shref\s*=\s*("(https?|tg|mailto):[^"]+"|'(https?|tg|mailto):[^']+')`)
	spoilerRe = regexp.MustCompile(`\sclass\s*=\s*["']tg-spoiler["']`)
)

// CheckHTML reports the first problem Telegram would refuse in a text of
// its HTML parse mode: an unknown or unbalanced tag, a link without an
// address, an unknown entity, or a bare < > &.
func CheckHTML(s string) error {
	var open []string
	var lens []int // the room each open tag takes, opening and closing
	openLen := 0
	for _, t := range tokenize(s) {
		switch t.kind {
		case tokStray:
			return fmt.Errorf("a bare %q: write %s", t.raw, map[string]string{"<": "&lt;", ">": "&gt;", "&": "&amp;"}[t.raw])
		case tokEntity:
			if name := strings.TrimSuffix(t.raw[1:], ";"); name[0] != '#' && !knownEntity[name] {
				return fmt.Errorf("unknown entity %s (use &lt; &gt; &amp; &quot; or a numeric one)", t.raw)
			}
		case tokOpen:
			if err := checkOpenTag(t); err != nil {
				return err
			}
			open = append(open, t.name)
			if openLen += units(t.raw) + len(t.name) + 3; openLen > maxOpenLen {
				return fmt.Errorf("tags open at once (%s) take more than %d characters", describeOpen(open), maxOpenLen)
			}
			lens = append(lens, units(t.raw)+len(t.name)+3)
		case tokClose:
			if len(open) == 0 || open[len(open)-1] != t.name {
				return fmt.Errorf("%s closes nothing open (open: %s)", t.raw, describeOpen(open))
			}
			open = open[:len(open)-1]
			openLen -= lens[len(lens)-1]
			lens = lens[:len(lens)-1]
		}
	}
	if len(open) > 0 {
		return fmt.Errorf("unclosed %s", describeOpen(open))
	}
	return nil
}

var knownEntity = map[string]bool{"lt": true, "gt": true, "amp": true, "quot": true}

func checkOpenTag(t token) error {
	switch {
	case !allowedTags[t.name]:
		return fmt.Errorf("tag %s is not supported by Telegram (use %s)", t.raw, allowedList)
	case strings.HasSuffix(t.raw, "/>"):
		return fmt.Errorf("self-closing %s: Telegram needs an opening and a closing tag", t.raw)
	case len(t.raw) > maxTagLen:
		return fmt.Errorf("tag <%s…> is longer than %d characters", t.name, maxTagLen)
	case t.name == "a" && !hrefRe.MatchString(t.raw):
		return fmt.Errorf("%s needs href=\"https://…\"", t.raw)
	case t.name == "span" && !spoilerRe.MatchString(t.raw):
		return fmt.Errorf("%s: Telegram only knows <span class=\"tg-spoiler\">", t.raw)
	}
	return nil
}

func describeOpen(open []string) string {
	if len(open) == 0 {
		return "none"
	}
	return "<" + strings.Join(open, "> <") + ">"
}

// Escape makes plain text safe inside Telegram HTML.
func Escape(s string) string {
	return htmlEscaper.Replace(s)
}

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
