package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeConfig writes a YAML file into a temp dir and returns its path.
func writeConfig(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.yaml")
	require.NoError(t, os.WriteFile(path, []byte(body), 0o600))
	return path
}

func TestLoadYAMLOverrides(t *testing.T) {
	path := writeConfig(t, `
default_language: en
admins: [5, 6]
telegram:
  mode: webhook
  poll_timeout: 10s
  max_concurrent_handlers: 8
city:
  name: Lviv
digest:
  rate_per_second: 2.5
`)
	cfg, err := Load(path, true, nil)
	require.NoError(t, err)

	want := Default()
	want.DefaultLanguage = "en"
	want.Admins = []int64{5, 6}
	want.Telegram.Mode = "webhook"
	want.Telegram.PollTimeout = 10 * time.Second
	want.Telegram.MaxConcurrentHandlers = 8
	want.City.Name = "Lviv"
	want.Digest.RatePerSecond = 2.5
	assert.Equal(t, want, cfg)
}

func TestLoadFileAbsence(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope.yaml")
	tests := []struct {
		name     string
		path     string
		explicit bool
		wantErr  bool
	}{
		{"no path", "", false, false},
		{"default path missing", missing, false, false},
		{"explicit path missing", missing, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Load(tt.path, tt.explicit, nil)
			if tt.wantErr {
				require.Error(t, err)
				assert.Contains(t, err.Error(), "nope.yaml")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, Default(), cfg)
		})
	}
}

