package kved

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestClassifierShape(t *testing.T) {
	assert.Len(t, Sections(), 21)
	assert.Len(t, divisions, 88)
	total := 0
	for i, s := range Sections() {
		assert.Equal(t, string(rune('A'+i)), s.Code, "sections run A–U in order")
		ds := Divisions(s.Code)
		assert.NotEmpty(t, ds, s.Code)
		assert.NotEmpty(t, s.Uk)
		assert.NotEmpty(t, s.En)
		total += len(ds)
	}
	assert.Equal(t, 88, total, "every division belongs to exactly one section")
	for _, d := range divisions {
		_, ok := SectionOf(d.Code)
		assert.True(t, ok, d.Code)
		assert.NotEmpty(t, d.Uk)
		assert.NotEmpty(t, d.En)
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		in, div, sec string
		ok           bool
	}{
		{"47.73", "47", "G", true},
		{"56.10", "56", "I", true},
		{"85", "85", "P", true},
		{"01.1", "01", "A", true},
		{" 99.00 ", "99", "U", true},
		{"04.10", "", "", false}, // no division 04
		{"34", "", "", false},
		{"100", "", "", false},
		{"47.", "", "", false},
		{"47.735", "", "", false},
		{"4a.11", "", "", false},
		{"", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			c, err := Parse(tt.in)
			if !tt.ok {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.div, c.Division)
			assert.Equal(t, tt.sec, c.Section)
		})
	}
}

func TestNames(t *testing.T) {
	s, ok := SectionByCode("G")
	require.True(t, ok)
	assert.Contains(t, s.Name("uk"), "торгівля")
	assert.Contains(t, s.Name("en"), "trade")
	d, ok := DivisionByCode("56")
	require.True(t, ok)
	assert.Equal(t, "Food and beverage service activities", d.Name("en"))
	_, ok = SectionByCode("Z")
	assert.False(t, ok)
	assert.Nil(t, Divisions("Z"))
}
