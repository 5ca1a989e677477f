package handlers

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/transparentcities/nazar/business"
	"github.com/transparentcities/nazar/callback"
	"github.com/transparentcities/nazar/hours"
	"github.com/transparentcities/nazar/kved"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
)

// businessNameLen bounds a business name on a button.
const businessNameLen = 48

// search answers words typed by the user (never passed to SQLite as they
// are: business.MatchQuery quotes every word). Words that name a business
// category ("pharmacy", "аптеки": the understanding layer's word lists)
// also offer the category's businesses by their KVED class, so English
// words find Ukrainian businesses; when no name matches, the category's
// list is the answer.
func (b *Business) search(ctx context.Context, req *Request, text string) (Response, error) {
	terms := business.Terms(text, business.MaxTerms)
	if len(terms) == 0 || len([]rune(text)) > 200 {
		return Response{Replies: []Reply{{Text: req.L.T("business_words_bad")}}, Next: Step("bz", "words", nil)}, nil
	}
	words := strings.Join(terms, " ")
	total, err := b.searchTotal(ctx, words)
	if err != nil {
		return Response{}, err
	}
	category, named := "", false
	if b.Categories != nil {
		category, named = b.Categories.CategoryOf(text)
	}
	if total == 0 && named {
		return b.Categories.CategoryPage(ctx, req, category)
	}
	reply, err := b.searchPage(ctx, req, words, 0, short(strings.TrimSpace(text), 60), false)
	if named {
		reply.Buttons = append([][]Button{{b.Categories.CategoryButton(req.L, category)}}, reply.Buttons...)
	}
	return Response{Replies: []Reply{reply}}, err
}

// searchTotal is how many businesses the folded words match.
func (b *Business) searchTotal(ctx context.Context, words string) (int, error) {
	_, total, err := b.Store.SearchBusinesses(ctx, business.MatchQuery(words), 0, 1)
	return total, err
}

// searchPage is one page of results for folded words (they also ride in
// the pager's button data, so a page needs no server-side state).
// shown is the query as the user typed it (later pages show the words);
// open keeps only the businesses open now.
func (b *Business) searchPage(ctx context.Context, req *Request, words string, page int64, shown string, open bool) (Reply, error) {
	l := req.L
	if shown == "" {
		shown = words
	}
	action := "q"
	list, total, err := []store.BusinessBrief(nil), 0, error(nil)
	if open {
		action = "qo"
		list, total, err = b.Store.SearchBusinessesKept(ctx, business.MatchQuery(words), b.openKeep(req),
			int(page)*b.PageSize, b.PageSize)
	} else {
		list, total, err = b.Store.SearchBusinesses(ctx, business.MatchQuery(words), int(page)*b.PageSize, b.PageSize)
	}
	if err != nil {
		return Reply{}, err
	}
	toggle := openToggle(l, open, businessEncodeFit("q", "0", words), businessEncodeFit("qo", "0", words))
	if total == 0 {
		text := l.T("business_not_found", map[string]any{"Query": shown})
		if open {
			text = b.openNote(req) + "\n" + l.T("business_open_none")
		}
		return Reply{Text: text, Buttons: withRow(withRow(nil, toggle),
			[]Button{bz(l.T("business_btn_search"), "find"), bz(l.T("business_btn_sectors"), "sec")})}, nil
	}
	from, to := span(page, len(list), b.PageSize)
	head := l.N("business_found", total, map[string]any{"Query": shown, "From": from, "To": to})
	if open {
		head = b.openNote(req) + "\n" + head
	}
	buttons := b.briefButtons(l, list, false)
	if pager := b.pager(l, page, total, func(p int64) string {
		return businessEncodeFit(action, itoa(p), words)
	}); len(pager) > 0 {
		buttons = append(buttons, pager)
	}
	buttons = withRow(buttons, toggle)
	buttons = append(buttons, []Button{bz(l.T("business_btn_back"), "m")})
	return Reply{Text: head + "\n\n" + b.lines(req, list, from, false), Buttons: buttons}, nil
}

// withRow appends row unless it is empty.
func withRow(rows [][]Button, row []Button) [][]Button {
	if len(row) == 0 {
		return rows
	}
	return append(rows, row)
}

// businessEncodeFit encodes button data, or "" when the words do not fit in 64
// bytes (then that page is not offered; the first page still is).
func businessEncodeFit(action string, args ...string) string {
	s := strings.Join(append([]string{callback.Version, "bz", action}, args...), "|")
	if len(s) > callback.MaxLen {
		return ""
	}
	return callback.Encode("bz", action, args...)
}

// pager builds ◀ ▶ for a page; data returns the button data of a page.
func (b *Business) pager(l *locales.Localizer, page int64, total int, data func(int64) string) []Button {
	var row []Button
	if d := data(page - 1); page > 0 && d != "" {
		row = append(row, Button{Text: l.T("business_btn_prev"), Data: d})
	}
	if d := data(page + 1); int(page+1)*b.PageSize < total && d != "" {
		row = append(row, Button{Text: l.T("business_btn_next"), Data: d})
	}
	return row
}

// lines lists businesses: name, distance, address, open now.
func (b *Business) lines(req *Request, list []store.BusinessBrief, from int, near bool) string {
	out := make([]string, 0, len(list))
	for i, x := range list {
		parts := []string{fmt.Sprintf("%d. %s", from+i, x.Name)}
		if near {
			parts = append(parts, businessDistance(req.L, x.DistanceM))
		}
		if x.Address != "" {
			parts = append(parts, x.Address)
		}
		if mark := b.openMark(req, x.Hours); mark != "" {
			parts = append(parts, mark)
		}
		out = append(out, strings.Join(parts, " · "))
	}
	return strings.Join(out, "\n")
}

