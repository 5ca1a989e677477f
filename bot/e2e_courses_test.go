package bot_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot"
	"github.com/transparentcities/nazar/bot/bottest"
	"github.com/transparentcities/nazar/bot/sandbox"
	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/store"
	"github.com/transparentcities/nazar/store/storetest"
)

// The demo course (demo/data/courses/courses.yaml).
const (
	courseUk = "Цифрова громада: перші кроки"
	courseEn = "Digital hromada: first steps"
)

func withCourseAdmin(c *config.Config) { c.Admins = []int64{bottest.Uk.ID} }

// findMessage is the newest message of the chat containing want.
func findMessage(t *testing.T, h *bottest.Harness, u sandbox.User, want string) sandbox.Message {
	t.Helper()
	msgs := h.SB.Messages(u.ID)
	for i := len(msgs) - 1; i >= 0; i-- {
		if strings.Contains(msgs[i].Text, want) {
			return msgs[i]
		}
	}
	t.Fatalf("no message with %q in chat %d", want, u.ID)
	return sandbox.Message{}
}

func lastAnswer(h *bottest.Harness) string {
	answers := h.SB.CallbackAnswers()
	return answers[len(answers)-1].Text
}

// courseRows are the outbox rows of course reminders to a chat.
func courseRows(t *testing.T, h *bottest.Harness, chat int64) []store.OutboxRow {
	t.Helper()
	rows, err := h.Store.OutboxFor(t.Context(), store.PushCourse, chat)
	require.NoError(t, err)
	return rows
}

func TestCourseWholeAtOnceAcrossARestart(t *testing.T) {
	h := bottest.Start(t, withCourseAdmin)
	u := bottest.Uk

	m := h.Say(u, "/services")
	m = h.Press(u, m, "🎓 Навчання")
	assert.Contains(t, m.Text, "Оберіть курс")
	m = h.Press(u, m, courseUk)
	assert.Contains(t, m.Text, "5 уроків")
	assert.Equal(t, "HTML", m.ParseMode)
	m = h.Press(u, m, "▶ Почати")
	m = h.Press(u, m, "📚 Увесь курс одразу")

	lesson := findMessage(t, h, u, "Урок 1 з 5 · Сайт громади, яким користуються")
	assert.Equal(t, "HTML", lesson.ParseMode)
	assert.True(t, strings.HasPrefix(lesson.Text, "<b>🎓 Урок 1 з 5"))
	assert.Equal(t, "https://zakon.rada.gov.ua/laws/show/3-2002-%D0%BF", lesson.Inline[0][0].URL)
	assert.Contains(t, m.Text, "❓ Що найважливіше для головної сторінки")

	m = h.Press(u, m, "Фотогалерея свят")
	assert.Equal(t, "Не так, спробуйте ще раз", lastAnswer(h))
	assert.Contains(t, m.Text, "❌ «Фотогалерея свят» — не так")
	assert.NotContains(t, flattenInline(m), "✅ Далі", "no way on before the right answer")
	m = h.Press(u, m, "Контакти, графіки та актуальні оголошення")
	assert.Contains(t, m.Text, "✅ «Контакти, графіки та актуальні оголошення» — правильно!")
	assert.Contains(t, m.Text, "мешканці приходять на сайт із конкретним питанням")
	next1 := m
	m = h.Press(u, m, "✅ Далі")
	assert.Contains(t, m.Text, "Урок 2 з 5 · Е-послуги")

	// A restart keeps the place: the list shows «1 з 5», Continue opens lesson 2.
	h.Restart()
	m = h.Say(u, "/learn")
	m = h.Press(u, m, courseUk+" · 1 з 5")
	assert.Contains(t, m.Text, "Пройдено: 1 з 5.")
	m = h.Press(u, m, "▶ Продовжити")
	assert.Contains(t, m.Text, "Урок 2 з 5")

	h.Press(u, next1, "✅ Далі")
	assert.Equal(t, "Цей урок уже пройдено.", lastAnswer(h), "an old «Далі» moves nothing")

	m = h.Press(u, m, "✅ Далі")
	m = h.Press(u, m, "CSV із результатами голосувань, оновлюваний щомісяця")
	m = h.Press(u, m, "✅ Далі")
	assert.Contains(t, m.Text, "Урок 4 з 5")
	m = h.Press(u, m, "✅ Далі")
	m = h.Press(u, m, "Перевірити, зателефонувавши голові за відомим номером")
	m = h.Press(u, m, "✅ Далі")
	assert.Contains(t, m.Text, "🎉 Вітаємо! Ви завершили курс «"+courseUk+"» — 5 уроків.")

	m = h.Say(u, "/admin")
	m = h.Press(u, m, "🎓 Курси: хто де зупинився")
	assert.Contains(t, m.Text, "«"+courseUk+"»: почали 1, завершили 1")
	assert.Contains(t, m.Text, "  1. Сайт громади, яким користуються — 0")

	m = h.Say(u, "/privacy")
	assert.Contains(t, m.Text, "• курси: «"+courseUk+"» (✅)")
}

