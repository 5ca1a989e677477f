package handlers

import (
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/store"
)

// Feature declares the courses: /learn (🎓 in the Services menu, added in
// bot.NewFeatures), the course buttons, the admin panel's row, /start learn
// and /start course_<id>, and the daily lesson reminders.
func (c *Courses) Feature() Feature {
	return Feature{
		Name:      "courses",
		Commands:  []Command{{Name: "learn", Description: locales.ID("cmd_learn"), Run: c.Learn, Order: 700}},
		Buttons:   map[string]Func{string(crsNS): c.Button},
		DeepLinks: []DeepLink{{Payload: "learn", Command: "learn"}, {Payload: "course_", Command: "learn"}},
		Admin:     c.AdminButtons,
		Pushes:    []string{store.PushCourse},
	}
}

// The course buttons: "1|crs|<action>|<course id>|…".
type crsAction string

const (
	crsNS     Namespace[crsAction] = convCourses
	crsList   crsAction            = "ls"
	crsAdmin  crsAction            = "adm" // where learners stop
	crsCard   crsAction            = "c"   // a course's page
	crsOpen   crsAction            = "go"  // start or continue
	crsPace   crsAction            = "pc"  // all at once or daily
	crsHour   crsAction            = "hr"  // the reminder's hour
	crsPause  crsAction            = "ps"
	crsResume crsAction            = "rs"
	crsAnswer crsAction            = "a"  // lesson, option
	crsNext   crsAction            = "nx" // lesson
)
