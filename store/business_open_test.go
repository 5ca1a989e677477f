package store_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/business"
	"github.com/transparentcities/nazar/business/demogen"
	"github.com/transparentcities/nazar/hours"
	"github.com/transparentcities/nazar/kved"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/store/storetest"
)

// openAt keeps the hours texts open at t, as the chat's filter does.
func openAt(t time.Time) store.KeepHours {
	return func(text string) bool {
		s, err := hours.Parse(text)
		return err == nil && !s.Empty() && s.IsOpen(t)
	}
}

// importGenerated imports n generated businesses (demo city, fixed seed)
// through the store, as the businesses importer hands them over.
func importGenerated(t *testing.T, st *store.Store, n int, edit func(rows [][]string)) {
	t.Helper()
	rows := demogen.Generate(n, 7, 3)
	if edit != nil {
		edit(rows)
	}
	records := make([]business.Record, 0, len(rows))
	for _, r := range rows { // the columns of demogen.Header
		code, err := kved.Parse(r[4])
		require.NoError(t, err)
		lat, err := strconv.ParseFloat(r[6], 64)
		require.NoError(t, err)
		lon, err := strconv.ParseFloat(r[7], 64)
		require.NoError(t, err)
		records = append(records, business.Record{UID: r[0], EDRPOU: r[1], Name: r[2], Kind: r[3], KVED: code.Full,
			Division: code.Division, Section: code.Section, Address: r[5], HasPoint: true, Lat: lat, Lon: lon,
			Hours: r[11], Description: r[12]})
	}
	_, err := st.ImportBusinesses(t.Context(), records)
	require.NoError(t, err)
}

func kept(list []business.Brief, keep store.KeepHours) []business.Brief {
	var out []business.Brief
	for _, b := range list {
		if b.Hours != "" && keep(b.Hours) {
			out = append(out, b)
		}
	}
	return out
}

func page(list []business.Brief, offset, limit int) []business.Brief {
	if offset >= len(list) {
		return nil
	}
	return list[offset:min(offset+limit, len(list))]
}

// The "open now" lists read an in-memory index of hours instead of every
// candidate's row; what they show must be exactly the unfiltered lists
// filtered: the same businesses, order, totals and distances.
func TestOpenNowListsAreTheUnfilteredListsFiltered(t *testing.T) {
	st := storetest.Open(t, nil)
	ctx := t.Context()
	importGenerated(t, st, 1500, nil)
	times := []time.Time{
		time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC),  // Wednesday noon
		time.Date(2026, 11, 25, 13, 30, 0, 0, time.UTC), // lunch breaks
		time.Date(2026, 11, 29, 1, 0, 0, 0, time.UTC),   // Sunday night, past midnight
	}
	filters := []business.Filter{{Section: "G"}, {Section: "I"}, {Division: "47"}, {Division: "56"}, {Section: "Z"}}
	for _, at := range times {
		keep := openAt(at)
		for _, f := range filters {
			all, _, err := st.BusinessList(ctx, f, 0, 1_000_000)
			require.NoError(t, err)
			want := kept(all, keep)
			if f.Section == "G" && at.Hour() == 12 {
				require.Greater(t, len(want), 40, "pages past the first are compared")
			}
			for _, offset := range []int{0, 8, 40, len(want) - 3, len(want) + 8} {
				got, total, err := st.BusinessListKept(ctx, f, keep, max(offset, 0), 8)
				require.NoError(t, err)
				assert.Equal(t, len(want), total, "%v %v", at, f)
				assert.Equal(t, page(want, max(offset, 0), 8), got, "%v %v offset %d", at, f, offset)
			}
		}
		for _, radius := range []float64{300, 1500} {
			circle, err := st.BusinessesNear(ctx, demogen.Centre[0], demogen.Centre[1], radius, 1_000_000)
			require.NoError(t, err)
			want := page(kept(circle, keep), 0, 10)
			got, err := st.BusinessesNearKept(ctx, demogen.Centre[0], demogen.Centre[1], radius, 10, keep)
			require.NoError(t, err)
			assert.Equal(t, want, got, "%v within %v m", at, radius)
		}
	}
}

// The speed of "open now" rests on asking about each distinct hours text
// once per list, not once per business (a section of 100,000 businesses
// has a few hundred texts). The old lists asked per row.
func TestOpenNowAsksOncePerDistinctHoursText(t *testing.T) {
	st := storetest.Open(t, nil)
	ctx := t.Context()
	importGenerated(t, st, 1500, nil)
	all, _, err := st.BusinessList(ctx, business.Filter{Section: "G"}, 0, 1_000_000)
	require.NoError(t, err)
	distinct := map[string]bool{}
	for _, b := range all {
		if b.Hours != "" {
			distinct[b.Hours] = true
		}
	}
	require.Greater(t, len(all), 3*len(distinct), "many businesses share a text")
	asked := map[string]int{}
	keep := func(text string) bool {
		asked[text]++
		return openAt(time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC))(text)
	}
	_, _, err = st.BusinessListKept(ctx, business.Filter{Section: "G"}, keep, 0, 8)
	require.NoError(t, err)
	assert.Len(t, asked, len(distinct))
	for text, n := range asked {
		assert.Equal(t, 1, n, "%q asked %d times", text, n)
	}
}

// An import changes the hours; the next "open now" list sees the change.
func TestOpenNowFollowsAnImport(t *testing.T) {
	st := storetest.Open(t, nil)
	ctx := t.Context()
	importGenerated(t, st, 300, nil)
	sunday := openAt(time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC))
	_, before, err := st.BusinessListKept(ctx, business.Filter{Section: "G"}, sunday, 0, 8)
	require.NoError(t, err)
	importGenerated(t, st, 300, func(rows [][]string) {
		for _, r := range rows {
			r[11] = "Пн-Пт 09:00-18:00" // hours: closed on Sundays
		}
	})
	_, after, err := st.BusinessListKept(ctx, business.Filter{Section: "G"}, sunday, 0, 8)
	require.NoError(t, err)
	assert.Positive(t, before)
	assert.Zero(t, after, "nothing is open on a Sunday any more")
}
