package miniapp

import "math"

// Clustering is on a grid of the map's own pixels (Web Mercator at the
// viewport's zoom): a cell is cellPx square on screen at any zoom, so the
// clusters never crowd and never leave a gap wider than a cell.
const (
	cellPx = 64
	// maxSingles: a viewport holding at most this many businesses shows
	// every one of them, with no clusters.
	maxSingles = 300
	// singlesZoom: from this zoom on, every business is shown on its own
	// (a street's worth fits any screen).
	singlesZoom = 17
	maxZoom     = 22
)

// Cluster is a cell of the grid holding more than one business: its
// businesses' mean position and how many there are.
type Cluster struct {
	Lat   float64 `json:"lat"`
	Lon   float64 `json:"lon"`
	Count int     `json:"count"`
}

// Pin is one business on the map.
type Pin struct {
	ID      int64   `json:"id"`
	Name    string  `json:"name"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	Section string  `json:"section"`
	Open    *bool   `json:"open"` // null when the hours are not given or cannot be read
}

// MapView is the answer for one viewport.
type MapView struct {
	Total      int       `json:"total"`
	Clusters   []Cluster `json:"clusters"`
	Businesses []Pin     `json:"businesses"`
}

// pixel is a point's position in Web Mercator pixels at zoom.
func pixel(lat, lon float64, zoom int) (x, y float64) {
	scale := 256 * math.Exp2(float64(zoom))
	lat = math.Max(-85.05112878, math.Min(85.05112878, lat))
	s := math.Sin(lat * math.Pi / 180)
	return (lon + 180) / 360 * scale, (0.5 - math.Log((1+s)/(1-s))/(4*math.Pi)) * scale
}

type cellKey struct{ x, y int32 }

type cellSum struct {
	lat, lon float64
	n        int
	first    int // the index of the first point, shown as a pin when alone
}

// view clusters the points that pass f in b at zoom, or lists them all when
// they are few or the zoom is close.
func (ix *mapIndex) view(b bbox, zoom int, f filter, open []bool) MapView {
	var hits []int
	ix.visit(b, f, func(i int) { hits = append(hits, i) })
	v := MapView{Total: len(hits), Clusters: []Cluster{}, Businesses: []Pin{}}
	if len(hits) <= maxSingles || zoom >= singlesZoom {
		for _, i := range hits {
			v.Businesses = append(v.Businesses, ix.pin(i, open))
		}
		return v
	}
	cells := map[cellKey]*cellSum{}
	var order []cellKey // first-seen order keeps the answer stable
	for _, i := range hits {
		p := &ix.points[i]
		x, y := pixel(p.lat, p.lon, zoom)
		k := cellKey{int32(x / cellPx), int32(y / cellPx)}
		c := cells[k]
		if c == nil {
			c = &cellSum{first: i}
			cells[k] = c
			order = append(order, k)
		}
		c.lat += p.lat
		c.lon += p.lon
		c.n++
	}
	for _, k := range order {
		c := cells[k]
		if c.n == 1 {
			v.Businesses = append(v.Businesses, ix.pin(c.first, open))
			continue
		}
		v.Clusters = append(v.Clusters, Cluster{Lat: c.lat / float64(c.n), Lon: c.lon / float64(c.n), Count: c.n})
	}
	return v
}

func (ix *mapIndex) pin(i int, open []bool) Pin {
	p := &ix.points[i]
	pin := Pin{ID: p.id, Name: p.name, Lat: p.lat, Lon: p.lon}
	if p.section != 0 {
		pin.Section = string(p.section)
	}
	if p.schedule >= 0 {
		o := open[p.schedule]
		pin.Open = &o
	}
	return pin
}