func TestCourseOneLessonADayReminderPauseAndPrivacy(t *testing.T) {
	h := bottest.Start(t)
	u := bottest.En

	m := h.Say(u, "/start course_digital")
	assert.Contains(t, m.Text, courseEn)
	m = h.Press(u, m, "▶ Start")
	m = h.Press(u, m, "📅 One lesson a day")
	assert.Contains(t, m.Text, "At what hour")
	m = h.Press(u, m, "09:00")
	assert.Contains(t, findMessage(t, h, u, "📅 One lesson a day at 09:00").Text, courseEn)
	m = h.Press(u, m, "Contacts, opening hours and current notices")
	m = h.Press(u, m, "✅ Next")
	// Saturday 12:00 in Kyiv: one lesson a day, so the next is tomorrow at 09:00 city time.
	assert.Contains(t, m.Text, "✅ Lesson 1 done.")
	assert.Contains(t, m.Text, `I will send the next lesson, "E-services: shorter queues at the service centre", on 29 Nov 2026, 09:00.`)
	rows := courseRows(t, h, u.ID)
	require.Len(t, rows, 1)
	assert.Equal(t, "digital:1:2026-11-29", rows[0].Key)
	assert.Equal(t, "queued", rows[0].Status)

	h.Clock.Set(time.Date(2026, 11, 29, 6, 59, 0, 0, time.UTC)) // 08:59 Kyiv
	h.Say(u, "/learn")
	assert.Equal(t, "queued", courseRows(t, h, u.ID)[0].Status, "not before the hour")
	h.Clock.Set(time.Date(2026, 11, 29, 7, 0, 0, 0, time.UTC)) // 09:00 Kyiv
	reminder := waitMessage(t, h, u.ID, "🎓 Time to learn! Lesson 2 of 5")
	assert.Contains(t, reminder.Text, `"E-services: shorter queues at the service centre"`)

	// Exactly once: a day later and after a restart there is still one.
	h.Restart()
	h.Clock.Advance(25 * time.Hour)
	h.Say(u, "/menu")
	require.Len(t, courseRows(t, h, u.ID), 1)
	assert.Equal(t, "sent", courseRows(t, h, u.ID)[0].Status)
	count := 0
	for _, msg := range h.SB.Messages(u.ID) {
		if strings.Contains(msg.Text, "Time to learn") {
			count++
		}
	}
	assert.Equal(t, 1, count)

	// Pause from the reminder; the next lesson done queues nothing.
	reminder = h.Message(u, reminder.ID)
	h.Press(u, reminder, "⏸ Pause")
	paused := h.Message(u, reminder.ID)
	assert.Contains(t, paused.Text, `Reminders of "`+courseEn+`" are paused.`)
	m = h.Press(u, paused, "▶ Next lesson now")
	assert.Contains(t, m.Text, "Lesson 2 of 5")
	m = h.Press(u, m, "✅ Next")
	assert.Contains(t, m.Text, "⏸ Reminders are paused.")
	require.Len(t, courseRows(t, h, u.ID), 1, "nothing queued while paused")

	// Resume: the next lesson at the next 09:00.
	h.Press(u, paused, "▶ Resume reminders")
	assert.Contains(t, h.Message(u, paused.ID).Text, "on 1 Dec 2026, 09:00.")
	rows = courseRows(t, h, u.ID)
	require.Len(t, rows, 2)
	assert.Equal(t, "queued", rows[1].Status)

	// /privacy lists the course and deletes it with the waiting reminder.
	m = h.Say(u, "/privacy")
	assert.Contains(t, m.Text, `• courses: "`+courseEn+`" (2 of 5)`)
	m = h.Press(u, m, "🗑 Delete my data")
	h.Press(u, m, "Yes, delete")
	progress, err := h.Store.CourseProgresses(t.Context(), u.ID)
	require.NoError(t, err)
	assert.Empty(t, progress)
	for _, r := range courseRows(t, h, u.ID) {
		assert.NotEqual(t, "queued", r.Status, "nothing waits to be sent to a deleted user")
	}
}