func TestLoadYAMLErrors(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"unknown nested key", "telegram:\n  tokn: x\n", []string{":2: telegram.tokn: unknown key"}},
		{"unknown top key", "citi:\n  name: x\n", []string{":1: citi: unknown key"}},
		{"bad duration", "log:\n  level: info\nconversation:\n  timeout: soon\n",
			[]string{`:4: conversation.timeout: want a duration such as "30s" or "15m", got "soon"`}},
		{"duration without unit", "telegram:\n  poll_timeout: 30\n", []string{`telegram.poll_timeout: want a duration`}},
		{"bad int", "digest:\n  workers: many\n", []string{`:2: digest.workers: want an integer, got "many"`}},
		{"bad list item", "admins: [1, x]\n", []string{`:1: admins: item 2: want an integer, got "x"`}},
		{"scalar for list", "admins: 5\n", []string{`admins: want a list`}},
		{"list for scalar", "city:\n  name: [a]\n", []string{`city.name: want a single value, got a list`}},
		{"scalar for section", "city: Lviv\n", []string{`city: want a mapping of keys`}},
		{"duplicate key", "city:\n  name: a\n  name: b\n", []string{`:3: city.name: duplicate key (first set on line 2)`}},
		{"syntax error", "city: [\n", []string{"config.yaml: yaml:"}},
		{"two documents", "city: {}\n---\nlog: {}\n", []string{"single YAML document"}},
		{"all problems reported", "a: 1\nb: 2\n", []string{":1: a: unknown key", ":2: b: unknown key"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(writeConfig(t, tt.body), true, nil)
			require.Error(t, err)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

func TestLoadYAMLEdgeCases(t *testing.T) {
	tests := []struct {
		name string
		body string
		edit func(*Config)
	}{
		{"empty file", "", func(*Config) {}},
		{"only comments", "# nothing\n", func(*Config) {}},
		{"null section keeps defaults", "city:\n", func(*Config) {}},
		{"null value keeps default", "city:\n  name:\n", func(*Config) {}},
		{"empty list clears", "admins: []\n", func(*Config) {}},
		{"alias", "telegram:\n  poll_timeout: &t 10s\n  handler_timeout: *t\n", func(c *Config) {
			c.Telegram.PollTimeout, c.Telegram.HandlerTimeout = 10*time.Second, 10*time.Second
		}},
		{"quoted number", "digest:\n  workers: \"8\"\n", func(c *Config) { c.Digest.Workers = 8 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Load(writeConfig(t, tt.body), true, nil)
			require.NoError(t, err)
			want := Default()
			tt.edit(&want)
			assert.Equal(t, want, cfg)
		})
	}
}

func TestLoadEnvOverridesEachType(t *testing.T) {
	path := writeConfig(t, "telegram:\n  token: from-file\ndigest:\n  workers: 2\n")
	env := []string{
		"NAZAR_TELEGRAM_TOKEN=from-env",     // string, beats the file
		"NAZAR_DIGEST_WORKERS= 9 ",          // int, spaces trimmed
		"NAZAR_DIGEST_RATE_PER_SECOND=12.5", // float64
		"NAZAR_CONVERSATION_TIMEOUT=1h",     // time.Duration
		"NAZAR_ADMINS=1, 2,3",               // []int64
		"NAZAR_HTTP_LISTEN=:9090",           // nested string
		"NAZAR_DEFAULT_LANGUAGE=uk",         // top-level key with underscore
		"NAZAR_DEFAULT_LANGUAGE=en",         // later entry wins
		"NAZAR_SOAK_USERS=10",               // not a key but allowed (nonKeyEnv): ignored
		"PATH=/usr/bin",                     // unrelated
		"NAZAR_LOG_LEVEL",                   // malformed entry: ignored
	}
	cfg, err := Load(path, true, env)
	require.NoError(t, err)

	want := Default()
	want.Telegram.Token = "from-env"
	want.Digest.Workers = 9
	want.Digest.RatePerSecond = 12.5
	want.Conversation.Timeout = time.Hour
	want.Admins = []int64{1, 2, 3}
	want.HTTP.Listen = ":9090"
	want.DefaultLanguage = "en"
	assert.Equal(t, want, cfg)
}

func TestLoadEnvEmptyListClears(t *testing.T) {
	path := writeConfig(t, "admins: [1]\n")
	cfg, err := Load(path, true, []string{"NAZAR_ADMINS="})
	require.NoError(t, err)
	assert.Nil(t, cfg.Admins)
}

func TestLoadEnvBadValues(t *testing.T) {
	tests := []struct {
		env  string
		want string
	}{
		{"NAZAR_DIGEST_WORKERS=four", `NAZAR_DIGEST_WORKERS (digest.workers): want an integer, got "four"`},
		{"NAZAR_DIGEST_RATE_PER_SECOND=fast", `NAZAR_DIGEST_RATE_PER_SECOND (digest.rate_per_second): want a number`},
		{"NAZAR_TELEGRAM_POLL_TIMEOUT=30", `NAZAR_TELEGRAM_POLL_TIMEOUT (telegram.poll_timeout): want a duration`},
		{"NAZAR_ADMINS=1,,2", `NAZAR_ADMINS (admins): item 2: want an integer, got ""`},
		{"NAZAR_ADMINS=99999999999999999999", `NAZAR_ADMINS (admins): item 1: want an integer`},
	}
	for _, tt := range tests {
		t.Run(tt.env, func(t *testing.T) {
			_, err := Load("", false, []string{tt.env})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// A NAZAR_* variable that matches no key is an error naming it: a typo
// must not run silently on the default.
func TestLoadEnvUnknownVariable(t *testing.T) {
	tests := []struct {
		env  string
		want string // "" means accepted
	}{
		{"NAZAR_DIGEST_RATE_PER_SECND=5",
			"NAZAR_DIGEST_RATE_PER_SECND: matches no configuration key; did you mean NAZAR_DIGEST_RATE_PER_SECOND?"},
		{"NAZAR_TELEGRAM_TOKN=x", "did you mean NAZAR_TELEGRAM_TOKEN?"},
		{"NAZAR_CONFIG=/etc/nazar.yaml", "NAZAR_CONFIG: matches no configuration key (the keys are listed"},
		{"NAZAR_=1", "NAZAR_: matches no configuration key"},
		{"NAZAR_DATABASE_KEY=secret", ""}, // database.key: a key; its shape is a rule, checked by Validate
		{"NAZAR_SOAK=1", ""},
		{"NAZAR_SOAK_USERS=2000", ""},
		{"nazar_digest_workers=2", ""}, // not ours: variable names are case-sensitive
		{"NAZAR_DIGEST_WORKERS=2", ""},
	}
	for _, tt := range tests {
		t.Run(tt.env, func(t *testing.T) {
			_, err := Load("", false, []string{tt.env})
			if tt.want == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Equal(t, 1, strings.Count(err.Error(), "\n")+1, "one line: %v", err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// Unknown YAML keys, bad YAML values, unknown variables, bad variable values
// and broken rules all come back from one call, one line each.
func TestLoadCheckedReportsEverythingAtOnce(t *testing.T) {
	path := writeConfig(t, `
telegram:
  tokn: x
  mode: pigeon
digest:
  workers: many
  schedule: "CRON_TZ="
log:
  level: loud
`)
	env := []string{"NAZAR_DIGEST_RATE_PER_SECND=5", "NAZAR_CONVERSATION_TIMEOUT=soon", "NAZAR_DEFAULT_LANGUAGE=fr",
		"NAZAR_DIGEST_RATE_PER_SECND=6"}
	_, err := LoadChecked(path, true, env)
	require.Error(t, err)
	lines := strings.Split(err.Error(), "\n")
	want := []string{
		":3: telegram.tokn: unknown key",
		`:6: digest.workers: want an integer, got "many"`,
		"NAZAR_DIGEST_RATE_PER_SECND: matches no configuration key",
		`NAZAR_CONVERSATION_TIMEOUT (conversation.timeout): want a duration`,
		`default_language: must be one of uk, en, got "fr"`,
		`telegram.mode: must be one of polling, webhook, got "pigeon"`,
		`digest.schedule: "CRON_TZ=": CRON_TZ= needs a time zone name`,
		`log.level: must be one of debug, info, warn, error, got "loud"`,
	}
	require.Len(t, lines, len(want), "one line per problem, each once:\n%v", err)
	for i, w := range want {
		assert.Contains(t, lines[i], w)
	}
}

// A file that cannot be parsed at all still reports the variables' problems,
// but not rules judged on the defaults it may have been meant to change.
func TestLoadCheckedUnreadableFile(t *testing.T) {
	path := writeConfig(t, "city: [\n")
	_, err := LoadChecked(path, true, []string{"NAZAR_DIGEST_WORKRS=2", "NAZAR_TELEGRAM_MODE=webhook"})
	require.Error(t, err)
	lines := strings.Split(err.Error(), "\n")
	require.Len(t, lines, 2, "%v", err)
	assert.Contains(t, lines[0], "config.yaml: yaml:")
	assert.Contains(t, lines[1], "NAZAR_DIGEST_WORKRS: matches no configuration key; did you mean NAZAR_DIGEST_WORKERS?")

	_, err = LoadChecked(filepath.Join(t.TempDir(), "missing.yaml"), true, []string{"NAZAR_LOG_LEVL=warn"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "missing.yaml")
	assert.Contains(t, err.Error(), "NAZAR_LOG_LEVL")
}

func TestLoadCheckedValid(t *testing.T) {
	cfg, err := LoadChecked(writeConfig(t, "digest:\n  workers: 3\n"), true, []string{"NAZAR_DIGEST_RATE_PER_SECOND=5"})
	require.NoError(t, err)
	assert.Equal(t, 3, cfg.Digest.Workers)
	assert.Equal(t, 5.0, cfg.Digest.RatePerSecond)
}

// Config has no bool or []string keys yet; this checks the generic env
// code handles them for the section that will need them.
func TestApplyEnvOtherTypes(t *testing.T) {
	type sub struct {
		On    bool     `yaml:"on"`
		Names []string `yaml:"names"`
	}
	var dst struct {
		Feature sub `yaml:"feature"`
	}
	env := []string{"NAZAR_FEATURE_ON=true", "NAZAR_FEATURE_NAMES=a, b c ,d"}
	require.NoError(t, applyEnv(reflect.ValueOf(&dst).Elem(), env))
	assert.True(t, dst.Feature.On)
	assert.Equal(t, []string{"a", "b c", "d"}, dst.Feature.Names)

	err := applyEnv(reflect.ValueOf(&dst).Elem(), []string{"NAZAR_FEATURE_ON=maybe"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `NAZAR_FEATURE_ON (feature.on): want true or false, got "maybe"`)
}

// The database key usually comes from the environment, as hex or base64.
func TestLoadDatabaseKeyFromEnv(t *testing.T) {
	want := make([]byte, 32)
	for i := range want {
		want[i] = byte(i)
	}
	for _, raw := range []string{"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
		"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="} {
		cfg, err := Load("", false, []string{"NAZAR_DATABASE_KEY=" + raw})
		require.NoError(t, err)
		require.NoError(t, cfg.Validate())
		assert.Equal(t, want, cfg.Database.KeyBytes(), raw)
	}
	assert.Nil(t, Default().Database.KeyBytes(), "no key set: the key file is used")
}

// A malformed NAZAR_DATABASE_KEY is one problem among the others reported
// at once, named by its key and never quoted.
func TestLoadCheckedDatabaseKeyNotEchoed(t *testing.T) {
	const badKey = "zz-not-a-database-key-zz"
	_, err := LoadChecked("", false, []string{"NAZAR_DATABASE_KEY=" + badKey, "NAZAR_LOG_LEVEL=loud"})
	require.Error(t, err)
	lines := strings.Split(err.Error(), "\n")
	require.Len(t, lines, 2, "%v", err)
	assert.Contains(t, err.Error(), "database.key: want 32 bytes")
	assert.Contains(t, err.Error(), "log.level")
	assert.NotContains(t, err.Error(), badKey)
	assert.NotContains(t, err.Error(), "not-a-database")
}
