package card

import "time"

// Record is one row of the cards export.
type Record struct {
	Card
	Holder string
	Birth  time.Time
}

// OperationRecord is one row of the card-operations export.
type OperationRecord struct {
	Number string
	Operation
}

// ApplicationRecord is one row of the card-applications export.
type ApplicationRecord struct {
	Application
	Birth time.Time
}

// Link is a card linked to a user, with the alerts they chose.
type Link struct {
	ID             int64
	UserID, ChatID int64
	Language       string // the user's, for pushes
	Number         string
	LinkedAt       time.Time
	Prefs          Prefs
}

// Watch is an application a user asked to be told about when ready.
type Watch struct {
	UserID, ChatID int64
	Language       string
	No             string
	Birth          time.Time
}

// Personal is what /privacy shows about a user's cards.
type Personal struct {
	Cards    []string // linked card numbers (the caller masks them)
	Watches  int      // applications watched
	Failures int      // failed verifications kept for the lock
}
