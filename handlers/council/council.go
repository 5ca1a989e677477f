package council

import (
	"context"
	"strconv"
	"time"

	"github.com/transparentcities/nazar/council"
	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/locales"
)

// CouncilStore is what the council pages need from the store: each part is
// declared next to the pages that call it.
type CouncilStore interface {
	CouncilOverview(ctx context.Context) (council.Overview, error)
	councilDeputyStore
	councilVotesStore
	councilSessionsStore
	councilListsStore
	councilChartStore
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
func (c *Council) Menu(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	reply, err := c.menu(ctx, req.L)
	return handlers.Response{Replies: []handlers.Reply{reply}}, err
}

func (c *Council) menu(ctx context.Context, l *locales.Localizer) (handlers.Reply, error) {
	o, err := c.Store.CouncilOverview(ctx)
	if err != nil || o.Deputies == 0 {
		return handlers.Reply{Text: l.T("council_empty")}, err
	}
	period := ""
	if o.First >= 0 {
		period = l.Date(o.First.Time()) + " – " + l.Date(o.Last.Time())
	}
	text := l.T("council_title", map[string]any{"Deputies": o.Deputies, "Factions": o.Factions,
		"Sessions": o.Sessions, "Events": o.Events, "Period": period})
	return handlers.Reply{Text: text, Buttons: append([][]handlers.Button{
		{CnNS.Button(l, "council_btn_find", cnFind)},
		{CnNS.Button(l, "council_btn_sessions", CnSessions, "0"), CnNS.Button(l, "council_btn_decisions", CnDecisions, "0")},
		{CnNS.Button(l, "council_btn_drafts", CnDrafts, "0"), CnNS.Button(l, "council_btn_factions", CnFactions)},
		{CnNS.Button(l, "council_btn_leaders", CnLeaders), CnNS.Button(l, "council_btn_metrics", cnMetricsHelp)},
	}, handlers.MiniAppRow(l, c.MiniAppURL, "miniapp_btn_open_council", "council")...)}, nil
}

// Button handles the council pages' buttons ("cn|…"), editing in place.
func (c *Council) Button(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	d := req.Callback.Data
	id, page := handlers.ArgInt(d, 0), handlers.ArgInt(d, 1)
	pages := map[cnAction]func() (handlers.Reply, error){
		cnMenu:             func() (handlers.Reply, error) { return c.menu(ctx, req.L) },
		CnSessions:         func() (handlers.Reply, error) { return c.sessions(ctx, req.L, id) },
		cnSession:          func() (handlers.Reply, error) { return c.session(ctx, req.L, id, page) },
		cnMotion:           func() (handlers.Reply, error) { return c.motion(ctx, req.L, id) },
		cnRollCall:         func() (handlers.Reply, error) { return c.rollCall(ctx, req.L, id) },
		CnDecisions:        func() (handlers.Reply, error) { return c.decisions(ctx, req.L, 0, id) },
		cnDecisionSessions: func() (handlers.Reply, error) { return c.decisionSessions(ctx, req.L, id) },
		cnSessionDecisions: func() (handlers.Reply, error) { return c.decisions(ctx, req.L, id, page) },
		CnDrafts:           func() (handlers.Reply, error) { return c.drafts(ctx, req.L, id) },
		CnFactions:         func() (handlers.Reply, error) { return c.factions(ctx, req.L, req.Now) },
		cnFaction:          func() (handlers.Reply, error) { return c.faction(ctx, req.L, id, req.Now) },
		CnLeaders:          func() (handlers.Reply, error) { return c.leaders(req.L), nil },
		CnLowAttendance:    func() (handlers.Reply, error) { return c.leaderboard(ctx, req.L, false) },
		CnLowDiscipline:    func() (handlers.Reply, error) { return c.leaderboard(ctx, req.L, true) },
		cnMetricsHelp: func() (handlers.Reply, error) {
			return handlers.Reply{Text: req.L.T("council_metrics_help"), Buttons: back(req.L)}, nil
		},
	}
	switch CnNS.Action(d) {
	case cnFind:
		return handlers.Response{Replies: []handlers.Reply{{Text: req.L.T("council_ask_name")}}, Next: handlers.Step(ConvCouncil, "name", nil)}, nil
	case cnDecisionWords:
		return handlers.Response{Replies: []handlers.Reply{{Text: req.L.T("council_decisions_ask")}}, Next: handlers.Step(ConvCouncil, "words", nil)}, nil
	case cnFactionChart:
		return c.factionChart(ctx, req, id)
	}
	show, ok := pages[CnNS.Action(d)]
	if !ok {
		return handlers.Response{Answer: handlers.StaleButton(req.L)}, nil
	}
	reply, err := show()
	reply.Edit = true
	return handlers.Response{Replies: []handlers.Reply{reply}}, err
}

// Step continues a council conversation: a name to search, a second deputy
// to compare with, words of a decision.
func (c *Council) Step(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	switch req.Conv.Step {
	case "name":
		return c.search(ctx, req, req.Text)
	case "cmp":
		a, _ := strconv.ParseInt(req.Conv.Data["a"], 10, 64)
		return c.compareWith(ctx, req, a, req.Text)
	case "words":
		return c.decisionWords(ctx, req, req.Text)
	}
	return handlers.WithMenu(req.L, req.L.T("conv_expired")), nil
}

// HelpMetrics is /help metrics: the definitions of SPEC §5.1.
func (c *Council) HelpMetrics(_ context.Context, req *handlers.Request) (handlers.Response, error) {
	return handlers.Text(req.L.T("council_metrics_help")), nil
}

func back(l *locales.Localizer) [][]handlers.Button {
	return [][]handlers.Button{{CnNS.Button(l, "council_btn_back", cnMenu)}}
}

// ratio renders a share with its counts: "45,1 % — 23 з 51".
func ratio(l *locales.Localizer, r council.Ratio) string {
	return l.T("council_ratio", map[string]any{"Percent": l.Percent(r.Num, r.Den), "Num": r.Num, "Den": r.Den})
}
