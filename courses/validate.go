package courses

import (
	"fmt"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"

	"github.com/transparentcities/nazar/locales"
)

// Limits of a definition. Course ids travel in callback data, which
// Telegram caps at 64 bytes.
const (
	MaxLessons   = 60
	maxLinks     = 6
	maxImages    = 5
	minOptions   = 2
	maxOptions   = 6
	maxOptionLen = 60 // characters: an option is a button
	maxTitleLen  = 120
)

var (
	idRe     = regexp.MustCompile(`^[a-z0-9_]{1,16}$`)
	fileIDRe = regexp.MustCompile(`^[A-Za-z0-9_-]{20,255}$`)
)

// problems collects "file:line: where: what" lines.
type problems struct {
	source string
	where  string
	list   *[]string
}

func (p problems) in(format string, args ...any) problems {
	p.where = strings.TrimSpace(p.where + " " + fmt.Sprintf(format, args...))
	return p
}

func (p problems) add(line int, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if p.where != "" {
		msg = p.where + ": " + msg
	}
	*p.list = append(*p.list, fmt.Sprintf("%s:%d: %s", p.source, line, msg))
}

// validate checks every course; root is the parsed YAML, for line numbers.
func (c *Catalog) validate(source string, root *yaml.Node) error {
	var list []string
	p := problems{source: source, list: &list}
	doc := documentNode(root)
	seq := doc.value("courses")
	ids := map[string]bool{}
	for i, co := range c.Courses {
		n := seq.item(i)
		if co == nil {
			p.in("course #%d", i+1).add(n.line(""), "empty definition")
			continue
		}
		cp := p.in("course %q", co.ID)
		if co.ID == "" {
			cp = p.in("course #%d", i+1)
		}
		switch {
		case !idRe.MatchString(co.ID):
			cp.add(n.line("id"), "id %q must be 1-16 characters of a-z 0-9 _", co.ID)
		case ids[co.ID]:
			cp.add(n.line("id"), "duplicate id %q", co.ID)
		}
		ids[co.ID] = true
		co.validate(cp, n)
	}
	if len(list) == 0 {
		return nil
	}
	return &ValidationError{Problems: list}
}

func (co *Course) validate(p problems, n node) {
	checkText(p, n, "title", co.Title, maxTitleLen)
	checkText(p, n, "description", co.Description, 0)
	if len(co.Lessons) == 0 || len(co.Lessons) > MaxLessons {
		p.add(n.line("lessons"), "lessons: a course needs 1 to %d lessons, got %d", MaxLessons, len(co.Lessons))
	}
	seq := n.value("lessons")
	for i, l := range co.Lessons {
		ln := seq.item(i)
		lp := p.in("lesson %d", i+1)
		if l == nil {
			lp.add(ln.line(""), "empty definition")
			continue
		}
		l.validate(lp, ln)
	}
}

func (l *Lesson) validate(p problems, n node) {
	checkText(p, n, "title", l.Title, maxTitleLen)
	checkText(p, n, "text", l.Text, 0)
	for _, lang := range locales.Supported {
		if err := CheckHTML(l.Text[lang]); err != nil {
			p.add(n.value("text").line(lang), "text (%s): %v", lang, err)
		}
	}
	if len(l.Links) > maxLinks {
		p.add(n.line("links"), "links: at most %d, got %d", maxLinks, len(l.Links))
	}
	links := n.value("links")
	for i, link := range l.Links {
		ln := links.item(i)
		lp := p.in("link %d", i+1)
		checkText(lp, ln, "title", link.Title, maxOptionLen)
		if !webURL(link.URL) {
			lp.add(ln.line("url"), "url: must be an absolute http(s) URL, got %q", link.URL)
		}
	}
	if len(l.Images) > maxImages {
		p.add(n.line("images"), "images: at most %d, got %d", maxImages, len(l.Images))
	}
	images := n.value("images")
	for i, img := range l.Images {
		if !webURL(img) && !fileIDRe.MatchString(img) {
			line := n.line("images")
			if it := images.item(i); it.n != nil {
				line = it.n.Line
			}
			p.add(line, "image %d: %q is neither an http(s) URL nor a Telegram file id", i+1, img)
		}
	}
	if l.Question != nil {
		l.Question.validate(p.in("question"), n.value("question"))
	}
}

func (q *Question) validate(p problems, n node) {
	checkText(p, n, "text", q.Text, 0)
	checkText(p, n, "explanation", q.Explanation, 0)
	if len(q.Options) < minOptions || len(q.Options) > maxOptions {
		p.add(n.line("options"), "options: need %d to %d, got %d", minOptions, maxOptions, len(q.Options))
	}
	opts := n.value("options")
	for i, o := range q.Options {
		on := opts.item(i)
		if on.n == nil {
			on = node{opts.n}
		}
		checkLangs(p, on.line(""), fmt.Sprintf("option %d", i+1), o, maxOptionLen)
	}
	if q.Answer < 1 || q.Answer > len(q.Options) {
		p.add(n.line("answer"), "answer: must be the number of the right option, 1 to %d, got %d", len(q.Options), q.Answer)
	}
}

// checkText requires key's text in every supported language and no other;
// max limits its length in characters (0: no limit).
func checkText(p problems, n node, key string, t Text, max int) {
	checkLangs(p, n.line(key), key, t, max)
}

func checkLangs(p problems, line int, key string, t Text, max int) {
	for _, lang := range locales.Supported {
		switch s := strings.TrimSpace(t[lang]); {
		case s == "":
			p.add(line, "%s: missing translation %q", key, lang)
		case max > 0 && utf8.RuneCountInString(s) > max:
			p.add(line, "%s (%s): longer than %d characters", key, lang, max)
		}
	}
	for _, lang := range slices.Sorted(maps.Keys(t)) {
		if !slices.Contains(locales.Supported, lang) {
			p.add(line, "%s: unsupported language %q (use %s)", key, lang, strings.Join(locales.Supported, ", "))
		}
	}
}

func webURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}
