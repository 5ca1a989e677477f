package business

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/transparentcities/nazar/business"
	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/hours"
	"github.com/transparentcities/nazar/kved"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
)

// businessListsStore is the part of the store for search and the KVED lists,
// with and without "open now".
type businessListsStore interface {
	SearchBusinesses(ctx context.Context, match string, offset, limit int) ([]business.Brief, int, error)
	BusinessSectionCounts(ctx context.Context) (map[string]int, error)
	BusinessDivisionCounts(ctx context.Context, section string) (map[string]int, error)
	BusinessList(ctx context.Context, f business.Filter, offset, limit int) ([]business.Brief, int, error)
	SearchBusinessesKept(ctx context.Context, match string, keep store.KeepHours, offset, limit int) ([]business.Brief, int, error)
	BusinessListKept(ctx context.Context, f business.Filter, keep store.KeepHours, offset, limit int) ([]business.Brief, int, error)
}

// businessNameLen bounds a business name on a button.
const businessNameLen = 48

// search answers words typed by the user (never passed to SQLite as they
// are: business.MatchQuery quotes every word). Words that name a business
// category ("pharmacy", "аптеки": the understanding layer's word lists)
// also offer the category's businesses by their KVED class, so English
// words find Ukrainian businesses; when no name matches, the category's
// list is the answer.
func (b *Business) search(ctx context.Context, req *handlers.Request, text string) (handlers.Response, error) {
	terms := business.Terms(text, business.MaxTerms)
	if len(terms) == 0 || len([]rune(text)) > 200 {
		return handlers.Response{Replies: []handlers.Reply{{Text: req.L.T("business_words_bad")}}, Next: handlers.Step(convBusiness, "words", nil)}, nil
	}
	words := strings.Join(terms, " ")
	total, err := b.searchTotal(ctx, words)
	if err != nil {
		return handlers.Response{}, err
	}
	category, named := "", false
	if b.Categories != nil {
		category, named = b.Categories.CategoryOf(text)
	}
	if total == 0 && named {
		return b.Categories.CategoryPage(ctx, req, category)
	}
	reply, err := b.searchPage(ctx, req, words, 0, handlers.Short(strings.TrimSpace(text), 60), false)
	if named {
		reply.Buttons = append([][]handlers.Button{{b.Categories.CategoryButton(req.L, category)}}, reply.Buttons...)
	}
	return handlers.Response{Replies: []handlers.Reply{reply}}, err
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
func (b *Business) searchPage(ctx context.Context, req *handlers.Request, words string, page int64, shown string, open bool) (handlers.Reply, error) {
	l := req.L
	if shown == "" {
		shown = words
	}
	action := bzSearch
	list, total, err := []business.Brief(nil), 0, error(nil)
	if open {
		action = bzSearchOpen
		list, total, err = b.Store.SearchBusinessesKept(ctx, business.MatchQuery(words), b.openKeep(req),
			int(page)*b.PageSize, b.PageSize)
	} else {
		list, total, err = b.Store.SearchBusinesses(ctx, business.MatchQuery(words), int(page)*b.PageSize, b.PageSize)
	}
	if err != nil {
		return handlers.Reply{}, err
	}
	toggle := openToggle(l, open, BzNS.Fit(bzSearch, "0", words), BzNS.Fit(bzSearchOpen, "0", words))
	if total == 0 {
		text := l.T("business_not_found", map[string]any{"Query": shown})
		if open {
			text = b.openNote(req) + "\n" + l.T("business_open_none")
		}
		return handlers.Reply{Text: text, Buttons: handlers.WithRow(handlers.WithRow(nil, toggle),
			[]handlers.Button{BzNS.TextButton(l.T("business_btn_search"), BzFind), BzNS.TextButton(l.T("business_btn_sectors"), BzSections)})}, nil
	}
	from, to := handlers.Span(page, len(list), b.PageSize)
	head := l.N("business_found", total, map[string]any{"Query": shown, "From": from, "To": to})
	if open {
		head = b.openNote(req) + "\n" + head
	}
	buttons := b.BriefButtons(l, list, false)
	if pager := handlers.Pager(l, page, total, b.PageSize, func(p int64) string {
		return BzNS.Fit(action, handlers.Itoa(p), words)
	}); len(pager) > 0 {
		buttons = append(buttons, pager)
	}
	buttons = handlers.WithRow(buttons, toggle)
	buttons = append(buttons, []handlers.Button{BzNS.TextButton(l.T("business_btn_back"), bzMenu)})
	return handlers.Reply{Text: head + "\n\n" + b.Lines(req, list, from, false), Buttons: buttons}, nil
}

// Lines lists businesses: name, distance, address, open now.
func (b *Business) Lines(req *handlers.Request, list []business.Brief, from int, near bool) string {
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

// BriefButtons are a list's buttons: one per business, opening its card.
func (b *Business) BriefButtons(l *locales.Localizer, list []business.Brief, near bool) [][]handlers.Button {
	var rows [][]handlers.Button
	for _, x := range list {
		text := handlers.Short(x.Name, businessNameLen)
		if near {
			text += " · " + businessDistance(l, x.DistanceM)
		}
		rows = append(rows, []handlers.Button{BzNS.TextButton(text, bzCard, handlers.Itoa(x.ID))})
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
func (b *Business) openMark(req *handlers.Request, text string) string {
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
func (b *Business) sections(ctx context.Context, l *locales.Localizer) (handlers.Reply, error) {
	counts, err := b.Store.BusinessSectionCounts(ctx)
	if err != nil {
		return handlers.Reply{}, err
	}
	var rows [][]handlers.Button
	for _, s := range kved.Sections() {
		if n := counts[s.Code]; n > 0 {
			rows = append(rows, []handlers.Button{BzNS.TextButton(fmt.Sprintf("%s · %s (%d)", s.Code, handlers.Short(s.Name(l.Lang), 44), n), bzSection, s.Code)})
		}
	}
	rows = append(rows, []handlers.Button{BzNS.TextButton(l.T("business_btn_back"), bzMenu)})
	return handlers.Reply{Text: l.T("business_sections_title"), Buttons: rows}, nil
}

// divisions lists the divisions of a section that have businesses.
func (b *Business) divisions(ctx context.Context, l *locales.Localizer, section string) (handlers.Reply, error) {
	sec, ok := kved.SectionByCode(section)
	if !ok {
		return b.sections(ctx, l)
	}
	counts, err := b.Store.BusinessDivisionCounts(ctx, section)
	if err != nil {
		return handlers.Reply{}, err
	}
	total := 0
	var rows [][]handlers.Button
	for _, d := range kved.Divisions(section) {
		if n := counts[d.Code]; n > 0 {
			total += n
			rows = append(rows, []handlers.Button{BzNS.TextButton(fmt.Sprintf("%s · %s (%d)", d.Code, handlers.Short(d.Name(l.Lang), 44), n), bzList, "d", d.Code, "0")})
		}
	}
	rows = append(rows, []handlers.Button{BzNS.TextButton(l.T("business_btn_all", map[string]any{"Count": total}), bzList, "s", section, "0")},
		[]handlers.Button{BzNS.TextButton(l.T("business_btn_to_sections"), BzSections)})
	return handlers.Reply{Text: l.T("business_section_title", map[string]any{"Code": sec.Code, "Name": sec.Name(l.Lang)}),
		Buttons: rows}, nil
}

// list is one page of a section's ("s") or a division's ("d") businesses;
// open keeps only those open now.
func (b *Business) list(ctx context.Context, req *handlers.Request, kind, code string, page int64, open bool) (handlers.Reply, error) {
	l := req.L
	f, title, section := business.Filter{}, "", ""
	if d, ok := kved.DivisionByCode(code); ok && kind == "d" {
		sec, _ := kved.SectionOf(code)
		f.Division, title, section = code, d.Code+" · "+d.Name(l.Lang), sec.Code
	} else if s, ok := kved.SectionByCode(code); ok && kind == "s" {
		f.Section, title, section = code, s.Code+" · "+s.Name(l.Lang), s.Code
	} else {
		return b.sections(ctx, l)
	}
	action := bzList
	list, total, err := []business.Brief(nil), 0, error(nil)
	if open {
		action = bzListOpen
		list, total, err = b.Store.BusinessListKept(ctx, f, b.openKeep(req), int(page)*b.PageSize, b.PageSize)
	} else {
		list, total, err = b.Store.BusinessList(ctx, f, int(page)*b.PageSize, b.PageSize)
	}
	if err != nil {
		return handlers.Reply{}, err
	}
	from, to := handlers.Span(page, len(list), b.PageSize)
	text := l.T("business_list_title", map[string]any{"Title": title, "From": from, "To": to, "Total": total})
	if open {
		text = b.openNote(req) + "\n" + text
		if total == 0 {
			text = b.openNote(req) + "\n" + title + "\n" + l.T("business_open_none")
		}
	}
	buttons := b.BriefButtons(l, list, false)
	if pager := handlers.Pager(l, page, total, b.PageSize, func(p int64) string { return BzNS.Data(action, kind, code, handlers.Itoa(p)) }); len(pager) > 0 {
		buttons = append(buttons, pager)
	}
	buttons = handlers.WithRow(buttons, openToggle(l, open, BzNS.Data(bzList, kind, code, "0"),
		BzNS.Data(bzListOpen, kind, code, "0")))
	buttons = append(buttons, []handlers.Button{BzNS.TextButton(l.T("business_btn_to_section"), bzSection, section)})
	if len(list) == 0 {
		return handlers.Reply{Text: text, Buttons: buttons}, nil
	}
	return handlers.Reply{Text: text + "\n\n" + b.Lines(req, list, from, false), Buttons: buttons}, nil
}
