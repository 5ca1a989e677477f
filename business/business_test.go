package business

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDistance(t *testing.T) {
	// Kyiv (Maidan) to Lviv (Rynok square): about 468 km.
	d := Distance(50.4501, 30.5234, 49.8419, 24.0316)
	assert.InDelta(t, 468_000, d, 3_000)
	assert.Zero(t, Distance(49.84, 24.03, 49.84, 24.03))
	// One degree of latitude is about 111.2 km.
	assert.InDelta(t, 111_195, Distance(10, 20, 11, 20), 10)
}

func TestBoundingBoxContainsCircle(t *testing.T) {
	for _, lat := range []float64{0, 49.84, -33.9, 70} {
		b := BoundingBox(lat, 24, 2000)
		for deg := 0; deg < 360; deg += 5 {
			// A point 1,999 m away in direction deg must be inside the box.
			rad := float64(deg) * math.Pi / 180
			dLat := 1999 * math.Cos(rad) / EarthRadiusM * 180 / math.Pi
			dLon := 1999 * math.Sin(rad) / EarthRadiusM * 180 / math.Pi / math.Cos((lat+dLat)*math.Pi/180)
			p := [2]float64{lat + dLat, 24 + dLon}
			require.Less(t, Distance(lat, 24, p[0], p[1]), 2000.5)
			assert.True(t, p[0] >= b.MinLat && p[0] <= b.MaxLat && p[1] >= b.MinLon && p[1] <= b.MaxLon, "lat %v deg %d", lat, deg)
		}
	}
	assert.Equal(t, -180.0, BoundingBox(89.99, 0, 5000).MinLon, "near a pole the box spans every longitude")
}

func TestMatchQueryNeutralisesSyntax(t *testing.T) {
	tests := []struct{ in, want string }{
		{"аптека", `"apteka"*`},
		{"Apteka", `"apteka"*`},
		{`"кава" OR "чай"`, `"kava"* "or"* "chai"*`},
		{"NEAR(a b)", `"near"* "a"* "b"*`},
		{"-кафе*", `"kafe"*`},
		{"name:хліб ^AND", `"name"* "khlib"* "and"*`},
		{`'; DROP TABLE x; --`, `"drop"* "table"* "x"*`},
		{"*** () \"\"", ""},
		{"пʼять", `"piat"*`},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, MatchQuery(tt.in), tt.in)
	}
	assert.Len(t, Terms("a b c d e f g h i j k", MaxTerms), MaxTerms)
	assert.Equal(t, SearchKey("Аптека «Здоров'я»"), "apteka zdorovia")
}

func TestRecordChecks(t *testing.T) {
	k, err := ParseKind("Установа")
	require.NoError(t, err)
	assert.Equal(t, Institution, k)
	_, err = ParseKind("shop")
	assert.Error(t, err)

	p, err := NormalizePhone("+380 (32) 123-45-67, 0671234567")
	require.NoError(t, err)
	assert.Equal(t, "+380321234567, 0671234567", p)
	for _, bad := range []string{"call us", "12", "+380 32 12a 45 67"} {
		_, err := NormalizePhone(bad)
		assert.Error(t, err, bad)
	}
	w, err := NormalizeWebsite("apteka.example.ua")
	require.NoError(t, err)
	assert.Equal(t, "https://apteka.example.ua", w)
	for _, bad := range []string{"ftp://x.ua", "not a site", "http://localhost"} {
		_, err := NormalizeWebsite(bad)
		assert.Error(t, err, bad)
	}
	assert.True(t, ValidEmail("info@apteka.ua"))
	assert.False(t, ValidEmail("info@"))
	assert.True(t, ValidPoint(49.84, 24.03))
	assert.False(t, ValidPoint(200, 24))
	assert.False(t, ValidPoint(0, 0))
}
