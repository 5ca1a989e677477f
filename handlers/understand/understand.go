package understand

import (
	"context"
	"strings"
	"time"

	"github.com/transparentcities/nazar/business"
	"github.com/transparentcities/nazar/callback"
	"github.com/transparentcities/nazar/handlers"
	businessh "github.com/transparentcities/nazar/handlers/business"
	cardh "github.com/transparentcities/nazar/handlers/card"
	councilh "github.com/transparentcities/nazar/handlers/council"
	coursesh "github.com/transparentcities/nazar/handlers/courses"
	digesth "github.com/transparentcities/nazar/handlers/digest"
	formsh "github.com/transparentcities/nazar/handlers/forms"
	voucherh "github.com/transparentcities/nazar/handlers/voucher"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/understand"
)

// UnderstandStore is what answering typed questions needs from the store.
type UnderstandStore interface {
	RecordMiss(ctx context.Context, phrase string, at time.Time) error
	Misses(ctx context.Context, limit int) ([]store.Miss, int, error)
	BusinessesOfCategory(ctx context.Context, c store.BusinessCategory, offset, limit int) ([]business.Brief, int, error)
	BusinessesNearOfCategory(ctx context.Context, lat, lon, radiusM float64, limit int,
		c store.BusinessCategory) ([]business.Brief, error)
}

// Understand answers text typed outside any flow (SPEC §15): it reads the
// message with package understand and answers with the feature the reading
// points at, or offers up to three readings as buttons, or — when nothing
// matched — the sections, counting the phrasing for admins. It never
// answers a bare "I did not understand". Button data: "u|<code>|<arg>";
// conversation feature "u" (step "near": a category waits for a location).
type Understand struct {
	Engine *understand.Engine
	Store  UnderstandStore

	Core      *handlers.Core
	Admin     *handlers.Admin
	Card      *cardh.Card
	Council   *councilh.Council
	Business  *businessh.Business
	Voucher   *voucherh.Voucher
	Digest    *digesth.Digest
	DigestJob *digesth.DigestJob
	Forms     *formsh.Forms
	Courses   *coursesh.Courses
}

const convUnderstand = "u"

// Text is the route of text nobody expects.
func (u *Understand) Text(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	if req.Command != "" { // a command the bot does not have: the hint and the menu
		return u.Core.Unknown(ctx, req)
	}
	if strings.TrimSpace(req.Text) == "" { // a sticker, a photo without caption
		return u.sections(req.L, req.L.T("understand_nothing")), nil
	}
	res := u.Engine.Understand(req.Text)
	best, ok := res.Best()
	if !ok {
		if err := u.Store.RecordMiss(ctx, understand.Anonymize(req.Text), req.Now); err != nil {
			return handlers.Response{}, err
		}
		return u.sections(req.L, req.L.T("understand_nothing")), nil
	}
	if res.Confident {
		return u.run(ctx, req, best.Intent, best.Entity)
	}
	return u.choices(req, res.Candidates), nil
}

// run answers one reading with the feature it names.
func (u *Understand) run(ctx context.Context, req *handlers.Request, intent string, e understand.Entity) (handlers.Response, error) {
	a, ok := u.action(intent)
	if !ok {
		return u.sections(req.L, req.L.T("understand_nothing")), nil
	}
	resp, err := a.run(u, ctx, req, e)
	if err != nil {
		return handlers.Response{}, err
	}
	// A feature's button handler may answer with a toast only; a typed
	// question needs a message.
	if req.Callback == nil && len(resp.Replies) == 0 && resp.Answer != "" {
		resp.Replies = []handlers.Reply{{Text: resp.Answer}}
	}
	return resp, nil
}

// choices offers the readings as buttons, best first.
func (u *Understand) choices(req *handlers.Request, cands []understand.Candidate) handlers.Response {
	var rows [][]handlers.Button
	for _, c := range cands {
		if b, ok := u.button(req.L, c); ok {
			rows = append(rows, []handlers.Button{b})
		}
	}
	if len(rows) == 0 {
		return u.sections(req.L, req.L.T("understand_nothing"))
	}
	return handlers.Response{Replies: []handlers.Reply{{Text: req.L.T("understand_choose"), Buttons: rows}}}
}

// sectionIntents are offered when nothing matched.
var sectionIntents = []string{"card.menu", "council.menu", "business.menu", "voucher.menu", "digest.menu", "services.menu"}

// sections is the helpful line with the sections as buttons.
func (u *Understand) sections(l *locales.Localizer, text string) handlers.Response {
	var rows [][]handlers.Button
	for i, intent := range sectionIntents {
		b, _ := u.button(l, understand.Candidate{Intent: intent})
		if i%2 == 0 {
			rows = append(rows, nil)
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], b)
	}
	return handlers.Response{Replies: []handlers.Reply{{Text: text, Buttons: rows}}}
}

// Button runs a reading the user picked ("u|<code>|<arg>"), the admins'
// list of phrasings not understood ("u|mis"), and a category's pages.
func (u *Understand) Button(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	d := req.Callback.Data
	switch uNS.Action(d) {
	case uMisses:
		return u.misses(ctx, req)
	case uCategory:
		return u.categoryList(ctx, req, d.Arg(0), handlers.ArgInt(d, 1), true)
	case uNearest:
		return u.askNear(req, d.Arg(0)), nil
	}
	intent, e, ok := u.decode(d)
	if !ok {
		return handlers.Response{Answer: handlers.StaleButton(req.L)}, nil
	}
	return u.run(ctx, req, intent, e)
}

// Step continues the "near what" conversation: a location answers it;
// anything typed instead is a new question.
func (u *Understand) Step(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	if req.Conv.Step == "near" && req.Location != nil {
		return u.near(ctx, req, req.Conv.Data["cat"])
	}
	if req.Text == req.L.T("business_btn_home") {
		return handlers.WithMenu(req.L, req.L.T("menu_title")), nil
	}
	return u.Text(ctx, req)
}

// pressAs runs a feature's button handler as if its button had been pressed.
func pressAs(ctx context.Context, req *handlers.Request, h handlers.Func, data callback.Data) (handlers.Response, error) {
	r := *req
	cb := &handlers.Callback{Data: data}
	if req.Callback != nil {
		cb.ID, cb.MessageID = req.Callback.ID, req.Callback.MessageID
	}
	r.Callback = cb
	return h(ctx, &r)
}

// step runs a feature's conversation step with text, as if the feature had
// asked for it and the user had typed it.
func step(ctx context.Context, req *handlers.Request, h handlers.Func, feature, name, text string) (handlers.Response, error) {
	r := *req
	r.Conv, r.Text, r.Callback = handlers.Step(feature, name, nil), text, nil
	return h(ctx, &r)
}

// withText runs a command handler with text as its argument.
func withText(ctx context.Context, req *handlers.Request, h handlers.Func, text string) (handlers.Response, error) {
	r := *req
	r.Text = text
	return h(ctx, &r)
}
