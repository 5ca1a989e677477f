package handlers

import (
	"context"
	"strings"
	"time"

	"github.com/transparentcities/nazar/council"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
)

// votes is a page of a deputy's votes, newest first, with deviation marks.
func (c *Council) votes(ctx context.Context, req *Request, id, page int64) (Reply, error) {
	l := req.L
	d, found, err := c.Store.Deputy(ctx, id, req.Now)
	if err != nil || !found {
		return Reply{Text: l.T("council_gone"), Buttons: back(l)}, err
	}
	rows, total, err := c.Store.DeputyVotes(ctx, id, int(page)*councilPage, councilPage)
	if err != nil {
		return Reply{}, err
	}
	nav := []Button{depNS.Button(l, "council_btn_card", depCard, itoa(id))}
	if len(rows) == 0 {
		return Reply{Text: l.T("council_votes_none"), Buttons: [][]Button{nav}}, nil
	}
	from, to := span(page, len(rows), councilPage)
	lines := []string{l.T("council_votes_title", map[string]any{"Name": d.FullName, "From": from, "To": to,
		"Total": total})}
	for _, v := range rows {
		lines = append(lines, "", l.T("council_votes_line", map[string]any{"Date": l.Date(v.At.In(c.loc())),
			"Title": short(titleOr(l, v.Title, v.UID, council.DayOf(v.At.In(c.loc()))), councilTitleLen), "Option": optionName(l, v.Option), "Dev": v.Deviated,
			"Result": resultName(l, v.Adopted)}))
	}
	buttons := [][]Button{}
	if p := depNS.Pager(l, page, total, councilPage, depVotes, itoa(id)); len(p) > 0 {
		buttons = append(buttons, p)
	}
	return Reply{Text: strings.Join(lines, "\n"), Buttons: append(buttons, nav)}, nil
}

func (c *Council) loc() *time.Location {
	if c.Location == nil {
		return time.UTC
	}
	return c.Location
}

// deputyDrafts lists the drafts a deputy tabled.
func (c *Council) deputyDrafts(ctx context.Context, req *Request, id, page int64) (Reply, error) {
	l := req.L
	d, found, err := c.Store.Deputy(ctx, id, req.Now)
	if err != nil || !found {
		return Reply{Text: l.T("council_gone"), Buttons: back(l)}, err
	}
	drafts, total, err := c.Store.DeputyDrafts(ctx, id, int(page)*councilPage, councilPage)
	if err != nil {
		return Reply{}, err
	}
	nav := []Button{depNS.Button(l, "council_btn_card", depCard, itoa(id))}
	if total == 0 {
		return Reply{Text: l.T("council_drafts_of_none"), Buttons: [][]Button{nav}}, nil
	}
	lines := []string{l.T("council_drafts_of_title", map[string]any{"Name": d.FullName, "Total": total})}
	lines = append(lines, draftLines(l, drafts)...)
	buttons := draftTaps(l, drafts)
	if p := depNS.Pager(l, page, total, councilPage, depDrafts, itoa(id)); len(p) > 0 {
		buttons = append(buttons, p)
	}
	return Reply{Text: strings.Join(lines, "\n"), Buttons: append(buttons, nav)}, nil
}

func draftLines(l *locales.Localizer, drafts []store.Draft) []string {
	var lines []string
	for _, d := range drafts {
		date := l.T("council_no_date")
		if d.Day >= 0 {
			date = l.Date(d.Day.Time())
		}
		lines = append(lines, "• "+l.T("council_draft_line", map[string]any{"Date": date, "Number": d.Number,
			"Title": short(titleOr(l, d.Title, numberOr(d.Number, d.UID), d.Day), councilTitleLen)}))
	}
	return lines
}

// askCompare starts a comparison: the next message names the other deputy.
func (c *Council) askCompare(ctx context.Context, req *Request, id int64) (Response, error) {
	d, found, err := c.Store.Deputy(ctx, id, req.Now)
	if err != nil || !found {
		return Response{Answer: req.L.T("council_gone")}, err
	}
	return Response{Replies: []Reply{{Text: req.L.T("council_compare_ask", map[string]any{"Name": d.FullName})}},
		Next: Step(convCouncil, "cmp", map[string]string{"a": itoa(id)})}, nil
}

