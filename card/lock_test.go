package card

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestLockedUntil(t *testing.T) {
	t0 := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	at := func(hours ...float64) []time.Time {
		var out []time.Time
		for _, h := range hours {
			out = append(out, t0.Add(time.Duration(h*float64(time.Hour))))
		}
		return out
	}
	tests := []struct {
		name     string
		failures []time.Time
		now      time.Time
		want     time.Time
	}{
		{"four failures do not lock", at(0, 1, 2, 3), t0.Add(4 * time.Hour), time.Time{}},
		{"five within a day lock", at(0, 1, 2, 3, 4), t0.Add(5 * time.Hour), t0.Add(28 * time.Hour)},
		{"still locked a minute before", at(0, 1, 2, 3, 4), t0.Add(28*time.Hour - time.Minute), t0.Add(28 * time.Hour)},
		{"free after 24 h", at(0, 1, 2, 3, 4), t0.Add(28 * time.Hour), time.Time{}},
		{"spread over more than a day", at(0, 6, 12, 18, 24), t0.Add(25 * time.Hour), time.Time{}},
		{"a later run of five", at(0, 30, 31, 32, 33, 34), t0.Add(35 * time.Hour), t0.Add(58 * time.Hour)},
		{"unsorted input", at(4, 0, 3, 1, 2), t0.Add(5 * time.Hour), t0.Add(28 * time.Hour)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, LockedUntil(tt.failures, tt.now))
		})
	}
}

func TestAlerts(t *testing.T) {
	today := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	c := Card{Status: StatusActive, Balance: 1000, ValidUntil: time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC)}
	on := Prefs{LowBalance: true, Threshold: 2000, Expiry: true}
	tests := []struct {
		name string
		edit func(*Card, *Prefs)
		want Due
	}{
		{"low balance once", func(*Card, *Prefs) {}, Due{Low: true, LowSet: true}},
		{"already sent and still low", func(_ *Card, p *Prefs) { p.LowSent = true }, Due{LowSet: true}},
		{"recovered re-arms", func(c *Card, p *Prefs) { p.LowSent = true; c.Balance = 2000 }, Due{}},
		{"not opted in", func(_ *Card, p *Prefs) { p.LowBalance = false }, Due{}},
		{"blocked card", func(c *Card, _ *Prefs) { c.Status = StatusBlocked }, Due{}},
		{"expires in 30 days", func(c *Card, _ *Prefs) { c.Balance = 5000; c.ValidUntil = dayOf(today).AddDate(0, 0, 30) }, Due{Expiry: true}},
		{"expires in 31 days", func(c *Card, _ *Prefs) { c.Balance = 5000; c.ValidUntil = dayOf(today).AddDate(0, 0, 31) }, Due{}},
		{"expiry not opted in", func(c *Card, p *Prefs) { c.Balance = 5000; c.ValidUntil = today; p.Expiry = false }, Due{}},
		{"already expired", func(c *Card, _ *Prefs) { c.Balance = 5000; c.ValidUntil = dayOf(today).AddDate(0, 0, -1) }, Due{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cc, p := c, on
			tt.edit(&cc, &p)
			assert.Equal(t, tt.want, Alerts(cc, p, today))
		})
	}
	assert.True(t, ReadyDue(Application{Status: AppReady}))
	assert.False(t, ReadyDue(Application{Status: AppIssued}))
}
