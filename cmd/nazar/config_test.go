package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A broken configuration stops every command with exit code 1 and one line
// per problem, all of them at once; "CRON_TZ=" used to panic inside the cron
// parser (slice bounds out of range, exit code 2).
func TestBadConfigIsReportedAtOnce(t *testing.T) {
	dir := t.TempDir()
	path, db := filepath.Join(dir, "config.yaml"), filepath.Join(dir, "x.db")
	require.NoError(t, os.WriteFile(path, []byte("digest:\n  schedule: \"CRON_TZ=\"\ncitty:\n  name: X\n"), 0o600))
	env := []string{"NAZAR_DIGEST_RATE_PER_SECND=5", "NAZAR_DATABASE_PATH=" + db}
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"--config", path, "migrate"}, env, strings.NewReader(""), &stdout, &stderr)

	assert.Equal(t, 1, code, stderr.String())
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	require.Len(t, lines, 3, stderr.String())
	assert.Contains(t, lines[0], "config.yaml:3: citty: unknown key")
	assert.Contains(t, lines[1], "NAZAR_DIGEST_RATE_PER_SECND: matches no configuration key; did you mean NAZAR_DIGEST_RATE_PER_SECOND?")
	assert.Contains(t, lines[2], `digest.schedule: "CRON_TZ=": CRON_TZ= needs a time zone name`)
	assert.NoFileExists(t, db, "nothing ran")
}
