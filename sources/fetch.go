// Package sources fetches the data files a city publishes (config
// `sources:`, docs/sources.md) on a schedule, imports them only when their
// content changed, keeps the last good data when a fetch or an import fails,
// and tells the admins once per change of state through the outbox.
package sources

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
)

// Limits bound one fetch. The defaults suit a city's open-data portal; tests
// use short timeouts.
type Limits struct {
	MaxBytes       int64         // largest download or local file (import.max_file_mb)
	ConnectTimeout time.Duration // to open the connection (TCP and TLS)
	HeaderTimeout  time.Duration // from sending the request to the response's headers
	TotalTimeout   time.Duration // the whole request, body included
	MaxRedirects   int
}

// DefaultLimits are used by the bot: an hour is enough for 2 GiB at 5 Mbit/s.
func DefaultLimits(maxBytes int64) Limits {
	return Limits{MaxBytes: maxBytes, ConnectTimeout: 15 * time.Second, HeaderTimeout: time.Minute,
		TotalTimeout: time.Hour, MaxRedirects: 5}
}

// Validators identify the content last imported, for a conditional request.
type Validators struct {
	ETag, LastModified string
}

// Fetched is the content of one fetch. Close removes what the fetch wrote.
type Fetched struct {
	// NotModified means the content is the one last imported: the server
	// answered 304, or a local file's size and time are those of last time.
	NotModified bool
	Path        string // the content: a downloaded file, a local file or a local folder
	Dir         bool   // Path is a folder (a council folder on this machine)
	Hash        string // hex SHA-256 of the bytes (of a folder: of its files' names and bytes)
	Validators  Validators
	tempDir     string
}

// Close removes the downloaded file, if any.
func (f *Fetched) Close() {
	if f != nil && f.tempDir != "" {
		os.RemoveAll(f.tempDir)
	}
}

// location is a source's URL split into what the fetcher needs; shown is
// the URL with any credentials replaced, the only form that reaches an
// error message or a log line.
type location struct {
	remote *url.URL // nil for a local path
	path   string   // local path
	shown  string
}

func parseLocation(raw string) (location, error) {
	shown := redact(raw)
	scheme, _, hasScheme := strings.Cut(raw, "://")
	if !hasScheme {
		return location{path: raw, shown: shown}, nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		return location{}, fmt.Errorf("not a valid URL: %s", shown)
	}
	switch strings.ToLower(scheme) {
	case "http", "https":
		return location{remote: u, shown: shown}, nil
	case "file":
		return location{path: filepath.FromSlash(u.Path), shown: shown}, nil
	}
	return location{}, fmt.Errorf("%s: only http, https and file URLs are fetched", shown)
}

// downloadName is the name the downloaded file gets: the URL's last part,
// so import errors read "businesses.csv:12:3" rather than a random name.
func downloadName(u *url.URL, dataset string) string {
	base := path.Base(u.Path)
	if base == "." || base == "/" || base == "" || strings.ContainsAny(base, `\:`) {
		return dataset
	}
	return base
}

// errTooLarge is wrapped with the size in MiB.
var errTooLarge = errors.New("larger than import.max_file_mb")

// copyCapped copies at most max bytes of r to w while hashing them; more is
// an error, so a server (or /dev/zero) can never fill the disk.
func copyCapped(w io.Writer, r io.Reader, max int64) (string, error) {
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(w, h), io.LimitReader(r, max+1))
	if err != nil {
		return "", err
	}
	if n > max {
		return "", fmt.Errorf("%w (%d MiB)", errTooLarge, max>>20)
	}
	return hexSum(h), nil
}

func hexSum(h hash.Hash) string { return hex.EncodeToString(h.Sum(nil)) }
