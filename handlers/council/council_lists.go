package council

import (
	"cmp"
	"context"
	"strings"
	"time"

	"github.com/transparentcities/nazar/council"
	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/locales"
)

// councilListsStore is the part of the store for decisions, drafts under
// review, factions and the deputies list.
type councilListsStore interface {
	Decisions(ctx context.Context, f council.DecisionFilter, offset, limit int) ([]council.Decision, int, error)
	DraftsUnderReview(ctx context.Context, offset, limit int) ([]council.Draft, int, error)
	Factions(ctx context.Context, today time.Time) ([]council.Faction, error)
	FactionDetail(ctx context.Context, id int64, today time.Time) (council.Faction, bool, error)
	CouncilDeputies(ctx context.Context) ([]council.Deputy, error)
}

// decisions lists adopted decisions, of one session when session is set.
func (c *Council) decisions(ctx context.Context, l *locales.Localizer, session, page int64) (handlers.Reply, error) {
	list, total, err := c.Store.Decisions(ctx, council.DecisionFilter{Session: session}, int(page)*councilPage, councilPage)
	if err != nil {
		return handlers.Reply{}, err
	}
	filter := ""
	if session != 0 {
		s, found, err := c.Store.CouncilSession(ctx, session)
		if err != nil || !found {
			return handlers.Reply{Text: l.T("council_gone"), Buttons: back(l)}, err
		}
		filter = s.Label
	}
	reply := decisionList(l, list, total, page, filter)
	var nav []handlers.Button
	if session != 0 {
		nav = CnNS.Pager(l, page, total, councilPage, cnSessionDecisions, handlers.Itoa(session))
	} else {
		nav = CnNS.Pager(l, page, total, councilPage, CnDecisions)
	}
	if len(nav) > 0 {
		reply.Buttons = append(reply.Buttons, nav)
	}
	reply.Buttons = append(reply.Buttons, decisionButtons(l)...)
	return reply, nil
}

func decisionList(l *locales.Localizer, list []council.Decision, total int, page int64, filter string) handlers.Reply {
	if total == 0 {
		return handlers.Reply{Text: l.T("council_decisions_none")}
	}
	from, to := handlers.Span(page, len(list), councilPage)
	lines := []string{l.T("council_decisions_title", map[string]any{"Filter": filter, "From": from, "To": to,
		"Total": total})}
	for _, d := range list {
		lines = append(lines, "• "+l.T("council_draft_line", map[string]any{"Date": l.Date(d.Day.Time()),
			"Number": d.Number, "Title": handlers.Short(titleOr(l, d.Title, d.UID, d.Day), councilTitleLen)}))
	}
	return handlers.Reply{Text: strings.Join(lines, "\n"), Buttons: decisionTaps(l, list)}
}

func decisionButtons(l *locales.Localizer) [][]handlers.Button {
	return [][]handlers.Button{
		{CnNS.Button(l, "council_btn_by_session", cnDecisionSessions, "0"), CnNS.Button(l, "council_btn_by_words", cnDecisionWords)},
		{CnNS.Button(l, "council_btn_back", cnMenu)},
	}
}

// decisionSessions lets the user pick the session whose decisions to list.
func (c *Council) decisionSessions(ctx context.Context, l *locales.Localizer, page int64) (handlers.Reply, error) {
	return c.sessionList(ctx, l, page, "dsl", "ds", "council_decisions_pick")
}

// decisionWords lists adopted decisions whose title has every word typed.
// Words do not fit into button data, so this list has no pages: the newest
// matches are shown with a hint to narrow the search.
func (c *Council) decisionWords(ctx context.Context, req *handlers.Request, text string) (handlers.Response, error) {
	q, ok := council.ParseNameQuery(text)
	if !ok {
		return handlers.Response{Replies: []handlers.Reply{{Text: req.L.T("council_decisions_bad")}}, Next: handlers.Step(ConvCouncil, "words", nil)}, nil
	}
	list, total, err := c.Store.Decisions(ctx, council.DecisionFilter{Words: q.Terms()}, 0, councilPage)
	if err != nil {
		return handlers.Response{}, err
	}
	reply := decisionList(req.L, list, total, 0, "«"+handlers.Short(strings.TrimSpace(text), 40)+"»")
	if total > len(list) {
		reply.Text += "\n\n" + req.L.T("council_words_more", map[string]any{"Shown": len(list), "Total": total})
	}
	reply.Buttons = append(reply.Buttons, decisionButtons(req.L)...)
	return handlers.Response{Replies: []handlers.Reply{reply}}, nil
}

// drafts lists agenda items with no final vote yet.
func (c *Council) drafts(ctx context.Context, l *locales.Localizer, page int64) (handlers.Reply, error) {
	list, total, err := c.Store.DraftsUnderReview(ctx, int(page)*councilPage, councilPage)
	if err != nil {
		return handlers.Reply{}, err
	}
	if total == 0 {
		return handlers.Reply{Text: l.T("council_drafts_none"), Buttons: back(l)}, nil
	}
	from, to := handlers.Span(page, len(list), councilPage)
	lines := append([]string{l.T("council_drafts_title", map[string]any{"From": from, "To": to, "Total": total})},
		draftLines(l, list)...)
	reply := handlers.Reply{Text: strings.Join(lines, "\n"), Buttons: draftTaps(l, list)}
	if p := CnNS.Pager(l, page, total, councilPage, CnDrafts); len(p) > 0 {
		reply.Buttons = append(reply.Buttons, p)
	}
	reply.Buttons = append(reply.Buttons, back(l)...)
	return reply, nil
}

