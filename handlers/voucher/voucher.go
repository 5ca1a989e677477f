package voucher

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/voucher"
)

// VoucherStore is what the business vouchers need from the store.
type VoucherStore interface {
	VoucherApplication(ctx context.Context, no, taxID string) (voucher.Application, bool, error)
	VoucherByNumber(ctx context.Context, no string) (voucher.Application, bool, error)
	VoucherHistory(ctx context.Context, no string) ([]voucher.StatusChange, error)
	SubscribeVoucher(ctx context.Context, userID, chatID int64, no string) error
	UnsubscribeVoucher(ctx context.Context, userID int64, no string) (bool, error)
	handlers.LookupLockStore
	SetVoucherStatus(ctx context.Context, adminID int64, no, status, comment string, approved int64,
		day time.Time) (voucher.StatusChange, int, error)
}

// Voucher serves SPEC §7: the programme rules, the calculator, and the
// status of an application with pushed updates. Button data "vc|…" for
// users and "vca|…" for admins; conversation features "voucher" and
// "vadmin". No tax id ever travels in button data or conversation state.
type Voucher struct {
	Store    VoucherStore
	Rules    voucher.Rules
	City     string
	Location *time.Location // the city's: the window and admin changes are dated in it
	Admin    *handlers.Admin
	Log      *slog.Logger // nil: slog.Default()
}

const (
	ConvVoucher      = "voucher"
	convVoucherAdmin = "vadmin"
)

// VoucherRules turns the configuration into the calculator's rules.
func VoucherRules(c config.VoucherConfig) voucher.Rules {
	opens, closes := c.Window()
	return voucher.Rules{ShareBP: c.ShareBasisPoints(), Categories: c.Categories, Opens: opens, Closes: closes,
		Caps: map[string]int64{voucher.FOP: c.CapFopUAH * 100, voucher.Legal: c.CapLegalUAH * 100}}
}

// NewVoucher builds the feature; a configured category without a label in
// every language stops start-up, naming it.
func NewVoucher(c config.VoucherConfig, st VoucherStore, city string, loc *time.Location, admin *handlers.Admin) (*Voucher, error) {
	for _, lang := range locales.Supported {
		ids := locales.IDs(lang)
		for _, code := range c.Categories {
			if !ids[voucherCategoryID(code)] {
				return nil, fmt.Errorf("voucher.categories: %q has no label %s in locales/voucher.%s.toml",
					code, voucherCategoryID(code), lang)
			}
		}
	}
	return &Voucher{Store: st, Rules: VoucherRules(c), City: city, Location: loc, Admin: admin}, nil
}

// voucherCategoryIDs mark the labels of the default categories for the
// usage test; a city's extra codes are checked by NewVoucher.
var _ = []string{locales.ID("voucher_cat_marketing"), locales.ID("voucher_cat_expert"),
	locales.ID("voucher_cat_new_markets"), locales.ID("voucher_cat_certification"),
	locales.ID("voucher_cat_energy_saving")}

func voucherCategoryID(code string) string { return "voucher_cat_" + code }

// Menu is /voucher and /start voucher: the rules and what to do next.
// "/voucher LV-2026-000123" goes straight to the status check.
func (v *Voucher) Menu(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	if strings.TrimSpace(req.Text) != "" {
		return v.statusNumber(ctx, req)
	}
	return handlers.Response{Replies: []handlers.Reply{{Text: v.rulesText(req.L, req.Now), Buttons: v.menuButtons(req.L)}}}, nil
}

func (v *Voucher) menuButtons(l *locales.Localizer) [][]handlers.Button {
	return [][]handlers.Button{{VcNS.Button(l, "voucher_btn_calc", VcCalc), VcNS.Button(l, "voucher_btn_status", VcStatus)}}
}

// rulesText shows the programme in the user's language.
func (v *Voucher) rulesText(l *locales.Localizer, now time.Time) string {
	var cats []string
	for _, c := range v.Rules.Categories {
		cats = append(cats, "• "+l.T(voucherCategoryID(c)))
	}
	window := map[voucher.WindowState]string{
		voucher.WindowNotYet: locales.ID("voucher_window_not_yet"),
		voucher.WindowOpen:   locales.ID("voucher_window_open"),
		voucher.WindowClosed: locales.ID("voucher_window_closed"),
	}[v.Rules.Window(now.In(v.Location))]
	return l.T("voucher_rules", map[string]any{
		"City":       v.City,
		"Share":      voucherShare(l, v.Rules.ShareBP),
		"CapFop":     l.Money(v.Rules.Caps[voucher.FOP]),
		"CapLegal":   l.Money(v.Rules.Caps[voucher.Legal]),
		"Categories": strings.Join(cats, "\n"),
		"Opens":      l.Date(v.Rules.Opens),
		"Closes":     l.Date(v.Rules.Closes),
		"Window":     l.T(window),
	})
}

// voucherShare formats basis points as a percentage number: "50", "33,33".
func voucherShare(l *locales.Localizer, bp int64) string {
	if bp%100 == 0 {
		return l.Int(bp / 100)
	}
	return l.Decimal(float64(bp)/100, 2)
}

// applicantIDs name the applicant types.
var applicantIDs = map[string]string{
	voucher.FOP:   locales.ID("voucher_applicant_fop"),
	voucher.Legal: locales.ID("voucher_applicant_legal"),
}

// applicantButtons offer the applicant types for an action ("ct" for the
// calculator, "sty" for the status check).
func applicantButtons(l *locales.Localizer, action vcAction) [][]handlers.Button {
	var row []handlers.Button
	for _, t := range voucher.ApplicantTypes {
		row = append(row, VcNS.Button(l, applicantIDs[t], action, t))
	}
	return [][]handlers.Button{row}
}

// Button handles "vc|…" buttons.
func (v *Voucher) Button(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	d := req.Callback.Data
	switch VcNS.Action(d) {
	case vcMenu:
		return handlers.Response{Replies: []handlers.Reply{{Text: v.rulesText(req.L, req.Now), Buttons: v.menuButtons(req.L), Edit: true}}}, nil
	case VcCalc:
		// A flow left half-way (a status check) ends: text now belongs to no step.
		return handlers.Response{EndConv: true, Replies: []handlers.Reply{{Text: req.L.T("voucher_calc_ask_type"),
			Buttons: applicantButtons(req.L, vcCalcType)}}}, nil
	case vcCalcType:
		return v.calcType(req), nil
	case VcStatus:
		return v.askStatus(ctx, req)
	case vcStatusType:
		return v.statusType(req), nil
	case vcUnsubscribe:
		return v.unsubscribe(ctx, req)
	}
	return handlers.Response{Answer: handlers.StaleButton(req.L)}, nil
}

// Step continues a voucher conversation.
func (v *Voucher) Step(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	switch req.Conv.Step {
	case "exp":
		return v.calcExpenses(req), nil
	case "no":
		return v.statusNumber(ctx, req)
	case "type", "tax":
		// "type" is a conversation begun before the applicant type was
		// inferred from the tax id: what is typed there is the tax id.
		return v.statusTax(ctx, req)
	}
	return handlers.WithMenu(req.L, req.L.T("conv_expired")), nil
}

func (v *Voucher) logger() *slog.Logger {
	if v.Log != nil {
		return v.Log
	}
	return slog.Default()
}