func TestLearnUnknownCourseAndRefusedStats(t *testing.T) {
	h := bottest.Start(t)
	u := bottest.Uk
	m := h.Say(u, "/learn nosuch")
	assert.Contains(t, m.Text, "Такого курсу немає.")
	assert.Contains(t, flattenInline(m), courseUk)
	h.PressData(u, m.ID, "1|crs|adm")
	assert.Contains(t, h.Last(u).Text, "лише адміністраторам")
	h.PressData(u, m.ID, "1|crs|go|nosuch")
	assert.Contains(t, lastAnswer(h), "Ця кнопка застаріла.")
}

// writeCourses writes a courses file with one lesson of text.
func writeCourses(t *testing.T, text string) string {
	path := filepath.Join(t.TempDir(), "courses.yaml")
	src := `courses:
  - id: long
    title: {uk: "Довгий", en: "Long"}
    description: {uk: "Опис", en: "About"}
    lessons:
      - title: {uk: "Один", en: "One"}
        images: [https://city.example/one.png]
        text:
          uk: "` + text + `"
          en: "` + text + `"
`
	require.NoError(t, os.WriteFile(path, []byte(src), 0o600))
	return path
}

func TestCourseFileWithAnImageAndALongLesson(t *testing.T) {
	para := `<b>Абзац</b> з <a href='https://city.example'>посиланням</a> &amp; текстом, який повторюється.\n`
	path := writeCourses(t, strings.Repeat(para, 150))
	h := bottest.Start(t, func(c *config.Config) { c.Courses.File = path })
	u := bottest.Uk
	m := h.Say(u, "/learn long")
	m = h.Press(u, m, "▶ Почати")
	h.Press(u, m, "📚 Увесь курс одразу")

	msgs := h.SB.Messages(u.ID)
	var photo []sandbox.Message
	var parts []string
	for _, msg := range msgs {
		if msg.Method == "sendPhoto" {
			photo = append(photo, msg)
		}
		if msg.ParseMode == "HTML" && strings.Contains(msg.Text, "Абзац") {
			parts = append(parts, msg.Text)
		}
	}
	require.Len(t, photo, 1)
	assert.Equal(t, "https://city.example/one.png", photo[0].Photo.Ref)
	require.Greater(t, len(parts), 1, "a lesson over Telegram's limit goes in several messages")
	for _, p := range parts {
		assert.LessOrEqual(t, len(utf16.Encode([]rune(p))), 4096)
		assert.Equal(t, strings.Count(p, "<b>"), strings.Count(p, "</b>"), "no tag cut: %q", p[len(p)-40:])
		assert.Equal(t, strings.Count(p, "<a "), strings.Count(p, "</a>"))
	}
	assert.Contains(t, flattenInline(h.Last(u)), "✅ Далі", "the way on is under the last part")
	m = h.Press(u, h.Last(u), "✅ Далі")
	assert.Contains(t, m.Text, "🎉 Вітаємо! Ви завершили курс «Довгий» — 1 урок.")
}

func TestInvalidCoursesFileStopsStartUp(t *testing.T) {
	path := writeCourses(t, "<b>unclosed")
	cfg := config.Default()
	cfg.Telegram.Token, cfg.Telegram.APIURL = bottest.Token, "http://127.0.0.1:1"
	cfg.Courses.File = path
	_, err := bot.New(cfg, storetest.Open(t, nil), bot.Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "courses file "+path+`:9: course "long" lesson 1: text (uk): unclosed <b>`)
}
