package voucher

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/money"
)

// demo are the default rules: 50 %, caps 25 000 (ФОП) and 50 000 грн.
var demo = Rules{ShareBP: 5000, Caps: map[string]int64{FOP: 25_000_00, Legal: 50_000_00},
	Categories: []string{"marketing", "expert"},
	Opens:      time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), Closes: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)}

func TestCalculateAroundTheCaps(t *testing.T) {
	tests := []struct {
		name      string
		applicant string
		expenses  int64
		voucher   int64
		own       int64
		rule      Rule
	}{
		// Legal entity, cap 50 000,00: the share crosses it at 100 000,00.
		{"legal share 49 999,99", Legal, 99_999_98, 49_999_99, 49_999_99, RuleShare},
		{"legal share rounds up to 50 000,00", Legal, 99_999_99, 50_000_00, 49_999_99, RuleCap},
		{"legal share exactly the cap", Legal, 100_000_00, 50_000_00, 50_000_00, RuleCap},
		{"legal share 50 000,01 capped", Legal, 100_000_02, 50_000_00, 50_000_02, RuleCap},
		{"legal expenses 49 999,99", Legal, 49_999_99, 25_000_00, 24_999_99, RuleShare}, // 24 999,995 rounds up
		{"legal expenses 50 000,00", Legal, 50_000_00, 25_000_00, 25_000_00, RuleShare},
		{"legal expenses 50 000,01", Legal, 50_000_01, 25_000_01, 25_000_00, RuleShare}, // 25 000,005 rounds up
		{"legal expenses 60 000 (e2e)", Legal, 60_000_00, 30_000_00, 30_000_00, RuleShare},
		{"legal far over", Legal, 1_000_000_00, 50_000_00, 950_000_00, RuleCap},
		// Sole proprietor, cap 25 000,00: the share crosses it at 50 000,00.
		{"fop share 24 999,99", FOP, 49_999_98, 24_999_99, 24_999_99, RuleShare},
		{"fop share rounds to the cap", FOP, 49_999_99, 25_000_00, 24_999_99, RuleCap},
		{"fop share exactly the cap", FOP, 50_000_00, 25_000_00, 25_000_00, RuleCap},
		{"fop 50 000,01 capped", FOP, 50_000_01, 25_000_00, 25_000_01, RuleCap},
		{"fop 80 000 (e2e)", FOP, 80_000_00, 25_000_00, 55_000_00, RuleCap},
		{"fop 100 000,02", FOP, 100_000_02, 25_000_00, 75_000_02, RuleCap},
		{"one kopiyka: half rounds up", FOP, 1, 1, 0, RuleShare},
		{"three kopiykas", FOP, 3, 2, 1, RuleShare},
		{"largest amount", Legal, money.Max, 50_000_00, money.Max - 50_000_00, RuleCap},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Calculate(demo, tt.applicant, tt.expenses)
			require.NoError(t, err)
			assert.Equal(t, tt.voucher, res.Voucher, "voucher")
			assert.Equal(t, tt.own, res.Own, "own part")
			assert.Equal(t, tt.rule, res.Rule, "rule")
			assert.Equal(t, tt.expenses, res.Voucher+res.Own, "the parts add up")
		})
	}
}

func TestCalculateRefuses(t *testing.T) {
	_, err := Calculate(demo, "ngo", 100)
	assert.ErrorIs(t, err, ErrApplicantType)
	for _, e := range []int64{0, -1, money.Max + 1} {
		_, err = Calculate(demo, FOP, e)
		assert.ErrorIs(t, err, ErrExpenses, e)
	}
}

func TestShareOfOtherShares(t *testing.T) {
	tests := []struct {
		expenses, bp, want int64
	}{
		{100_00, 3333, 33_33},
		{1, 3333, 0},      // 0,3333 kopiyka rounds down
		{2, 2500, 1},      // 0,5 rounds up
		{150, 10000, 150}, // 100 %
		{10_00, 1, 0},     // 0,01 % of 10 грн is 0,1 kopiyka
		{money.Max, 10000, money.Max},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, ShareOf(tt.expenses, tt.bp), "%d × %d bp", tt.expenses, tt.bp)
	}
}

func TestWindow(t *testing.T) {
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	require.NoError(t, err)
	tests := []struct {
		at   time.Time
		want WindowState
	}{
		{time.Date(2026, 3, 1, 23, 59, 0, 0, kyiv), WindowNotYet},
		{time.Date(2026, 3, 2, 0, 0, 0, 0, kyiv), WindowOpen},
		{time.Date(2026, 12, 31, 23, 59, 0, 0, kyiv), WindowOpen},
		{time.Date(2027, 1, 1, 0, 0, 0, 0, kyiv), WindowClosed},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, demo.Window(tt.at), tt.at.String())
	}
	assert.True(t, demo.Eligible("expert"))
	assert.False(t, demo.Eligible("travel"))
}
