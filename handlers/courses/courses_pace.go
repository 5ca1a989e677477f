package courses

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/transparentcities/nazar/courses"
	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
)

// reminderHours are the hours a learner may pick for the daily lesson:
// from the morning to the late evening, none at night.
var reminderHours = []int{7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22}

func hourLabel(h int) string { return fmt.Sprintf("%02d:00", h) }

// paceQuestion asks how to learn a course: all at once or one lesson a day.
func (c *Courses) paceQuestion(req *handlers.Request, co *courses.Course) handlers.Reply {
	l := req.L
	return handlers.Reply{Text: l.T("learn_pace_question", map[string]any{"Title": co.Title.In(l.Lang)}), Buttons: [][]handlers.Button{
		{crsNS.Button(l, "learn_pace_all", crsPace, co.ID, store.PaceAll)},
		{crsNS.Button(l, "learn_pace_daily", crsPace, co.ID, store.PaceDaily)},
	}}
}

// pace starts the course all at once, or asks for the hour of the daily
// lesson (also how a learner changes it).
func (c *Courses) pace(ctx context.Context, req *handlers.Request, co *courses.Course, pace string) (handlers.Response, error) {
	l := req.L
	switch pace {
	case store.PaceAll:
		p, err := c.restart(ctx, req, co)
		if err != nil {
			return handlers.Response{}, err
		}
		p.Pace = store.PaceAll
		if err := c.Store.SaveCourseProgress(ctx, p, nil); err != nil {
			return handlers.Response{}, err
		}
		chosen := handlers.Reply{Edit: true, Text: co.Title.In(l.Lang) + " — " + l.T("learn_pace_all")}
		return handlers.Response{Replies: append([]handlers.Reply{chosen}, c.lesson(req, co, p.Lesson)...)}, nil
	case store.PaceDaily:
		var rows [][]handlers.Button
		for i, h := range reminderHours {
			if i%4 == 0 {
				rows = append(rows, nil)
			}
			rows[len(rows)-1] = append(rows[len(rows)-1], handlers.Button{Text: hourLabel(h),
				Data: crsNS.Data(crsHour, co.ID, strconv.Itoa(h))})
		}
		return handlers.Response{Replies: []handlers.Reply{{Edit: true, Text: l.T("learn_hour_question"), Buttons: rows}}}, nil
	}
	return handlers.Response{Answer: handlers.StaleButton(l)}, nil
}

// restart is the learner's progress to start from: where they are in a
// course in progress, the first lesson for a new or finished one.
func (c *Courses) restart(ctx context.Context, req *handlers.Request, co *courses.Course) (courses.Progress, error) {
	p, found, err := c.Store.CourseProgress(ctx, req.UserID, co.ID)
	if err != nil {
		return p, err
	}
	if !found || p.Finished() {
		p = courses.Progress{UserID: req.UserID, Course: co.ID}
	}
	p.ChatID, p.Paused = req.ChatID, false
	return p, nil
}

// hour sets the daily lesson's hour. A learner just starting gets the
// first lesson now; one in the middle gets the next lesson at that hour.
func (c *Courses) hour(ctx context.Context, req *handlers.Request, co *courses.Course, arg string) (handlers.Response, error) {
	h, err := strconv.Atoi(arg)
	if err != nil || h < 0 || h > 23 {
		return handlers.Response{Answer: handlers.StaleButton(req.L)}, nil
	}
	_, found, err := c.Store.CourseProgress(ctx, req.UserID, co.ID)
	if err != nil {
		return handlers.Response{}, err
	}
	p, err := c.restart(ctx, req, co)
	if err != nil {
		return handlers.Response{}, err
	}
	p.Pace, p.Hour = store.PaceDaily, h
	l := req.L
	chosen := handlers.Reply{Edit: true, Text: co.Title.In(l.Lang) + " — " + l.T("learn_daily_state", map[string]any{"Hour": hourLabel(h)})}
	if !found || p.Lesson == 0 {
		if err := c.Store.SaveCourseProgress(ctx, p, nil); err != nil {
			return handlers.Response{}, err
		}
		return handlers.Response{Replies: append([]handlers.Reply{chosen}, c.lesson(req, co, p.Lesson)...)}, nil
	}
	at := nextAt(req.Now, c.Location, h, false)
	if err := c.Store.SaveCourseProgress(ctx, p, c.reminder(l, co, p, at)); err != nil {
		return handlers.Response{}, err
	}
	chosen.Text += "\n" + c.whenNext(l, co, p, at)
	return handlers.Response{Replies: []handlers.Reply{chosen}}, nil
}

