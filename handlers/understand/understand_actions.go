package understand

import (
	"context"
	"strconv"
	"strings"

	"github.com/transparentcities/nazar/callback"
	"github.com/transparentcities/nazar/handlers"
	businessh "github.com/transparentcities/nazar/handlers/business"
	cardh "github.com/transparentcities/nazar/handlers/card"
	councilh "github.com/transparentcities/nazar/handlers/council"
	digesth "github.com/transparentcities/nazar/handlers/digest"
	formsh "github.com/transparentcities/nazar/handlers/forms"
	voucherh "github.com/transparentcities/nazar/handlers/voucher"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/understand"
)

// askAction is what one intent does, and its code in button data.
type askAction struct {
	code uAction
	run  func(u *Understand, ctx context.Context, req *handlers.Request, e understand.Entity) (handlers.Response, error)
}

// pressing is an action that presses a feature's button.
func pressing(code uAction, h func(u *Understand) handlers.Func, press callback.Data) askAction {
	return askAction{code, func(u *Understand, ctx context.Context, req *handlers.Request, _ understand.Entity) (handlers.Response, error) {
		return pressAs(ctx, req, h(u), press)
	}}
}

// calling is an action that runs a command without an argument.
func calling(code uAction, h func(u *Understand) handlers.Func) askAction {
	return askAction{code, func(u *Understand, ctx context.Context, req *handlers.Request, _ understand.Entity) (handlers.Response, error) {
		return withText(ctx, req, h(u), "")
	}}
}

