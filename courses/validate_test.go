package courses_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/courses"
)

// good is a valid one-course file; the table breaks one thing at a time.
const good = `courses:
  - id: web
    title: {uk: "Сайт", en: "Website"}
    description: {uk: "Опис", en: "About"}
    lessons:
      - title: {uk: "Урок", en: "Lesson"}
        text:
          uk: "<b>Текст</b> &amp; ще"
          en: "<b>Text</b> &amp; more"
        links:
          - title: {uk: "Посилання", en: "Link"}
            url: https://example.org
        images: [https://example.org/a.png, AgACAgIAAxkBAAIBQ2Zz-file_id_0123]
        question:
          text: {uk: "Питання?", en: "Question?"}
          options:
            - {uk: "Так", en: "Yes"}
            - {uk: "Ні", en: "No"}
          answer: 1
          explanation: {uk: "Бо так.", en: "Because."}
`

func TestParseGood(t *testing.T) {
	c, err := courses.Parse([]byte(good), "c.yaml")
	require.NoError(t, err)
	co, ok := c.Course("web")
	require.True(t, ok)
	l, ok := co.Lesson(0)
	require.True(t, ok)
	assert.True(t, l.Question.Right(0))
	assert.False(t, l.Question.Right(1))
	_, ok = co.Lesson(1)
	assert.False(t, ok)
}

func TestValidatorErrors(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"bad id", "id: web", "id: Web-1", `c.yaml:2: course "Web-1": id "Web-1" must be 1-16 characters`},
		{"missing translation", `title: {uk: "Сайт", en: "Website"}`, `title: {uk: "Сайт"}`,
			`c.yaml:3: course "web": title: missing translation "en"`},
		{"unsupported language", `description: {uk: "Опис", en: "About"}`, `description: {uk: "Опис", en: "About", pl: "O"}`,
			`c.yaml:4: course "web": description: unsupported language "pl"`},
		{"unknown key", "    lessons:\n", "    lesons:\n", `c.yaml:5: field lesons not found`},
		{"unclosed tag", `uk: "<b>Текст</b> &amp; ще"`, `uk: "<b>Текст &amp; ще"`,
			`c.yaml:8: course "web" lesson 1: text (uk): unclosed <b>`},
		{"unknown tag", `en: "<b>Text</b> &amp; more"`, `en: "<div>Text</div>"`,
			`c.yaml:9: course "web" lesson 1: text (en): tag <div> is not supported`},
		{"bare ampersand", `en: "<b>Text</b> &amp; more"`, `en: "Text & more"`,
			`c.yaml:9: course "web" lesson 1: text (en): a bare "&": write &amp;`},
		{"bad link", "url: https://example.org", "url: example.org",
			`c.yaml:12: course "web" lesson 1 link 1: url: must be an absolute http(s) URL, got "example.org"`},
		{"bad image", "https://example.org/a.png,", "not an image,",
			`c.yaml:13: course "web" lesson 1: image 1: "not an image" is neither`},
		{"answer out of range", "answer: 1", "answer: 3",
			`c.yaml:19: course "web" lesson 1 question: answer: must be the number of the right option, 1 to 2, got 3`},
		{"one option", "            - {uk: \"Ні\", en: \"No\"}\n", "",
			`c.yaml:16: course "web" lesson 1 question: options: need 2 to 6, got 1`},
		{"unknown key in a course", "    lessons:\n", "    x: 1\n    lessons:\n",
			`c.yaml:5: field x not found`},
		{"link to nowhere", `<b>Text</b> &amp; more`, `<a>Text</a>`, `text (en): <a> needs href="https://…"`},
		{"not yaml", "courses:\n", "courses: [\n", `c.yaml:`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Contains(t, good, tt.old)
			_, err := courses.Parse([]byte(strings.Replace(good, tt.old, tt.new, 1)), "c.yaml")
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.True(t, strings.HasPrefix(err.Error(), "courses file c.yaml:"), err.Error())
		})
	}
}

func TestDuplicateAndEmptyCourses(t *testing.T) {
	src := good + strings.TrimPrefix(good, "courses:\n") + "  - id: empty\n    title: {uk: a, en: b}\n    description: {uk: a, en: b}\n"
	_, err := courses.Parse([]byte(src), "c.yaml")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `c.yaml:21: course "web": duplicate id "web"`)
	assert.Contains(t, err.Error(), `c.yaml:40: course "empty": lessons: a course needs 1 to 60 lessons, got 0`)
}

func TestLoadMissingFile(t *testing.T) {
	_, err := courses.Load("/no/such/courses.yaml", nil)
	assert.ErrorContains(t, err, "courses file")
}

func TestCheckHTML(t *testing.T) {
	for _, ok := range []string{"plain", "<b>b <i>i</i></b>", `<a href="https://x.org/?a=1&amp;b=2">x</a>`,
		`<span class="tg-spoiler">s</span>`, "&lt;&gt;&amp;&quot;&#39;&#x1F600;", "<pre><code>x</code></pre>",
		"<blockquote>q</blockquote>"} {
		assert.NoError(t, courses.CheckHTML(ok), ok)
	}
	for bad, want := range map[string]string{
		"<b>x":               "unclosed <b>",
		"<b><i>x</b></i>":    "</b> closes nothing open (open: <b> <i>)",
		"x</b>":              "</b> closes nothing open (open: none)",
		"1 < 2":              `a bare "<"`,
		"a > b":              `a bare ">"`,
		"&nbsp;":             "unknown entity &nbsp;",
		"<br/>":              "tag <br/> is not supported",
		"<b/>":               "self-closing",
		"<span>x</span>":     `Telegram only knows <span class="tg-spoiler">`,
		`<a href="x">y</a>`:  `needs href`,
		`<a href='ftp://x'>`: `needs href`,
	} {
		assert.ErrorContains(t, courses.CheckHTML(bad), want, bad)
	}
}
