package handlers

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/transparentcities/nazar/callback"
	"github.com/transparentcities/nazar/locales"
)

func TestBusinessDistance(t *testing.T) {
	uk, en := locales.New("uk"), locales.New("en")
	tests := []struct {
		m      float64
		uk, en string
	}{
		{0, "0 м", "0 m"},
		{349.6, "350 м", "350 m"},
		{999.4, "999 м", "999 m"},
		{1000, "1,0 км", "1.0 km"},
		{1949, "1,9 км", "1.9 km"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.uk, businessDistance(uk, tt.m))
		assert.Equal(t, tt.en, businessDistance(en, tt.m))
	}
}

func TestBusinessPagerFitsButtonData(t *testing.T) {
	b := &Business{PageSize: 8}
	l := locales.New("uk")
	words := "apteka zdorovia"
	row := Pager(l, 1, 30, b.PageSize, func(p int64) string { return bzNS.Fit(bzSearch, itoa(p), words) })
	assert.Len(t, row, 2, "◀ and ▶ in the middle")
	d, err := callback.Decode(row[1].Data)
	assert.NoError(t, err)
	assert.Equal(t, []string{"2", words}, d.Args)

	long := strings.Repeat("shchedryi ", 8)
	row = Pager(l, 0, 30, b.PageSize, func(p int64) string { return bzNS.Fit(bzSearch, itoa(p), long) })
	assert.Empty(t, row, "words over 64 bytes get no pager instead of a panic")
	assert.Empty(t, Pager(l, 0, 8, b.PageSize, func(int64) string { return "x" }), "one page has no pager")
}
