package importer

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/store/storetest"
)

// writeFolder writes a council folder of the given files.
func writeFolder(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600))
	}
	return dir
}

// smallCouncil is a valid folder in the shapes the open data takes: a BOM,
// semicolons, DD.MM.YYYY dates, labels in any case and gender.
var smallCouncil = map[string]string{
	"deputies.csv": "\ufeffID;votingIdentifier;familyName;name;additionalName;factionName;mandateFrom;mandateUntil;birthDate\n" +
		"d1;1;Муль;Роман;Миколайович;Самопоміч;20.10.2015;;01.01.1970\n" +
		"d2;2;Янів;Олена;Георгіївна;Самопоміч;;;\n" +
		"d3;3;Янів;Андрій;Євстахійович;Свобода;;;\n",
	"sessions.csv": "uid,label,dateFrom\ns1,Перша сесія,30.10.2018\n",
	"motions.csv":  "uid,sessionUid,title,number,classification,date\nm1,s1,Про бюджет,1,За основу і в цілому,2018-10-30\n",
	"voteEvents.csv": "uid,motionUid,projectTitle,startDate,result,votingFor,votingAgainst,votingAbstain,notVoting,absent\n" +
		"e1,m1,Про бюджет,30.10.2018 10:25,Прийнято,2,0,1,0,0\n",
	"VOTE.CSV": "uid,voterUid,result\ne1,1,ЗА\ne1,2,утрималась\ne1,3,НЕ ГОЛОСУВАВ\n",
}

func importFolder(t *testing.T, st *store.Store, files map[string]string) (Summary, error) {
	t.Helper()
	return Run(t.Context(), Env{Store: st, Config: config.Default()}, "council", writeFolder(t, files))
}

func TestImportCouncilAcceptsTheFormatsOfOpenData(t *testing.T) {
	st := storetest.Open(t, nil)
	sum, err := importFolder(t, st, smallCouncil)
	require.NoError(t, err)
	assert.Contains(t, sum.String(), "3 deputies, 1 session, 1 agenda item, 1 vote event (1 new), 3 votes (3 new)")
	assert.Contains(t, sum.String(), "deputies.csv: ignored unknown columns: birthDate")
	assert.Contains(t, sum.String(), "event e1: the header counts (for 2, against 0, abstain 1, not voting 0, absent 0) "+
		"disagree with the named list (1, 0, 1, 1, 0)")

	rc, found, err := st.RollCall(t.Context(), 1)
	require.NoError(t, err)
	require.True(t, found)
	assert.Equal(t, [5]int{1, 0, 1, 1, 0}, rc.Counts)
	assert.Equal(t, "2018-10-30 10:25 EET", rc.Event.At.In(config.Default().Location()).Format("2006-01-02 15:04 MST"))
}

func TestImportCouncilRejectsBadFilesAndChangesNothing(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		body    string
		wantErr string
	}{
		{"unknown vote label", "VOTE.CSV", "uid,voterUid,result\ne1,1,Може\n",
			`VOTE.CSV:2:3: result: "Може" is not a vote`},
		{"vote for an unknown deputy", "VOTE.CSV", "uid,voterUid,result\ne1,1,За\ne1,99,За\n",
			`VOTE.CSV:3:2: voteruid: no deputy has the voting identifier "99"`},
		{"event of an unknown motion", "voteEvents.csv", "uid,motionUid,startDate\ne1,m1,2018-10-30\ne2,nope,2018-10-30\n",
			`voteEvents.csv:3:2: motionuid: no agenda item has the uid "nope"`},
		{"vote of an unknown event", "VOTE.CSV", "uid,voterUid,result\ne9,1,За\n",
			`VOTE.CSV:2:1: uid: no vote event has the uid "e9"`},
		{"impossible date", "sessions.csv", "uid,label,dateFrom\ns1,Перша,31.02.2018\n",
			`sessions.csv:2:3: datefrom: "31.02.2018" is not a date`},
		{"deputy listed twice at one event", "VOTE.CSV", "uid,voterUid,result\ne1,1,За\ne1,1,Проти\n",
			`VOTE.CSV:3:2: voteruid: deputy "1" is listed twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := storetest.Open(t, nil)
			bad := map[string]string{}
			for k, v := range smallCouncil {
				bad[k] = v
			}
			bad[tt.file] = tt.body
			bad["deputies.csv"] = smallCouncil["deputies.csv"] + "d4;4;Нова;Депутатка;;Свобода;;;\n"
			_, err := importFolder(t, st, bad)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
			o, err := st.CouncilOverview(t.Context())
			require.NoError(t, err)
			assert.Zero(t, o.Deputies, "a bad file changes nothing, not even the good files beside it")
		})
	}
}

func TestImportCouncilFlatVotings(t *testing.T) {
	st := storetest.Open(t, nil)
	_, err := importFolder(t, st, map[string]string{
		"deputies.csv": smallCouncil["deputies.csv"],
		"motions.csv": "uid,date,title,votingFor,vottingAgains,votingAbstain,notVoting,absent,votingResult\n" +
			"2026-01-15-1,15.01.2026,Про бюджет,1,1,0,0,1,Не прийнято\n",
		"votings.csv": "motionUid;voterId;voterName;result\n2026-01-15-1;1;Муль Р. М.;за\n2026-01-15-1;2;Янів О. Г.;Проти\n" +
			"2026-01-15-1;3;Янів А. Є.;Відсутній\n",
	})
	require.NoError(t, err)
	rc, found, err := st.RollCall(t.Context(), 1)
	require.NoError(t, err)
	require.True(t, found)
	assert.Equal(t, "2026-01-15-1", rc.Event.UID)
	assert.Equal(t, [5]int{1, 1, 0, 0, 1}, rc.Counts)
	assert.False(t, rc.Event.Adopted)
	assert.False(t, rc.Event.Mismatch, "the motion's counts agree with the list")
}

func TestImportCouncilFlatVotingWithoutDate(t *testing.T) {
	st := storetest.Open(t, nil)
	_, err := importFolder(t, st, map[string]string{
		"deputies.csv": smallCouncil["deputies.csv"],
		"motions.csv":  "uid,title\nm1,Про бюджет\n",
		"votings.csv":  "motionUid,voterId,result\nm1,1,За\n",
	})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `votings.csv:2:1: motionuid: agenda item "m1" has no date`)
}

func TestImportCouncilNeedsAFolderOfKnownFiles(t *testing.T) {
	st := storetest.Open(t, nil)
	_, err := importFolder(t, st, map[string]string{"other.csv": "a\n1\n"})
	assert.ErrorContains(t, err, "has none of deputies.csv")
	_, err = Run(t.Context(), Env{Store: st, Config: config.Default()}, "council", filepath.Join(t.TempDir(), "nope"))
	assert.ErrorContains(t, err, "PATH is a folder")
}
