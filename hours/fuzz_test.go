package hours

import (
	"testing"
	"time"
)

// FuzzParse checks that no text makes Parse or IsOpen panic and that every
// parsed span stays within a day.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"Пн-Пт 09:00-18:00, Сб 10:00-14:00", "Пн-Пт 09:00-18:00, обід 13:00-14:00, Нд вихідний",
		"Пт-Сб 12:00-02:00", "щодня цілодобово", "Mon-Fri 9:00-17:00; Sat closed", "Пн, Ср 10:00-12:00",
		"Пн-Пт 8:00-17:00 (перерва 12:00-12:45)", "", ",,,", "Пн-", "-", "24:00-24:00", "Пн 23:59-00:00",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		s, err := Parse(text)
		if err != nil {
			return
		}
		for d := range 7 {
			for _, sp := range append(s.Open[d], s.Breaks[d]...) {
				if sp.From < 0 || sp.From >= 1440 || sp.To < 0 || sp.To > 1440 {
					t.Fatalf("%q: span %v out of a day", text, sp)
				}
			}
		}
		start := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
		for m := 0; m < 7*24*60; m += 37 {
			s.IsOpen(start.Add(time.Duration(m) * time.Minute))
		}
	})
}
