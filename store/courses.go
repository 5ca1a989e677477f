package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/transparentcities/nazar/courses"
)

// Paces of a course: every lesson when the learner wants it, or one a day
// with a reminder at the learner's hour.
const (
	PaceAll   = "all"
	PaceDaily = "daily"
)

// PushCourse is the outbox kind of course reminders; their key is
// "<course>:<lesson>:<date>".
const PushCourse = "course"

const progressColumns = `user_id, course, chat_id, lesson, pace, hour, paused, started_at, updated_at, coalesce(finished_at, 0)`

// CourseProgress returns a learner's progress in a course; found is false
// before they start it.
func (s *Store) CourseProgress(ctx context.Context, userID int64, course string) (courses.Progress, bool, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+progressColumns+` FROM course_progress
		WHERE user_id = ? AND course = ?`, userID, course)
	p, err := scanProgress(row.Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return courses.Progress{}, false, nil
	}
	return p, err == nil, err
}

// CourseProgresses lists a learner's courses, started or finished, by id.
func (s *Store) CourseProgresses(ctx context.Context, userID int64) ([]courses.Progress, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+progressColumns+` FROM course_progress
		WHERE user_id = ? ORDER BY course`, userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []courses.Progress
	for rows.Next() {
		p, err := scanProgress(rows.Scan)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// SaveCourseProgress writes p (its start time is kept from the first save)
// and, in the same transaction, replaces the learner's reminder waiting for
// this course with reminder (nil: none). So at most one reminder of a
// course waits for a learner at any time, and a pause, a change of hour or
// a lesson read early never leaves an old one to go out.
func (s *Store) SaveCourseProgress(ctx context.Context, p courses.Progress, reminder *Push) error {
	now := unix(s.now())
	var finished any
	if p.Finished() {
		finished = unix(p.FinishedAt)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO course_progress(user_id, course, chat_id, lesson, pace, hour,
				paused, started_at, updated_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (user_id, course) DO UPDATE SET chat_id = excluded.chat_id, lesson = excluded.lesson,
				pace = excluded.pace, hour = excluded.hour, paused = excluded.paused, updated_at = excluded.updated_at,
				finished_at = excluded.finished_at`,
			p.UserID, p.Course, p.ChatID, p.Lesson, p.Pace, p.Hour, p.Paused, now, now, finished); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM outbox WHERE kind = ? AND chat_id = ? AND status = 'queued'
			AND substr(key, 1, length(?) + 1) = ? || ':'`, PushCourse, p.ChatID, p.Course, p.Course); err != nil {
			return err
		}
		if reminder == nil {
			return nil
		}
		_, err := s.enqueueTx(ctx, tx, []Push{*reminder})
		return err
	})
}

// CourseStats returns the figures of every course anyone started, by id.
func (s *Store) CourseStats(ctx context.Context) ([]courses.Stat, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT course, lesson, finished_at IS NOT NULL, count(*)
		FROM course_progress GROUP BY course, lesson, finished_at IS NOT NULL ORDER BY course, lesson`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []courses.Stat
	for rows.Next() {
		var course string
		var lesson, n int
		var finished bool
		if err := rows.Scan(&course, &lesson, &finished, &n); err != nil {
			return nil, err
		}
		if len(out) == 0 || out[len(out)-1].Course != course {
			out = append(out, courses.Stat{Course: course, AtLesson: map[int]int{}})
		}
		st := &out[len(out)-1]
		st.Started += n
		if finished {
			st.Finished += n
		} else {
			st.AtLesson[lesson] += n
		}
	}
	return out, rows.Err()
}

func scanProgress(scan func(...any) error) (courses.Progress, error) {
	var p courses.Progress
	var started, updated, finished int64
	err := scan(&p.UserID, &p.Course, &p.ChatID, &p.Lesson, &p.Pace, &p.Hour, &p.Paused, &started, &updated, &finished)
	p.StartedAt, p.UpdatedAt = fromUnix(started), fromUnix(updated)
	if finished != 0 {
		p.FinishedAt = fromUnix(finished)
	}
	return p, err
}