// askActions map every intent of locales/intents.*.yaml to the feature that
// answers it. An intent a city adds to the word lists needs an entry here.
var askActions = map[string]askAction{
	"card.menu":    calling("cm", func(u *Understand) handlers.Func { return u.Card.Menu }),
	"card.balance": pressing("cb", func(u *Understand) handlers.Func { return u.Card.Button }, cardh.CardNS.Press(cardh.CardMine)),
	"card.howto":   pressing("ch", func(u *Understand) handlers.Func { return u.Card.Button }, cardh.CardNS.Press(cardh.CardHowto)),
	"card.lost":    {"cx", (*Understand).cardLost},
	"card.ready": {"cr", func(u *Understand, ctx context.Context, req *handlers.Request, e understand.Entity) (handlers.Response, error) {
		if e.Kind == understand.KindAppNumber {
			return step(ctx, req, u.Card.Step, cardh.ConvCard, "app", e.Value)
		}
		return pressAs(ctx, req, u.Card.Button, cardh.CardNS.Press(cardh.CardReady))
	}},
	"card.link": {"ck", func(u *Understand, ctx context.Context, req *handlers.Request, e understand.Entity) (handlers.Response, error) {
		if e.Kind == understand.KindCardNumber {
			return step(ctx, req, u.Card.Step, cardh.ConvCard, "num", e.Value)
		}
		return pressAs(ctx, req, u.Card.Button, cardh.CardNS.Press(cardh.CardLink))
	}},

	"voucher.menu":  calling("vm", func(u *Understand) handlers.Func { return u.Voucher.Menu }),
	"voucher.rules": calling("vr", func(u *Understand) handlers.Func { return u.Voucher.Menu }),
	"voucher.calc":  pressing("vk", func(u *Understand) handlers.Func { return u.Voucher.Button }, voucherh.VcNS.Press(voucherh.VcCalc)),
	"voucher.status": {"vs", func(u *Understand, ctx context.Context, req *handlers.Request, e understand.Entity) (handlers.Response, error) {
		if e.Kind == understand.KindAppNumber {
			return step(ctx, req, u.Voucher.Step, voucherh.ConvVoucher, "no", e.Value)
		}
		return pressAs(ctx, req, u.Voucher.Button, voucherh.VcNS.Press(voucherh.VcStatus))
	}},

	"digest.menu":      calling("dm", func(u *Understand) handlers.Func { return u.Digest.Panel }),
	"digest.subscribe": pressing("ds", func(u *Understand) handlers.Func { return u.Digest.Button }, digesth.DgNS.Press(digesth.DgSubscribe)),
	"digest.last":      {"dl", (*Understand).lastDigest},

	"services.menu": calling("sv", func(u *Understand) handlers.Func { return u.Forms.Services }),
	"learn.list":    calling("ll", func(u *Understand) handlers.Func { return u.Courses.Learn }),

	"council.menu":       calling("km", func(u *Understand) handlers.Func { return u.Council.Menu }),
	"council.attendance": pressing("ka", func(u *Understand) handlers.Func { return u.Council.Button }, councilh.CnNS.Press(councilh.CnLowAttendance)),
	"council.discipline": pressing("kq", func(u *Understand) handlers.Func { return u.Council.Button }, councilh.CnNS.Press(councilh.CnLowDiscipline)),
	"council.leaders":    pressing("kl", func(u *Understand) handlers.Func { return u.Council.Button }, councilh.CnNS.Press(councilh.CnLeaders)),
	"council.sessions":   pressing("ks", func(u *Understand) handlers.Func { return u.Council.Button }, councilh.CnNS.Press(councilh.CnSessions, "0")),
	"council.drafts":     pressing("kr", func(u *Understand) handlers.Func { return u.Council.Button }, councilh.CnNS.Press(councilh.CnDrafts, "0")),
	"council.factions":   pressing("kf", func(u *Understand) handlers.Func { return u.Council.Button }, councilh.CnNS.Press(councilh.CnFactions)),
	"council.deputy": {"kd", func(u *Understand, ctx context.Context, req *handlers.Request, e understand.Entity) (handlers.Response, error) {
		if len(e.IDs) == 1 {
			return pressAs(ctx, req, u.Council.DeputyButton, councilh.DepNS.Press(councilh.DepCard, handlers.Itoa(e.IDs[0])))
		}
		return withText(ctx, req, u.Council.Deputy, e.Value)
	}},
	"council.decisions": {"kx", func(u *Understand, ctx context.Context, req *handlers.Request, e understand.Entity) (handlers.Response, error) {
		if e.Value != "" {
			return step(ctx, req, u.Council.Step, councilh.ConvCouncil, "words", e.Value)
		}
		return pressAs(ctx, req, u.Council.Button, councilh.CnNS.Press(councilh.CnDecisions, "0"))
	}},

	"business.menu":    calling("bm", func(u *Understand) handlers.Func { return u.Business.Menu }),
	"business.sectors": pressing("bk", func(u *Understand) handlers.Func { return u.Business.Button }, businessh.BzNS.Press(businessh.BzSections)),
	"business.edrpou": {"be", func(u *Understand, ctx context.Context, req *handlers.Request, e understand.Entity) (handlers.Response, error) {
		return withText(ctx, req, u.Business.EDRPOU, e.Value)
	}},
	"business.search": {"bs", func(u *Understand, ctx context.Context, req *handlers.Request, e understand.Entity) (handlers.Response, error) {
		return withText(ctx, req, u.Business.Menu, e.Value)
	}},
	"business.category": {"bc", func(u *Understand, ctx context.Context, req *handlers.Request, e understand.Entity) (handlers.Response, error) {
		return u.categoryList(ctx, req, e.Value, 0, false)
	}},
	"business.near": {"bn", func(u *Understand, ctx context.Context, req *handlers.Request, e understand.Entity) (handlers.Response, error) {
		if e.Value == "" {
			r := *req
			r.Location = nil
			return u.Business.Near(ctx, &r)
		}
		return u.askNear(req, e.Value), nil
	}},

	"core.help":     calling("hh", func(u *Understand) handlers.Func { return u.Core.Help }),
	"core.language": calling("hl", func(u *Understand) handlers.Func { return u.Core.Language }),
	"core.privacy":  calling("hp", func(u *Understand) handlers.Func { return u.Core.Privacy }),
	"core.menu":     calling("hm", func(u *Understand) handlers.Func { return u.Core.Menu }),
}