// scheduleNext records a lesson done in a daily course and queues the next
// one for tomorrow at the learner's hour (none while paused).
func (c *Courses) scheduleNext(ctx context.Context, req *handlers.Request, co *courses.Course, p courses.Progress) (handlers.Response, error) {
	l := req.L
	var reminder *store.Push
	text := l.T("learn_lesson_done", map[string]any{"N": p.Lesson})
	if p.Paused {
		text += "\n" + l.T("learn_paused_state")
	} else {
		at := nextAt(req.Now, c.Location, p.Hour, true)
		reminder = c.reminder(l, co, p, at)
		text += "\n" + c.whenNext(l, co, p, at)
	}
	if err := c.Store.SaveCourseProgress(ctx, p, reminder); err != nil {
		return handlers.Response{}, err
	}
	rows := [][]handlers.Button{{crsNS.Button(l, "learn_next_now", crsOpen, co.ID)}}
	if !p.Paused {
		rows = append(rows, []handlers.Button{crsNS.Button(l, "learn_pause", crsPause, co.ID)})
	}
	return handlers.Response{Replies: []handlers.Reply{{Text: text, Buttons: rows}}}, nil
}

// pause stops (or resumes) the daily reminders of a course.
func (c *Courses) pause(ctx context.Context, req *handlers.Request, co *courses.Course, pause bool) (handlers.Response, error) {
	p, found, err := c.Store.CourseProgress(ctx, req.UserID, co.ID)
	if err != nil {
		return handlers.Response{}, err
	}
	if !found || p.Finished() || p.Pace != store.PaceDaily {
		return handlers.Response{Answer: handlers.StaleButton(req.L)}, nil
	}
	l := req.L
	p.Paused, p.ChatID = pause, req.ChatID
	var reminder *store.Push
	text := l.T("learn_paused", map[string]any{"Title": co.Title.In(l.Lang)})
	buttons := []handlers.Button{crsNS.Button(l, "learn_resume", crsResume, co.ID)}
	if !pause {
		at := nextAt(req.Now, c.Location, p.Hour, false)
		reminder = c.reminder(l, co, p, at)
		text = c.whenNext(l, co, p, at)
		buttons = []handlers.Button{crsNS.Button(l, "learn_pause", crsPause, co.ID)}
	}
	if err := c.Store.SaveCourseProgress(ctx, p, reminder); err != nil {
		return handlers.Response{}, err
	}
	rows := [][]handlers.Button{{crsNS.Button(l, "learn_next_now", crsOpen, co.ID)}, buttons}
	return handlers.Response{Replies: []handlers.Reply{{Text: text, Edit: true, Buttons: rows}}}, nil
}

// reminder is the push that brings lesson p.Lesson at `at`. Its key names
// the course, the lesson and the day, so a retried save queues it once and
// a lesson never gets two reminders on one day.
func (c *Courses) reminder(l *locales.Localizer, co *courses.Course, p courses.Progress, at time.Time) *store.Push {
	text := l.T("learn_reminder", map[string]any{"N": p.Lesson + 1, "Of": len(co.Lessons),
		"Course": co.Title.In(l.Lang), "Lesson": co.Lessons[p.Lesson].Title.In(l.Lang)})
	return &store.Push{Kind: store.PushCourse, ChatID: p.ChatID, Text: text, NotBefore: at,
		Key: fmt.Sprintf("%s:%d:%s", co.ID, p.Lesson, at.In(c.Location).Format(time.DateOnly)),
		Buttons: [][]store.PushButton{
			{{Text: l.T("learn_open"), Data: crsNS.Data(crsOpen, co.ID)}},
			{{Text: l.T("learn_pause"), Data: crsNS.Data(crsPause, co.ID)}},
		}}
}

func (c *Courses) whenNext(l *locales.Localizer, co *courses.Course, p courses.Progress, at time.Time) string {
	return l.T("learn_next_at", map[string]any{"Title": co.Lessons[p.Lesson].Title.In(l.Lang),
		"When": l.DateTime(at.In(c.Location))})
}

// nextAt is the next hour:00 in the city's time after now; tomorrow means
// not today even when the hour is still ahead (one lesson a day).
func nextAt(now time.Time, loc *time.Location, hour int, tomorrow bool) time.Time {
	d := now.In(loc)
	at := time.Date(d.Year(), d.Month(), d.Day(), hour, 0, 0, 0, loc)
	if tomorrow || !at.After(now) {
		at = time.Date(d.Year(), d.Month(), d.Day()+1, hour, 0, 0, 0, loc)
	}
	return at
}
