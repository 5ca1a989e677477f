package demogen

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/kved"
	"github.com/transparentcities/nazar/taxid"
)

var update = flag.Bool("update", false, "rewrite demo/data/business/businesses.csv")

// DemoFile is the committed demo directory; regenerate it with
// `go test ./business/demogen -run TestDemoFile -update`.
const DemoFile = "../../demo/data/business/businesses.csv"

// Demo is the demo directory's size, seed and spread.
const (
	DemoSize   = 240
	DemoSeed   = 6
	DemoSpread = 3.0
)

func TestDemoFileIsGenerated(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, Generate(DemoSize, DemoSeed, DemoSpread)))
	if *update {
		require.NoError(t, os.WriteFile(DemoFile, buf.Bytes(), 0o644))
	}
	got, err := os.ReadFile(DemoFile)
	require.NoError(t, err)
	assert.Equal(t, buf.String(), string(got), "run go test ./business/demogen -run TestDemoFile -update")
}

func TestGeneratedRowsAreValid(t *testing.T) {
	rows := Generate(DemoSize, DemoSeed, DemoSpread)
	sections := map[string]bool{}
	ids := map[string]bool{}
	for _, r := range rows {
		require.Len(t, r, len(Header))
		assert.False(t, ids[r[0]], "unique id %s", r[0])
		ids[r[0]] = true
		if r[1] != "" {
			assert.True(t, taxid.ValidEDRPOU(r[1]), r[1])
		}
		c, err := kved.Parse(r[4])
		require.NoError(t, err)
		sections[c.Section] = true
		assert.NotEmpty(t, r[6])
		assert.NotEmpty(t, r[11])
	}
	assert.GreaterOrEqual(t, len(sections), 10, "≥ 10 KVED sections")
	assert.Equal(t, Generate(50, 1, 5), Generate(50, 1, 5), "deterministic")
}
