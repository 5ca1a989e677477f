package locales

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// Expected strings spell the no-break space as \u00a0 and the Ukrainian
// minus as \u2212 so that an ordinary space or hyphen cannot pass.

func TestInt(t *testing.T) {
	tests := []struct {
		n      int64
		uk, en string
	}{
		{0, "0", "0"},
		{7, "7", "7"},
		{999, "999", "999"},
		{1000, "1\u00a0000", "1,000"},
		{1234567, "1\u00a0234\u00a0567", "1,234,567"},
		{-1234, "\u22121\u00a0234", "-1,234"},
		{math.MinInt64, "\u22129\u00a0223\u00a0372\u00a0036\u00a0854\u00a0775\u00a0808", "-9,223,372,036,854,775,808"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.uk, New("uk").Int(tt.n), "uk %d", tt.n)
		assert.Equal(t, tt.en, New("en").Int(tt.n), "en %d", tt.n)
	}
}

func TestDecimal(t *testing.T) {
	tests := []struct {
		v      float64
		places int
		uk, en string
	}{
		{1234.5, 1, "1\u00a0234,5", "1,234.5"},
		{1234.5, 0, "1\u00a0234", "1,234"}, // strconv rounds half to even
		{0.125, 2, "0,12", "0.12"},
		{2.675, 2, "2,67", "2.67"}, // binary 2.67499…
		{1e6, 2, "1\u00a0000\u00a0000,00", "1,000,000.00"},
		{-3.25, 1, "\u22123,2", "-3.2"},
		{-0.04, 1, "0,0", "0.0"},
		{5, -1, "5", "5"},
		{math.NaN(), 1, "—", "—"},
		{math.Inf(-1), 1, "—", "—"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.uk, New("uk").Decimal(tt.v, tt.places), "uk %v/%d", tt.v, tt.places)
		assert.Equal(t, tt.en, New("en").Decimal(tt.v, tt.places), "en %v/%d", tt.v, tt.places)
	}
}

func TestMoney(t *testing.T) {
	tests := []struct {
		kop    int64
		uk, en string
	}{
		{0, "0,00\u00a0грн", "UAH\u00a00.00"},
		{5, "0,05\u00a0грн", "UAH\u00a00.05"},
		{123450, "1\u00a0234,50\u00a0грн", "UAH\u00a01,234.50"},
		{100000000, "1\u00a0000\u00a0000,00\u00a0грн", "UAH\u00a01,000,000.00"},
		{-123450, "\u22121\u00a0234,50\u00a0грн", "-UAH\u00a01,234.50"},
		{-5, "\u22120,05\u00a0грн", "-UAH\u00a00.05"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.uk, New("uk").Money(tt.kop), "uk %d", tt.kop)
		assert.Equal(t, tt.en, New("en").Money(tt.kop), "en %d", tt.kop)
	}
}

func TestPercent(t *testing.T) {
	tests := []struct {
		num, den int
		uk, en   string
	}{
		{23, 51, "45,1\u00a0%", "45.1%"},
		{0, 0, "—", "—"},
		{5, 0, "—", "—"},
		{0, 7, "0,0\u00a0%", "0.0%"},
		{1, 3, "33,3\u00a0%", "33.3%"},
		{2, 3, "66,7\u00a0%", "66.7%"},
		{1, 2000, "0,1\u00a0%", "0.1%"}, // 0.05 % rounds half up
		{1, 2001, "0,0\u00a0%", "0.0%"},
		{51, 51, "100,0\u00a0%", "100.0%"},
		{123, 10, "1\u00a0230,0\u00a0%", "1,230.0%"},
		{-1, 3, "\u221233,3\u00a0%", "-33.3%"},
		{1, -3, "\u221233,3\u00a0%", "-33.3%"},
		{-1, -3, "33,3\u00a0%", "33.3%"},
		{math.MaxInt, 1, "922\u00a0337\u00a0203\u00a0685\u00a0477\u00a0580\u00a0700,0\u00a0%", "922,337,203,685,477,580,700.0%"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.uk, New("uk").Percent(tt.num, tt.den), "uk %d/%d", tt.num, tt.den)
		assert.Equal(t, tt.en, New("en").Percent(tt.num, tt.den), "en %d/%d", tt.num, tt.den)
	}
}

func TestDateAndDateTime(t *testing.T) {
	kyiv := time.FixedZone("EET", 2*3600)
	tests := []struct {
		t                          time.Time
		ukDate, enDate, ukDT, enDT string
	}{
		{time.Date(2026, 11, 28, 10, 0, 0, 0, kyiv), "28.11.2026", "28 Nov 2026", "28.11.2026 10:00", "28 Nov 2026, 10:00"},
		{time.Date(2027, 1, 5, 7, 3, 59, 0, time.UTC), "05.01.2027", "5 Jan 2027", "05.01.2027 07:03", "5 Jan 2027, 07:03"},
		{time.Date(2026, 12, 31, 23, 59, 0, 0, kyiv), "31.12.2026", "31 Dec 2026", "31.12.2026 23:59", "31 Dec 2026, 23:59"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.ukDate, New("uk").Date(tt.t))
		assert.Equal(t, tt.enDate, New("en").Date(tt.t))
		assert.Equal(t, tt.ukDT, New("uk").DateTime(tt.t))
		assert.Equal(t, tt.enDT, New("en").DateTime(tt.t))
	}
}
