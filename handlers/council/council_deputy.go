package council

import (
	"context"
	"strings"
	"time"

	"github.com/transparentcities/nazar/council"
	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/locales"
)

// councilDeputyStore is the part of the store for finding a deputy and
// following one (council_deputy.go, council_card.go).
type councilDeputyStore interface {
	SearchDeputies(ctx context.Context, q council.NameQuery) ([]council.DeputyBrief, error)
	DeputyByUID(ctx context.Context, uid string) (int64, bool, error)
	Deputy(ctx context.Context, id int64, today time.Time) (council.Deputy, bool, error)
	FollowDeputy(ctx context.Context, userID, deputy int64) error
	UnfollowDeputy(ctx context.Context, userID, deputy int64) error
	FollowsDeputy(ctx context.Context, userID, deputy int64) (bool, error)
}

// Deputy is /deputy [part of a name] and /start dep_<id>: the card of the
// deputy with that open-data id, or a search by name.
func (c *Council) Deputy(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	text := strings.TrimSpace(req.Text)
	if text == "" {
		return handlers.Response{Replies: []handlers.Reply{{Text: req.L.T("council_ask_name")}}, Next: handlers.Step(ConvCouncil, "name", nil)}, nil
	}
	if len(text) <= 64 {
		id, found, err := c.Store.DeputyByUID(ctx, text)
		if err != nil {
			return handlers.Response{}, err
		}
		if found {
			reply, err := c.card(ctx, req, id)
			return handlers.Response{Replies: []handlers.Reply{reply}}, err
		}
	}
	return c.search(ctx, req, text)
}

// search answers a name: one match shows the card, several give buttons,
// none (or nonsense) says so and waits for another try.
func (c *Council) search(ctx context.Context, req *handlers.Request, text string) (handlers.Response, error) {
	retry := handlers.Step(ConvCouncil, "name", nil)
	q, ok := council.ParseNameQuery(text)
	if !ok {
		return handlers.Response{Replies: []handlers.Reply{{Text: req.L.T("council_not_found_bad")}}, Next: retry}, nil
	}
	found, err := c.Store.SearchDeputies(ctx, q)
	if err != nil {
		return handlers.Response{}, err
	}
	switch len(found) {
	case 0:
		return handlers.Response{Replies: []handlers.Reply{{Text: req.L.T("council_not_found",
			map[string]any{"Query": handlers.Short(text, 40)})}}, Next: retry}, nil
	case 1:
		reply, err := c.card(ctx, req, found[0].ID)
		return handlers.Response{Replies: []handlers.Reply{reply}}, err
	}
	return handlers.Response{Replies: []handlers.Reply{matches(req.L, found, func(b council.DeputyBrief) handlers.Button {
		return handlers.Button{Text: brief(req.L, b), Data: DepNS.IDs(DepCard, b.ID)}
	})}}, nil
}

// matches lists several deputies as buttons.
func matches(l *locales.Localizer, found []council.DeputyBrief, button func(council.DeputyBrief) handlers.Button) handlers.Reply {
	text := l.T("council_many", map[string]any{"Count": len(found)})
	if len(found) > councilMatches {
		text = l.T("council_too_many", map[string]any{"Count": len(found), "Shown": councilMatches})
		found = found[:councilMatches]
	}
	reply := handlers.Reply{Text: text}
	for _, b := range found {
		reply.Buttons = append(reply.Buttons, []handlers.Button{button(b)})
	}
	return reply
}

func brief(l *locales.Localizer, b council.DeputyBrief) string {
	f := b.Faction
	if council.IsNonFaction(f) {
		f = l.T("council_nonfaction_name")
	}
	return handlers.Short(b.FullName+" · "+f, 60)
}

// DeputyButton handles a deputy's buttons ("dep|…").
func (c *Council) DeputyButton(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	d := req.Callback.Data
	id, arg := handlers.ArgInt(d, 0), handlers.ArgInt(d, 1)
	var reply handlers.Reply
	var err error
	answer := ""
	switch DepNS.Action(d) {
	case DepCard:
		reply, err = c.card(ctx, req, id)
	case depVotes:
		reply, err = c.votes(ctx, req, id, arg)
	case depDrafts:
		reply, err = c.deputyDrafts(ctx, req, id, arg)
	case depCompareWith:
		reply, err = c.compare(ctx, req.L, id, arg, req.Now, handlers.ArgInt(d, 2))
	case depCompare:
		return c.askCompare(ctx, req, id)
	case depChart:
		return c.deputyChart(ctx, req, id)
	case depFollow, depUnfollow:
		if answer, err = c.follow(ctx, req, id, DepNS.Action(d) == depFollow); err == nil {
			reply, err = c.card(ctx, req, id)
		}
	default:
		return handlers.Response{Answer: handlers.StaleButton(req.L)}, nil
	}
	reply.Edit = true
	return handlers.Response{Replies: []handlers.Reply{reply}, Answer: answer}, err
}

func (c *Council) follow(ctx context.Context, req *handlers.Request, id int64, on bool) (string, error) {
	if _, found, err := c.Store.Deputy(ctx, id, req.Now); err != nil || !found {
		return req.L.T("council_gone"), err
	}
	if on {
		return req.L.T("council_followed"), c.Store.FollowDeputy(ctx, req.UserID, id)
	}
	return req.L.T("council_unfollowed"), c.Store.UnfollowDeputy(ctx, req.UserID, id)
}
