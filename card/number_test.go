package card

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseNumber(t *testing.T) {
	rules := NumberRules{Length: 16, Luhn: true}
	tests := []struct {
		name, in, want string
		rules          NumberRules
		err            error
	}{
		{"plain valid", "4111111111111111", "4111111111111111", rules, nil},
		{"spaces and dashes", " 4111 1111-1111 1111 ", "4111111111111111", rules, nil},
		{"letters", "4111 abcd 1111 1111", "", rules, ErrNotDigits},
		{"empty", "  ", "", rules, ErrNotDigits},
		{"too short", "4111 1111", "", rules, ErrTooShort},
		{"too long", "41111111111111111", "", rules, ErrTooLong},
		{"wrong check digit", "4111111111111112", "", rules, ErrLuhn},
		{"luhn off", "4111111111111112", "4111111111111112", NumberRules{Length: 16}, nil},
		{"other length", "1234567890", "1234567890", NumberRules{Length: 10}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseNumber(tt.in, tt.rules)
			assert.ErrorIs(t, err, tt.err)
			if tt.err == nil {
				require.NoError(t, err)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestLuhn(t *testing.T) {
	assert.True(t, Luhn("79927398713"))
	assert.False(t, Luhn("79927398710"))
	assert.False(t, Luhn("7"))
	for _, p := range []string{"400000000000000", "927300000000001", "12345"} {
		full := p + string(LuhnDigit(p))
		assert.True(t, Luhn(full), full)
	}
}

func TestParseBirthDate(t *testing.T) {
	today := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		in   string
		want time.Time
		err  error
	}{
		{"28.02.1980", day(1980, 2, 28), nil},
		{"1.2.1980", day(1980, 2, 1), nil},
		{"1980-02-29", day(1980, 2, 29), nil},
		{"29.02.1981", time.Time{}, ErrDateBad},
		{"31.02.1980", time.Time{}, ErrDateBad},
		{"00.01.1980", time.Time{}, ErrDateBad},
		{"12.13.1980", time.Time{}, ErrDateBad},
		{"28.11.2026", day(2026, 11, 28), nil},
		{"29.11.2026", time.Time{}, ErrDateFuture},
		{"01.01.1899", time.Time{}, ErrDateOld},
		{"yesterday", time.Time{}, ErrDateFormat},
		{"28.02.80", time.Time{}, ErrDateFormat},
		{"", time.Time{}, ErrDateFormat},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseBirthDate(tt.in, today)
			assert.ErrorIs(t, err, tt.err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"4111 1111 1111 1111", "abc", "--", "४१११"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNumber(s, NumberRules{Length: 16, Luhn: true})
		if err == nil && (len(n) != 16 || !Luhn(n)) {
			t.Fatalf("accepted %q as %q", s, n)
		}
	})
}
