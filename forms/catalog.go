// Package forms is the city-services form engine: form definitions read from
// YAML (the city's content, not code), their validation at start-up, and the
// pure checks of what a user sends at each step. It knows nothing about
// Telegram or the database; handlers drive a conversation through a Form and
// store what it collects.
package forms

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/transparentcities/nazar/locales"
)

// defaultYAML holds the demo city's shipped forms and pages, used when
// forms.file is empty.
//
//go:embed default.yaml
var defaultYAML []byte

// DefaultSource names the embedded definitions in error messages.
const DefaultSource = "built-in forms"

// Step types.
const (
	TypeText     = "text"     // free text, min/max length, optional pattern
	TypeChoice   = "choice"   // one of the options, as inline buttons
	TypePhone    = "phone"    // Telegram's contact button, or a typed number
	TypeURL      = "url"      // an http(s) link
	TypeDateTime = "datetime" // a slot within the configured hours
	TypePhoto    = "photo"    // a photo (its Telegram file id is kept)
	TypeForward  = "forward"  // a forwarded post, or a link to one
)

// Types lists every step type, in the order error messages name them.
var Types = []string{TypeText, TypeChoice, TypePhone, TypeURL, TypeDateTime, TypePhoto, TypeForward}

// Text is content in every supported language (one type for every content file).
type Text = locales.Text

// Catalog is everything the forms file defines: the forms and the static
// info pages of the Services menu, in the order the menu shows them.
type Catalog struct {
	Forms  []*Form `yaml:"forms"`
	Pages  []*Page `yaml:"pages"`
	source string
}

// Form is one service: the questions it asks and where the answers go.
type Form struct {
	ID           string `yaml:"id"`
	Title        Text   `yaml:"title"`
	Intro        Text   `yaml:"intro"` // shown before the first question (optional)
	Confirmation Text   `yaml:"confirmation"`
	// OperatorsChat is the Telegram chat (a group, or an operator's private
	// chat) that receives every submission.
	OperatorsChat int64   `yaml:"operators_chat"`
	Steps         []*Step `yaml:"steps"`
}

// Step is one question of a form.
type Step struct {
	ID       string `yaml:"id"`
	Type     string `yaml:"type"`
	Question Text   `yaml:"question"`
	Label    Text   `yaml:"label"` // short name in the summary and the operators' message
	Optional bool   `yaml:"optional"`

	// text
	Min          int    `yaml:"min"` // characters; 0 means 1
	Max          int    `yaml:"max"` // characters; 0 means DefaultMaxText
	Pattern      string `yaml:"pattern"`
	PatternError Text   `yaml:"pattern_error"`

	// choice
	Options []Option `yaml:"options"`

	// datetime
	Hours          map[string]string `yaml:"hours"` // "mon-fri": "09:00-13:00, 14:00-17:00"
	Slot           time.Duration     `yaml:"slot"`
	DaysAhead      int               `yaml:"days_ahead"`
	MinLead        time.Duration     `yaml:"min_lead"`
	ReminderBefore time.Duration     `yaml:"reminder_before"`

	compiled stepRules
}

// Option is one answer of a choice step.
type Option struct {
	ID    string `yaml:"id"`
	Label Text   `yaml:"label"`
}

// Page is a static info page (a programme, a course) with optional links.
type Page struct {
	ID    string `yaml:"id"`
	Title Text   `yaml:"title"`
	Text  Text   `yaml:"text"`
	Links []Link `yaml:"links"`
}

// Link is a URL button under a page.
type Link struct {
	Title Text   `yaml:"title"`
	URL   string `yaml:"url"`
}

// Load reads and validates the forms file at path; an empty path means the
// built-in forms. Every problem is reported, one line each, naming the file,
// the form and the step.
func Load(path string) (*Catalog, error) {
	if path == "" {
		return Parse(defaultYAML, DefaultSource)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("forms file: %w", err)
	}
	return Parse(data, path)
}

// Parse decodes and validates form definitions; source names them in errors.
func Parse(data []byte, source string) (*Catalog, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true) // a misspelt key is an error, not a silently ignored setting
	c := &Catalog{source: source}
	if err := dec.Decode(c); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("forms file %s: %w", source, err)
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return c, nil
}

// Form finds a form by id.
func (c *Catalog) Form(id string) (*Form, bool) {
	for _, f := range c.Forms {
		if f.ID == id {
			return f, true
		}
	}
	return nil, false
}

// Page finds a page by id.
func (c *Catalog) Page(id string) (*Page, bool) {
	for _, p := range c.Pages {
		if p.ID == id {
			return p, true
		}
	}
	return nil, false
}

// Step finds a step of the form by id.
func (f *Form) Step(id string) (*Step, bool) {
	for _, s := range f.Steps {
		if s.ID == id {
			return s, true
		}
	}
	return nil, false
}

// After returns the step that follows id, or nil when id is the last one.
func (f *Form) After(id string) *Step {
	for i, s := range f.Steps {
		if s.ID == id && i+1 < len(f.Steps) {
			return f.Steps[i+1]
		}
	}
	return nil
}

// ReminderStep is the datetime step whose slot gets a reminder, if any
// (validation allows at most one).
func (f *Form) ReminderStep() *Step {
	for _, s := range f.Steps {
		if s.Type == TypeDateTime && s.ReminderBefore > 0 {
			return s
		}
	}
	return nil
}
