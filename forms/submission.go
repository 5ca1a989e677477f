package forms

import "time"

// NewSubmission is a completed city-service form, ready to store.
type NewSubmission struct {
	UserID, ChatID int64
	Form           string
	Answers        map[string]string // step id → value
	OperatorsChat  int64
	SlotAt         time.Time // a booked slot; zero when the form books none
	// SentAt is when the resident sent it (stored as its CreatedAt, so the
	// operators' copy, rendered before the number exists, shows the same
	// moment as the submission); zero means the store's now.
	SentAt time.Time
}

// Submission is a stored form submission.
type Submission struct {
	ID int64
	NewSubmission
	Language  string // the user's, for messages to them
	FirstName string
	CreatedAt time.Time
	HandledAt time.Time // zero while nobody has handled it
	HandledBy int64     // the admin who marked it handled
}

// Handled reports whether an operator marked the submission handled.
func (s Submission) Handled() bool { return !s.HandledAt.IsZero() }

// PendingSubmission is an unhandled submission as admins see it, with the
// delivery status of its message to the operators' chat.
type PendingSubmission struct {
	ID        int64
	Form      string
	CreatedAt time.Time
	Delivery  string // the outbox status: queued, sending, sent, failed, inactive, cancelled
	Error     string // why the last delivery attempt failed
}
