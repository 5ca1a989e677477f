package locales

import (
	"bytes"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ code, fallback, want string }{
		{"uk", "en", "uk"},
		{"uk-UA", "en", "uk"},
		{"UK", "en", "uk"},
		{" uk_ua ", "en", "uk"},
		{"en", "uk", "en"},
		{"en-GB", "uk", "en"},
		{"EN-us", "uk", "en"},
		{"ru", "en", "en"},
		{"", "en", "en"},
		{"ru", "en-US", "en"},
		{"ru", "de", Default},
		{"", "", Default},
		{"ukr", "en", "en"},
		{"e", "uk", "uk"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Normalize(tt.code, tt.fallback), "Normalize(%q, %q)", tt.code, tt.fallback)
	}
}

func TestNewNormalizesAndCaches(t *testing.T) {
	assert.Equal(t, "en", New("en-GB").Lang)
	assert.Equal(t, Default, New("ru").Lang)
	assert.Same(t, New("uk"), New("uk-UA"))
	assert.NotSame(t, New("uk"), New("en"))
}

func TestT(t *testing.T) {
	assert.Equal(t, "Українська", New("uk").T("language_name"))
	assert.Equal(t, "English", New("en").T("language_name"))
	// T on a plural message renders "other", with data from several maps.
	assert.Equal(t, "7 items", New("en").T("items_count", map[string]any{"Count": 1}, map[string]any{"Count": 7}))
}

func TestWeekday(t *testing.T) {
	monday := time.Date(2026, time.November, 30, 12, 0, 0, 0, time.UTC)
	assert.Equal(t, "понеділок", New("uk").Weekday(monday))
	assert.Equal(t, "Monday", New("en").Weekday(monday))
	assert.Equal(t, "неділя", New("uk").Weekday(monday.AddDate(0, 0, -1)))
	assert.Equal(t, "Saturday", New("en").Weekday(monday.AddDate(0, 0, 5)))
}

// captureLog redirects slog's default logger for the duration of the test.
func captureLog(t *testing.T) *bytes.Buffer {
	var buf bytes.Buffer
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&buf, nil)))
	t.Cleanup(func() { slog.SetDefault(prev) })
	return &buf
}

func TestUnknownIDReturnsIDAndWarnsOnce(t *testing.T) {
	logs := captureLog(t)
	l := New("en")
	assert.Equal(t, "no_such_message_xyz", l.T("no_such_message_xyz"))
	assert.Equal(t, "no_such_message_xyz", l.N("no_such_message_xyz", 2, nil))
	assert.Equal(t, "no_such_message_xyz", l.T("no_such_message_xyz"))
	assert.Equal(t, 1, strings.Count(logs.String(), "level=WARN"), logs.String())
	assert.Contains(t, logs.String(), "id=no_such_message_xyz")
}

// testLocalizer builds a Localizer over custom message files.
func testLocalizer(t *testing.T, lang string, files map[string]string) *Localizer {
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	b, _, err := loadBundle(fsys)
	require.NoError(t, err)
	return &Localizer{Lang: lang, loc: i18n.NewLocalizer(b, lang), num: styleFor(lang)}
}

func TestMissingTranslationFallsBackToDefaultLanguage(t *testing.T) {
	logs := captureLog(t)
	l := testLocalizer(t, "en", map[string]string{"a.uk.toml": "only_uk = \"лише укр\"", "a.en.toml": "other_id = \"x\""})
	assert.Equal(t, "лише укр", l.T("only_uk"))
	assert.Contains(t, logs.String(), "only_uk")
}

func TestMissingTemplateDataWarns(t *testing.T) {
	logs := captureLog(t)
	l := testLocalizer(t, "uk", map[string]string{"a.uk.toml": "hello_name = \"Привіт, {{.Name}}\""})
	assert.Equal(t, "Привіт, Оля", l.T("hello_name", map[string]any{"Name": "Оля"}))
	assert.Empty(t, logs.String())
	assert.Equal(t, "Привіт, <no value>", l.T("hello_name"))
	assert.Contains(t, logs.String(), "hello_name")
}

func TestBrokenTemplateReturnsID(t *testing.T) {
	captureLog(t)
	l := testLocalizer(t, "uk", map[string]string{"a.uk.toml": "broken_tpl = \"{{.Name\""})
	assert.Equal(t, "broken_tpl", l.T("broken_tpl"))
}

func TestIDs(t *testing.T) {
	for _, lang := range Supported {
		ids := IDs(lang)
		assert.True(t, ids["language_name"], lang)
		assert.True(t, ids["items_count"], lang)
		ids["mutated"] = true
		assert.False(t, IDs(lang)["mutated"], "IDs must return a copy")
	}
	assert.Empty(t, IDs("ru"))
}

func TestConcurrentUse(t *testing.T) {
	var wg sync.WaitGroup
	for i := range 32 {
		wg.Go(func() {
			l := New(Supported[i%len(Supported)])
			assert.NotEmpty(t, l.T("language_name"))
			assert.NotEmpty(t, l.N("items_count", i, nil))
			assert.NotEmpty(t, l.Money(int64(i)))
		})
	}
	wg.Wait()
}
