package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"

	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/store/storetest"
)

// withFile is smallCouncil with one file replaced.
func withFile(name, body string) map[string]string {
	files := map[string]string{}
	for k, v := range smallCouncil {
		files[k] = v
	}
	files[name] = body
	return files
}

func TestImportCouncilReadsWindows1251AndSaysSo(t *testing.T) {
	st := storetest.Open(t, nil)
	cp1251, err := charmap.Windows1251.NewEncoder().String(strings.TrimPrefix(smallCouncil["deputies.csv"], "\ufeff"))
	require.NoError(t, err)
	sum, err := importFolder(t, st, withFile("deputies.csv", cp1251))
	require.NoError(t, err)
	assert.Contains(t, sum.String(), "deputies.csv: read as Windows-1251 (not UTF-8)")
	rc, found, err := st.RollCall(t.Context(), 1)
	require.NoError(t, err)
	require.True(t, found)
	var names []string
	for _, e := range rc.Entries {
		names = append(names, e.Name)
	}
	assert.Contains(t, names, "Муль Роман Миколайович", "names are read, not replaced by invalid bytes")
}

func TestImportCouncilRefusesBrokenFilesPrecisely(t *testing.T) {
	deputies := smallCouncil["deputies.csv"]
	for _, tc := range []struct{ name, file, body, want string }{
		{"cut mid-row", "deputies.csv", deputies + "d4;4;Нова;Депутатка;;Свобода;20.10",
			`deputies.csv:5:8: 7 fields, but the header has 9 ("mandateUntil" and the columns after it are missing); ` +
				"the last line has no newline: was the file cut short?"},
		{"short row", "sessions.csv", "uid,label,dateFrom\ns1,Перша сесія\n", "sessions.csv:2:3: 2 fields, but the header has 3"},
		{"long row", "sessions.csv", "uid,label,dateFrom\ns1,Перша,30.10.2018,x\n", "sessions.csv:2:4: 4 fields, but the header has 3"},
		{"NUL", "deputies.csv", strings.Replace(deputies, "Янів;Олена", "Янів;Оле\x00на", 1),
			"deputies.csv:3:4: a NUL byte is not text"},
		{"neither UTF-8 nor Windows-1251", "motions.csv", "uid,sessionUid,title,date\nm1,s1,Caf\xe9 M\xfcller,2018-10-30\n",
			"motions.csv:2:3: byte 0xE9 is not UTF-8, and the file is not Windows-1251 either"},
		{"convocation twice", "convocations.csv", "uid,label\n7,VII\n7,VII bis\n", `convocations.csv:3:1: uid: convocation "7" is listed twice`},
		{"membership twice", "memberships.csv", "votingIdentifier,kind,name,from\n1,faction,Свобода,2018-01-01\n" +
			"1,фракція,Свобода,01.01.2018\n", `memberships.csv:3:3: name: the deputy's faction membership of "Свобода" from the same day is listed twice (first on line 2)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := storetest.Open(t, nil)
			_, err := importFolder(t, st, withFile(tc.file, tc.body))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			o, err := st.CouncilOverview(t.Context())
			require.NoError(t, err)
			assert.Zero(t, o.Deputies, "nothing was changed")
		})
	}
}

func TestImportCouncilRefusesADirectoryNamedLikeAFile(t *testing.T) {
	st := storetest.Open(t, nil)
	dir := writeFolder(t, smallCouncil)
	require.NoError(t, os.Remove(filepath.Join(dir, "VOTE.CSV")))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "vote.csv"), 0o700))
	_, err := Run(t.Context(), Env{Store: st, Config: config.Default()}, "council", dir)
	assert.EqualError(t, err, filepath.Join(dir, "vote.csv")+" is a directory, not a regular file")
}

func TestImportCouncilKeepsUntitledItemsWithAWarning(t *testing.T) {
	st := storetest.Open(t, nil)
	files := withFile("motions.csv", "uid,sessionUid,title,number,classification,date\n"+
		"m1,s1,Про бюджет,1,За основу і в цілому,2018-10-30\nreg,s1,,,,2018-10-30\n")
	files["voteEvents.csv"] = smallCouncil["voteEvents.csv"] + "e2,reg,,30.10.2018 10:00,Прийнято,,,,,\n"
	files["VOTE.CSV"] = smallCouncil["VOTE.CSV"] + "e2,1,За\n"
	sum, err := importFolder(t, st, files)
	require.NoError(t, err)
	assert.Contains(t, sum.String(), "2 agenda items, 2 vote events (2 new)")
	assert.Contains(t, sum.String(), `warning: motions.csv: 1 agenda items have no title (lines 3)`)
	assert.Contains(t, sum.String(), `warning: voteEvents.csv: 1 vote events have no title (lines 3)`)
}

func TestDuplicateKeysAreRefusedInEveryFileDataset(t *testing.T) {
	const card = "9876540000000031;Т;05.03.2004;student;active;;1;;;2026-11-28T08:30:00Z;\n"
	const op = "9876540000000031,2026-11-27T18:40:00+02:00,ride,0,-1,Трамвай\n"
	for _, tc := range []struct{ dataset, body, want string }{
		{"cards", cardsHeader + card + card, "cards.csv:3:1: card_number: appears again (first on line 2; value not shown)"},
		{"card-applications", "application_no,birth_date,status\nA-1,01.01.1980,submitted\na-1,01.01.1980,ready\n",
			`card-applications.csv:3:1: application_no: "A-1" appears again (first on line 2)`},
		{"card-operations", "card_number,at,kind,amount_uah,trips,place\n" + op +
			"9876540000000031,2026-11-27T16:40:00Z,Поїздка,0,-1,Автобус\n",
			"card-operations.csv:3:2: at: the card has a ride at this time already (line 2; card number not shown)"},
		{"digest-items", "id,topic,title,published_at\nn1,news,Сквер,2026-11-20\nn1,news,Парк,2026-11-21\n",
			`digest-items.csv:3:1: id: "n1" appears again (first on line 2)`},
	} {
		t.Run(tc.dataset, func(t *testing.T) {
			st := storetest.Open(t, nil)
			env := Env{Store: st, Config: config.Default()}
			if tc.dataset == "card-operations" {
				_, err := Run(t.Context(), env, "cards", writeCardFile(t, "cards.csv", cardsHeader+card))
				require.NoError(t, err)
			}
			_, err := Run(t.Context(), env, tc.dataset, writeCardFile(t, tc.dataset+".csv", tc.body))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.NotContains(t, err.Error(), "9876540000000031", "card numbers are never echoed")
		})
	}
}

func TestImportRefusesAFileOverTheLimit(t *testing.T) {
	st := storetest.Open(t, nil)
	cfg := config.Default()
	cfg.Import.MaxFileMB = 1
	path := writeCardFile(t, "digest.csv", "id,topic,title,published_at\n"+strings.Repeat("\n", 1<<20))
	_, err := Run(t.Context(), Env{Store: st, Config: cfg}, "digest-items", path)
	assert.EqualError(t, err, path+" is 2 MB: the file is larger than the import limit of 1 MB (import.max_file_mb)")
}
