package bot_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/transparentcities/nazar/bot/bottest"
	"github.com/transparentcities/nazar/bot/sandbox"
)

// The built-in services once had a static page about the demo course beside
// the courses feature: a resident met two different things for one course.
// Every way in now leads to the course itself.
func TestTheCourseHasOneEntryFromServicesAndFromTypedWords(t *testing.T) {
	h := bottest.Start(t)
	for _, tc := range []struct {
		u                   sandbox.User
		typed, button       string
		listTitle, co, gone string
	}{
		{bottest.Uk, "хочу пройти курс", "🎓 Навчання", "Оберіть курс", courseUk, "Курс «Цифрова громада»"},
		{bottest.En, "digital skills course", "🎓 Learning", "Pick a course", courseEn, "Digital Community course"},
	} {
		m := h.Say(tc.u, "/services")
		buttons := flattenInline(m)
		assert.Contains(t, buttons, tc.button)
		for _, b := range buttons {
			assert.NotContains(t, b, tc.gone, "no second, static course page")
		}
		list := h.Press(tc.u, m, tc.button)
		assert.Contains(t, list.Text, tc.listTitle)
		assert.Contains(t, flattenInline(list), tc.co)

		typed := h.Say(tc.u, tc.typed)
		assert.Contains(t, typed.Text, tc.listTitle, "typed words about a course open the courses")
		assert.Contains(t, flattenInline(typed), tc.co)
	}
}
