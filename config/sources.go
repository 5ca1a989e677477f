package config

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/robfig/cron/v3"

	"github.com/transparentcities/nazar/privacy"
)

// Datasets are the names `nazar import` knows (SPEC §8). The importer owns
// them; they are repeated here so a source naming an unknown dataset is
// refused at start, and a test in package sources keeps the two lists equal.
var Datasets = []string{"businesses", "card-applications", "card-operations", "cards", "council", "digest-items",
	"vouchers"}

// SourceConfig is one published data file the bot fetches and imports on a
// schedule (docs/sources.md).
type SourceConfig struct {
	Name     string `yaml:"name"`     // shown to admins, in metrics and `nazar sources`; "" = the dataset's name
	Dataset  string `yaml:"dataset"`  // what `nazar import DATASET` would load
	URL      string `yaml:"url"`      // http(s)://…, file://… or a local path
	Schedule string `yaml:"schedule"` // 5-field cron in city time, or @hourly, @every 30m…
}

// NameOrDataset is the source's name: its own, or its dataset's.
func (s SourceConfig) NameOrDataset() string {
	if s.Name != "" {
		return s.Name
	}
	return s.Dataset
}

// SourcesConfig is the list under `sources:`; empty means nothing is
// fetched on its own.
type SourcesConfig []SourceConfig

// ByName finds a source by its name.
func (ss SourcesConfig) ByName(name string) (SourceConfig, bool) {
	for _, s := range ss {
		if s.NameOrDataset() == name {
			return s, true
		}
	}
	return SourceConfig{}, false
}

// sourceNameRe keeps names usable as a metrics label and on a command line.
var sourceNameRe = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$`)

func (ss SourcesConfig) validate(ch checker) {
	seen := map[string]int{}
	for i, s := range ss {
		item := checker{prefix: fmt.Sprintf("%s[%d].", strings.TrimSuffix(ch.prefix, "."), i+1), problems: ch.problems}
		s.validate(item)
		name := s.NameOrDataset()
		if first, dup := seen[name]; dup && name != "" {
			item.add("name", "%q is already the name of source %d; give each source of the same dataset a name", name, first)
		}
		seen[name] = i + 1
	}
}

func (s SourceConfig) validate(ch checker) {
	if s.Name != "" && !sourceNameRe.MatchString(s.Name) {
		ch.add("name", "must be 1-64 characters of A-Z a-z 0-9 _ . - starting with a letter or digit, got %q", s.Name)
	}
	ch.oneOf("dataset", s.Dataset, Datasets...)
	if err := CheckSourceURL(s.URL); err != nil {
		ch.add("url", "%v", err)
	}
	if strings.TrimSpace(s.Schedule) == "" {
		ch.add("schedule", "must not be empty (a 5-field cron such as \"0 6 * * *\", or @hourly)")
	} else if _, err := cron.ParseStandard(s.Schedule); err != nil {
		ch.add("schedule", "invalid cron expression %q: %v", s.Schedule, err)
	}
}

// CheckSourceURL accepts http://, https:// and file:// URLs and plain local
// paths. Its messages never repeat credentials written in the URL.
func CheckSourceURL(raw string) error {
	if strings.TrimSpace(raw) == "" {
		return fmt.Errorf("must not be empty (an http(s):// URL, a file:// URL or a local path)")
	}
	scheme, _, hasScheme := strings.Cut(raw, "://")
	if !hasScheme {
		return nil // a local path
	}
	shown := privacy.RedactURLs(raw)
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("not a valid URL: %s", shown)
	}
	switch strings.ToLower(scheme) {
	case "http", "https":
		if u.Host == "" {
			return fmt.Errorf("needs a host, got %s", shown)
		}
	case "file":
		if u.Path == "" || (u.Host != "" && u.Host != "localhost") {
			return fmt.Errorf("a file URL is file:///absolute/path, got %s", shown)
		}
	default:
		return fmt.Errorf("only http, https and file URLs (or a local path) are fetched, got %s", shown)
	}
	return nil
}

// maxFileMBLimit is 1 TiB: larger is surely a typo.
const maxFileMBLimit = 1 << 20

func (i ImportConfig) validate(ch checker) {
	ch.intRange("max_file_mb", i.MaxFileMB, 1, maxFileMBLimit)
}

// MaxFileBytes is import.max_file_mb in bytes.
func (i ImportConfig) MaxFileBytes() int64 { return int64(i.MaxFileMB) << 20 }
