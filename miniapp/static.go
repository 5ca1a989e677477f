package miniapp

import "embed"

// staticFiles is the page: HTML, JS, CSS and the vendored Leaflet 1.9.4
// (static/vendor/leaflet, with its BSD licence). Nothing is loaded from
// another site at run time but the map tiles of miniapp.tile_url.
//
//go:embed static
var staticFiles embed.FS
