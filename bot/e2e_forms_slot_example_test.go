package bot_test

import (
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/bottest"
)

// The interpreter request's example date is computed, so it is bookable
// whenever the question is asked, and "too soon" names a time the centre
// is open, not now + 2 h on a Sunday evening (issue 19).
func TestInterpreterExampleIsAlwaysBookable(t *testing.T) {
	h := bottest.Start(t, withOperator)
	u := bottest.Uk
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	require.NoError(t, err)
	example := regexp.MustCompile(`Наприклад: (\d{2}\.\d{2}\.\d{4} \d{2}:\d{2})`)
	for _, at := range []time.Time{
		time.Date(2026, 11, 28, 12, 0, 0, 0, kyiv),  // Saturday noon
		time.Date(2026, 12, 6, 19, 0, 0, 0, kyiv),   // Sunday evening
		time.Date(2027, 3, 17, 9, 5, 0, 0, kyiv),    // a Wednesday morning months later
		time.Date(2027, 12, 31, 16, 40, 0, 0, kyiv), // New Year's Eve, after hours
	} {
		h.Clock.Set(at)
		h.Say(u, "/cancel")
		m := h.Press(u, h.Say(u, "/services interpreter"), "ЦНАП, вул. Шевченка, 1")
		got := example.FindStringSubmatch(m.Text)
		require.NotNil(t, got, m.Text)
		assert.Contains(t, flattenInline(m), got[1], "%s: the example is the first free slot", at)
		assert.Contains(t, h.Say(u, got[1]).Text, "(3/3)", "%s: typing the example books it", at)
	}

	// Sunday 19:00: now + min_lead (21:00) is closed; the earliest is Monday 09:00.
	h.Clock.Set(time.Date(2026, 12, 6, 19, 0, 0, 0, kyiv))
	h.Say(u, "/cancel")
	h.Press(u, h.Say(u, "/services interpreter"), "ЦНАП, вул. Шевченка, 1")
	assert.Equal(t, "Занадто скоро: найраніше можна записатися на 07.12.2026 09:00.", h.Say(u, "06.12.2026 20:00").Text)
	assert.Contains(t, h.Say(u, "вівторок").Text, "Введіть, наприклад, 07.12.2026 09:00 або", "the error's example too")
}
