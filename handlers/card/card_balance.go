package card

import (
	"context"
	"strings"

	"github.com/transparentcities/nazar/card"
	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/privacy"
)

// opsShown is how many operations "last operations" shows (SPEC §4).
const opsShown = 10

// mine lists the user's linked cards as buttons.
func (c *Card) mine(ctx context.Context, req *handlers.Request, editing bool) (handlers.Response, error) {
	links, err := c.Store.CardLinks(ctx, req.UserID)
	if err != nil {
		return handlers.Response{}, err
	}
	if len(links) == 0 {
		return handlers.Edit(handlers.Reply{Text: req.L.T("card_mine_empty"), Buttons: [][]handlers.Button{
			{CardNS.Button(req.L, "card_btn_link", CardLink)}, {CardNS.Button(req.L, "card_btn_back", cardMenu)}}}), nil
	}
	var rows [][]handlers.Button
	for _, l := range links {
		rows = append(rows, []handlers.Button{{Text: "💳 " + privacy.MaskCard(l.Number), Data: CardNS.IDs(cardBalance, l.ID)}})
	}
	rows = append(rows, []handlers.Button{CardNS.Button(req.L, "card_btn_link", CardLink), CardNS.Button(req.L, "card_btn_back", cardMenu)})
	r := handlers.Reply{Text: req.L.T("card_mine_title"), Buttons: rows, Edit: editing}
	return handlers.Response{Replies: []handlers.Reply{r}}, nil
}

// link finds one of the user's own links; ok is false with the answer to
// give when it is not theirs (or gone).
func (c *Card) link(ctx context.Context, req *handlers.Request, id int64) (card.Link, *handlers.Response, error) {
	l, found, err := c.Store.CardLink(ctx, req.UserID, id)
	if err != nil || found {
		return l, nil, err
	}
	return l, &handlers.Response{Answer: req.L.T("card_gone"), ShowAlert: true}, nil
}

// balance shows a linked card: balance, trips, pending top-ups apart,
// status, valid-until and the time of the data.
func (c *Card) balance(ctx context.Context, req *handlers.Request, id int64) (handlers.Response, error) {
	l, gone, err := c.link(ctx, req, id)
	if err != nil || gone != nil {
		return deref(gone), err
	}
	var cd card.Card
	err = c.call(ctx, "card", l.Number, func(ctx context.Context) (err error) {
		cd, err = c.Provider.Card(ctx, l.Number)
		return err
	})
	if err != nil {
		// A linked card the provider no longer knows is as good as unavailable.
		return c.unavailable(req.L), nil
	}
	return handlers.Response{Replies: []handlers.Reply{{Text: c.balanceText(req.L, cd), Edit: req.Callback != nil, Buttons: [][]handlers.Button{
		{cardButton(req.L, "card_btn_ops", cardOperations, id), cardButton(req.L, "card_btn_alerts", cardAlerts, id)},
		{cardButton(req.L, "card_btn_unlink", cardUnlink, id), CardNS.Button(req.L, "card_btn_mine", CardMine)},
	}}}}, nil
}

func (c *Card) balanceText(l *locales.Localizer, cd card.Card) string {
	category := cd.Category
	if cat, ok := c.Content.Category(cd.Category); ok {
		category = cat.Title.In(l.Lang)
	}
	lines := []string{
		l.T("card_balance_head", map[string]any{"Card": privacy.MaskCard(cd.Number), "Category": category}),
		l.T("card_balance", map[string]any{"Balance": l.Money(cd.Balance)}),
	}
	if cd.HasTrips {
		lines = append(lines, l.N("card_trips", cd.Trips, nil))
	}
	if cd.Pending != 0 {
		lines = append(lines, l.T("card_pending", map[string]any{"Pending": l.Money(cd.Pending)}))
	}
	lines = append(lines, l.T("card_status_line", map[string]any{"Status": l.T(cardStatusIDs[cd.Status])}))
	if cd.Status == card.StatusBlocked {
		lines = append(lines, l.T("card_blocked_help")) // what to do, not only what is wrong
	}
	if !cd.ValidUntil.IsZero() {
		lines = append(lines, l.T("card_valid_until", map[string]any{"Date": l.Date(cd.ValidUntil)}))
	}
	lines = append(lines, l.T("card_data_time", map[string]any{"Time": l.DateTime(cd.UpdatedAt.In(c.Location))}))
	return strings.Join(lines, "\n")
}

