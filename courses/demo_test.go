package courses_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/courses"
	"github.com/transparentcities/nazar/demo"
)

// The demo city's course is valid, has its five lessons and at least two
// check questions, and every lesson fits Telegram's limits once split.
func TestDemoCourseIsValid(t *testing.T) {
	c, err := courses.Load("", demo.Courses)
	require.NoError(t, err)
	co, ok := c.Course("digital")
	require.True(t, ok)
	assert.Equal(t, "Цифрова громада: перші кроки", co.Title.In("uk"))
	assert.Equal(t, "Digital hromada: first steps", co.Title.In("en"))
	require.Len(t, co.Lessons, 5)
	questions := 0
	for _, l := range co.Lessons {
		if l.Question != nil {
			questions++
		}
		for _, lang := range []string{"uk", "en"} {
			assert.Len(t, courses.SplitHTML(l.Text.In(lang), courses.MaxMessage), 1, "a demo lesson is one message")
		}
	}
	assert.GreaterOrEqual(t, questions, 2)
}
