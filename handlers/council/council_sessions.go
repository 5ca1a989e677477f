package council

import (
	"context"
	"strings"

	"github.com/transparentcities/nazar/council"
	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/locales"
)

// councilSessionsStore is the part of the store for sessions, their agenda,
// motions and roll calls.
type councilSessionsStore interface {
	CouncilSessions(ctx context.Context, offset, limit int) ([]council.SessionBrief, int, error)
	CouncilSession(ctx context.Context, id int64) (council.SessionBrief, bool, error)
	SessionAgenda(ctx context.Context, session int64, offset, limit int) ([]council.AgendaItem, int, error)
	Motion(ctx context.Context, id int64) (council.Draft, bool, error)
	MotionEvents(ctx context.Context, motion int64) ([]council.VoteEvent, error)
	RollCall(ctx context.Context, event int64) (council.RollCall, bool, error)
}

// sessions lists the sessions, newest first, as buttons.
func (c *Council) sessions(ctx context.Context, l *locales.Localizer, page int64) (handlers.Reply, error) {
	return c.sessionList(ctx, l, page, CnSessions, cnSession, "council_sessions_title")
}

// sessionList is a paged list of session buttons; open is the action of a
// session button (its agenda, or its decisions).
func (c *Council) sessionList(ctx context.Context, l *locales.Localizer, page int64, self, open cnAction, title string) (handlers.Reply, error) {
	list, total, err := c.Store.CouncilSessions(ctx, int(page)*councilButtons, councilButtons)
	if err != nil {
		return handlers.Reply{}, err
	}
	if len(list) == 0 {
		return handlers.Reply{Text: l.T("council_sessions_none"), Buttons: back(l)}, nil
	}
	from, to := handlers.Span(page, len(list), councilButtons)
	reply := handlers.Reply{Text: l.T(title, map[string]any{"From": from, "To": to, "Total": total})}
	for _, s := range list {
		label := l.T("council_session_button", map[string]any{"Date": l.Date(s.Span.From.Time()), "Label": s.Label})
		reply.Buttons = append(reply.Buttons, []handlers.Button{{Text: handlers.Short(label, 60), Data: CnNS.IDs(open, s.ID, 0)}})
	}
	if p := CnNS.Pager(l, page, total, councilButtons, self); len(p) > 0 {
		reply.Buttons = append(reply.Buttons, p)
	}
	reply.Buttons = append(reply.Buttons, back(l)...)
	return reply, nil
}

// session lists a session's agenda items as buttons with their outcome.
func (c *Council) session(ctx context.Context, l *locales.Localizer, id, page int64) (handlers.Reply, error) {
	s, found, err := c.Store.CouncilSession(ctx, id)
	if err != nil || !found {
		return handlers.Reply{Text: l.T("council_gone"), Buttons: back(l)}, err
	}
	items, total, err := c.Store.SessionAgenda(ctx, id, int(page)*councilButtons, councilButtons)
	if err != nil {
		return handlers.Reply{}, err
	}
	from, to := handlers.Span(page, len(items), councilButtons)
	reply := handlers.Reply{Text: l.T("council_session_title", map[string]any{"Label": s.Label,
		"Date": l.Date(s.Span.From.Time()), "Items": total, "Events": s.Events, "From": from, "To": to})}
	for _, it := range items {
		mark := "⏳"
		if it.Decided && it.Adopted {
			mark = "✅"
		} else if it.Decided {
			mark = "❌"
		}
		label := strings.TrimSpace(mark + " " + it.Number + " " + it.Title)
		if it.Title == "" {
			label = mark + " " + titleOr(l, "", numberOr(it.Number, it.UID), it.Day)
		}
		reply.Buttons = append(reply.Buttons, []handlers.Button{{Text: handlers.Short(label, 60), Data: CnNS.IDs(cnMotion, it.ID)}})
	}
	if p := CnNS.Pager(l, page, total, councilButtons, cnSession, handlers.Itoa(id)); len(p) > 0 {
		reply.Buttons = append(reply.Buttons, p)
	}
	reply.Buttons = append(reply.Buttons, []handlers.Button{CnNS.Button(l, "council_btn_sessions", CnSessions, "0")})
	return reply, nil
}

var kindLabels = [4]string{locales.ID("council_kind_final"), locales.ID("council_kind_first"),
	locales.ID("council_kind_amendment"), locales.ID("council_kind_procedural")}

