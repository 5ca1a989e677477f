package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/store/storetest"
)

func importBusinessFile(t *testing.T, st *store.Store, body string) (Summary, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "businesses.csv")
	require.NoError(t, os.WriteFile(path, []byte(body), 0o600))
	return Run(t.Context(), Env{Store: st, Config: config.Default()}, "businesses", path)
}

const goodBusinesses = "\ufeffID;EDRPOU;Name;Kind;KVED;Address;Lat;Lon;Phone;Website;Email;Hours;Description;Updated_on;Rating\n" +
	"b1;21560766;Аптека «Здоров'я»;Підприємство;47.73;пл. Ринок, 1;49,8402;24,0301;+380 (32) 222-33-44;zdorovia.example.ua;;" +
	"Пн-Пт 08:00-20:00, Сб 09:00-15:00;ліки;02.11.2026;5\n" +
	"b2;;Бібліотека «Джерело»;установа;91.01;;;;;;;;книжки;;4\n"

func TestImportBusinesses(t *testing.T) {
	st := storetest.Open(t, nil)
	sum, err := importBusinessFile(t, st, goodBusinesses)
	require.NoError(t, err)
	assert.Contains(t, sum.String(), "2 businesses read: 2 new, 0 changed, 0 unchanged")
	assert.Contains(t, sum.String(), "businesses.csv: ignored unknown columns: Rating")
	list, err := st.BusinessesByEDRPOU(t.Context(), "21560766")
	require.NoError(t, err)
	require.Len(t, list, 1)
	b := list[0]
	assert.Equal(t, "enterprise", b.Kind)
	assert.Equal(t, "G", b.Section)
	assert.Equal(t, "+380322223344", b.Phone)
	assert.Equal(t, "https://zdorovia.example.ua", b.Website)
	assert.Equal(t, "2026-11-02", b.Updated)
	assert.InDelta(t, 49.8402, b.Lat, 1e-9)

	sum, err = importBusinessFile(t, st, goodBusinesses)
	require.NoError(t, err)
	assert.Contains(t, sum.String(), "2 businesses read: 0 new, 0 changed, 2 unchanged", "idempotent")
	changed := strings.Replace(goodBusinesses, "книжки", "книжки і журнали", 1)
	sum, err = importBusinessFile(t, st, changed)
	require.NoError(t, err)
	assert.Contains(t, sum.String(), "0 new, 1 changed, 1 unchanged")
	n, err := st.BusinessCount(t.Context())
	require.NoError(t, err)
	assert.Equal(t, 2, n)
}

func TestImportBusinessesBadFileChangesNothing(t *testing.T) {
	st := storetest.Open(t, nil)
	_, err := importBusinessFile(t, st, goodBusinesses)
	require.NoError(t, err)
	bad := "id,edrpou,name,kind,kved,lat,lon,phone,website,hours\n" +
		"b1,21560766,Аптека нова,enterprise,47.73,49.84,24.03,,,\n" + // would change b1
		"b3,21560766,Кафе,enterprise,56.10,200,24.03,,,\n" +
		"b4,21560766,Завод,enterprise,04.10,49.84,24.03,,,\n" +
		"b5,21560767,Банк,enterprise,64.19,49.84,24.03,,,\n" +
		"b6,,Таксі,enterprise,49.32,49.84,24.03,дзвоніть,,\n" +
		"b7,,Сайт,enterprise,62.01,49.84,24.03,,ftp://x.ua,\n" +
		"b8,,Бар,enterprise,56.30,49.84,24.03,,,Пн-Пт 25:00-26:00\n" +
		"b9,,Клуб,клуб,93.12,49.84,24.03,,,\n" +
		"b1,,Двійник,enterprise,56.30,49.84,24.03,,,\n"
	_, err = importBusinessFile(t, st, bad)
	require.Error(t, err)
	msg := err.Error()
	for _, want := range []string{
		"businesses.csv:3:6: lat: \"200\" is out of range ±90",
		"businesses.csv:4:5: kved: \"04.10\": division 04 is not in KVED-2010",
		"businesses.csv:5:2: edrpou: \"21560767\": the check digit does not match",
		"businesses.csv:6:8: phone:",
		"businesses.csv:7:9: website:",
		"businesses.csv:8:10: hours:",
		"businesses.csv:9:4: kind:",
		"businesses.csv:10:1: id: \"b1\" appears again (first on line 2)",
	} {
		assert.Contains(t, msg, want)
	}
	list, err := st.BusinessesByEDRPOU(t.Context(), "21560766")
	require.NoError(t, err)
	require.Len(t, list, 1)
	assert.Equal(t, "Аптека «Здоров'я»", list[0].Name, "nothing changed")
	n, _ := st.BusinessCount(t.Context())
	assert.Equal(t, 2, n)
}
