package hours

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var kyiv, _ = time.LoadLocation("Europe/Kyiv")

// at is a local time in the week of Monday 23 Nov 2026.
func at(weekday int, hhmm string) time.Time {
	t, _ := time.ParseInLocation("2006-01-02 15:04", "2026-11-23 "+hhmm, kyiv)
	return t.AddDate(0, 0, weekday)
}

const (
	mon = iota
	tue
	wed
	thu
	fri
	sat
	sun
)

func TestIsOpen(t *testing.T) {
	office := "Пн-Пт 09:00-18:00, обід 13:00-14:00, Сб 10:00-14:00, Нд вихідний"
	bar := "Пн-Чт 12:00-23:00; Пт-Сб 12:00-02:00; Нд 12:00-22:00"
	tests := []struct {
		name, hours string
		day         int
		time        string
		want        bool
	}{
		{"weekday morning", office, tue, "09:00", true},
		{"before opening", office, tue, "08:59", false},
		{"closing minute is closed", office, tue, "18:00", false},
		{"lunch break", office, wed, "13:30", false},
		{"after lunch", office, wed, "14:00", true},
		{"saturday short day", office, sat, "13:59", true},
		{"saturday afternoon", office, sat, "15:00", false},
		{"sunday off", office, sun, "11:00", false},
		{"friday past midnight", bar, sat, "01:30", true},
		{"saturday past midnight into sunday", bar, sun, "01:59", true},
		{"sunday night ends at 22", bar, mon, "00:30", false},
		{"thursday past 23", bar, thu, "23:30", false},
		{"round the clock", "цілодобово", sun, "03:00", true},
		{"round the clock every day", "щодня цілодобово", sun, "03:00", true},
		{"daily", "Щодня 08:00-20:00", sun, "19:59", true},
		{"two ranges", "Пн-Пт 09:00-13:00 14:00-18:00", fri, "13:30", false},
		{"range group continues", "Пн-Пт 09:00-13:00, 14:00-18:00", fri, "15:00", true},
		{"parenthesised break", "Пн-Пт 8:00-17:00 (перерва 12:00-12:45)", mon, "12:40", false},
		{"listed days", "Пн, Ср 10:00-12:00", wed, "11:00", true},
		{"listed days skip", "Пн, Ср 10:00-12:00", tue, "11:00", false},
		{"english", "Mon-Fri 09:00-18:00, Sat closed", mon, "10:00", true},
		{"en dash and spaces", "Пн – Пт 09:00 – 18:00", thu, "17:00", true},
		{"wrap over weekend", "Пт-Пн 10:00-16:00", sun, "12:00", true},
		{"until 24:00", "Сб 20:00-24:00", sat, "23:59", true},
		{"empty", "", mon, "12:00", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Parse(tt.hours)
			require.NoError(t, err)
			assert.Equal(t, tt.want, s.IsOpen(at(tt.day, tt.time)))
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, bad := range []string{"09:00-18:00", "Пн-Пт 9-18", "Пн-Пт 25:00-26:00", "Пн-Пт 09:60-18:00",
		"Пн-Пт 10:00-10:00", "Пн 09:00-18:00 обід", "Пн обід 14:00-13:00", "Пн", "Хм 09:00-18:00", "обід 13:00-14:00"} {
		_, err := Parse(bad)
		assert.Error(t, err, bad)
	}
}

func TestCityTimezone(t *testing.T) {
	// 07:30 UTC on a Monday in winter is 09:30 in Kyiv.
	open, err := ParseInLocation("Пн-Пт 09:00-18:00", time.Date(2026, 11, 23, 7, 30, 0, 0, time.UTC), kyiv)
	require.NoError(t, err)
	assert.True(t, open)
	s, _ := Parse("Пн 09:00-10:00")
	assert.False(t, s.Empty())
	assert.True(t, Schedule{}.Empty())
}
