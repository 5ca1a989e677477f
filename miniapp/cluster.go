package miniapp

import (
	"math"
	"slices"
)

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

// mercator is a point's Web Mercator position, 0–1 across the world; at
// zoom z a map is 256·2^z pixels wide.
func mercator(lat, lon float64) (x, y float64) {
	lat = math.Max(-85.05112878, math.Min(85.05112878, lat))
	s := math.Sin(lat * math.Pi / 180)
	return (lon + 180) / 360, 0.5 - math.Log((1+s)/(1-s))/(4*math.Pi)
}

// maxPins bounds the businesses listed one by one at a close zoom: a
// client asking for a whole city at zoom 22 gets clusters, not 100,000 pins.
const maxPins = 2000

// maxGridCells bounds the dense grid; a larger one (a world-wide box at a
// close zoom) uses a map of the cells that have businesses.
const maxGridCells = 1 << 16

type cellSum struct {
	lat, lon float64
	n        int
	first    int // the index of the first point, shown as a pin when alone
}

// view clusters the points that pass f in b at zoom, or lists them all when
// they are few or the zoom is close. Two passes over the box (count, then
// draw) cost less than collecting the hits of a city-wide view.
func (ix *mapIndex) view(b bbox, zoom int, f filter, open []bool) MapView {
	n := 0
	ix.visit(b, f, func(int) { n++ })
	v := MapView{Total: n, Clusters: []Cluster{}, Businesses: []Pin{}}
	if n <= maxSingles || (zoom >= singlesZoom && n <= maxPins) {
		ix.visit(b, f, func(i int) { v.Businesses = append(v.Businesses, ix.pin(i, open)) })
		return v
	}
	scale := 256 * math.Exp2(float64(zoom)) / cellPx // cells across the world
	x0, y0 := mercator(b.maxLat, b.minLon)
	x1, y1 := mercator(b.minLat, b.maxLon)
	cx0, cy0 := int(x0*scale), int(y0*scale)
	w, h := int(x1*scale)-cx0+1, int(y1*scale)-cy0+1
	var grid []cellSum
	var sparse map[int]*cellSum
	if w*h <= maxGridCells {
		grid = make([]cellSum, w*h)
	} else {
		sparse = map[int]*cellSum{}
	}
	ix.visit(b, f, func(i int) {
		p := &ix.points[i]
		k := (int(p.my*scale)-cy0)*w + int(p.mx*scale) - cx0
		var c *cellSum
		if grid != nil {
			c = &grid[min(max(k, 0), len(grid)-1)]
		} else if c = sparse[k]; c == nil {
			c = &cellSum{}
			sparse[k] = c
		}
		if c.n == 0 {
			c.first = i
		}
		c.lat += p.lat
		c.lon += p.lon
		c.n++
	})
	emit := func(c *cellSum) {
		switch {
		case c.n == 1:
			v.Businesses = append(v.Businesses, ix.pin(c.first, open))
		case c.n > 1:
			v.Clusters = append(v.Clusters, Cluster{Lat: c.lat / float64(c.n), Lon: c.lon / float64(c.n), Count: c.n})
		}
	}
	for i := range grid {
		emit(&grid[i])
	}
	keys := make([]int, 0, len(sparse))
	for k := range sparse {
		keys = append(keys, k)
	}
	slices.Sort(keys) // a stable answer
	for _, k := range keys {
		emit(sparse[k])
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
