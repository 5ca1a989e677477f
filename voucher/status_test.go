package voucher

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/transparentcities/nazar/taxid"
)

func TestCheckTaxID(t *testing.T) {
	tests := []struct {
		name, applicant, in, want string
		err                       error
	}{
		{"fop rnokpp", FOP, "2245134075", "2245134075", nil},
		{"fop rnokpp with spaces", FOP, " 22451 34075 ", "2245134075", nil},
		{"legal edrpou", Legal, "14360570", "14360570", nil},
		{"fop typed an edrpou", FOP, "14360570", "14360570", ErrWrongKind},
		{"legal typed an rnokpp", Legal, "2245134075", "2245134075", ErrWrongKind},
		{"checksum", Legal, "14360571", "14360571", taxid.ErrChecksum},
		{"length", FOP, "123456789", "123456789", taxid.ErrLength},
		{"letters", FOP, "22451340AB", "22451340AB", taxid.ErrNotDigits},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CheckTaxID(tt.applicant, tt.in)
			assert.Equal(t, tt.want, got)
			if tt.err == nil {
				assert.NoError(t, err)
			} else {
				assert.ErrorIs(t, err, tt.err)
			}
		})
	}
}

func TestNormalizeNumber(t *testing.T) {
	n, ok := NormalizeNumber(" lv-2026-000123 ")
	assert.True(t, ok)
	assert.Equal(t, "LV-2026-000123", n)
	for _, bad := range []string{"", "ab", "LV 2026", "LV-2026-000123-" + "XXXXXXXXXXXXXXXXXXXX", "лв-1"} {
		_, ok := NormalizeNumber(bad)
		assert.False(t, ok, bad)
	}
}

func TestTimeline(t *testing.T) {
	tests := []struct {
		name    string
		current string
		history []Change
		want    []Stage
	}{
		{"submitted", Submitted, []Change{{Submitted, "2026-03-05"}}, []Stage{
			{Submitted, true, true, "2026-03-05"}, {UnderReview, false, false, ""},
			{Approved, false, false, ""}, {Paid, false, false, ""}}},
		{"imported as approved: earlier stages undated", Approved, []Change{{Approved, "2026-04-01"}}, []Stage{
			{Submitted, true, false, ""}, {UnderReview, true, false, ""},
			{Approved, true, true, "2026-04-01"}, {Paid, false, false, ""}}},
		{"rejected has no payment", Rejected, []Change{{Submitted, "2026-03-05"}, {Rejected, "2026-03-20"}}, []Stage{
			{Submitted, true, true, "2026-03-05"}, {UnderReview, true, false, ""}, {Rejected, true, true, "2026-03-20"}}},
		{"paid", Paid, []Change{{Submitted, "a"}, {UnderReview, "b"}, {Approved, "c"}, {Paid, "d"}}, []Stage{
			{Submitted, true, true, "a"}, {UnderReview, true, true, "b"}, {Approved, true, true, "c"}, {Paid, true, true, "d"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Timeline(tt.current, tt.history))
		})
	}
}

func TestNext(t *testing.T) {
	for _, s := range Statuses {
		for _, n := range Next(s) {
			assert.True(t, ValidStatus(n))
			assert.NotEqual(t, s, n)
		}
	}
	assert.Empty(t, Next(Paid))
	assert.False(t, ValidStatus("lost"))
}

// Approved and paid applications carry an approved amount; no other does.
func TestCarriesAmount(t *testing.T) {
	want := map[string]bool{Submitted: false, UnderReview: false, Approved: true, Rejected: false, Paid: true}
	for _, s := range Statuses {
		assert.Equal(t, want[s], CarriesAmount(s), s)
	}
	assert.Len(t, want, len(Statuses), "a new status decides whether it carries an amount")
	assert.False(t, CarriesAmount("unknown"))
}
