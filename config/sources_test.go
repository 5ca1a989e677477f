package config

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoadSources(t *testing.T) {
	path := writeConfig(t, `
sources:
  - dataset: council
    url: https://data.city.example/council.zip
    schedule: "0 6 * * *"
  - name: shops
    dataset: businesses
    url: /srv/opendata/businesses.csv
    schedule: "@hourly"
`)
	cfg, err := Load(path, true, nil)
	require.NoError(t, err)
	require.NoError(t, cfg.Validate())
	assert.Equal(t, SourcesConfig{
		{Dataset: "council", URL: "https://data.city.example/council.zip", Schedule: "0 6 * * *"},
		{Name: "shops", Dataset: "businesses", URL: "/srv/opendata/businesses.csv", Schedule: "@hourly"},
	}, cfg.Sources)
	assert.Equal(t, "council", cfg.Sources[0].NameOrDataset())
	s, ok := cfg.Sources.ByName("shops")
	assert.True(t, ok)
	assert.Equal(t, "businesses", s.Dataset)
}

func TestLoadSourcesShapeErrors(t *testing.T) {
	path := writeConfig(t, `
sources:
  - dataset: council
    uri: https://x.example/a.zip
  - just a string
`)
	_, err := Load(path, true, nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), ":4: sources[1].uri: unknown key")
	assert.Contains(t, err.Error(), ":5: sources[2]: want a mapping of keys, got a single value")
}

func TestValidateSources(t *testing.T) {
	tests := []struct {
		name    string
		src     SourceConfig
		key     string
		message string
	}{
		{"unknown dataset", SourceConfig{Dataset: "deputies", URL: "/x.csv", Schedule: "@hourly"},
			"sources[1].dataset", "must be one of businesses, card-applications"},
		{"empty url", SourceConfig{Dataset: "cards", Schedule: "@hourly"}, "sources[1].url", "must not be empty"},
		{"ftp url", SourceConfig{Dataset: "cards", URL: "ftp://u:pw@x.example/c.csv", Schedule: "@hourly"},
			"sources[1].url", "only http, https and file URLs (or a local path) are fetched, got ftp://***@x.example/c.csv"},
		{"http without host", SourceConfig{Dataset: "cards", URL: "https:///c.csv", Schedule: "@hourly"},
			"sources[1].url", "needs a host"},
		{"file with host", SourceConfig{Dataset: "cards", URL: "file://server/c.csv", Schedule: "@hourly"},
			"sources[1].url", "file:///absolute/path"},
		{"no schedule", SourceConfig{Dataset: "cards", URL: "/c.csv"}, "sources[1].schedule", "must not be empty"},
		{"bad schedule", SourceConfig{Dataset: "cards", URL: "/c.csv", Schedule: "every day"},
			"sources[1].schedule", "invalid cron expression"},
		{"bad name", SourceConfig{Name: "my source", Dataset: "cards", URL: "/c.csv", Schedule: "@daily"},
			"sources[1].name", "must be 1-64 characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := Default()
			cfg.Sources = SourcesConfig{tt.src}
			err := cfg.Validate()
			require.Error(t, err)
			var ve ValidationError
			require.ErrorAs(t, err, &ve)
			require.Len(t, ve.Problems, 1, err.Error())
			assert.Equal(t, tt.key, ve.Problems[0].Key)
			assert.Contains(t, ve.Problems[0].Message, tt.message)
		})
	}
}

func TestValidateSourcesNeverEchoesCredentials(t *testing.T) {
	cfg := Default()
	cfg.Sources = SourcesConfig{{Dataset: "cards", URL: "gopher://anna:hunter2@x.example/c.csv", Schedule: "@daily"}}
	err := cfg.Validate()
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "hunter2")
	assert.NotContains(t, err.Error(), "anna")
}

func TestValidateSourcesDuplicateNames(t *testing.T) {
	cfg := Default()
	cfg.Sources = SourcesConfig{
		{Dataset: "cards", URL: "https://a.example/c.csv", Schedule: "@daily"},
		{Dataset: "cards", URL: "https://b.example/c.csv", Schedule: "@daily"},
	}
	assertOnlyProblem(t, cfg.Validate(), "sources[2].name",
		`"cards" is already the name of source 1; give each source of the same dataset a name`)
}

func TestSourcesNotFromEnv(t *testing.T) {
	_, err := Load("", false, []string{"NAZAR_SOURCES=x"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "set in the config file only")
	assert.NotContains(t, strings.Join(EnvNames(), " "), "NAZAR_SOURCES")
	assert.Contains(t, EnvNames(), "NAZAR_IMPORT_MAX_FILE_MB")
}

func TestRedactedHidesSourceCredentials(t *testing.T) {
	cfg := Default()
	cfg.Sources = SourcesConfig{{Dataset: "cards", URL: "https://bot:hunter2@x.example/c.csv", Schedule: "@daily"}}
	r := cfg.Redacted()
	assert.Equal(t, "https://***@x.example/c.csv", r.Sources[0].URL)
	assert.Equal(t, "https://bot:hunter2@x.example/c.csv", cfg.Sources[0].URL, "original untouched")
}

func TestValidateImportMaxFileMB(t *testing.T) {
	cfg := Default()
	cfg.Import.MaxFileMB = 0
	assertOnlyProblem(t, cfg.Validate(), "import.max_file_mb", "must be between 1 and 1048576, got 0")
	assert.Equal(t, int64(2048)<<20, Default().Import.MaxFileBytes())
}
