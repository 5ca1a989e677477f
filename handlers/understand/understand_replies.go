package understand

import (
	"github.com/transparentcities/nazar/digest"

	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/transparentcities/nazar/handlers"
	businessh "github.com/transparentcities/nazar/handlers/business"
	cardh "github.com/transparentcities/nazar/handlers/card"
	digesth "github.com/transparentcities/nazar/handlers/digest"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/understand"
)

// label is a reading's button text.
func (u *Understand) label(l *locales.Localizer, c understand.Candidate) string {
	e := c.Entity
	kind, id, _ := strings.Cut(c.Intent, ".")
	switch {
	case c.Intent == understand.IntentDeputy && e.Value != "":
		return l.T("understand_do_deputy_named", map[string]any{"Name": capitalize(e.Value)})
	case c.Intent == understand.IntentDeputy && len(e.IDs) == 1:
		return l.T("understand_do_deputy_named", map[string]any{"Name": "#" + handlers.Itoa(e.IDs[0])})
	case c.Intent == understand.IntentCategory && e.Value != "":
		return l.T("understand_do_category", map[string]any{"What": u.categoryTitle(l, e.Value)})
	case c.Intent == understand.IntentNear && e.Value != "":
		return l.T("understand_do_near_category", map[string]any{"What": u.categoryTitle(l, e.Value)})
	case c.Intent == understand.IntentSearch:
		return l.T("understand_do_search", map[string]any{"Words": handlers.Short(e.Value, 40)})
	case c.Intent == understand.IntentDecisions && e.Value != "":
		return l.T("understand_do_decisions_words", map[string]any{"Words": handlers.Short(e.Value, 40)})
	case kind == "form":
		if f, ok := u.Forms.Catalog.Form(id); ok {
			return f.Title.In(l.Lang)
		}
	case kind == "page":
		if p, ok := u.Forms.Catalog.Page(id); ok {
			return p.Title.In(l.Lang)
		}
	}
	return l.T("understand_do_" + strings.ReplaceAll(c.Intent, ".", "_"))
}

