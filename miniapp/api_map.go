package miniapp

import (
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/transparentcities/nazar/hours"
	"github.com/transparentcities/nazar/kved"
	"github.com/transparentcities/nazar/locales"
)

// businesses answers GET /app/api/businesses?bbox=minLon,minLat,maxLon,maxLat&zoom=Z[&section=G][&q=words][&open_now=1].
func (s *Server) businesses(_ http.ResponseWriter, r *http.Request, _ *locales.Localizer) (any, error) {
	q := r.URL.Query()
	box, err := parseBBox(q.Get("bbox"))
	if err != nil {
		return nil, errBadBBox
	}
	zoom, err := strconv.Atoi(q.Get("zoom"))
	if err != nil || zoom < 0 || zoom > maxZoom {
		return nil, errBadBBox
	}
	var f filter
	if sec := q.Get("section"); sec != "" {
		if _, ok := kved.SectionByCode(sec); !ok {
			return nil, errBadRequest
		}
		f.section = sec[0]
	}
	ix, err := s.maps.index(r.Context())
	if err != nil {
		return nil, err
	}
	if f.matches, err = s.maps.matches(r.Context(), ix, q.Get("q")); err != nil {
		return nil, err
	}
	open := ix.openAt(s.opts.Now().In(s.opts.Location))
	if q.Get("open_now") == "1" {
		f.open = open
	}
	return ix.view(box, zoom, f, open), nil
}

// parseBBox reads "minLon,minLat,maxLon,maxLat" as Leaflet's toBBoxString
// writes it.
func parseBBox(s string) (bbox, error) {
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		return bbox{}, fmt.Errorf("bbox needs 4 numbers")
	}
	var v [4]float64
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return bbox{}, fmt.Errorf("bbox: %q is not a number", p)
		}
		v[i] = f
	}
	b := bbox{minLon: max(v[0], -180), minLat: max(v[1], -90), maxLon: min(v[2], 180), maxLat: min(v[3], 90)}
	if b.minLon > b.maxLon || b.minLat > b.maxLat {
		return bbox{}, fmt.Errorf("bbox: min above max")
	}
	return b, nil
}

// BusinessCard is a business as the map's card shows it.
type BusinessCard struct {
	ID       int64    `json:"id"`
	Name     string   `json:"name"`
	Kind     string   `json:"kind"`
	Section  string   `json:"section"`
	Sector   string   `json:"sector"` // the section's name in the user's language
	KVED     string   `json:"kved"`
	Address  string   `json:"address"`
	Phone    string   `json:"phone"`
	Website  string   `json:"website"`
	Email    string   `json:"email"`
	Hours    string   `json:"hours"`
	Open     *bool    `json:"open"`
	Lat      *float64 `json:"lat"`
	Lon      *float64 `json:"lon"`
	CallURL  string   `json:"call_url"`  // tel: of the first number
	RouteURL string   `json:"route_url"` // directions in the phone's maps
}

// businessDetail answers GET /app/api/businesses/{id}.
func (s *Server) businessDetail(_ http.ResponseWriter, r *http.Request, l *locales.Localizer) (any, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return nil, errNotFound
	}
	b, found, err := s.business.BusinessByID(r.Context(), id)
	if err != nil || !found {
		return nil, firstErr(err, errNotFound)
	}
	sec, _ := kved.SectionByCode(b.Section)
	c := BusinessCard{ID: b.ID, Name: b.Name, Kind: l.T(kindIDs[b.Kind]), Section: b.Section, Sector: sec.Name(l.Lang),
		KVED: b.KVED, Address: b.Address, Phone: b.Phone, Website: b.Website, Email: b.Email, Hours: b.Hours}
	if open, err := hours.ParseInLocation(b.Hours, s.opts.Now(), s.opts.Location); err == nil && b.Hours != "" {
		c.Open = &open
	}
	if b.Phone != "" {
		first, _, _ := strings.Cut(b.Phone, ",")
		c.CallURL = "tel:" + strings.TrimSpace(first)
	}
	if b.HasPoint {
		c.Lat, c.Lon = &b.Lat, &b.Lon
		c.RouteURL = "https://www.google.com/maps/dir/?api=1&destination=" +
			url.QueryEscape(strconv.FormatFloat(b.Lat, 'f', 6, 64)+","+strconv.FormatFloat(b.Lon, 'f', 6, 64))
	}
	return c, nil
}

// kindIDs name the kinds of SPEC §6 (the chat's own messages).
var kindIDs = map[string]string{
	"enterprise":   locales.ID("business_kind_enterprise"),
	"institution":  locales.ID("business_kind_institution"),
	"organisation": locales.ID("business_kind_organisation"),
}

func firstErr(err, otherwise error) error {
	if err != nil {
		return err
	}
	return otherwise
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
