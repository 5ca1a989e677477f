package handlers

import (
	"context"
	"sort"
	"strings"
	"time"

	"github.com/transparentcities/nazar/council"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
)

// decisions lists adopted decisions, of one session when session is set.
func (c *Council) decisions(ctx context.Context, l *locales.Localizer, session, page int64) (Reply, error) {
	list, total, err := c.Store.Decisions(ctx, store.DecisionFilter{Session: session}, int(page)*councilPage, councilPage)
	if err != nil {
		return Reply{}, err
	}
	filter := ""
	if session != 0 {
		s, found, err := c.Store.CouncilSession(ctx, session)
		if err != nil || !found {
			return Reply{Text: l.T("council_gone"), Buttons: back(l)}, err
		}
		filter = s.Label
	}
	reply := decisionList(l, list, total, page, filter)
	var nav []Button
	if session != 0 {
		nav = cnNS.Pager(l, page, total, councilPage, cnSessionDecisions, itoa(session))
	} else {
		nav = cnNS.Pager(l, page, total, councilPage, cnDecisions)
	}
	if len(nav) > 0 {
		reply.Buttons = append(reply.Buttons, nav)
	}
	reply.Buttons = append(reply.Buttons, decisionButtons(l)...)
	return reply, nil
}

func decisionList(l *locales.Localizer, list []store.Decision, total int, page int64, filter string) Reply {
	if total == 0 {
		return Reply{Text: l.T("council_decisions_none")}
	}
	from, to := span(page, len(list), councilPage)
	lines := []string{l.T("council_decisions_title", map[string]any{"Filter": filter, "From": from, "To": to,
		"Total": total})}
	for _, d := range list {
		lines = append(lines, "• "+l.T("council_draft_line", map[string]any{"Date": l.Date(d.Day.Time()),
			"Number": d.Number, "Title": short(titleOr(l, d.Title, d.UID, d.Day), councilTitleLen)}))
	}
	return Reply{Text: strings.Join(lines, "\n"), Buttons: decisionTaps(l, list)}
}

func decisionButtons(l *locales.Localizer) [][]Button {
	return [][]Button{
		{cnNS.Button(l, "council_btn_by_session", cnDecisionSessions, "0"), cnNS.Button(l, "council_btn_by_words", cnDecisionWords)},
		{cnNS.Button(l, "council_btn_back", cnMenu)},
	}
}

// decisionSessions lets the user pick the session whose decisions to list.
func (c *Council) decisionSessions(ctx context.Context, l *locales.Localizer, page int64) (Reply, error) {
	return c.sessionList(ctx, l, page, "dsl", "ds", "council_decisions_pick")
}

// decisionWords lists adopted decisions whose title has every word typed.
// Words do not fit into button data, so this list has no pages: the newest
// matches are shown with a hint to narrow the search.
func (c *Council) decisionWords(ctx context.Context, req *Request, text string) (Response, error) {
	q, ok := council.ParseNameQuery(text)
	if !ok {
		return Response{Replies: []Reply{{Text: req.L.T("council_decisions_bad")}}, Next: Step(convCouncil, "words", nil)}, nil
	}
	list, total, err := c.Store.Decisions(ctx, store.DecisionFilter{Words: q.Terms()}, 0, councilPage)
	if err != nil {
		return Response{}, err
	}
	reply := decisionList(req.L, list, total, 0, "«"+short(strings.TrimSpace(text), 40)+"»")
	if total > len(list) {
		reply.Text += "\n\n" + req.L.T("council_words_more", map[string]any{"Shown": len(list), "Total": total})
	}
	reply.Buttons = append(reply.Buttons, decisionButtons(req.L)...)
	return Response{Replies: []Reply{reply}}, nil
}

