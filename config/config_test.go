package config

import (
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

const examplePath = "../config.example.yaml"

func TestDefaultIsValid(t *testing.T) {
	assert.NoError(t, Default().Validate())
}

// The example file documents every key with its default; these tests keep
// it from drifting away from Default().
func TestExampleFileEqualsDefault(t *testing.T) {
	cfg, err := Load(examplePath, true, nil)
	require.NoError(t, err)
	assert.Equal(t, Default(), cfg)
	assert.NoError(t, cfg.Validate())
}

func TestExampleFileListsEveryKey(t *testing.T) {
	data, err := os.ReadFile(examplePath)
	require.NoError(t, err)
	var doc yaml.Node
	require.NoError(t, yaml.Unmarshal(data, &doc))
	var got []string
	collectKeys(doc.Content[0], "", &got)
	var want []string
	for _, l := range leaves(reflect.TypeFor[Config](), nil, nil) {
		want = append(want, l.key())
	}
	sort.Strings(got)
	sort.Strings(want)
	assert.Equal(t, want, got)
}

func collectKeys(n *yaml.Node, prefix string, out *[]string) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		key := joinKey(prefix, n.Content[i].Value)
		if n.Content[i+1].Kind == yaml.MappingNode {
			collectKeys(n.Content[i+1], key, out)
			continue
		}
		*out = append(*out, key)
	}
}

// Every section must have rules, or Validate would silently skip it.
func TestEverySectionHasValidate(t *testing.T) {
	typ := reflect.TypeFor[Config]()
	for i := range typ.NumField() {
		f := typ.Field(i)
		if !isSection(f.Type) {
			continue
		}
		_, ok := reflect.Zero(f.Type).Interface().(sectionValidator)
		assert.True(t, ok, "section %s has no validate method", f.Name)
	}
}

func TestEnvNames(t *testing.T) {
	names := EnvNames()
	for _, want := range []string{"NAZAR_TELEGRAM_TOKEN", "NAZAR_HTTP_LISTEN", "NAZAR_DIGEST_RATE_PER_SECOND",
		"NAZAR_DEFAULT_LANGUAGE", "NAZAR_ADMINS"} {
		assert.Contains(t, names, want)
	}
	assert.Equal(t, "NAZAR_DEFAULT_LANGUAGE", names[0], "struct order")
}

func TestRedactedHidesSecrets(t *testing.T) {
	cfg := Default()
	cfg.Telegram.Token = "123:secret-token-value"
	cfg.Telegram.SecretToken = "hook-secret"
	cfg.Database.Key = strings.Repeat("ab", 32)
	cfg.Admins = []int64{7}

	r := cfg.Redacted()
	assert.Equal(t, "***", r.Telegram.Token)
	assert.Equal(t, "***", r.Telegram.SecretToken)
	assert.Equal(t, "***", r.Database.Key)
	assert.Equal(t, "123:secret-token-value", cfg.Telegram.Token, "original untouched")
	r.Admins[0] = 8
	assert.Equal(t, int64(7), cfg.Admins[0], "admins copied, not shared")
	assert.NotContains(t, strings.Join([]string{r.Telegram.Token, r.Telegram.SecretToken}, ""), "secret")
}

func TestRedactedKeepsEmptySecretsEmpty(t *testing.T) {
	r := Default().Redacted()
	assert.Empty(t, r.Telegram.Token)
	assert.Empty(t, r.Telegram.SecretToken)
	assert.Equal(t, Default(), r)
}

func TestRequireToken(t *testing.T) {
	cfg := Default()
	err := cfg.RequireToken()
	require.Error(t, err)
	assert.Equal(t, "telegram.token: missing: set NAZAR_TELEGRAM_TOKEN (or try `make demo`, which needs no token)", err.Error())
	cfg.Telegram.Token = validToken
	assert.NoError(t, cfg.RequireToken())
}

func TestIsAdmin(t *testing.T) {
	cfg := Default()
	cfg.Admins = []int64{10, 20}
	tests := []struct {
		id   int64
		want bool
	}{{10, true}, {20, true}, {30, false}, {0, false}}
	for _, tt := range tests {
		assert.Equal(t, tt.want, cfg.IsAdmin(tt.id), "id %d", tt.id)
	}
}

func TestLocation(t *testing.T) {
	tests := []struct {
		zone, want string
	}{
		{"Europe/Kyiv", "Europe/Kyiv"},
		{"America/New_York", "America/New_York"},
		{"Nowhere/Special", "UTC"},
		{"", "UTC"},
	}
	for _, tt := range tests {
		cfg := Default()
		cfg.City.Timezone = tt.zone
		assert.Equal(t, tt.want, cfg.Location().String(), "zone %q", tt.zone)
	}
}
