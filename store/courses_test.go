package store_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/clock"
	"github.com/transparentcities/nazar/courses"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/store/storetest"
)

func reminderPush(course, key string, chat int64, at time.Time) *store.Push {
	return &store.Push{Kind: store.PushCourse, Key: course + ":" + key, ChatID: chat, Text: "lesson " + key, NotBefore: at}
}

func TestCourseProgressAndReminders(t *testing.T) {
	clk := clock.NewFake(formsT0)
	s := storetest.Open(t, clk.Now)
	ctx := t.Context()
	_, err := s.TouchUser(ctx, store.SeenUser{ID: 7, ChatID: 7, FirstName: "A", Language: "uk"})
	require.NoError(t, err)

	_, found, err := s.CourseProgress(ctx, 7, "web")
	require.NoError(t, err)
	assert.False(t, found)

	p := courses.Progress{UserID: 7, ChatID: 7, Course: "web", Pace: store.PaceDaily, Hour: 9}
	require.NoError(t, s.SaveCourseProgress(ctx, p, reminderPush("web", "1:2026-11-29", 7, formsT0.Add(21*time.Hour))))
	// Another course's reminder is left alone by saves of this one.
	require.NoError(t, s.SaveCourseProgress(ctx, courses.Progress{UserID: 7, ChatID: 7, Course: "web2",
		Pace: store.PaceDaily, Hour: 9}, reminderPush("web2", "1:2026-11-29", 7, formsT0.Add(21*time.Hour))))
	clk.Advance(time.Hour)
	p.Lesson = 2
	require.NoError(t, s.SaveCourseProgress(ctx, p, reminderPush("web", "2:2026-11-30", 7, formsT0.Add(45*time.Hour))))

	rows, err := s.OutboxFor(ctx, store.PushCourse, 7)
	require.NoError(t, err)
	var keys []string
	for _, r := range rows {
		keys = append(keys, r.Key)
	}
	assert.Equal(t, []string{"web2:1:2026-11-29", "web:2:2026-11-30"}, keys, "one waiting reminder per course")

	got, found, err := s.CourseProgress(ctx, 7, "web")
	require.NoError(t, err)
	require.True(t, found)
	assert.Equal(t, 2, got.Lesson)
	assert.Equal(t, formsT0, got.StartedAt, "the start is kept")
	assert.Equal(t, formsT0.Add(time.Hour), got.UpdatedAt)
	assert.False(t, got.Finished())

	got.Lesson, got.FinishedAt = 5, clk.Now()
	require.NoError(t, s.SaveCourseProgress(ctx, got, nil))
	rows, err = s.OutboxFor(ctx, store.PushCourse, 7)
	require.NoError(t, err)
	assert.Len(t, rows, 1, "finishing drops the waiting reminder")

	all, err := s.CourseProgresses(ctx, 7)
	require.NoError(t, err)
	require.Len(t, all, 2)
	assert.True(t, all[0].Finished())
	assert.Equal(t, "web2", all[1].Course)
	pd, _, err := s.PersonalData(ctx, 7)
	require.NoError(t, err)
	assert.Len(t, pd.Courses, 2)

	// Deleting the user deletes their progress and the reminders still waiting.
	require.NoError(t, s.DeleteUser(ctx, 7))
	all, err = s.CourseProgresses(ctx, 7)
	require.NoError(t, err)
	assert.Empty(t, all)
	rows, err = s.OutboxFor(ctx, store.PushCourse, 7)
	require.NoError(t, err)
	assert.Empty(t, rows)
}

func TestCourseStats(t *testing.T) {
	s := storetest.Open(t, clock.NewFake(formsT0).Now)
	ctx := t.Context()
	for i, lesson := range []int{0, 2, 2, 4, 5} {
		id := int64(100 + i)
		_, err := s.TouchUser(ctx, store.SeenUser{ID: id, ChatID: id, FirstName: "A", Language: "uk"})
		require.NoError(t, err)
		p := courses.Progress{UserID: id, ChatID: id, Course: "web", Lesson: lesson, Pace: store.PaceAll}
		if lesson == 5 {
			p.FinishedAt = formsT0
		}
		require.NoError(t, s.SaveCourseProgress(ctx, p, nil))
	}
	stats, err := s.CourseStats(ctx)
	require.NoError(t, err)
	assert.Equal(t, []courses.Stat{{Course: "web", Started: 5, Finished: 1,
		AtLesson: map[int]int{0: 1, 2: 2, 4: 1}}}, stats)
}
