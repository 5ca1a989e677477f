package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// importCLI runs `nazar import ARGS...` in this process on a fresh
// database, with extra environment variables.
func importCLI(t *testing.T, extra []string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	environ := append([]string{"NAZAR_DATABASE_PATH=" + filepath.Join(t.TempDir(), "n.db"), "NAZAR_LOG_LEVEL=warn"},
		extra...)
	var out, errOut bytes.Buffer
	code = run(t.Context(), append([]string{"import"}, args...), environ, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// Paths that are not data files are refused at once, with one line: none
// is waited on (a pipe) or read without end (/dev/zero).
func TestImportRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "cards.csv")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	for _, tc := range []struct{ dataset, path, want string }{
		{"businesses", dir, dir + " is a directory, not a regular file; nothing was changed\n"},
		{"cards", "/dev/zero", "/dev/zero is a device, not a regular file; nothing was changed\n"},
		{"cards", fifo, fifo + " is a named pipe (FIFO), not a regular file; nothing was changed\n"},
		{"council", fifo, "council: " + fifo + " is not a folder"},
	} {
		code, _, stderr := importCLI(t, nil, tc.dataset, tc.path)
		assert.Equal(t, 1, code, tc.path)
		assert.Contains(t, stderr, "import "+tc.dataset+": "+tc.want)
		assert.Equal(t, 1, strings.Count(stderr, "\n"), "one line: %q", stderr)
	}
}

func TestImportRefusesAFileOverImportMaxFileMB(t *testing.T) {
	path := filepath.Join(t.TempDir(), "digest.csv")
	require.NoError(t, os.WriteFile(path, []byte("id,topic,title,published_at\n"+strings.Repeat("\n", 3<<20)), 0o600))
	code, _, stderr := importCLI(t, []string{"NAZAR_IMPORT_MAX_FILE_MB=2"}, "digest-items", path)
	assert.Equal(t, 1, code)
	assert.Equal(t, "import digest-items: "+path+" is 4 MB: the file is larger than the import limit of 2 MB "+
		"(import.max_file_mb); nothing was changed\n", stderr)

	code, stdout, stderr := importCLI(t, nil, "digest-items", path)
	assert.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "0 items read", "the default limit (2048 MB) reads it")
}