// capitalize writes each word with a capital: "коваль ірина" → "Коваль Ірина".
func capitalize(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

func (u *Understand) categoryTitle(l *locales.Localizer, id string) string {
	if c, ok := u.Engine.Category(id); ok {
		return c.Title(l.Lang)
	}
	return id
}

func (u *Understand) category(id string) (store.BusinessCategory, bool) {
	c, ok := u.Engine.Category(id)
	if !ok {
		return store.BusinessCategory{}, false
	}
	return store.BusinessCategory{KVED: c.KVED, Names: c.Names}, true
}

// categoryList is one page of a category's businesses, with a button to
// find the nearest ones.
func (u *Understand) categoryList(ctx context.Context, req *handlers.Request, id string, page int64, editing bool) (handlers.Response, error) {
	l, b := req.L, u.Business
	cat, ok := u.category(id)
	if !ok {
		return handlers.Response{Answer: handlers.StaleButton(l)}, nil
	}
	list, total, err := u.Store.BusinessesOfCategory(ctx, cat, int(page)*b.PageSize, b.PageSize)
	if err != nil {
		return handlers.Response{}, err
	}
	what := u.categoryTitle(l, id)
	near := []handlers.Button{{Text: l.T("understand_btn_nearest", map[string]any{"What": what}), Data: encodeAsk(uNearest, id)}}
	if total == 0 {
		return handlers.Response{Replies: []handlers.Reply{{Text: l.T("understand_category_none", map[string]any{"What": what}),
			Buttons: [][]handlers.Button{{businessh.BzNS.TextButton(l.T("business_btn_search"), businessh.BzFind), businessh.BzNS.TextButton(l.T("business_btn_sectors"), businessh.BzSections)}}}}}, nil
	}
	from, to := handlers.Span(page, len(list), b.PageSize)
	text := l.N("understand_category_found", total, map[string]any{"What": what, "From": from, "To": to})
	buttons := b.BriefButtons(l, list, false)
	if pager := handlers.Pager(l, page, total, b.PageSize, func(p int64) string {
		return uNS.Data(uCategory, id, handlers.Itoa(p))
	}); len(pager) > 0 {
		buttons = append(buttons, pager)
	}
	buttons = append(buttons, near)
	reply := handlers.Reply{Text: text + "\n\n" + b.Lines(req, list, from, false), Buttons: buttons, Edit: editing}
	return handlers.Response{Replies: []handlers.Reply{reply}}, nil
}

// askNear asks for the location and keeps what to look for near it in the
// conversation, so the location shared next answers it.
func (u *Understand) askNear(req *handlers.Request, id string) handlers.Response {
	l := req.L
	ask := u.Business.AskLocation(l)
	ask.Text = l.T("understand_ask_location", map[string]any{"What": u.categoryTitle(l, id),
		"Radius": l.Decimal(u.Business.RadiusKM, 1)})
	return handlers.Response{Replies: []handlers.Reply{ask}, Next: handlers.Step(convUnderstand, "near", map[string]string{"cat": id})}
}

// near lists the nearest businesses of a category.
func (u *Understand) near(ctx context.Context, req *handlers.Request, id string) (handlers.Response, error) {
	l, b, p := req.L, u.Business, req.Location
	cat, ok := u.category(id)
	if !ok {
		return b.Near(ctx, req)
	}
	list, err := u.Store.BusinessesNearOfCategory(ctx, p.Lat, p.Lon, b.RadiusKM*1000, b.NearLimit, cat)
	if err != nil {
		return handlers.Response{}, err
	}
	what, radius := u.categoryTitle(l, id), l.Decimal(b.RadiusKM, 1)
	again := handlers.Step(convUnderstand, "near", map[string]string{"cat": id})
	if len(list) == 0 {
		return handlers.Response{Replies: []handlers.Reply{{Text: l.T("understand_near_none", map[string]any{"What": what, "Radius": radius}),
			Buttons: [][]handlers.Button{{{Text: l.T("understand_do_category", map[string]any{"What": what}),
				Data: uNS.Data(uCategory, id, "0")}}}}}, Next: again}, nil
	}
	text := l.N("understand_near_found", len(list), map[string]any{"What": what, "Radius": radius}) +
		"\n\n" + b.Lines(req, list, 1, true)
	return handlers.Response{Replies: []handlers.Reply{{Text: text, Buttons: b.BriefButtons(l, list, true)}}, Next: again}, nil
}

// cardLost tells what to do about a lost card: the flow itself (blocking
// at a service point) is the city's, so the answer points there.
func (u *Understand) cardLost(_ context.Context, req *handlers.Request, _ understand.Entity) (handlers.Response, error) {
	l := req.L
	return handlers.Response{Replies: []handlers.Reply{{Text: l.T("understand_card_lost"), Buttons: [][]handlers.Button{
		{cardh.CardNS.Button(l, "card_btn_howto", cardh.CardHowto)}, {cardh.CardNS.Button(l, "card_btn_mine", cardh.CardMine)}}}}}, nil
}

// lastDigest shows the newest digest as it went out (in the user's
// language, every topic).
func (u *Understand) lastDigest(ctx context.Context, req *handlers.Request, _ understand.Entity) (handlers.Response, error) {
	j := u.DigestJob
	last, found, err := j.Store.LastDigest(ctx)
	if err != nil {
		return handlers.Response{}, err
	}
	text := ""
	if found {
		items, err := j.Store.DigestItemsBetween(ctx, last.From, last.To)
		if err != nil {
			return handlers.Response{}, err
		}
		text = j.Render(req.L, digesth.DigestPlan{From: last.From, To: last.To, Items: items}, digest.Topics)
	}
	if text == "" {
		text = req.L.T("understand_digest_none")
	}
	panel, err := u.Digest.PanelReply(ctx, req)
	return handlers.Response{Replies: []handlers.Reply{{Text: text}, panel}}, err
}

// missesShown is how many phrasings not understood the admin list shows.
const missesShown = 30

// AdminButtons add the "not understood" list to /admin.
func (u *Understand) AdminButtons(req *handlers.Request) [][]handlers.Button {
	return [][]handlers.Button{{{Text: req.L.T("understand_admin_btn"), Data: encodeAsk(uMisses, "")}}}
}

// misses lists the phrasings not understood, most frequent first.
func (u *Understand) misses(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	if !req.Admin {
		return u.Admin.Refuse(ctx, req, "understand.misses")
	}
	if err := u.Admin.Store.Audit(ctx, req.UserID, "understand.misses", ""); err != nil {
		return handlers.Response{}, err
	}
	list, total, err := u.Store.Misses(ctx, missesShown)
	if err != nil {
		return handlers.Response{}, err
	}
	if total == 0 {
		return handlers.Response{Replies: []handlers.Reply{{Text: req.L.T("understand_admin_none")}}}, nil
	}
	var b strings.Builder
	b.WriteString(req.L.N("understand_admin_title", total, nil))
	for _, m := range list {
		fmt.Fprintf(&b, "\n%d × %s", m.Count, m.Phrase)
	}
	return handlers.Response{Replies: []handlers.Reply{{Text: b.String()}}}, nil
}

// CategoryOf is the business category that typed words name ("pharmacy",
// "аптеки"), read with the word lists of locales/intents.*.yaml: the
// directory's search uses it so English words find Ukrainian businesses.
func (u *Understand) CategoryOf(text string) (string, bool) {
	for _, c := range u.Engine.Understand(text).Candidates {
		if (c.Intent == understand.IntentCategory || c.Intent == understand.IntentNear) && c.Entity.Value != "" {
			if _, ok := u.Engine.Category(c.Entity.Value); ok {
				return c.Entity.Value, true
			}
		}
	}
	return "", false
}

// CategoryButton opens a category's list ("🏢 pharmacies").
func (u *Understand) CategoryButton(l *locales.Localizer, id string) handlers.Button {
	return handlers.Button{Text: l.T("understand_do_category", map[string]any{"What": u.categoryTitle(l, id)}),
		Data: uNS.Data(uCategory, id, "0")}
}

// CategoryPage is the first page of a category's businesses.
func (u *Understand) CategoryPage(ctx context.Context, req *handlers.Request, id string) (handlers.Response, error) {
	return u.categoryList(ctx, req, id, 0, false)
}
