package demo

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestShiftDaysPutsTheLastSessionInTheFirstDigestWindow(t *testing.T) {
	for _, now := range []time.Time{
		time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC),
		time.Date(2026, 12, 6, 14, 0, 0, 0, time.UTC),
		time.Date(2027, 3, 1, 23, 0, 0, 0, time.UTC),
		time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC), // a clock before the data
	} {
		days := shiftDays(now)
		session := reference.AddDate(0, 0, days)
		assert.Zero(t, days%7, "whole weeks keep weekdays")
		assert.True(t, session.Before(now), "%v: the session %v is in the past", now, session)
		assert.Less(t, now.Sub(session), 8*24*time.Hour, "%v: the session %v is within a week", now, session)
	}
}

func TestShiftTextMovesBothDateFormats(t *testing.T) {
	assert.Equal(t, "9-12,12 сесія,9,2026-12-03,2026-12-03T10:07:00;03.12.2025;на 2027–2029 роки",
		shiftText("9-12,12 сесія,9,2026-11-19,2026-11-19T10:07:00;19.11.2025;на 2027–2029 роки", 14))
}