var cardStatusIDs = map[string]string{
	card.StatusActive:  locales.ID("card_status_active"),
	card.StatusBlocked: locales.ID("card_status_blocked"),
	card.StatusExpired: locales.ID("card_status_expired"),
}

// operations shows the last operations of a linked card.
func (c *Card) operations(ctx context.Context, req *handlers.Request, id int64) (handlers.Response, error) {
	l, gone, err := c.link(ctx, req, id)
	if err != nil || gone != nil {
		return deref(gone), err
	}
	var ops []card.Operation
	err = c.call(ctx, "operations", l.Number, func(ctx context.Context) (err error) {
		ops, err = c.Provider.Operations(ctx, l.Number, opsShown)
		return err
	})
	if err != nil {
		return c.unavailable(req.L), nil
	}
	masked := privacy.MaskCard(l.Number)
	text := req.L.T("card_ops_empty", map[string]any{"Card": masked})
	if len(ops) > 0 {
		lines := []string{req.L.T("card_ops_title", map[string]any{"Card": masked})}
		for _, op := range ops {
			lines = append(lines, c.opLine(req.L, op))
		}
		text = strings.Join(lines, "\n")
	}
	return handlers.Edit(handlers.Reply{Text: text, Buttons: [][]handlers.Button{{cardButton(req.L, "card_btn_balance", cardBalance, id)}}}), nil
}

func (c *Card) opLine(l *locales.Localizer, op card.Operation) string {
	var change []string
	if op.Amount != 0 || op.Trips == 0 {
		m := l.Money(op.Amount)
		if op.Amount > 0 {
			m = "+" + m
		}
		change = append(change, m)
	}
	if op.Trips != 0 {
		t := l.N("card_op_trips", abs(op.Trips), nil)
		if op.Trips > 0 {
			t = "+" + t
		} else {
			t = "−" + t
		}
		change = append(change, t)
	}
	kind := map[string]string{"topup": locales.ID("card_op_topup"), "ride": locales.ID("card_op_ride"),
		"correction": locales.ID("card_op_correction")}[op.Kind]
	return l.T("card_op", map[string]any{"Time": c.localTime(l, op.At), "Kind": l.T(kind),
		"Change": strings.Join(change, ", "), "Place": op.Place})
}

// unlink asks for confirmation, then removes the link.
func (c *Card) unlink(ctx context.Context, req *handlers.Request, action cardAction, id int64) (handlers.Response, error) {
	l, gone, err := c.link(ctx, req, id)
	if err != nil || gone != nil {
		return deref(gone), err
	}
	masked := map[string]any{"Card": privacy.MaskCard(l.Number)}
	switch action {
	case cardUnlink:
		return handlers.Edit(handlers.Reply{Text: req.L.T("card_unlink_confirm", masked), Buttons: [][]handlers.Button{{
			cardButton(req.L, "card_btn_unlink_yes", cardUnlinkYes, id), cardButton(req.L, "card_btn_unlink_no", cardBalance, id)}}}), nil
	case cardUnlinkYes:
		if _, err := c.Store.UnlinkCard(ctx, req.UserID, id); err != nil {
			return handlers.Response{}, err
		}
		c.logger().Info("card unlinked", "user", req.UserID, "card", privacy.MaskCard(l.Number))
		return handlers.Edit(handlers.Reply{Text: req.L.T("card_unlinked", masked), Buttons: [][]handlers.Button{{CardNS.Button(req.L, "card_btn_mine", CardMine)}}}), nil
	}
	return handlers.Response{Answer: handlers.StaleButton(req.L)}, nil
}

func deref(r *handlers.Response) handlers.Response {
	if r == nil {
		return handlers.Response{}
	}
	return *r
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
