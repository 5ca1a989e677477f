package courses

import (
	"context"
	"time"

	"github.com/transparentcities/nazar/courses"
	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/store"
)

// CoursesStore is what learning in the chat needs from the store.
type CoursesStore interface {
	CourseProgress(ctx context.Context, userID int64, course string) (courses.Progress, bool, error)
	CourseProgresses(ctx context.Context, userID int64) ([]courses.Progress, error)
	SaveCourseProgress(ctx context.Context, p courses.Progress, reminder *store.Push) error
	CourseStats(ctx context.Context) ([]courses.Stat, error)
	Audit(ctx context.Context, adminID int64, action, detail string) error
}

// Courses serves learning in the chat (SPEC §18): /learn and «🎓 Навчання»
// list the city's courses with each learner's progress; a course runs
// lesson by lesson, all at once or one a day with a reminder at the
// learner's hour, queued in the outbox. Everything is a button, so no
// conversation is kept: where a learner is lives in course_progress.
type Courses struct {
	Store    CoursesStore
	Catalog  *courses.Catalog
	Location *time.Location // the city's: reminder hours are its hours
	Admin    *handlers.Admin
}

const convCourses = "crs" // the callback feature

// Learn lists the courses; "/learn digital" (or the deep link
// "/start course_digital") opens one.
func (c *Courses) Learn(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	if req.Text != "" {
		if co, ok := c.Catalog.Course(req.Text); ok {
			card, err := c.card(ctx, req, co)
			return handlers.Response{Replies: []handlers.Reply{card}}, err
		}
	}
	list, err := c.list(ctx, req)
	if req.Text != "" {
		list.Text = req.L.T("learn_unknown") + "\n\n" + list.Text
	}
	return handlers.Response{Replies: []handlers.Reply{list}}, err
}

// ServicesButtons is the «🎓 Навчання» row of the Services menu.
func (c *Courses) ServicesButtons(req *handlers.Request) [][]handlers.Button {
	if len(c.Catalog.Courses) == 0 {
		return nil
	}
	return [][]handlers.Button{{crsNS.Button(req.L, "learn_services_button", crsList)}}
}

// list is the courses with the learner's progress in each.
func (c *Courses) list(ctx context.Context, req *handlers.Request) (handlers.Reply, error) {
	if len(c.Catalog.Courses) == 0 {
		return handlers.Reply{Text: req.L.T("learn_list_empty")}, nil
	}
	progress, err := c.Store.CourseProgresses(ctx, req.UserID)
	if err != nil {
		return handlers.Reply{}, err
	}
	byCourse := map[string]courses.Progress{}
	for _, p := range progress {
		byCourse[p.Course] = p
	}
	var rows [][]handlers.Button
	for _, co := range c.Catalog.Courses {
		label := co.Title.In(req.L.Lang)
		if p, ok := byCourse[co.ID]; ok {
			label = req.L.T("learn_list_item", map[string]any{"Title": label, "Progress": progressLabel(req, co, p)})
		}
		rows = append(rows, []handlers.Button{{Text: label, Data: crsNS.Data(crsCard, co.ID)}})
	}
	return handlers.Reply{Text: req.L.T("learn_list_title"), Buttons: rows}, nil
}

// progressLabel is «3 з 7», or ✅ for a finished course.
func progressLabel(req *handlers.Request, co *courses.Course, p courses.Progress) string {
	if p.Finished() {
		return "✅"
	}
	return req.L.T("learn_progress_short", map[string]any{"Done": min(p.Lesson, len(co.Lessons)), "Of": len(co.Lessons)})
}

// Button handles every "crs" button.
func (c *Courses) Button(ctx context.Context, req *handlers.Request) (handlers.Response, error) {
	d := req.Callback.Data
	if crsNS.Action(d) == crsList {
		list, err := c.list(ctx, req)
		list.Edit = true
		return handlers.Response{Replies: []handlers.Reply{list}}, err
	}
	if crsNS.Action(d) == crsAdmin {
		return c.stats(ctx, req)
	}
	co, ok := c.Catalog.Course(d.Arg(0))
	if !ok {
		return handlers.Response{Answer: handlers.StaleButton(req.L)}, nil
	}
	switch crsNS.Action(d) {
	case crsCard:
		card, err := c.card(ctx, req, co)
		card.Edit = true
		return handlers.Response{Replies: []handlers.Reply{card}}, err
	case crsOpen:
		return c.open(ctx, req, co)
	case crsPace:
		return c.pace(ctx, req, co, d.Arg(1))
	case crsHour:
		return c.hour(ctx, req, co, d.Arg(1))
	case crsPause, crsResume:
		return c.pause(ctx, req, co, crsNS.Action(d) == crsPause)
	case crsAnswer:
		return c.answer(req, co, d.Arg(1), d.Arg(2))
	case crsNext:
		return c.next(ctx, req, co, d.Arg(1))
	}
	return handlers.Response{Answer: handlers.StaleButton(req.L)}, nil
}

// card is a course's page: what it is, where the learner is, and what
// they can do next.
func (c *Courses) card(ctx context.Context, req *handlers.Request, co *courses.Course) (handlers.Reply, error) {
	p, found, err := c.Store.CourseProgress(ctx, req.UserID, co.ID)
	if err != nil {
		return handlers.Reply{}, err
	}
	l := req.L
	text := "<b>" + courses.Escape(co.Title.In(l.Lang)) + "</b>\n\n" + courses.Escape(co.Description.In(l.Lang)) +
		"\n\n" + l.N("learn_lessons", len(co.Lessons), nil)
	btn := func(id string, a crsAction, args ...string) handlers.Button {
		return crsNS.Button(l, id, a, append([]string{co.ID}, args...)...)
	}
	var rows [][]handlers.Button
	switch {
	case !found:
		rows = append(rows, []handlers.Button{btn("learn_start", crsOpen)})
	case p.Finished():
		text += "\n" + l.T("learn_finished_on", map[string]any{"Date": l.Date(p.FinishedAt.In(c.Location))})
		rows = append(rows, []handlers.Button{btn("learn_again", crsOpen)})
	default:
		text += "\n" + l.T("learn_progress", map[string]any{"Done": min(p.Lesson, len(co.Lessons)), "Of": len(co.Lessons)})
		rows = append(rows, []handlers.Button{btn("learn_continue", crsOpen)})
		switch {
		case p.Pace == store.PaceAll:
			rows = append(rows, []handlers.Button{btn("learn_pace_daily", crsPace, store.PaceDaily)})
		case p.Paused:
			text += "\n" + l.T("learn_paused_state")
			rows = append(rows, []handlers.Button{btn("learn_resume", crsResume)})
		default:
			text += "\n" + l.T("learn_daily_state", map[string]any{"Hour": hourLabel(p.Hour)})
			rows = append(rows, []handlers.Button{btn("learn_pause", crsPause), btn("learn_change_hour", crsPace, store.PaceDaily)})
		}
	}
	rows = append(rows, []handlers.Button{crsNS.Button(l, "learn_back", crsList)})
	return handlers.Reply{Text: text, HTML: true, Buttons: rows}, nil
}
