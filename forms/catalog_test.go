package forms

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultFormsAreValid(t *testing.T) {
	c, err := Load("")
	require.NoError(t, err)
	var ids []string
	for _, f := range c.Forms {
		ids = append(ids, f.ID)
	}
	assert.Equal(t, []string{"threat", "incubator", "interpreter"}, ids)
	f, ok := c.Form("interpreter")
	require.True(t, ok)
	require.NotNil(t, f.ReminderStep())
	assert.Equal(t, "slot", f.ReminderStep().ID)
	assert.Equal(t, "topic", f.After("slot").ID)
	assert.Nil(t, f.After("topic"))
	_, ok = c.Page("programme")
	assert.True(t, ok)
	_, ok = c.Page("course")
	assert.False(t, ok, "the course is the courses feature's (🎓 Навчання), not a static page")
}

// validForm is a minimal valid definition; cases below break one thing.
const validForm = `
forms:
  - id: f1
    title: {uk: "Форма", en: "Form"}
    confirmation: {uk: "Дякуємо", en: "Thanks"}
    operators_chat: -100
    steps:
      - id: s1
        type: text
        label: {uk: "Т", en: "T"}
        question: {uk: "Питання?", en: "Question?"}
`

func TestInvalidDefinitionsNameTheFormAndStep(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string
	}{
		{"unknown step type", strings.Replace(validForm, "type: text", "type: texty", 1),
			[]string{`forms file test.yaml: form "f1" step "s1": unknown step type "texty"`}},
		{"missing translation", strings.Replace(validForm, `question: {uk: "Питання?", en: "Question?"}`,
			`question: {uk: "Питання?"}`, 1),
			[]string{`form "f1" step "s1": question: missing translation "en"`}},
		{"duplicate form id", validForm + strings.TrimPrefix(validForm, "\nforms:\n"),
			[]string{`form "f1": duplicate id "f1"`}},
		{"duplicate step id", strings.Replace(validForm, "    steps:\n", `    steps:
      - id: s1
        type: phone
        label: {uk: "Т", en: "T"}
        question: {uk: "Номер?", en: "Number?"}
`, 1), []string{`form "f1" step "s1": duplicate id "s1"`}},
		{"bad chat id", strings.Replace(validForm, "operators_chat: -100", "operators_chat: 0", 1),
			[]string{`form "f1": operators_chat: bad chat id`}},
		{"unsupported language", strings.Replace(validForm, `title: {uk: "Форма", en: "Form"}`,
			`title: {uk: "Форма", en: "Form", ru: "x"}`, 1), []string{`form "f1": title: unsupported language "ru"`}},
		{"bad id", strings.Replace(validForm, "id: f1", "id: Form-1", 1), []string{`form "Form-1": id "Form-1" must be`}},
		{"misspelt key", strings.Replace(validForm, "optional", "", 1) + "        optinal: true\n",
			[]string{"field optinal not found"}},
		{"bad pattern", strings.Replace(validForm, "type: text", "type: text\n        pattern: \"(\"", 1),
			[]string{`step "s1": pattern: error parsing regexp`, `step "s1": pattern_error: missing translation "uk"`}},
		{"bad hours", strings.Replace(validForm, "type: text", `type: datetime
        hours: {mon-fri: "17:00-09:00", funday: "10:00-11:00"}
        slot: 1m
        days_ahead: 0`, 1),
			[]string{`step "s1": hours: unknown day "funday"`, `mon-fri: bad period "17:00-09:00"`,
				`step "s1": slot: must be whole minutes between 5m and 24h, got 1m0s`,
				`step "s1": days_ahead: must be between 1 and 90, got 0`}},
		{"empty choice", strings.Replace(validForm, "type: text", "type: choice", 1),
			[]string{`step "s1": options: a choice step needs at least one option`}},
		{"page without link url", validForm + `pages:
  - id: p1
    title: {uk: "С", en: "P"}
    text: {uk: "Т", en: "T"}
    links: [{title: {uk: "Л", en: "L"}, url: "ftp://x"}]
`, []string{`page "p1" link #1: url: must be an absolute http(s) URL, got "ftp://x"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.yaml), "test.yaml")
			require.Error(t, err)
			for _, want := range tt.want {
				assert.Contains(t, err.Error(), want)
			}
		})
	}
}

func TestValidFormParses(t *testing.T) {
	c, err := Parse([]byte(validForm), "test.yaml")
	require.NoError(t, err)
	s, ok := c.Forms[0].Step("s1")
	require.True(t, ok)
	assert.Equal(t, 1, s.Min, "min defaults to 1")
	assert.Equal(t, DefaultMaxText, s.Max)
}

func TestLoadReadsAFileAndReportsAMissingOne(t *testing.T) {
	path := filepath.Join(t.TempDir(), "forms.yaml")
	require.NoError(t, os.WriteFile(path, []byte(validForm), 0o600))
	c, err := Load(path)
	require.NoError(t, err)
	assert.Len(t, c.Forms, 1)
	_, err = Load(filepath.Join(t.TempDir(), "nope.yaml"))
	assert.ErrorContains(t, err, "forms file")
}

func TestTextInFallsBackToDefault(t *testing.T) {
	tx := Text{"uk": "Привіт"}
	assert.Equal(t, "Привіт", tx.In("en"))
	assert.Equal(t, "Hi", Text{"uk": "Привіт", "en": "Hi"}.In("en"))
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(validForm))
	f.Add(defaultYAML)
	f.Add([]byte("forms: [{id: x, steps: [{type: datetime, hours: {mon: '9-1'}}]}]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(data, "fuzz")
		if err == nil && c == nil {
			t.Fatal("nil catalog without an error")
		}
	})
}
