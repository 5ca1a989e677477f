package handlers

import (
	"context"
	"strconv"
	"time"

	"github.com/transparentcities/nazar/council"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
)

// CouncilStore is what the council pages need from the store.
type CouncilStore interface {
	CouncilOverview(ctx context.Context) (store.CouncilOverview, error)
	SearchDeputies(ctx context.Context, q council.NameQuery) ([]store.DeputyBrief, error)
	DeputyByUID(ctx context.Context, uid string) (int64, bool, error)
	Deputy(ctx context.Context, id int64, today time.Time) (store.Deputy, bool, error)
	DeputyVotes(ctx context.Context, deputy int64, offset, limit int) ([]store.DeputyVote, int, error)
	DeputyDrafts(ctx context.Context, deputy int64, offset, limit int) ([]store.Draft, int, error)
	CompareDeputies(ctx context.Context, a, b int64) (council.Ratio, error)
	DeputyDifferences(ctx context.Context, a, b int64, offset, limit int) ([]store.VoteDifference, int, error)
	FollowDeputy(ctx context.Context, userID, deputy int64) error
	UnfollowDeputy(ctx context.Context, userID, deputy int64) error
	FollowsDeputy(ctx context.Context, userID, deputy int64) (bool, error)
	CouncilSessions(ctx context.Context, offset, limit int) ([]store.CouncilSessionBrief, int, error)
	CouncilSession(ctx context.Context, id int64) (store.CouncilSessionBrief, bool, error)
	SessionAgenda(ctx context.Context, session int64, offset, limit int) ([]store.AgendaItem, int, error)
	Motion(ctx context.Context, id int64) (store.Draft, bool, error)
	MotionEvents(ctx context.Context, motion int64) ([]store.VoteEvent, error)
	RollCall(ctx context.Context, event int64) (store.RollCall, bool, error)
	Decisions(ctx context.Context, f store.DecisionFilter, offset, limit int) ([]store.Decision, int, error)
	DraftsUnderReview(ctx context.Context, offset, limit int) ([]store.Draft, int, error)
	Factions(ctx context.Context, today time.Time) ([]store.Faction, error)
	FactionDetail(ctx context.Context, id int64, today time.Time) (store.Faction, bool, error)
	CouncilDeputies(ctx context.Context) ([]store.Deputy, error)
	// for the charts (issue 18)
	CouncilVersion(ctx context.Context) (int64, error)
	DeputyMonths(ctx context.Context, deputy int64, today time.Time) ([]store.MonthFigures, bool, error)
	FactionMonths(ctx context.Context, faction int64, today time.Time) ([]store.MonthFigures, error)
}

// Council serves SPEC §5: find a deputy, their card and votes, sessions and
// roll calls, decisions, drafts, factions, leaderboards, compare, follow.
// Button data: "cn|…" for council pages, "dep|…" for a deputy's pages.
type Council struct {
	Store    CouncilStore
	Location *time.Location // the city's time zone, for times of votes
	// MiniAppURL is miniapp.public_url: "" hides the Mini App button.
	MiniAppURL string
	charts     chartCache
}

// Page sizes: a votes page stays well under Telegram's 4,096 characters.
const (
	councilPage     = 10
	councilButtons  = 8
	councilMatches  = 12
	councilLeaders  = 10
	councilTitleLen = 90
)

// Menu is /council and /start council: an overview and the council's pages.
func (c *Council) Menu(ctx context.Context, req *Request) (Response, error) {
	reply, err := c.menu(ctx, req.L)
	return Response{Replies: []Reply{reply}}, err
}

func (c *Council) menu(ctx context.Context, l *locales.Localizer) (Reply, error) {
	o, err := c.Store.CouncilOverview(ctx)
	if err != nil || o.Deputies == 0 {
		return Reply{Text: l.T("council_empty")}, err
	}
	period := ""
	if o.First >= 0 {
		period = l.Date(o.First.Time()) + " – " + l.Date(o.Last.Time())
	}
	text := l.T("council_title", map[string]any{"Deputies": o.Deputies, "Factions": o.Factions,
		"Sessions": o.Sessions, "Events": o.Events, "Period": period})
	return Reply{Text: text, Buttons: append([][]Button{
		{cnNS.Button(l, "council_btn_find", cnFind)},
		{cnNS.Button(l, "council_btn_sessions", cnSessions, "0"), cnNS.Button(l, "council_btn_decisions", cnDecisions, "0")},
		{cnNS.Button(l, "council_btn_drafts", cnDrafts, "0"), cnNS.Button(l, "council_btn_factions", cnFactions)},
		{cnNS.Button(l, "council_btn_leaders", cnLeaders), cnNS.Button(l, "council_btn_metrics", cnMetricsHelp)},
	}, miniAppRow(l, c.MiniAppURL, "miniapp_btn_open_council", "council")...)}, nil
}

