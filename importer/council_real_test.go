package importer

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/council"
	"github.com/transparentcities/nazar/store/storetest"
)

// realCouncil is the real roll-call record of SPEC §5 (see its README). It
// lives outside the repository; the test skips when it is absent.
func realCouncil(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(".")
	require.NoError(t, err)
	for {
		if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(root)
		require.NotEqual(t, parent, root, "no go.mod above the test")
		root = parent
	}
	dir := filepath.Join(root, "..", "shared", "data", "council-drohobych-2018-10-30")
	if _, err := os.Stat(filepath.Join(dir, "vote.csv")); err != nil {
		t.Skipf("real council data not found at %s", dir)
	}
	return dir
}

func readCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(data), "\ufeff"))).ReadAll()
	require.NoError(t, err)
	var out []map[string]string
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = rec[i]
		}
		out = append(out, m)
	}
	return out
}

// figures are a deputy's numbers computed here from the raw CSV, without
// the council package: every deputy's mandate covers the one sitting day.
type figures struct {
	counts                        [5]int
	presentDays, lineEvents, devs int
	events                        int
}

var optionIndex = map[string]int{"За": 0, "Проти": 1, "Утримався": 2, "Не голосував": 3, "Відсутній": 4}

func independentFigures(t *testing.T, dir string) (map[string]figures, map[string]string) {
	faction := map[string]string{}
	for _, d := range readCSV(t, filepath.Join(dir, "deputies.csv")) {
		faction[d["votingIdentifier"]] = d["factionName"]
		if d["factionName"] == "Позафракційний" {
			faction[d["votingIdentifier"]] = ""
		}
	}
	byEvent := map[string]map[string]int{}
	for _, v := range readCSV(t, filepath.Join(dir, "vote.csv")) {
		opt, ok := optionIndex[v["result"]]
		require.True(t, ok, v["result"])
		if byEvent[v["uid"]] == nil {
			byEvent[v["uid"]] = map[string]int{}
		}
		byEvent[v["uid"]][v["voterUid"]] = opt
	}
	out := map[string]figures{}
	for voter := range faction {
		var f figures
		present := false
		for _, list := range byEvent {
			f.events++
			opt, ok := list[voter]
			if !ok {
				opt = 4
			}
			f.counts[opt]++
			if opt == 4 {
				continue
			}
			present = true
			if faction[voter] == "" {
				continue
			}
			support, here := 0, 0
			for other, o := range list {
				if faction[other] == faction[voter] && o != 4 {
					here++
					if o == 0 {
						support++
					}
				}
			}
			if here < 2 || 2*support == here {
				continue
			}
			f.lineEvents++
			if (opt == 0) != (2*support > here) {
				f.devs++
			}
		}
		if present {
			f.presentDays = 1
		}
		out[voter] = f
	}
	return out, faction
}

func TestImportRealCouncil(t *testing.T) {
	dir := realCouncil(t)
	st := storetest.Open(t, nil)
	env := Env{Store: st, Config: config.Default()}
	sum, err := Run(t.Context(), env, "council", dir)
	require.NoError(t, err)
	assert.Contains(t, sum.String(), "37 deputies, 1 session, 45 agenda items, 61 vote events (61 new), 2257 votes")
	assert.Contains(t, sum.String(), "voteEvents.csv:39: event 38: the header counts")
	assert.Contains(t, sum.String(), "voteEvents.csv:46: event 45: the header counts")
	assert.Equal(t, 2, strings.Count(sum.String(), "the named list is used"))

	o, err := st.CouncilOverview(t.Context())
	require.NoError(t, err)
	assert.Equal(t, council.Overview{Deputies: 37, Factions: 8, Sessions: 1, Events: 61, Votes: 2257,
		First: 17834, Last: 17834}, o)

	want, _ := independentFigures(t, dir)
	all, err := st.CouncilDeputies(t.Context())
	require.NoError(t, err)
	require.Len(t, all, 37)
	for _, d := range all {
		w := want[d.VotingID]
		got := figures{counts: d.Counts, presentDays: d.PresentDays, lineEvents: d.LineEvents, devs: d.Deviations,
			events: d.Events}
		assert.Equal(t, w, got, d.FullName)
		assert.Equal(t, 1, d.Days, d.FullName)
	}

	// Agreement of Муль (1022) and Андрухів (1001), counted here from vote.csv.
	lists := map[string]map[string]int{}
	for _, v := range readCSV(t, filepath.Join(dir, "vote.csv")) {
		if lists[v["uid"]] == nil {
			lists[v["uid"]] = map[string]int{}
		}
		lists[v["uid"]][v["voterUid"]] = optionIndex[v["result"]]
	}
	var both, same int
	for _, l := range lists {
		a, okA := l["1022"]
		b, okB := l["1001"]
		if okA && okB && a != 4 && b != 4 {
			both++
			if (a == 0) == (b == 0) {
				same++
			}
		}
	}
	ids := map[string]int64{}
	for _, d := range all {
		ids[d.VotingID] = d.ID
	}
	agree, err := st.CompareDeputies(t.Context(), ids["1022"], ids["1001"])
	require.NoError(t, err)
	assert.Equal(t, council.Ratio{Num: same, Den: both}, agree)
	assert.Positive(t, both)

	sum, err = Run(t.Context(), env, "council", dir)
	require.NoError(t, err)
	assert.Contains(t, sum.String(), "61 vote events (0 new), 2257 votes (0 new)", "re-import changes nothing")
	again, err := st.CouncilDeputies(t.Context())
	require.NoError(t, err)
	assert.Equal(t, all, again)
}