func kindName(l *locales.Localizer, kind int) string {
	if kind < 0 || kind >= len(kindLabels) {
		return ""
	}
	return l.T(kindLabels[kind])
}

// motion shows an agenda item and its vote events as buttons.
func (c *Council) motion(ctx context.Context, l *locales.Localizer, id int64) (handlers.Reply, error) {
	m, found, err := c.Store.Motion(ctx, id)
	if err != nil || !found {
		return handlers.Reply{Text: l.T("council_gone"), Buttons: back(l)}, err
	}
	events, err := c.Store.MotionEvents(ctx, id)
	if err != nil {
		return handlers.Reply{}, err
	}
	day := m.Day
	if day < 0 && len(events) > 0 {
		day = events[0].Day
	}
	title := titleOr(l, m.Title, numberOr(m.Number, m.UID), day)
	text := l.T("council_item_title", map[string]any{"Number": m.Number, "Title": handlers.Short(title, 600),
		"Session": m.Session})
	reply := handlers.Reply{}
	if len(events) == 0 {
		text += "\n\n" + l.T("council_item_no_events")
	} else {
		text += "\n\n" + l.T("council_item_events")
	}
	reply.Text = text
	for _, e := range events {
		label := l.T("council_event_button", map[string]any{"Time": l.DateTime(e.At.In(c.loc())),
			"Kind": kindName(l, e.Kind), "Result": resultName(l, e.Adopted)})
		reply.Buttons = append(reply.Buttons, []handlers.Button{{Text: label, Data: CnNS.IDs(cnRollCall, e.ID)}})
	}
	if len(events) > 0 && events[0].SessionID != 0 {
		reply.Buttons = append(reply.Buttons, []handlers.Button{{Text: l.T("council_btn_to_session"),
			Data: CnNS.IDs(cnSession, events[0].SessionID, 0)}})
	}
	reply.Buttons = append(reply.Buttons, back(l)...)
	return reply, nil
}

var lineLabels = [4]string{locales.ID("council_line_none"), locales.ID("council_line_split"),
	locales.ID("council_line_support"), locales.ID("council_line_oppose")}

// rollCall shows a vote event: outcome, counts, and the named list grouped
// by faction with each faction's line and the deviations from it.
func (c *Council) rollCall(ctx context.Context, l *locales.Localizer, id int64) (handlers.Reply, error) {
	rc, found, err := c.Store.RollCall(ctx, id)
	if err != nil || !found {
		return handlers.Reply{Text: l.T("council_gone"), Buttons: back(l)}, err
	}
	e := rc.Event
	title := e.Title
	if title == "" {
		title = titleOr(l, e.MotionTitle, e.UID, e.Day)
	}
	lines := []string{l.T("council_event_title", map[string]any{"When": l.DateTime(e.At.In(c.loc())),
		"Title": handlers.Short(title, 300), "Kind": kindName(l, e.Kind), "Class": e.Classification,
		"Result": resultName(l, e.Adopted), "For": rc.Counts[0], "Against": rc.Counts[1], "Abstain": rc.Counts[2],
		"NotVoting": rc.Counts[3], "Absent": rc.Counts[4]})}
	if e.Mismatch && e.Header != nil {
		h := e.Header
		lines = append(lines, l.T("council_event_mismatch", map[string]any{"For": h[0], "Against": h[1],
			"Abstain": h[2], "NotVoting": h[3], "Absent": h[4]}))
	}
	lines = append(lines, rollCallGroups(l, rc)...)
	return handlers.Reply{Text: strings.Join(lines, "\n"), Buttons: [][]handlers.Button{
		{{Text: l.T("council_btn_to_item"), Data: CnNS.IDs(cnMotion, e.Motion)}},
		{CnNS.Button(l, "council_btn_back", cnMenu)},
	}}, nil
}

func rollCallGroups(l *locales.Localizer, rc council.RollCall) []string {
	var lines []string
	group := int64(-1)
	for _, en := range rc.Entries {
		if en.Faction != group {
			group = en.Faction
			head := l.T("council_group_none")
			if group != council.NoFaction {
				line := rc.Lines[group].Line()
				head = l.T("council_group_faction", map[string]any{"Faction": rc.Factions[group],
					"Line": l.T(lineLabels[line])})
			}
			lines = append(lines, "", head)
		}
		lines = append(lines, "  "+l.T("council_roll_entry", map[string]any{"Name": en.Name,
			"Option": optionName(l, en.Option), "Dev": en.Deviated}))
	}
	return lines
}
