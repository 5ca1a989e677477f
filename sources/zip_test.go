package sources_test

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/store"
)

// zipOf builds a zip archive of name → content, in the order given.
func zipOf(t *testing.T, files ...[2]string) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.Create(f[0])
		require.NoError(t, err)
		_, err = w.Write([]byte(f[1]))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.String()
}

// demoCouncil is the demo council folder as zip entries under prefix.
func demoCouncil(t *testing.T, prefix string) [][2]string {
	dir := "../demo/data/council"
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var files [][2]string
	for _, e := range entries {
		body, err := os.ReadFile(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		files = append(files, [2]string{prefix + e.Name(), string(body)})
	}
	return files
}

func TestCouncilZip(t *testing.T) {
	for _, prefix := range []string{"", "rollcalls-2026/"} {
		t.Run("prefix "+prefix, func(t *testing.T) {
			p := &portal{body: zipOf(t, demoCouncil(t, prefix)...)}
			f := newFixture(t, config.SourceConfig{Dataset: "council", URL: serve(t, p).URL + "/council.zip"}, nil)
			res := f.runOnce()
			require.True(t, res.Imported, res.State.LastError)
			assert.Greater(t, res.State.Rows, 1000)
			assert.Contains(t, res.Summary, "deputies")
			assert.False(t, f.runOnce().Imported)
		})
	}
}

func TestCouncilFolder(t *testing.T) {
	f := newFixture(t, config.SourceConfig{Dataset: "council", URL: "../demo/data/council"}, nil)
	res := f.runOnce()
	require.True(t, res.Imported, res.State.LastError)
	assert.False(t, f.runOnce().Imported)
}

func TestCouncilErrorsNameTheFileInTheZip(t *testing.T) {
	files := demoCouncil(t, "")
	for i := range files {
		if strings.EqualFold(files[i][0], "vote.csv") {
			files[i][1] += "no-such-event,no-such-deputy,за\n"
		}
	}
	p := &portal{body: zipOf(t, files...)}
	f := newFixture(t, config.SourceConfig{Dataset: "council", URL: serve(t, p).URL + "/council.zip"}, nil)
	res := f.runOnce()
	assert.Equal(t, store.SourceFailed, res.State.State)
	assert.Contains(t, res.State.LastError, "import (nothing was changed): vote.csv:")
	assert.NotContains(t, res.State.LastError, ".nazar-source-", "the scratch folder is not shown")
}

func TestZipRefused(t *testing.T) {
	tests := []struct {
		name, dataset, body, err string
		maxBytes                 int64
	}{
		{"climbs out", "council", zipOf(t, [2]string{"../../etc/deputies.csv", "x"}), "climbs out of the folder", 0},
		{"absolute", "council", zipOf(t, [2]string{"/etc/deputies.csv", "x"}), "absolute path", 0},
		{"two of a name", "council", zipOf(t, [2]string{"a/vote.csv", "x"}, [2]string{"b/VOTE.csv", "y"}),
			"two files named VOTE.csv", 0},
		{"no council file", "council", zipOf(t, [2]string{"other.csv", "x"}), "council: the zip has none of deputies.csv", 0},
		{"no csv", "council", zipOf(t, [2]string{"README.txt", "x"}), "the zip holds no .csv file", 0},
		{"entry too large", "council", zipOf(t, [2]string{"vote.csv", strings.Repeat("0", 5000)}),
			"larger than import.max_file_mb", 4096},
		{"all too large", "council", zipOf(t, [2]string{"a.csv", strings.Repeat("0", 4000)},
			[2]string{"b.csv", strings.Repeat("0", 4000)}, [2]string{"c.csv", strings.Repeat("0", 4000)},
			[2]string{"d.csv", strings.Repeat("0", 4000)}, [2]string{"e.csv", strings.Repeat("0", 4000)}),
			"or all files together over 4× that", 4096},
		{"council as one file", "council", "id,name\n", "council dataset takes a .zip of its CSV files", 0},
		{"two files for one dataset", "businesses", zipOf(t, [2]string{"a.csv", shopsV1}, [2]string{"b.csv", shopsV1}),
			"the businesses dataset takes one CSV file; the zip holds 2 (a.csv, b.csv)", 0},
		{"broken zip", "council", "PK\x03\x04garbage", "not a readable zip", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lim := defaultTestLimits()
			if tt.maxBytes > 0 {
				lim.MaxBytes = tt.maxBytes
			}
			p := &portal{body: tt.body}
			f := newFixture(t, config.SourceConfig{Dataset: tt.dataset, URL: serve(t, p).URL + "/data.zip"}, &lim)
			res := f.runOnce()
			assert.Equal(t, store.SourceFailed, res.State.State)
			assert.Contains(t, res.State.LastError, tt.err)
		})
	}
}

func TestOneCSVInAZip(t *testing.T) {
	p := &portal{body: zipOf(t, [2]string{"export/shops.csv", shopsV2}, [2]string{"export/README.txt", "hi"})}
	f := newFixture(t, config.SourceConfig{Dataset: "businesses", URL: serve(t, p).URL + "/shops.zip"}, nil)
	res := f.runOnce()
	require.True(t, res.Imported, res.State.LastError)
	assert.Equal(t, 3, f.businesses())
}

func TestNoScratchLeftBehind(t *testing.T) {
	p := &portal{body: zipOf(t, demoCouncil(t, "")...)}
	tmp := t.TempDir()
	f := newFixture(t, config.SourceConfig{Dataset: "council", URL: serve(t, p).URL + "/c.zip"}, nil)
	lim := defaultTestLimits()
	f.run = newRunnerIn(f, &lim, tmp)
	require.True(t, f.runOnce().Imported)
	left, err := os.ReadDir(tmp)
	require.NoError(t, err)
	assert.Empty(t, left)
}
