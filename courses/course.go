// Package courses is the content side of learning in the chat (SPEC §18):
// course definitions read from YAML (the city's content, not code), their
// validation at start-up with file:line errors, and the safe splitting of a
// lesson's Telegram HTML into messages. It knows nothing about Telegram's
// API or the database.
package courses

import (
	"github.com/transparentcities/nazar/locales"
)

// Text is content in every supported language (one type for every content file).
type Text = locales.Text

// Catalog is every course of the courses file, in the order /learn lists them.
type Catalog struct {
	Courses []*Course `yaml:"courses"`
}

// Course is a titled sequence of lessons.
type Course struct {
	ID          string    `yaml:"id"`
	Title       Text      `yaml:"title"`
	Description Text      `yaml:"description"` // a sentence or two under the title
	Lessons     []*Lesson `yaml:"lessons"`
}

// Lesson is one step of a course: a text in Telegram HTML, optional link
// buttons and images, and at most one check question.
type Lesson struct {
	Title    Text      `yaml:"title"`
	Text     Text      `yaml:"text"`   // Telegram HTML; split into messages when long
	Links    []Link    `yaml:"links"`  // URL buttons under the lesson
	Images   []string  `yaml:"images"` // http(s) URLs or Telegram file ids, sent before the text
	Question *Question `yaml:"question"`
}

// Link is a URL button under a lesson.
type Link struct {
	Title Text   `yaml:"title"`
	URL   string `yaml:"url"`
}

// Question is a single-choice check at the end of a lesson.
type Question struct {
	Text        Text   `yaml:"text"`
	Options     []Text `yaml:"options"`
	Answer      int    `yaml:"answer"`      // the right option, counted from 1
	Explanation Text   `yaml:"explanation"` // shown with the right answer
}

// Course finds a course by id.
func (c *Catalog) Course(id string) (*Course, bool) {
	for _, co := range c.Courses {
		if co.ID == id {
			return co, true
		}
	}
	return nil, false
}

// Lesson returns the lesson at index i (from 0), if there is one.
func (c *Course) Lesson(i int) (*Lesson, bool) {
	if i < 0 || i >= len(c.Lessons) {
		return nil, false
	}
	return c.Lessons[i], true
}

// Right reports whether option i (from 0) is the right answer.
func (q *Question) Right(i int) bool { return i == q.Answer-1 }
