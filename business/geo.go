// Package business is the pure logic of the business directory (SPEC §6):
// distances and bounding boxes for "near me", the full-text query built
// from what a user types, and the checks an imported record must pass.
package business

import "math"

// EarthRadiusM is the mean Earth radius used by Distance, in metres.
const EarthRadiusM = 6371008.8

// Distance is the great-circle (haversine) distance in metres.
func Distance(lat1, lon1, lat2, lon2 float64) float64 {
	rad := math.Pi / 180
	dLat, dLon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dLat/2)*math.Sin(dLat/2) +
		math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * EarthRadiusM * math.Asin(math.Min(1, math.Sqrt(a)))
}

// Box is a latitude/longitude rectangle.
type Box struct{ MinLat, MaxLat, MinLon, MaxLon float64 }

// BoundingBox is a rectangle that contains every point within radiusM of
// (lat, lon), for an index look-up before exact distances are computed.
// Near the poles the longitude span is the whole circle.
func BoundingBox(lat, lon, radiusM float64) Box {
	dLat := radiusM / EarthRadiusM * 180 / math.Pi
	b := Box{MinLat: math.Max(-90, lat-dLat), MaxLat: math.Min(90, lat+dLat), MinLon: -180, MaxLon: 180}
	if c := math.Cos(lat * math.Pi / 180); c > 1e-6 && b.MinLat > -90 && b.MaxLat < 90 {
		dLon := dLat / c
		// A small margin covers the widening of the circle away from the centre latitude.
		dLon *= 1.0001
		if dLon < 180 {
			b.MinLon, b.MaxLon = lon-dLon, lon+dLon
		}
	}
	return b
}

// ValidPoint reports whether lat and lon are real coordinates.
func ValidPoint(lat, lon float64) bool {
	return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180 && !(lat == 0 && lon == 0)
}
