package council

import (
	"context"
	"strings"
	"time"

	"github.com/transparentcities/nazar/council"
	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/locales"
)

// councilVotesStore is the part of the store for a deputy's votes and drafts,
// and comparing two.
type councilVotesStore interface {
	DeputyVotes(ctx context.Context, deputy int64, offset, limit int) ([]council.DeputyVote, int, error)
	DeputyDrafts(ctx context.Context, deputy int64, offset, limit int) ([]council.Draft, int, error)
	CompareDeputies(ctx context.Context, a, b int64) (council.Ratio, error)
	DeputyDifferences(ctx context.Context, a, b int64, offset, limit int) ([]council.VoteDifference, int, error)
}

// votes is a page of a deputy's votes, newest first, with deviation marks.
func (c *Council) votes(ctx context.Context, req *handlers.Request, id, page int64) (handlers.Reply, error) {
	l := req.L
	d, found, err := c.Store.Deputy(ctx, id, req.Now)
	if err != nil || !found {
		return handlers.Reply{Text: l.T("council_gone"), Buttons: back(l)}, err
	}
	rows, total, err := c.Store.DeputyVotes(ctx, id, int(page)*councilPage, councilPage)
	if err != nil {
		return handlers.Reply{}, err
	}
	nav := []handlers.Button{DepNS.Button(l, "council_btn_card", DepCard, handlers.Itoa(id))}
	if len(rows) == 0 {
		return handlers.Reply{Text: l.T("council_votes_none"), Buttons: [][]handlers.Button{nav}}, nil
	}
	from, to := handlers.Span(page, len(rows), councilPage)
	lines := []string{l.T("council_votes_title", map[string]any{"Name": d.FullName, "From": from, "To": to,
		"Total": total})}
	for _, v := range rows {
		lines = append(lines, "", l.T("council_votes_line", map[string]any{"Date": l.Date(v.At.In(c.loc())),
			"Title": handlers.Short(titleOr(l, v.Title, v.UID, council.DayOf(v.At.In(c.loc()))), councilTitleLen), "Option": optionName(l, v.Option), "Dev": v.Deviated,
			"Result": resultName(l, v.Adopted)}))
	}
	buttons := [][]handlers.Button{}
	if p := DepNS.Pager(l, page, total, councilPage, depVotes, handlers.Itoa(id)); len(p) > 0 {
		buttons = append(buttons, p)
	}
	return handlers.Reply{Text: strings.Join(lines, "\n"), Buttons: append(buttons, nav)}, nil
}

func (c *Council) loc() *time.Location {
	if c.Location == nil {
		return time.UTC
	}
	return c.Location
}

// deputyDrafts lists the drafts a deputy tabled.
func (c *Council) deputyDrafts(ctx context.Context, req *handlers.Request, id, page int64) (handlers.Reply, error) {
	l := req.L
	d, found, err := c.Store.Deputy(ctx, id, req.Now)
	if err != nil || !found {
		return handlers.Reply{Text: l.T("council_gone"), Buttons: back(l)}, err
	}
	drafts, total, err := c.Store.DeputyDrafts(ctx, id, int(page)*councilPage, councilPage)
	if err != nil {
		return handlers.Reply{}, err
	}
	nav := []handlers.Button{DepNS.Button(l, "council_btn_card", DepCard, handlers.Itoa(id))}
	if total == 0 {
		return handlers.Reply{Text: l.T("council_drafts_of_none"), Buttons: [][]handlers.Button{nav}}, nil
	}
	lines := []string{l.T("council_drafts_of_title", map[string]any{"Name": d.FullName, "Total": total})}
	lines = append(lines, draftLines(l, drafts)...)
	buttons := draftTaps(l, drafts)
	if p := DepNS.Pager(l, page, total, councilPage, depDrafts, handlers.Itoa(id)); len(p) > 0 {
		buttons = append(buttons, p)
	}
	return handlers.Reply{Text: strings.Join(lines, "\n"), Buttons: append(buttons, nav)}, nil
}

func draftLines(l *locales.Localizer, drafts []council.Draft) []string {
	var lines []string
	for _, d := range drafts {
		date := l.T("council_no_date")
		if d.Day >= 0 {
			date = l.Date(d.Day.Time())
		}
		lines = append(lines, "• "+l.T("council_draft_line", map[string]any{"Date": date, "Number": d.Number,
			"Title": handlers.Short(titleOr(l, d.Title, numberOr(d.Number, d.UID), d.Day), councilTitleLen)}))
	}
	return lines
}

// askCompare starts a comparison: the next message names the other deputy.
func (c *Council) askCompare(ctx context.Context, req *handlers.Request, id int64) (handlers.Response, error) {
	d, found, err := c.Store.Deputy(ctx, id, req.Now)
	if err != nil || !found {
		return handlers.Response{Answer: req.L.T("council_gone")}, err
	}
	return handlers.Response{Replies: []handlers.Reply{{Text: req.L.T("council_compare_ask", map[string]any{"Name": d.FullName})}},
		Next: handlers.Step(ConvCouncil, "cmp", map[string]string{"a": handlers.Itoa(id)})}, nil
}