// formAction opens a form ("form.<id>") or an info page ("page.<id>") of
// the services catalog.
func formAction(code uAction, action formsh.FormsAction, id string) askAction {
	return askAction{code + uAction(id), func(u *Understand, ctx context.Context, req *handlers.Request, _ understand.Entity) (handlers.Response, error) {
		return pressAs(ctx, req, u.Forms.Button, formsh.FormNS.Press(action, id))
	}}
}

// action finds what answers an intent.
func (u *Understand) action(intent string) (askAction, bool) {
	if a, ok := askActions[intent]; ok {
		return a, true
	}
	kind, id, _ := strings.Cut(intent, ".")
	switch {
	case kind == "form" && u.formExists(id):
		return formAction("f", formsh.FormStart, id), true
	case kind == "page" && u.pageExists(id):
		return formAction("p", formsh.FormPage, id), true
	}
	return askAction{}, false
}

func (u *Understand) formExists(id string) bool {
	_, ok := u.Forms.Catalog.Form(id)
	return ok
}

func (u *Understand) pageExists(id string) bool {
	_, ok := u.Forms.Catalog.Page(id)
	return ok
}

// button is a reading as a button: its label and "u|<code>|<arg>".
func (u *Understand) button(l *locales.Localizer, c understand.Candidate) (handlers.Button, bool) {
	a, ok := u.action(c.Intent)
	if !ok {
		return handlers.Button{}, false
	}
	return handlers.Button{Text: u.label(l, c), Data: encodeAsk(a.code, u.buttonArg(c))}, true
}

// buttonArg is what a button carries of the entity: never a card number or
// an application number (personal; the flow asks for them again).
func (u *Understand) buttonArg(c understand.Candidate) string {
	e := c.Entity
	switch e.Kind {
	case understand.KindDeputy:
		if len(e.IDs) == 1 {
			return "#" + handlers.Itoa(e.IDs[0])
		}
		return e.Value
	case understand.KindCategory, understand.KindEDRPOU, understand.KindWords:
		return e.Value
	}
	return ""
}

// encodeAsk builds "u|code|arg", cutting arg at a word so it fits 64 bytes.
func encodeAsk(code uAction, arg string) string {
	room := callback.MaxLen - len(callback.Version+"|u|"+string(code)+"|")
	arg = strings.ReplaceAll(arg, "|", " ")
	for len(arg) > room {
		i := strings.LastIndex(arg, " ")
		if i <= 0 {
			arg = ""
			break
		}
		arg = arg[:i]
	}
	if arg == "" {
		return uNS.Data(code)
	}
	return uNS.Data(code, arg)
}

// decode reads a pressed reading back.
func (u *Understand) decode(d callback.Data) (string, understand.Entity, bool) {
	intent := ""
	for id, a := range askActions {
		if a.code == uNS.Action(d) {
			intent = id
		}
	}
	switch {
	case intent == "" && strings.HasPrefix(d.Action, "f"):
		intent = "form." + d.Action[1:]
	case intent == "" && strings.HasPrefix(d.Action, "p"):
		intent = "page." + d.Action[1:]
	}
	if _, ok := u.action(intent); !ok {
		return "", understand.Entity{}, false
	}
	arg := d.Arg(0)
	e := understand.Entity{Value: arg}
	switch intent {
	case "council.deputy":
		e.Kind = understand.KindDeputy
		if id, err := strconv.ParseInt(strings.TrimPrefix(arg, "#"), 10, 64); err == nil && strings.HasPrefix(arg, "#") {
			e.IDs, e.Value = []int64{id}, ""
		}
	case "business.category", "business.near":
		e.Kind = understand.KindCategory
	case "business.edrpou":
		e.Kind = understand.KindEDRPOU
	case "council.decisions", "business.search":
		e.Kind = understand.KindWords
	}
	return intent, e, true
}
