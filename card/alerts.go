package card

import "time"

// ExpiryNotice is how long before a card's valid-until date the expiry alert goes.
const ExpiryNotice = 30 * 24 * time.Hour

// Prefs are the alerts a user opted into for one linked card.
type Prefs struct {
	LowBalance bool
	Threshold  int64 // kopiykas: alert when the balance is below it
	LowSent    bool  // a low-balance alert went out and the balance has not recovered since
	Expiry     bool
}

// Due is what alerts a card's current data calls for.
type Due struct {
	Low    bool // send the low-balance alert now
	LowSet bool // the new value of Prefs.LowSent
	Expiry bool // the card expires within ExpiryNotice (key the push by ValidUntil so it goes once)
}

// Alerts decides the alerts for a card at today. The low-balance alert goes
// once per drop: it is re-armed only when the balance is back at or above
// the threshold. Blocked and expired cards get no alerts.
func Alerts(c Card, p Prefs, today time.Time) Due {
	var d Due
	low := c.Balance < p.Threshold
	d.LowSet = p.LowSent && low
	if p.LowBalance && low && !p.LowSent && c.Status == StatusActive {
		d.Low, d.LowSet = true, true
	}
	if p.Expiry && c.Status == StatusActive && !c.ValidUntil.IsZero() {
		left := c.ValidUntil.Sub(dayOf(today))
		d.Expiry = left >= 0 && left <= ExpiryNotice
	}
	return d
}

// ReadyDue reports whether an application's status calls for the
// "ready for pick-up" alert.
func ReadyDue(a Application) bool { return a.Status == AppReady }

func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
