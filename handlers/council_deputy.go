package handlers

import (
	"context"
	"strings"

	"github.com/transparentcities/nazar/council"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
)

// Deputy is /deputy [part of a name] and /start dep_<id>: the card of the
// deputy with that open-data id, or a search by name.
func (c *Council) Deputy(ctx context.Context, req *Request) (Response, error) {
	text := strings.TrimSpace(req.Text)
	if text == "" {
		return Response{Replies: []Reply{{Text: req.L.T("council_ask_name")}}, Next: Step(convCouncil, "name", nil)}, nil
	}
	if len(text) <= 64 {
		id, found, err := c.Store.DeputyByUID(ctx, text)
		if err != nil {
			return Response{}, err
		}
		if found {
			reply, err := c.card(ctx, req, id)
			return Response{Replies: []Reply{reply}}, err
		}
	}
	return c.search(ctx, req, text)
}

// search answers a name: one match shows the card, several give buttons,
// none (or nonsense) says so and waits for another try.
func (c *Council) search(ctx context.Context, req *Request, text string) (Response, error) {
	retry := Step(convCouncil, "name", nil)
	q, ok := council.ParseNameQuery(text)
	if !ok {
		return Response{Replies: []Reply{{Text: req.L.T("council_not_found_bad")}}, Next: retry}, nil
	}
	found, err := c.Store.SearchDeputies(ctx, q)
	if err != nil {
		return Response{}, err
	}
	switch len(found) {
	case 0:
		return Response{Replies: []Reply{{Text: req.L.T("council_not_found",
			map[string]any{"Query": short(text, 40)})}}, Next: retry}, nil
	case 1:
		reply, err := c.card(ctx, req, found[0].ID)
		return Response{Replies: []Reply{reply}}, err
	}
	return Response{Replies: []Reply{matches(req.L, found, func(b store.DeputyBrief) Button {
		return Button{Text: brief(req.L, b), Data: depNS.IDs(depCard, b.ID)}
	})}}, nil
}

// matches lists several deputies as buttons.
func matches(l *locales.Localizer, found []store.DeputyBrief, button func(store.DeputyBrief) Button) Reply {
	text := l.T("council_many", map[string]any{"Count": len(found)})
	if len(found) > councilMatches {
		text = l.T("council_too_many", map[string]any{"Count": len(found), "Shown": councilMatches})
		found = found[:councilMatches]
	}
	reply := Reply{Text: text}
	for _, b := range found {
		reply.Buttons = append(reply.Buttons, []Button{button(b)})
	}
	return reply
}

func brief(l *locales.Localizer, b store.DeputyBrief) string {
	f := b.Faction
	if council.IsNonFaction(f) {
		f = l.T("council_nonfaction_name")
	}
	return short(b.FullName+" · "+f, 60)
}

// DeputyButton handles a deputy's buttons ("dep|…").
func (c *Council) DeputyButton(ctx context.Context, req *Request) (Response, error) {
	d := req.Callback.Data
	id, arg := argInt(d, 0), argInt(d, 1)
	var reply Reply
	var err error
	answer := ""
	switch depNS.Action(d) {
	case depCard:
		reply, err = c.card(ctx, req, id)
	case depVotes:
		reply, err = c.votes(ctx, req, id, arg)
	case depDrafts:
		reply, err = c.deputyDrafts(ctx, req, id, arg)
	case depCompareWith:
		reply, err = c.compare(ctx, req.L, id, arg, req.Now, argInt(d, 2))
	case depCompare:
		return c.askCompare(ctx, req, id)
	case depChart:
		return c.deputyChart(ctx, req, id)
	case depFollow, depUnfollow:
		if answer, err = c.follow(ctx, req, id, depNS.Action(d) == depFollow); err == nil {
			reply, err = c.card(ctx, req, id)
		}
	default:
		return Response{Answer: StaleButton(req.L)}, nil
	}
	reply.Edit = true
	return Response{Replies: []Reply{reply}, Answer: answer}, err
}

func (c *Council) follow(ctx context.Context, req *Request, id int64, on bool) (string, error) {
	if _, found, err := c.Store.Deputy(ctx, id, req.Now); err != nil || !found {
		return req.L.T("council_gone"), err
	}
	if on {
		return req.L.T("council_followed"), c.Store.FollowDeputy(ctx, req.UserID, id)
	}
	return req.L.T("council_unfollowed"), c.Store.UnfollowDeputy(ctx, req.UserID, id)
}