// compareWith searches the second deputy of a comparison.
func (c *Council) compareWith(ctx context.Context, req *Request, a int64, text string) (Response, error) {
	retry := Step(convCouncil, "cmp", map[string]string{"a": itoa(a)})
	q, ok := council.ParseNameQuery(text)
	if !ok {
		return Response{Replies: []Reply{{Text: req.L.T("council_not_found_bad")}}, Next: retry}, nil
	}
	found, err := c.Store.SearchDeputies(ctx, q)
	if err != nil {
		return Response{}, err
	}
	switch {
	case len(found) == 0:
		return Response{Replies: []Reply{{Text: req.L.T("council_not_found",
			map[string]any{"Query": short(text, 40)})}}, Next: retry}, nil
	case len(found) == 1 && found[0].ID == a:
		return Response{Replies: []Reply{{Text: req.L.T("council_compare_self")}}, Next: retry}, nil
	case len(found) == 1:
		reply, err := c.compare(ctx, req.L, a, found[0].ID, req.Now, 0)
		return Response{Replies: []Reply{reply}}, err
	}
	return Response{Replies: []Reply{matches(req.L, found, func(b store.DeputyBrief) Button {
		return Button{Text: brief(req.L, b), Data: depNS.IDs(depCompareWith, a, b.ID)}
	})}}, nil
}

// compare shows the agreement of two deputies with its counts, then a page
// of the votes where they differed, so the share missing from the
// agreement can be read vote by vote.
func (c *Council) compare(ctx context.Context, l *locales.Localizer, a, b int64, now time.Time, page int64) (Reply, error) {
	da, okA, err := c.Store.Deputy(ctx, a, now)
	if err != nil {
		return Reply{}, err
	}
	db, okB, err := c.Store.Deputy(ctx, b, now)
	if err != nil || !okA || !okB {
		return Reply{Text: l.T("council_gone"), Buttons: back(l)}, err
	}
	r, err := c.Store.CompareDeputies(ctx, a, b)
	if err != nil {
		return Reply{}, err
	}
	data := map[string]any{"A": da.FullName, "B": db.FullName, "Ratio": ratio(l, r)}
	text := l.T("council_compare_result", data)
	if r.Den == 0 {
		text = l.T("council_compare_none", data)
	}
	diffs, total, err := c.Store.DeputyDifferences(ctx, a, b, int(page)*councilPage, councilPage)
	if err != nil {
		return Reply{}, err
	}
	text += c.differences(l, diffs, total, page, surname(da.FullName), surname(db.FullName))
	var buttons [][]Button
	if p := depNS.Pager(l, page, total, councilPage, depCompareWith, itoa(a), itoa(b)); len(p) > 0 {
		buttons = append(buttons, p)
	}
	return Reply{Text: text, Buttons: append(buttons, []Button{
		{Text: "👤 " + short(da.FullName, 30), Data: depNS.IDs(depCard, a)},
		{Text: "👤 " + short(db.FullName, 30), Data: depNS.IDs(depCard, b)}})}, nil
}

// differences lists a page of the votes where the two deputies differed.
func (c *Council) differences(l *locales.Localizer, diffs []store.VoteDifference, total int, page int64, a, b string) string {
	if total == 0 {
		return ""
	}
	if len(diffs) == 0 {
		return "\n\n" + l.T("council_compare_diff_gone")
	}
	from, to := span(page, len(diffs), councilPage)
	lines := []string{"", l.T("council_compare_diff_title", map[string]any{"From": from, "To": to, "Total": total})}
	for _, d := range diffs {
		at := d.At.In(c.loc())
		lines = append(lines, "", l.T("council_compare_diff_line", map[string]any{"Date": l.Date(at),
			"Title": short(titleOr(l, d.Title, d.UID, council.DayOf(at)), councilTitleLen),
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
