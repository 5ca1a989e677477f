package cardhttp

import (
	"fmt"
	"slices"
	"time"

	"github.com/transparentcities/nazar/card"
)

// cardJSON is GET /cards/{number}.
type cardJSON struct {
	Category   string `json:"category"`
	Status     string `json:"status"`
	ValidUntil string `json:"valid_until"` // YYYY-MM-DD or ""
	Balance    int64  `json:"balance_kopiykas"`
	Trips      *int   `json:"trips_left"` // null: the category has no trips
	Pending    int64  `json:"pending_kopiykas"`
	UpdatedAt  string `json:"updated_at"` // RFC 3339
}

func (j cardJSON) card(number string) (card.Card, error) {
	c := card.Card{Number: number, Category: j.Category, Status: j.Status, Balance: j.Balance, Pending: j.Pending}
	if !slices.Contains(card.CardStatuses, j.Status) {
		return c, fmt.Errorf("%w: unknown card status %q", card.ErrUnavailable, j.Status)
	}
	if j.Trips != nil {
		c.HasTrips, c.Trips = true, *j.Trips
	}
	var err error
	if j.ValidUntil != "" {
		if c.ValidUntil, err = time.Parse("2006-01-02", j.ValidUntil); err != nil {
			return c, fmt.Errorf("%w: valid_until %q", card.ErrUnavailable, j.ValidUntil)
		}
	}
	if c.UpdatedAt, err = time.Parse(time.RFC3339, j.UpdatedAt); err != nil {
		return c, fmt.Errorf("%w: updated_at %q", card.ErrUnavailable, j.UpdatedAt)
	}
	return c, nil
}

// operationJSON is one item of GET /cards/{number}/operations.
type operationJSON struct {
	At     string `json:"at"`
	Kind   string `json:"kind"`
	Amount int64  `json:"amount_kopiykas"`
	Trips  int    `json:"trips"`
	Place  string `json:"place"`
}

// applicationJSON is POST /applications/{no}/status.
type applicationJSON struct {
	Category    string `json:"category"`
	Status      string `json:"status"`
	StatusDate  string `json:"status_date"`
	PickupPoint string `json:"pickup_point"`
	Reason      string `json:"reason"`
}

func (j applicationJSON) application(no string) (card.Application, error) {
	a := card.Application{No: no, Category: j.Category, Status: j.Status, PickupPoint: j.PickupPoint, Reason: j.Reason}
	if !slices.Contains(card.AppStatuses, j.Status) {
		return a, fmt.Errorf("%w: unknown application status %q", card.ErrUnavailable, j.Status)
	}
	if j.StatusDate != "" {
		d, err := time.Parse("2006-01-02", j.StatusDate)
		if err != nil {
			return a, fmt.Errorf("%w: status_date %q", card.ErrUnavailable, j.StatusDate)
		}
		a.StatusDate = d
	}
	return a, nil
}
