package handlers

import (
	"context"
	"strings"
)

// AdminButtons is the courses' row of the /admin panel.
func (c *Courses) AdminButtons(req *Request) [][]Button {
	if len(c.Catalog.Courses) == 0 {
		return nil
	}
	return [][]Button{{crsNS.Button(req.L, "learn_admin_button", crsAdmin)}}
}

// stats shows the operators, per course, how many learners started and
// finished it and how many are now at each lesson: where they stop.
func (c *Courses) stats(ctx context.Context, req *Request) (Response, error) {
	if !req.Admin {
		resp, err := c.Admin.Refuse(ctx, req, "courses.stats")
		resp.Answer = req.L.T("admin_refused")
		return resp, err
	}
	if err := c.Store.Audit(ctx, req.UserID, "courses.stats", ""); err != nil {
		return Response{}, err
	}
	stats, err := c.Store.CourseStats(ctx)
	if err != nil {
		return Response{}, err
	}
	l := req.L
	var b strings.Builder
	b.WriteString(l.T("learn_admin_title"))
	for _, co := range c.Catalog.Courses {
		started, finished, at := 0, 0, map[int]int{}
		for _, s := range stats {
			if s.Course == co.ID {
				started, finished, at = s.Started, s.Finished, s.AtLesson
			}
		}
		b.WriteString("\n\n" + l.T("learn_admin_course", map[string]any{"Title": co.Title.In(l.Lang),
			"Started": started, "Finished": finished}))
		for i, ls := range co.Lessons {
			b.WriteString("\n" + l.T("learn_admin_lesson", map[string]any{"N": i + 1,
				"Title": ls.Title.In(l.Lang), "Count": at[i]}))
		}
	}
	return Response{Replies: []Reply{{Text: b.String()}}}, nil
}
