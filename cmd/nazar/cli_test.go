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

	"github.com/transparentcities/nazar/importer"
)

// cli runs the command line in-process, as the binary would, from dir.
func cli(t *testing.T, environ []string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, environ, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// Issue 19: help is asked for, so it goes to stdout with exit 0, and names
// every command and every dataset.
func TestHelpExitsZeroAndListsEveryCommandAndDataset(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"--help"}, {"-h"}} {
		code, out, errOut := cli(t, nil, args...)
		assert.Equal(t, 0, code, "%v", args)
		assert.Empty(t, errOut)
		for _, cmd := range []string{"run", "console [--demo]", "import DATASET PATH", "digest preview|send-now|status|cancel",
			"sources status|run [NAME]", "migrate", "version", "help"} {
			assert.Contains(t, out, "\n  "+cmd, "%v lists %s", args, cmd)
		}
		for _, ds := range importer.Names() {
			assert.Contains(t, out, ds, "%v lists dataset %s", args, ds)
		}
	}
	code, _, errOut := cli(t, nil, "frobnicate")
	assert.Equal(t, 2, code, "an unknown command is still a usage error")
	assert.Contains(t, errOut, "datasets (nazar import")
}

// Issue 19: a database created where none was configured is announced with
// its full path; summaries count in the right number; a preview before any
// digest names the first digest's period.
func TestCLIOnAFreshDatabase(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir) // the default database.path, data/nazar.db, is relative
	db := filepath.Join(dir, "data", "nazar.db")
	var env []string
	cards := filepath.Join(dir, "cards.csv")
	require.NoError(t, os.WriteFile(cards, []byte("card_number,holder_name,birth_date,category,status,valid_until,balance_uah,updated_at\n"+
		"9876 5400 0000 0015,Коваленко Марія Іванівна,1952-04-17,pensioner,active,2030-05-31,0.00,2026-11-28T08:30:00+02:00\n"), 0o600))

	code, out, errOut := cli(t, env, "import", "cards", cards)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, errOut, "no database configured (database.path, NAZAR_DATABASE_PATH): creating a new one at "+db)
	assert.Contains(t, out, "1 card read, 1 new or changed")

	code, out, errOut = cli(t, env, "digest", "preview")
	require.Equal(t, 0, code, errOut)
	assert.NotContains(t, errOut, "creating", "the database exists now")
	assert.Contains(t, out, "(the first digest: the last 7 days), 0 items")
	assert.Contains(t, out, "(nothing in this period: nothing would be sent)")

	configured := filepath.Join(dir, "elsewhere.db")
	code, _, errOut = cli(t, []string{"NAZAR_DATABASE_PATH=" + configured}, "migrate")
	require.Equal(t, 0, code, errOut)
	assert.Empty(t, errOut, "a configured path is not announced")
}
