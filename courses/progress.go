package courses

import "time"

// Progress is where one learner is in one course (SPEC §18).
type Progress struct {
	UserID, ChatID int64
	Course         string
	Lesson         int // the lesson they are at, from 0; every one before it is done
	Pace           string
	Hour           int // of the daily reminder, in the city's time
	Paused         bool
	StartedAt      time.Time
	UpdatedAt      time.Time
	FinishedAt     time.Time // zero while learning
}

// Finished reports whether the learner has done every lesson.
func (p Progress) Finished() bool { return !p.FinishedAt.IsZero() }

// Stat is how a course is going for the operators: learners who
// started and finished it, and how many are now at each lesson (where
// learners stop).
type Stat struct {
	Course            string
	Started, Finished int
	AtLesson          map[int]int // lesson (from 0) → learners there, finished ones left out
}
