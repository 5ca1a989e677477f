package courses

import (
	"context"
	"strconv"

	"github.com/transparentcities/nazar/courses"
	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/store"
)

// open starts a course (asking how to learn it) or continues it at the
// lesson the learner is at. Opening a lesson early drops its reminder.
func (c *Courses) open(ctx context.Context, req *handlers.Request, co *courses.Course) (handlers.Response, error) {
	p, found, err := c.Store.CourseProgress(ctx, req.UserID, co.ID)
	if err != nil {
		return handlers.Response{}, err
	}
	if !found || p.Finished() {
		return handlers.Response{Replies: []handlers.Reply{c.paceQuestion(req, co)}}, nil
	}
	if p.Lesson >= len(co.Lessons) { // the course lost lessons since: it is done
		return c.finish(ctx, req, co, p)
	}
	p.ChatID = req.ChatID
	if err := c.Store.SaveCourseProgress(ctx, p, nil); err != nil {
		return handlers.Response{}, err
	}
	return handlers.Response{Replies: c.lesson(req, co, p.Lesson)}, nil
}

// lesson is the messages of lesson i: its images, its text (in as many
// messages as Telegram's limit needs, never cutting a tag) with the link
// buttons and «✅ Далі» under the last part, then the check question.
func (c *Courses) lesson(req *handlers.Request, co *courses.Course, i int) []handlers.Reply {
	l := req.L
	ls := co.Lessons[i]
	var out []handlers.Reply
	for _, img := range ls.Images {
		out = append(out, handlers.Reply{Photo: &handlers.Photo{URL: img}})
	}
	header := "<b>" + courses.Escape(l.T("learn_lesson_header", map[string]any{"N": i + 1, "Of": len(co.Lessons),
		"Title": ls.Title.In(l.Lang)})) + "</b>\n\n"
	for _, part := range courses.SplitHTML(header+ls.Text.In(l.Lang), courses.MaxMessage) {
		out = append(out, handlers.Reply{Text: part, HTML: true})
	}
	var rows [][]handlers.Button
	for _, link := range ls.Links {
		rows = append(rows, []handlers.Button{{Text: link.Title.In(l.Lang), URL: link.URL}})
	}
	if ls.Question == nil {
		rows = append(rows, []handlers.Button{c.nextButton(req, co, i)})
	}
	out[len(out)-1].Buttons = rows
	if ls.Question != nil {
		out = append(out, c.question(req, co, i, ""))
	}
	return out
}

func (c *Courses) nextButton(req *handlers.Request, co *courses.Course, i int) handlers.Button {
	return crsNS.Button(req.L, "learn_next", crsNext, co.ID, strconv.Itoa(i))
}

// question is lesson i's check question with its options; verdict, when
// set, is what the learner's last answer got.
func (c *Courses) question(req *handlers.Request, co *courses.Course, i int, verdict string) handlers.Reply {
	q := co.Lessons[i].Question
	text := req.L.T("learn_question", map[string]any{"Question": q.Text.In(req.L.Lang)})
	if verdict != "" {
		text += "\n\n" + verdict
	}
	var rows [][]handlers.Button
	for k, o := range q.Options {
		rows = append(rows, []handlers.Button{{Text: o.In(req.L.Lang),
			Data: crsNS.Data(crsAnswer, co.ID, strconv.Itoa(i), strconv.Itoa(k))}})
	}
	return handlers.Reply{Text: text, Buttons: rows}
}

// answer checks an answer to a lesson's question: a wrong one says so and
// leaves the options; the right one shows the explanation and «✅ Далі».
func (c *Courses) answer(req *handlers.Request, co *courses.Course, lessonArg, optArg string) (handlers.Response, error) {
	i, err1 := strconv.Atoi(lessonArg)
	k, err2 := strconv.Atoi(optArg)
	ls, ok := co.Lesson(i)
	if err1 != nil || err2 != nil || !ok || ls.Question == nil || k < 0 || k >= len(ls.Question.Options) {
		return handlers.Response{Answer: handlers.StaleButton(req.L)}, nil
	}
	l := req.L
	q := ls.Question
	option := q.Options[k].In(l.Lang)
	if !q.Right(k) {
		verdict := l.T("learn_wrong", map[string]any{"Option": option})
		reply := c.question(req, co, i, verdict)
		reply.Edit = true
		return handlers.Response{Answer: l.T("learn_wrong_short"), Replies: []handlers.Reply{reply}}, nil
	}
	text := l.T("learn_question", map[string]any{"Question": q.Text.In(l.Lang)}) + "\n\n" +
		l.T("learn_right", map[string]any{"Option": option}) + "\n" + q.Explanation.In(l.Lang)
	return handlers.Response{Answer: l.T("learn_right_short"), Replies: []handlers.Reply{{Text: text, Edit: true,
		Buttons: [][]handlers.Button{{c.nextButton(req, co, i)}}}}}, nil
}

// next records lesson i as done and moves on: the next lesson at once, or
// (one a day) a reminder tomorrow at the learner's hour; after the last
// lesson, the completion message. A «Далі» of a lesson already done
// changes nothing.
func (c *Courses) next(ctx context.Context, req *handlers.Request, co *courses.Course, lessonArg string) (handlers.Response, error) {
	i, err := strconv.Atoi(lessonArg)
	if err != nil {
		return handlers.Response{Answer: handlers.StaleButton(req.L)}, nil
	}
	p, found, err := c.Store.CourseProgress(ctx, req.UserID, co.ID)
	if err != nil {
		return handlers.Response{}, err
	}
	if !found || p.Finished() || i != p.Lesson {
		return handlers.Response{Answer: req.L.T("learn_done_already")}, nil
	}
	p.Lesson, p.ChatID = i+1, req.ChatID
	if p.Lesson >= len(co.Lessons) {
		return c.finish(ctx, req, co, p)
	}
	if p.Pace == store.PaceAll {
		if err := c.Store.SaveCourseProgress(ctx, p, nil); err != nil {
			return handlers.Response{}, err
		}
		return handlers.Response{Replies: c.lesson(req, co, p.Lesson)}, nil
	}
	return c.scheduleNext(ctx, req, co, p)
}

// finish marks the course done and congratulates the learner.
func (c *Courses) finish(ctx context.Context, req *handlers.Request, co *courses.Course, p courses.Progress) (handlers.Response, error) {
	p.Lesson, p.FinishedAt = len(co.Lessons), req.Now
	if err := c.Store.SaveCourseProgress(ctx, p, nil); err != nil {
		return handlers.Response{}, err
	}
	l := req.L
	text := l.T("learn_completed", map[string]any{"Title": co.Title.In(l.Lang),
		"Lessons": l.N("learn_lessons", len(co.Lessons), nil)})
	return handlers.Response{Replies: []handlers.Reply{{Text: text, Buttons: [][]handlers.Button{{
		crsNS.Button(l, "learn_back", crsList)}}}}}, nil
}
