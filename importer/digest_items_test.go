package importer

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/store/storetest"
)

// The README promised `YYYY-MM-DD HH:MM` in city time; the importer took RFC
// 3339 only and read a plain date as midnight UTC.
func TestDigestItemsReadCityTimeAndRFC3339(t *testing.T) {
	st := storetest.Open(t, nil)
	cfg := config.Default()
	cfg.City.Timezone = "Europe/Kyiv"
	body := "id,topic,title,published_at\n" +
		"rfc,news,A,2026-11-20T10:00:00+02:00\n" +
		"local,news,B,2026-11-20 10:00\n" +
		"summer,news,C,2026-07-01 10:00\n" +
		"date,news,D,2026-11-21\n" +
		"dotted,news,E,22.11.2026\n"
	_, err := Run(t.Context(), Env{Store: st, Config: cfg}, "digest-items", writeCardFile(t, "items.csv", body))
	require.NoError(t, err)

	items, err := st.DigestItemsBetween(t.Context(), time.Time{}, time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	got := map[string]time.Time{}
	for _, it := range items {
		got[it.ID] = it.PublishedAt.UTC()
	}
	assert.Equal(t, map[string]time.Time{
		"rfc":    time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC),
		"local":  time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC),
		"summer": time.Date(2026, 7, 1, 7, 0, 0, 0, time.UTC), // EEST, +03:00
		"date":   time.Date(2026, 11, 20, 22, 0, 0, 0, time.UTC),
		"dotted": time.Date(2026, 11, 21, 22, 0, 0, 0, time.UTC),
	}, got)
}

func TestDigestItemsRefuseABadTimeNamingTheForms(t *testing.T) {
	st := storetest.Open(t, nil)
	body := "id,topic,title,published_at\nok,news,A,2026-11-20 10:00\nbad,news,B,2026/11/20 10:00\n"
	path := writeCardFile(t, "items.csv", body)
	_, err := Run(t.Context(), Env{Store: st, Config: config.Default()}, "digest-items", path)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `items.csv:3:4: published_at: "2026/11/20 10:00" is not a time (use RFC 3339 like `+
		`2026-11-28T10:00:00+02:00, or city time as YYYY-MM-DD HH:MM, YYYY-MM-DD or DD.MM.YYYY)`)
	items, err := st.DigestItemsBetween(t.Context(), time.Time{}, time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	assert.Empty(t, items, "a bad file changes nothing")
}