func (b *Business) briefButtons(l *locales.Localizer, list []store.BusinessBrief, near bool) [][]Button {
	var rows [][]Button
	for _, x := range list {
		text := short(x.Name, businessNameLen)
		if near {
			text += " · " + businessDistance(l, x.DistanceM)
		}
		rows = append(rows, []Button{bz(text, "c", itoa(x.ID))})
	}
	return rows
}

// businessDistance renders metres as "350 м" below a kilometre and "1,2 км" above.
func businessDistance(l *locales.Localizer, m float64) string {
	if m < 1000 {
		return l.T("business_metres", map[string]any{"N": l.Int(int64(math.Round(m)))})
	}
	return l.T("business_km", map[string]any{"N": l.Decimal(m/1000, 1)})
}

// openMark is "🟢 open now" / "🔴 closed now" at the request's time in the
// city's zone, or "" when hours are not given or not readable.
func (b *Business) openMark(req *Request, text string) string {
	if text == "" {
		return ""
	}
	s, err := hours.Parse(text)
	if err != nil || s.Empty() {
		return ""
	}
	if s.IsOpen(req.Now.In(b.Location)) {
		return req.L.T("business_open_now")
	}
	return req.L.T("business_closed_now")
}

// sections lists the KVED sections that have businesses, with counts.
func (b *Business) sections(ctx context.Context, l *locales.Localizer) (Reply, error) {
	counts, err := b.Store.BusinessSectionCounts(ctx)
	if err != nil {
		return Reply{}, err
	}
	var rows [][]Button
	for _, s := range kved.Sections() {
		if n := counts[s.Code]; n > 0 {
			rows = append(rows, []Button{bz(fmt.Sprintf("%s · %s (%d)", s.Code, short(s.Name(l.Lang), 44), n), "s", s.Code)})
		}
	}
	rows = append(rows, []Button{bz(l.T("business_btn_back"), "m")})
	return Reply{Text: l.T("business_sections_title"), Buttons: rows}, nil
}

// divisions lists the divisions of a section that have businesses.
func (b *Business) divisions(ctx context.Context, l *locales.Localizer, section string) (Reply, error) {
	sec, ok := kved.SectionByCode(section)
	if !ok {
		return b.sections(ctx, l)
	}
	counts, err := b.Store.BusinessDivisionCounts(ctx, section)
	if err != nil {
		return Reply{}, err
	}
	total := 0
	var rows [][]Button
	for _, d := range kved.Divisions(section) {
		if n := counts[d.Code]; n > 0 {
			total += n
			rows = append(rows, []Button{bz(fmt.Sprintf("%s · %s (%d)", d.Code, short(d.Name(l.Lang), 44), n), "l", "d", d.Code, "0")})
		}
	}
	rows = append(rows, []Button{bz(l.T("business_btn_all", map[string]any{"Count": total}), "l", "s", section, "0")},
		[]Button{bz(l.T("business_btn_to_sections"), "sec")})
	return Reply{Text: l.T("business_section_title", map[string]any{"Code": sec.Code, "Name": sec.Name(l.Lang)}),
		Buttons: rows}, nil
}

// list is one page of a section's ("s") or a division's ("d") businesses;
// open keeps only those open now.
func (b *Business) list(ctx context.Context, req *Request, kind, code string, page int64, open bool) (Reply, error) {
	l := req.L
	f, title, section := store.BusinessFilter{}, "", ""
	if d, ok := kved.DivisionByCode(code); ok && kind == "d" {
		sec, _ := kved.SectionOf(code)
		f.Division, title, section = code, d.Code+" · "+d.Name(l.Lang), sec.Code
	} else if s, ok := kved.SectionByCode(code); ok && kind == "s" {
		f.Section, title, section = code, s.Code+" · "+s.Name(l.Lang), s.Code
	} else {
		return b.sections(ctx, l)
	}
	action := "l"
	list, total, err := []store.BusinessBrief(nil), 0, error(nil)
	if open {
		action = "lo"
		list, total, err = b.Store.BusinessListKept(ctx, f, b.openKeep(req), int(page)*b.PageSize, b.PageSize)
	} else {
		list, total, err = b.Store.BusinessList(ctx, f, int(page)*b.PageSize, b.PageSize)
	}
	if err != nil {
		return Reply{}, err
	}
	from, to := span(page, len(list), b.PageSize)
	text := l.T("business_list_title", map[string]any{"Title": title, "From": from, "To": to, "Total": total})
	if open {
		text = b.openNote(req) + "\n" + text
		if total == 0 {
			text = b.openNote(req) + "\n" + title + "\n" + l.T("business_open_none")
		}
	}
	buttons := b.briefButtons(l, list, false)
	if pager := b.pager(l, page, total, func(p int64) string { return callback.Encode("bz", action, kind, code, itoa(p)) }); len(pager) > 0 {
		buttons = append(buttons, pager)
	}
	buttons = withRow(buttons, openToggle(l, open, callback.Encode("bz", "l", kind, code, "0"),
		callback.Encode("bz", "lo", kind, code, "0")))
	buttons = append(buttons, []Button{bz(l.T("business_btn_to_section"), "s", section)})
	if len(list) == 0 {
		return Reply{Text: text, Buttons: buttons}, nil
	}
	return Reply{Text: text + "\n\n" + b.lines(req, list, from, false), Buttons: buttons}, nil
}
