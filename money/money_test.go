package money

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/transparentcities/nazar/locales"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		err  error
	}{
		{"12 500,50", 1250050, nil},
		{"12500.5", 1250050, nil},
		{"12 500 грн", 1250000, nil},
		{"UAH 12,500.50", 1250050, nil},
		{"12\u00a0500,50\u00a0грн", 1250050, nil}, // as locales formats uk
		{"UAH\u00a012,500.50", 1250050, nil},      // as locales formats en
		{"12\u202f500,50", 1250050, nil},          // narrow no-break space
		{"12\u2009500", 1250000, nil},             // thin space
		{"1.250.000,75", 125000075, nil},
		{"1,250,000", 125000000, nil},
		{"12,500", 1250000, nil}, // a group of three is thousands
		{"12,5", 1250, nil},
		{"0,01", 1, nil},
		{"0.5", 50, nil},
		{"80000", 8000000, nil},
		{"+100", 10000, nil},
		{"₴ 99", 9900, nil},
		{"99 ГРН.", 9900, nil},
		{"5 гривень", 500, nil},
		{"  7  ", 700, nil},
		{"1000000000", Max, nil},
		{"1 000 000 000,00 грн", Max, nil},
		{"", 0, ErrEmpty},
		{"   ", 0, ErrEmpty},
		{"грн", 0, ErrEmpty},
		{"-5", 0, ErrNegative},
		{"−1 234,50 грн", 0, ErrNegative}, // U+2212 as locales writes it
		{"-UAH 5", 0, ErrSyntax},
		{"UAH -5", 0, ErrNegative},
		{"0", 0, ErrZero},
		{"0,00 грн", 0, ErrZero},
		{"0.001", 0, ErrPrecision},
		{"12500,505", 0, ErrPrecision},
		{"12 500,505", 0, ErrPrecision},
		{"1,234.567", 0, ErrPrecision},
		{"0,500", 0, ErrPrecision},
		{"1000000000,01", 0, ErrTooLarge},
		{"99999999999999999999999", 0, ErrTooLarge},
		{"1 000 000 000 000", 0, ErrTooLarge},
		{"abc", 0, ErrSyntax},
		{"12 50", 0, ErrSyntax},
		{"12,500,50", 0, ErrSyntax},
		{"1,2,3", 0, ErrSyntax},
		{"5.", 0, ErrSyntax},
		{".5", 0, ErrSyntax},
		{"1e5", 0, ErrSyntax},
		{"грн 5 грн", 0, ErrSyntax},
		{"12$", 0, ErrSyntax},
		{"-abc", 0, ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := Parse(tt.in)
			assert.ErrorIs(t, err, tt.err)
			if tt.err == nil {
				assert.NoError(t, err)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// FuzzParse checks that Parse never panics, that whatever it accepts is a
// positive amount within Max, and that what the bot prints it reads back.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"12 500,50", "12500.5", "12 500 грн", "UAH 12,500.50", "−1", "0,001",
		"1.250.000,75", "₴1", "9999999999,99", "\u00a0", "грн.грн", "İ5"} {
		f.Add(s)
	}
	uk, en := locales.New("uk"), locales.New("en")
	f.Fuzz(func(t *testing.T, s string) {
		v, err := Parse(s)
		if err != nil {
			if v != 0 {
				t.Fatalf("Parse(%q) = %d with error %v", s, v, err)
			}
			return
		}
		if v <= 0 || v > Max {
			t.Fatalf("Parse(%q) = %d, outside (0, Max]", s, v)
		}
		for _, l := range []*locales.Localizer{uk, en} {
			back, err := Parse(l.Money(v))
			if err != nil || back != v {
				t.Fatalf("Parse(%q) = %d; its %s form %q reads back as %d, %v", s, v, l.Lang, l.Money(v), back, err)
			}
		}
	})
}
