package miniapp

import (
	"net/http"
	"strings"

	"github.com/transparentcities/nazar/kved"
	"github.com/transparentcities/nazar/locales"
)

// pageStrings are the texts of the page, sent in the user's language (the
// page has none of its own, so the locale files' completeness test covers
// them too). The key the page uses is the id without "miniapp_web_".
var pageStrings = []string{
	locales.ID("miniapp_web_title"), locales.ID("miniapp_web_tab_map"), locales.ID("miniapp_web_tab_council"),
	locales.ID("miniapp_web_all_sections"), locales.ID("miniapp_web_search"), locales.ID("miniapp_web_open_now"),
	locales.ID("miniapp_web_found"), locales.ID("miniapp_web_open"), locales.ID("miniapp_web_closed"),
	locales.ID("miniapp_web_hours_unknown"), locales.ID("miniapp_web_call"), locales.ID("miniapp_web_website"),
	locales.ID("miniapp_web_route"), locales.ID("miniapp_web_close"), locales.ID("miniapp_web_back"),
	locales.ID("miniapp_web_col_name"), locales.ID("miniapp_web_col_faction"),
	locales.ID("miniapp_web_col_attendance"), locales.ID("miniapp_web_col_participation"),
	locales.ID("miniapp_web_col_discipline"), locales.ID("miniapp_web_col_deviations"),
	locales.ID("miniapp_web_faction_chart"), locales.ID("miniapp_web_months"),
	locales.ID("miniapp_web_legend_deputy"), locales.ID("miniapp_web_legend_faction"),
	locales.ID("miniapp_web_latest_votes"), locales.ID("miniapp_web_deviated"), locales.ID("miniapp_web_loading"),
	locales.ID("miniapp_web_error"), locales.ID("miniapp_web_no_council"), locales.ID("miniapp_web_roll_call"),
	locales.ID("miniapp_web_events"), locales.ID("miniapp_web_filter_faction"),
}

// Section is a KVED section for the map's filter.
type Section struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// session answers GET /app/api/session: the page's texts and settings.
func (s *Server) session(_ http.ResponseWriter, r *http.Request, l *locales.Localizer) (any, error) {
	ix, err := s.maps.index(r.Context())
	if err != nil {
		return nil, err
	}
	texts := make(map[string]string, len(pageStrings))
	for _, id := range pageStrings {
		texts[strings.TrimPrefix(id, "miniapp_web_")] = l.T(id)
	}
	var sections []Section
	for _, sec := range kved.Sections() {
		sections = append(sections, Section{Code: sec.Code, Name: sec.Name(l.Lang)})
	}
	return map[string]any{"lang": l.Lang, "strings": texts, "tile_url": s.opts.TileURL, "sections": sections,
		"bounds": ix.bounds()}, nil
}
