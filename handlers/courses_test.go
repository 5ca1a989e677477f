package handlers

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestNextAtIsTheLearnersHourInCityTime(t *testing.T) {
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		t.Skip("no time zone data")
	}
	at := func(s string) time.Time {
		v, err := time.ParseInLocation("2006-01-02 15:04", s, kyiv)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		name, now string
		hour      int
		tomorrow  bool
		want      string
	}{
		{"later today", "2026-11-28 07:30", 9, false, "2026-11-28 09:00"},
		{"the hour passed", "2026-11-28 09:00", 9, false, "2026-11-29 09:00"},
		{"one a day waits for tomorrow", "2026-11-28 07:30", 9, true, "2026-11-29 09:00"},
		{"across the spring clock change", "2026-03-28 20:00", 9, true, "2026-03-29 09:00"},
		{"across the autumn clock change", "2026-10-24 22:00", 7, true, "2026-10-25 07:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := nextAt(at(tt.now).UTC(), kyiv, tt.hour, tt.tomorrow)
			assert.Equal(t, at(tt.want).UTC(), got.UTC())
		})
	}
}
