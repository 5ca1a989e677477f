package card

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

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