// drafts lists agenda items with no final vote yet.
func (c *Council) drafts(ctx context.Context, l *locales.Localizer, page int64) (Reply, error) {
	list, total, err := c.Store.DraftsUnderReview(ctx, int(page)*councilPage, councilPage)
	if err != nil {
		return Reply{}, err
	}
	if total == 0 {
		return Reply{Text: l.T("council_drafts_none"), Buttons: back(l)}, nil
	}
	from, to := span(page, len(list), councilPage)
	lines := append([]string{l.T("council_drafts_title", map[string]any{"From": from, "To": to, "Total": total})},
		draftLines(l, list)...)
	reply := Reply{Text: strings.Join(lines, "\n"), Buttons: draftTaps(l, list)}
	if p := cnNS.Pager(l, page, total, councilPage, cnDrafts); len(p) > 0 {
		reply.Buttons = append(reply.Buttons, p)
	}
	reply.Buttons = append(reply.Buttons, back(l)...)
	return reply, nil
}

// factions lists the factions as buttons with their current size.
func (c *Council) factions(ctx context.Context, l *locales.Localizer, now time.Time) (Reply, error) {
	list, err := c.Store.Factions(ctx, now)
	if err != nil {
		return Reply{}, err
	}
	reply := Reply{Text: l.T("council_factions_title")}
	for _, f := range list {
		label := l.T("council_faction_button", map[string]any{"Name": f.Name, "Members": len(f.Members)})
		reply.Buttons = append(reply.Buttons, []Button{{Text: short(label, 60), Data: cnNS.IDs(cnFaction, f.ID)}})
	}
	reply.Buttons = append(reply.Buttons, back(l)...)
	return reply, nil
}

// faction shows a faction's members, cohesion and deviators.
func (c *Council) faction(ctx context.Context, l *locales.Localizer, id int64, now time.Time) (Reply, error) {
	f, found, err := c.Store.FactionDetail(ctx, id, now)
	if err != nil || !found {
		return Reply{Text: l.T("council_gone"), Buttons: back(l)}, err
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
	return Reply{Text: strings.Join(lines, "\n"), Buttons: append(memberTaps(f),
		[]Button{cnNS.Button(l, "miniapp_btn_chart", cnFactionChart, itoa(id))},
		[]Button{cnNS.Button(l, "council_btn_to_factions", cnFactions)}, []Button{cnNS.Button(l, "council_btn_back", cnMenu)})}, nil
}

// leaders offers the two leaderboards.
func (c *Council) leaders(l *locales.Localizer) Reply {
	return Reply{Text: l.T("council_leaders_title"), Buttons: [][]Button{
		{cnNS.Button(l, "council_btn_low_attendance", cnLowAttendance)}, {cnNS.Button(l, "council_btn_low_discipline", cnLowDiscipline)},
		{cnNS.Button(l, "council_btn_back", cnMenu)}}}
}

// leaderboard lists the deputies with the lowest attendance or discipline,
// with the definition; deputies with nothing to measure are left out.
func (c *Council) leaderboard(ctx context.Context, l *locales.Localizer, discipline bool) (Reply, error) {
	all, err := c.Store.CouncilDeputies(ctx)
	if err != nil {
		return Reply{}, err
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
	taps := deputyTaps(ids, func(i int) string { return itoa(int64(i+1)) + ". " + top[i].FullName })
	return Reply{Text: strings.Join(lines, "\n"), Buttons: append(taps, []Button{cnNS.Button(l, "council_btn_leaders", cnLeaders)},
		[]Button{cnNS.Button(l, "council_btn_back", cnMenu)})}, nil
}

// Lowest orders deputies by a ratio, lowest first (ties: the larger
// denominator first, then by name), leaving out those with nothing measured.
func Lowest(all []store.Deputy, pick func(council.Metrics) council.Ratio) []store.Deputy {
	var out []store.Deputy
	for _, d := range all {
		if pick(d.Metrics()).Den > 0 {
			out = append(out, d)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := pick(out[i].Metrics()), pick(out[j].Metrics())
		if x, y := a.Num*b.Den, b.Num*a.Den; x != y {
			return x < y
		}
		if a.Den != b.Den {
			return a.Den > b.Den
		}
		return council.Less(out[i].FullName, out[j].FullName)
	})
	return out
}