// factions lists the factions as buttons with their current size.
func (c *Council) factions(ctx context.Context, l *locales.Localizer, now time.Time) (handlers.Reply, error) {
	list, err := c.Store.Factions(ctx, now)
	if err != nil {
		return handlers.Reply{}, err
	}
	reply := handlers.Reply{Text: l.T("council_factions_title")}
	for _, f := range list {
		label := l.T("council_faction_button", map[string]any{"Name": f.Name, "Members": len(f.Members)})
		reply.Buttons = append(reply.Buttons, []handlers.Button{{Text: handlers.Short(label, 60), Data: CnNS.IDs(cnFaction, f.ID)}})
	}
	reply.Buttons = append(reply.Buttons, back(l)...)
	return reply, nil
}

// faction shows a faction's members, cohesion and deviators.
func (c *Council) faction(ctx context.Context, l *locales.Localizer, id int64, now time.Time) (handlers.Reply, error) {
	f, found, err := c.Store.FactionDetail(ctx, id, now)
	if err != nil || !found {
		return handlers.Reply{Text: l.T("council_gone"), Buttons: back(l)}, err
	}
	names := make([]string, len(f.Members))
	for i, m := range f.Members {
		names[i] = m.FullName
	}
	lines := []string{l.T("council_faction_title", map[string]any{"Name": f.Name, "Ratio": ratio(l, f.Cohesion),
		"Members": len(f.Members), "Names": strings.Join(names, ", ")}), ""}
	if len(f.Deviators) == 0 {
		lines = append(lines, l.T("council_faction_no_deviators"))
	} else {
		lines = append(lines, l.T("council_faction_deviators"))
	}
	for _, d := range f.Deviators {
		lines = append(lines, l.T("council_faction_deviator", map[string]any{"Name": d.FullName,
			"Deviations": d.Deviations, "LineEvents": d.LineEvents}))
	}
	return handlers.Reply{Text: strings.Join(lines, "\n"), Buttons: append(memberTaps(f),
		[]handlers.Button{CnNS.Button(l, "miniapp_btn_chart", cnFactionChart, handlers.Itoa(id))},
		[]handlers.Button{CnNS.Button(l, "council_btn_to_factions", CnFactions)}, []handlers.Button{CnNS.Button(l, "council_btn_back", cnMenu)})}, nil
}

// leaders offers the two leaderboards.
func (c *Council) leaders(l *locales.Localizer) handlers.Reply {
	return handlers.Reply{Text: l.T("council_leaders_title"), Buttons: [][]handlers.Button{
		{CnNS.Button(l, "council_btn_low_attendance", CnLowAttendance)}, {CnNS.Button(l, "council_btn_low_discipline", CnLowDiscipline)},
		{CnNS.Button(l, "council_btn_back", cnMenu)}}}
}

// leaderboard lists the deputies with the lowest attendance or discipline,
// with the definition; deputies with nothing to measure are left out.
func (c *Council) leaderboard(ctx context.Context, l *locales.Localizer, discipline bool) (handlers.Reply, error) {
	all, err := c.Store.CouncilDeputies(ctx)
	if err != nil {
		return handlers.Reply{}, err
	}
	title, pick := "council_leaders_attendance", func(m council.Metrics) council.Ratio { return m.Attendance }
	if discipline {
		title, pick = "council_leaders_discipline", func(m council.Metrics) council.Ratio { return m.Discipline }
	}
	ranked := Lowest(all, pick)
	lines := []string{l.T(title), ""}
	if len(ranked) == 0 {
		lines = append(lines, l.T("council_leaders_none"))
	}
	top := ranked[:min(len(ranked), councilLeaders)]
	ids := make([]int64, len(top))
	for i, d := range top {
		ids[i] = d.ID
		lines = append(lines, l.T("council_leader_line", map[string]any{"Rank": i + 1, "Name": d.FullName,
			"Ratio": ratio(l, pick(d.Metrics()))}))
	}
	taps := deputyTaps(ids, func(i int) string { return handlers.Itoa(int64(i+1)) + ". " + top[i].FullName })
	return handlers.Reply{Text: strings.Join(lines, "\n"), Buttons: append(taps, []handlers.Button{CnNS.Button(l, "council_btn_leaders", CnLeaders)},
		[]handlers.Button{CnNS.Button(l, "council_btn_back", cnMenu)})}, nil
}

// Lowest orders deputies by a ratio, lowest first (ties: the larger
// denominator first, then by name), leaving out those with nothing measured.
func Lowest(all []council.Deputy, pick func(council.Metrics) council.Ratio) []council.Deputy {
	var out []council.Deputy
	for _, d := range all {
		if pick(d.Metrics()).Den > 0 {
			out = append(out, d)
		}
	}
	council.SortStableBy(out, func(d council.Deputy) string { return d.FullName }, func(da, db council.Deputy) int {
		a, b := pick(da.Metrics()), pick(db.Metrics())
		if x, y := a.Num*b.Den, b.Num*a.Den; x != y {
			return cmp.Compare(x, y)
		}
		return cmp.Compare(b.Den, a.Den)
	})
	return out
}
