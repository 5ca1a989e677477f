package lockout

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

func TestLeftCountsTheBusierOfUserAndSubject(t *testing.T) {
	now := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	two := []time.Time{now.Add(-time.Hour), now.Add(-2 * time.Hour)}
	old := []time.Time{now.Add(-25 * time.Hour), now.Add(-26 * time.Hour), now.Add(-27 * time.Hour)}
	assert.Equal(t, MaxFailures, Left(now))
	assert.Equal(t, 3, Left(now, two, nil))
	assert.Equal(t, 3, Left(now, old, two), "failures older than the window do not count")
	assert.Equal(t, 1, Left(now, append(two, two...), two), "never below one before the lock")
}