// Button handles the council pages' buttons ("cn|…"), editing in place.
func (c *Council) Button(ctx context.Context, req *Request) (Response, error) {
	d := req.Callback.Data
	id, page := argInt(d, 0), argInt(d, 1)
	pages := map[cnAction]func() (Reply, error){
		cnMenu:             func() (Reply, error) { return c.menu(ctx, req.L) },
		cnSessions:         func() (Reply, error) { return c.sessions(ctx, req.L, id) },
		cnSession:          func() (Reply, error) { return c.session(ctx, req.L, id, page) },
		cnMotion:           func() (Reply, error) { return c.motion(ctx, req.L, id) },
		cnRollCall:         func() (Reply, error) { return c.rollCall(ctx, req.L, id) },
		cnDecisions:        func() (Reply, error) { return c.decisions(ctx, req.L, 0, id) },
		cnDecisionSessions: func() (Reply, error) { return c.decisionSessions(ctx, req.L, id) },
		cnSessionDecisions: func() (Reply, error) { return c.decisions(ctx, req.L, id, page) },
		cnDrafts:           func() (Reply, error) { return c.drafts(ctx, req.L, id) },
		cnFactions:         func() (Reply, error) { return c.factions(ctx, req.L, req.Now) },
		cnFaction:          func() (Reply, error) { return c.faction(ctx, req.L, id, req.Now) },
		cnLeaders:          func() (Reply, error) { return c.leaders(req.L), nil },
		cnLowAttendance:    func() (Reply, error) { return c.leaderboard(ctx, req.L, false) },
		cnLowDiscipline:    func() (Reply, error) { return c.leaderboard(ctx, req.L, true) },
		cnMetricsHelp:      func() (Reply, error) { return Reply{Text: req.L.T("council_metrics_help"), Buttons: back(req.L)}, nil },
	}
	switch cnNS.Action(d) {
	case cnFind:
		return Response{Replies: []Reply{{Text: req.L.T("council_ask_name")}}, Next: Step(convCouncil, "name", nil)}, nil
	case cnDecisionWords:
		return Response{Replies: []Reply{{Text: req.L.T("council_decisions_ask")}}, Next: Step(convCouncil, "words", nil)}, nil
	case cnFactionChart:
		return c.factionChart(ctx, req, id)
	}
	show, ok := pages[cnNS.Action(d)]
	if !ok {
		return Response{Answer: StaleButton(req.L)}, nil
	}
	reply, err := show()
	reply.Edit = true
	return Response{Replies: []Reply{reply}}, err
}

// Step continues a council conversation: a name to search, a second deputy
// to compare with, words of a decision.
func (c *Council) Step(ctx context.Context, req *Request) (Response, error) {
	switch req.Conv.Step {
	case "name":
		return c.search(ctx, req, req.Text)
	case "cmp":
		a, _ := strconv.ParseInt(req.Conv.Data["a"], 10, 64)
		return c.compareWith(ctx, req, a, req.Text)
	case "words":
		return c.decisionWords(ctx, req, req.Text)
	}
	return WithMenu(req.L, req.L.T("conv_expired")), nil
}

// HelpMetrics is /help metrics: the definitions of SPEC §5.1.
func (c *Council) HelpMetrics(_ context.Context, req *Request) (Response, error) {
	return Text(req.L.T("council_metrics_help")), nil
}

func back(l *locales.Localizer) [][]Button {
	return [][]Button{{cnNS.Button(l, "council_btn_back", cnMenu)}}
}

// ratio renders a share with its counts: "45,1 % — 23 з 51".
func ratio(l *locales.Localizer, r council.Ratio) string {
	return l.T("council_ratio", map[string]any{"Percent": l.Percent(r.Num, r.Den), "Num": r.Num, "Den": r.Den})
}

// span returns the 1-based range shown on a page, for "11–20 з 61".
func span(page int64, n, size int) (from, to int) {
	from = int(page)*size + 1
	return from, from + n - 1
}

// short cuts a title to n runes for a list line or a button.
func short(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