// compareWith searches the second deputy of a comparison.
func (c *Council) compareWith(ctx context.Context, req *handlers.Request, a int64, text string) (handlers.Response, error) {
	retry := handlers.Step(ConvCouncil, "cmp", map[string]string{"a": handlers.Itoa(a)})
	q, ok := council.ParseNameQuery(text)
	if !ok {
		return handlers.Response{Replies: []handlers.Reply{{Text: req.L.T("council_not_found_bad")}}, Next: retry}, nil
	}
	found, err := c.Store.SearchDeputies(ctx, q)
	if err != nil {
		return handlers.Response{}, err
	}
	switch {
	case len(found) == 0:
		return handlers.Response{Replies: []handlers.Reply{{Text: req.L.T("council_not_found",
			map[string]any{"Query": handlers.Short(text, 40)})}}, Next: retry}, nil
	case len(found) == 1 && found[0].ID == a:
		return handlers.Response{Replies: []handlers.Reply{{Text: req.L.T("council_compare_self")}}, Next: retry}, nil
	case len(found) == 1:
		reply, err := c.compare(ctx, req.L, a, found[0].ID, req.Now, 0)
		return handlers.Response{Replies: []handlers.Reply{reply}}, err
	}
	return handlers.Response{Replies: []handlers.Reply{matches(req.L, found, func(b council.DeputyBrief) handlers.Button {
		return handlers.Button{Text: brief(req.L, b), Data: DepNS.IDs(depCompareWith, a, b.ID)}
	})}}, nil
}

// compare shows the agreement of two deputies with its counts, then a page
// of the votes where they differed, so the share missing from the
// agreement can be read vote by vote.
func (c *Council) compare(ctx context.Context, l *locales.Localizer, a, b int64, now time.Time, page int64) (handlers.Reply, error) {
	da, okA, err := c.Store.Deputy(ctx, a, now)
	if err != nil {
		return handlers.Reply{}, err
	}
	db, okB, err := c.Store.Deputy(ctx, b, now)
	if err != nil || !okA || !okB {
		return handlers.Reply{Text: l.T("council_gone"), Buttons: back(l)}, err
	}
	r, err := c.Store.CompareDeputies(ctx, a, b)
	if err != nil {
		return handlers.Reply{}, err
	}
	data := map[string]any{"A": da.FullName, "B": db.FullName, "Ratio": ratio(l, r)}
	text := l.T("council_compare_result", data)
	if r.Den == 0 {
		text = l.T("council_compare_none", data)
	}
	diffs, total, err := c.Store.DeputyDifferences(ctx, a, b, int(page)*councilPage, councilPage)
	if err != nil {
		return handlers.Reply{}, err
	}
	text += c.differences(l, diffs, total, page, surname(da.FullName), surname(db.FullName))
	var buttons [][]handlers.Button
	if p := DepNS.Pager(l, page, total, councilPage, depCompareWith, handlers.Itoa(a), handlers.Itoa(b)); len(p) > 0 {
		buttons = append(buttons, p)
	}
	return handlers.Reply{Text: text, Buttons: append(buttons, []handlers.Button{
		{Text: "👤 " + handlers.Short(da.FullName, 30), Data: DepNS.IDs(DepCard, a)},
		{Text: "👤 " + handlers.Short(db.FullName, 30), Data: DepNS.IDs(DepCard, b)}})}, nil
}

// differences lists a page of the votes where the two deputies differed.
func (c *Council) differences(l *locales.Localizer, diffs []council.VoteDifference, total int, page int64, a, b string) string {
	if total == 0 {
		return ""
	}
	if len(diffs) == 0 {
		return "\n\n" + l.T("council_compare_diff_gone")
	}
	from, to := handlers.Span(page, len(diffs), councilPage)
	lines := []string{"", l.T("council_compare_diff_title", map[string]any{"From": from, "To": to, "Total": total})}
	for _, d := range diffs {
		at := d.At.In(c.loc())
		lines = append(lines, "", l.T("council_compare_diff_line", map[string]any{"Date": l.Date(at),
			"Title": handlers.Short(titleOr(l, d.Title, d.UID, council.DayOf(at)), councilTitleLen),
			"A":     a, "OptionA": optionName(l, d.A), "B": b, "OptionB": optionName(l, d.B),
			"Result": resultName(l, d.Passed)}))
	}
	return "\n" + strings.Join(lines, "\n")
}

// surname is the first word of a full name («Гнатюк Олександр Петрович»),
// enough to tell two deputies apart on a line.
func surname(full string) string {
	if f := strings.Fields(full); len(f) > 0 {
		return f[0]
	}
	return full
}
