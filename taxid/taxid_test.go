package taxid

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCheck(t *testing.T) {
	cases := []struct {
		in   string
		kind Kind
		err  error
	}{
		{"00032129", EDRPOU, nil},         // Oschadbank: weights 1..7
		{"14360570", EDRPOU, nil},         // PrivatBank
		{"21560766", EDRPOU, nil},         // Ukrtelecom
		{"30487219", EDRPOU, nil},         // a code in the 30–60 million range: weights 7,1..6
		{"00032128", EDRPOU, ErrChecksum}, // one digit off
		{"14360571", EDRPOU, ErrChecksum},
		{"1234567890", RNOKPP, ErrChecksum},
		{"2245134075", RNOKPP, nil},
		{"2245134076", RNOKPP, ErrChecksum},
		{"1234567", Unknown, ErrLength},
		{"123456789", Unknown, ErrLength},
		{"", Unknown, ErrLength},
		{"1436O570", Unknown, ErrNotDigits},
		{"-1436057", Unknown, ErrNotDigits},
	}
	for _, c := range cases {
		kind, err := Check(c.in)
		assert.Equal(t, c.kind, kind, c.in)
		assert.ErrorIs(t, err, c.err, c.in)
		if c.err == nil {
			assert.NoError(t, err, c.in)
		}
	}
}

// Any other check digit is refused.
func TestEveryWrongCheckDigitIsCaught(t *testing.T) {
	for _, valid := range []string{"00032129", "14360570", "30487219", "2245134075"} {
		last := len(valid) - 1
		for d := byte('0'); d <= '9'; d++ {
			if d == valid[last] {
				continue
			}
			_, err := Check(valid[:last] + string(d))
			assert.ErrorIs(t, err, ErrChecksum, valid[:last]+string(d))
		}
	}
}

func TestNormalize(t *testing.T) {
	assert.Equal(t, "14360570", Normalize(" 1436 0570 "))
}

func FuzzCheck(f *testing.F) {
	for _, s := range []string{"00032129", "2245134075", "", "abc", "99999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		kind, err := Check(s)
		if err == nil && kind == Unknown {
			t.Fatalf("%q: valid but of no kind", s)
		}
	})
}
