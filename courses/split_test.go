package courses

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSplitHTMLShortTextIsOnePart(t *testing.T) {
	assert.Equal(t, []string{"<b>hi</b> &amp; bye"}, SplitHTML("<b>hi</b> &amp; bye", MaxMessage))
	assert.Empty(t, SplitHTML(" \n ", MaxMessage), "nothing to say, nothing to send")
}

func TestSplitHTMLCases(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		limit int
		want  []string
	}{
		{"prefers a line break", "aaaa bbbb\ncc dd", 12, []string{"aaaa bbbb\n", "cc dd"}},
		{"then a space", "aaaa bbbb cc", 10, []string{"aaaa bbbb ", "cc"}},
		{"then a hard cut", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"closes and reopens tags", "<b>aaaa bbbb cccc</b>", 16, []string{"<b>aaaa bbbb</b>", "<b>cccc</b>"}},
		{"keeps link targets", `<a href="https://x.io">aaa bbb</a>`, 30,
			[]string{`<a href="https://x.io">aaa</a>`, `<a href="https://x.io">bbb</a>`}},
		{"never cuts an entity", "aaa&amp;b", 5, []string{"aaa", "&amp;", "b"}},
		{"never cuts a surrogate pair", "a😀b", 2, []string{"a", "😀", "b"}},
		{"nested tags", "<b><i>aa bb</i></b>", 16, []string{"<b><i>aa</i></b>", "<b><i>bb</i></b>"}},
		{"a tag that does not fit moves on", "aaaaaa<b>bb</b>", 10, []string{"aaaaaa", "<b>bb</b>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, SplitHTML(tt.text, tt.limit))
		})
	}
}

func TestSplitHTMLLongLesson(t *testing.T) {
	para := "<b>Заголовок</b> текст з <a href=\"https://example.org\">посиланням</a> &amp; 😀 емодзі.\n"
	text := "<blockquote>" + strings.Repeat(para, 200) + "</blockquote>"
	parts := SplitHTML(text, MaxMessage)
	require.Greater(t, len(parts), 2)
	for _, p := range parts {
		assert.LessOrEqual(t, units(p), MaxMessage)
		assert.NoError(t, CheckHTML(p))
		assert.True(t, strings.HasPrefix(p, "<blockquote>"))
	}
	assert.Equal(t, squeeze(visible(text)), squeeze(visible(strings.Join(parts, ""))))
}

// squeeze drops white space, which a cut may remove.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// FuzzSplitHTML: for any text and limit the splitter ends, loses nothing
// but white space, keeps valid HTML valid in every part, and keeps every
// part within the limit when the tags are small next to it.
func FuzzSplitHTML(f *testing.F) {
	f.Add("<b>aaaa bbbb cccc</b>", 16)
	f.Add(`<a href="https://x.io">aaa bbb</a> &amp; 😀`, 30)
	f.Add("<pre><code>x\ny\nz</code></pre>", 20)
	f.Add("1 < 2 & 3 > 0 </i>", 5)
	f.Add("<b><i><u>deep</u></i></b>\n\n<s>x</s>", 40)
	f.Fuzz(func(t *testing.T, text string, limit int) {
		if limit < 1 || limit > 5000 || len(text) > 20000 || !utf8.ValidString(text) { // YAML and Telegram take UTF-8 only
			t.Skip()
		}
		parts := SplitHTML(text, limit)
		assert.Equal(t, squeeze(visible(text)), squeeze(visible(strings.Join(parts, ""))), "text lost")
		valid := CheckHTML(text) == nil
		small := limit >= 64 && tagBytes(text) <= limit/4
		for _, p := range parts {
			if valid {
				assert.NoError(t, CheckHTML(p), "part %q", p)
			}
			if valid && small {
				assert.LessOrEqual(t, units(p), limit, "part %q", p)
			}
		}
	})
}

// tagBytes is the size of the tags of text, all open at once at worst.
func tagBytes(text string) int {
	n := 0
	for _, t := range tokenize(text) {
		if t.kind == tokOpen {
			n += units(t.raw) + len(t.name) + 3
		}
	}
	return n
}

// Tags that fill a part on their own cannot be split around: the rest goes
// out in one piece, at once (this once looped for ever).
func TestSplitHTMLTagsFillingThePartEnd(t *testing.T) {
	text := strings.Repeat("<b>", 3000) + strings.Repeat("x", 10000)
	parts := SplitHTML(text, 1)
	assert.Len(t, parts, 2)
	assert.Equal(t, squeeze(visible(text)), squeeze(visible(strings.Join(parts, ""))))
}
