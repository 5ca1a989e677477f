package card

import (
	"context"
	"errors"
	"time"
)

// Card statuses (SPEC §4).
const (
	StatusActive  = "active"
	StatusBlocked = "blocked"
	StatusExpired = "expired"
)

// CardStatuses lists the valid card statuses.
var CardStatuses = []string{StatusActive, StatusBlocked, StatusExpired}

// Application statuses (SPEC §4), in the order an application moves.
const (
	AppSubmitted    = "submitted"
	AppInProduction = "in_production"
	AppReady        = "ready"
	AppIssued       = "issued"
	AppRejected     = "rejected"
)

// AppStatuses lists the valid application statuses.
var AppStatuses = []string{AppSubmitted, AppInProduction, AppReady, AppIssued, AppRejected}

// Operation kinds.
var OperationKinds = []string{"topup", "ride", "correction"}

// Card is what a provider knows about one card. Money is in kopiykas.
type Card struct {
	Number     string
	Category   string
	Status     string
	ValidUntil time.Time // a date; zero when unknown
	Balance    int64
	HasTrips   bool // the category counts trips
	Trips      int
	Pending    int64     // paid top-ups not yet written to the chip
	UpdatedAt  time.Time // when the provider's data was current
}

// Operation is one entry of a card's history.
type Operation struct {
	At     time.Time
	Kind   string // topup, ride, correction
	Amount int64  // kopiykas, signed
	Trips  int    // signed
	Place  string
}

// Application is a card application's status.
type Application struct {
	No          string
	Category    string
	Status      string
	StatusDate  time.Time
	PickupPoint string // for ready: a service point id of the content file, or free text
	Reason      string // for rejected
}

// Provider errors. Handlers map ErrNotFound and ErrMismatch to the same
// polite answer (so a guess learns nothing) and ErrUnavailable to "service
// unavailable, try later".
var (
	ErrNotFound    = errors.New("card provider: not found")
	ErrMismatch    = errors.New("card provider: verification failed")
	ErrUnavailable = errors.New("card provider: unavailable")
)

// Provider is where card data comes from: the city's exports imported into
// SQLite, or the city's e-ticket HTTP API (docs/card.md).
type Provider interface {
	// Verify checks the holder's date of birth for a card: nil, ErrNotFound
	// or ErrMismatch.
	Verify(ctx context.Context, number string, birth time.Time) error
	// Card returns a card's balance and status.
	Card(ctx context.Context, number string) (Card, error)
	// Operations returns up to limit newest operations, newest first.
	Operations(ctx context.Context, number string, limit int) ([]Operation, error)
	// Application returns an application's status when birth matches the
	// applicant's date of birth (ErrNotFound otherwise).
	Application(ctx context.Context, no string, birth time.Time) (Application, error)
}
