package miniapp

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/business"
)

// gridPoints lays n×n businesses 0.001° apart from (49.8, 24.0); every
// third is in section G, every other one keeps office hours.
func gridPoints(n int) []business.Point {
	var out []business.Point
	for i := range n {
		for j := range n {
			id := int64(i*n + j + 1)
			p := business.Point{ID: id, Name: fmt.Sprintf("B%d", id), Lat: 49.8 + float64(i)*0.001,
				Lon: 24.0 + float64(j)*0.001, Section: "C"}
			if id%3 == 0 {
				p.Section = "G"
			}
			if id%2 == 0 {
				p.Hours = "Пн-Пт 09:00-18:00"
			}
			out = append(out, p)
		}
	}
	return out
}

var wholeGrid = bbox{minLon: 23.99, minLat: 49.79, maxLon: 24.2, maxLat: 50.0}

func TestWideViewIsClusteredAndCountsEveryBusiness(t *testing.T) {
	ix := newMapIndex(1, gridPoints(60)) // 3,600 businesses
	v := ix.view(wholeGrid, 12, filter{}, ix.openAt(time.Now()))
	assert.Equal(t, 3600, v.Total)
	require.NotEmpty(t, v.Clusters)
	sum := len(v.Businesses)
	for _, c := range v.Clusters {
		assert.Greater(t, c.Count, 1)
		sum += c.Count
	}
	assert.Equal(t, 3600, sum, "every business is in exactly one cluster or pin")
	assert.Less(t, len(v.Clusters)+len(v.Businesses), 200, "a wide view sends a handful of clusters, not 3,600 pins")

	closer := ix.view(wholeGrid, 14, filter{}, nil)
	assert.Greater(t, len(closer.Clusters), len(v.Clusters), "zooming in splits clusters")
}

func TestCloseViewListsBusinesses(t *testing.T) {
	ix := newMapIndex(1, gridPoints(60))
	box := bbox{minLon: 24.0, minLat: 49.8, maxLon: 24.0095, maxLat: 49.8095} // 10×10 businesses
	v := ix.view(box, 15, filter{}, ix.openAt(time.Now()))
	assert.Equal(t, 100, v.Total)
	assert.Empty(t, v.Clusters)
	assert.Len(t, v.Businesses, 100)
	for _, p := range v.Businesses {
		assert.GreaterOrEqual(t, p.Lat, box.minLat)
		assert.LessOrEqual(t, p.Lon, box.maxLon)
	}
	all := ix.view(wholeGrid, singlesZoom, filter{}, ix.openAt(time.Now()))
	assert.Empty(t, all.Clusters, "from zoom %d every business is its own pin", singlesZoom)
	assert.Len(t, all.Businesses, 3600)
}

func TestFilters(t *testing.T) {
	ix := newMapIndex(1, gridPoints(20)) // 400
	monday10 := time.Date(2026, 5, 4, 10, 0, 0, 0, time.UTC)
	sunday10 := time.Date(2026, 5, 3, 10, 0, 0, 0, time.UTC)
	pins := func(f filter, at time.Time) []Pin {
		return ix.view(wholeGrid, singlesZoom, f, ix.openAt(at)).Businesses
	}
	g := pins(filter{section: 'G'}, monday10)
	assert.Len(t, g, 133)
	for _, p := range g {
		assert.Equal(t, "G", p.Section)
	}
	open := pins(filter{open: ix.openAt(monday10)}, monday10)
	assert.Len(t, open, 200, "the businesses with office hours are open on Monday at 10")
	for _, p := range open {
		require.NotNil(t, p.Open)
		assert.True(t, *p.Open)
	}
	assert.Empty(t, pins(filter{open: ix.openAt(sunday10)}, sunday10), "office hours: closed on Sunday")
	unknown := pins(filter{}, monday10)[0] // id 1: no hours
	assert.Nil(t, unknown.Open, "no hours: open is unknown, not false")

	matches := ix.matchSet([]int64{5, 6, 7, 9999})
	found := pins(filter{matches: matches, section: 'G'}, monday10)
	require.Len(t, found, 1, "search and section combine")
	assert.Equal(t, int64(6), found[0].ID)
}

func TestParseBBox(t *testing.T) {
	b, err := parseBBox("23.9,49.7,24.1,49.9")
	require.NoError(t, err)
	assert.Equal(t, bbox{minLon: 23.9, minLat: 49.7, maxLon: 24.1, maxLat: 49.9}, b)
	wide, err := parseBBox("-200,-100,200,100")
	require.NoError(t, err)
	assert.Equal(t, bbox{minLon: -180, minLat: -90, maxLon: 180, maxLat: 90}, wide, "clamped to the world")
	for _, bad := range []string{"", "1,2,3", "a,b,c,d", "24.1,49.7,23.9,49.9", "NaN,1,2,3", "1,2,3,Inf"} {
		_, err := parseBBox(bad)
		assert.Error(t, err, bad)
	}
}
