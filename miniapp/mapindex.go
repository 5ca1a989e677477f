package miniapp

import (
	"sort"
	"time"

	"github.com/transparentcities/nazar/business"
	"github.com/transparentcities/nazar/hours"
)

// mapIndex holds every business with coordinates in memory, sorted by
// latitude, so a viewport is two binary searches and a scan of its band:
// SQLite's R*Tree answers a city-wide box of 100,000 points in tens of
// milliseconds, this in about one.
type mapIndex struct {
	version   int64
	points    []mapPoint       // by latitude
	pos       map[int64]int32  // business id → index in points
	schedules []hours.Schedule // distinct parsed hours; points refer to them
}

// mapPoint is one business on the map.
type mapPoint struct {
	lat, lon float64
	mx, my   float64 // Web Mercator, 0–1 across the world (computed once: log and sin are dear)
	id       int64
	name     string
	section  byte
	schedule int32 // index into schedules; -1 when hours are missing or unreadable
}

// newMapIndex builds the index from the store's points. Hours are parsed
// once per distinct text (a city has far fewer distinct schedules than
// businesses), exactly as the chat's card parses them (package hours).
func newMapIndex(version int64, list []business.Point) *mapIndex {
	ix := &mapIndex{version: version, points: make([]mapPoint, 0, len(list)), pos: make(map[int64]int32, len(list))}
	byText := map[string]int32{}
	for _, b := range list {
		p := mapPoint{lat: b.Lat, lon: b.Lon, id: b.ID, name: b.Name, schedule: -1}
		p.mx, p.my = mercator(b.Lat, b.Lon)
		if len(b.Section) == 1 {
			p.section = b.Section[0]
		}
		p.schedule = ix.scheduleOf(b.Hours, byText)
		ix.points = append(ix.points, p)
	}
	sort.Slice(ix.points, func(i, j int) bool { return ix.points[i].lat < ix.points[j].lat })
	for i, p := range ix.points {
		ix.pos[p.id] = int32(i)
	}
	return ix
}

func (ix *mapIndex) scheduleOf(text string, byText map[string]int32) int32 {
	if text == "" {
		return -1
	}
	if i, ok := byText[text]; ok {
		return i
	}
	i := int32(-1)
	if s, err := hours.Parse(text); err == nil && !s.Empty() {
		i = int32(len(ix.schedules))
		ix.schedules = append(ix.schedules, s)
	}
	byText[text] = i
	return i
}

// openAt tells for every distinct schedule whether it is open at t (in
// the city's zone).
func (ix *mapIndex) openAt(t time.Time) []bool {
	out := make([]bool, len(ix.schedules))
	for i, s := range ix.schedules {
		out[i] = s.IsOpen(t)
	}
	return out
}

// bbox is a viewport: longitudes and latitudes in degrees.
type bbox struct{ minLon, minLat, maxLon, maxLat float64 }

// filter is what a viewport asks for beyond its box.
type filter struct {
	section byte   // 0 = every section
	matches []bool // by index in points; nil = no search
	open    []bool // by schedule; nil = open or not
}

// visit calls fn with the index of every point in b that passes f.
func (ix *mapIndex) visit(b bbox, f filter, fn func(i int)) {
	lo := sort.Search(len(ix.points), func(i int) bool { return ix.points[i].lat >= b.minLat })
	for i := lo; i < len(ix.points); i++ {
		p := &ix.points[i]
		if p.lat > b.maxLat {
			return
		}
		if p.lon < b.minLon || p.lon > b.maxLon || (f.section != 0 && p.section != f.section) {
			continue
		}
		if f.matches != nil && !f.matches[i] {
			continue
		}
		if f.open != nil && (p.schedule < 0 || !f.open[p.schedule]) {
			continue
		}
		fn(i)
	}
}

// matchSet marks the points whose ids are in ids.
func (ix *mapIndex) matchSet(ids []int64) []bool {
	out := make([]bool, len(ix.points))
	for _, id := range ids {
		if i, ok := ix.pos[id]; ok {
			out[i] = true
		}
	}
	return out
}

// bounds is the directory's extent as [minLat, minLon, maxLat, maxLon], or
// nil when no business has coordinates: the page starts there.
func (ix *mapIndex) bounds() []float64 {
	if len(ix.points) == 0 {
		return nil
	}
	b := []float64{ix.points[0].lat, ix.points[0].lon, ix.points[len(ix.points)-1].lat, ix.points[0].lon}
	for _, p := range ix.points {
		b[1], b[3] = min(b[1], p.lon), max(b[3], p.lon)
	}
	return b
}
