package council

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/transparentcities/nazar/council"
	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/locales"
)

func TestLowestOrdersByShareThenCounts(t *testing.T) {
	dep := func(name string, present, days int) council.Deputy {
		return council.Deputy{FullName: name, PresentDays: present, Days: days}
	}
	all := []council.Deputy{dep("Ярема", 3, 3), dep("Білик", 1, 2), dep("Їжак", 2, 4), dep("Вовк", 0, 0), dep("Антонюк", 1, 2)}
	var got []string
	for _, d := range Lowest(all, func(m council.Metrics) council.Ratio { return m.Attendance }) {
		got = append(got, d.FullName)
	}
	assert.Equal(t, []string{"Їжак", "Антонюк", "Білик", "Ярема"}, got,
		"50 % of 4 before 50 % of 2; ties by name in alphabet order; nothing measured is left out")
}

func TestPagerAndSpan(t *testing.T) {
	l := locales.New("en")
	tests := []struct {
		page  int64
		total int
		want  []string
	}{
		{0, 5, nil},
		{0, 25, []string{"1|cn|s|1"}},
		{1, 25, []string{"1|cn|s|0", "1|cn|s|2"}},
		{2, 25, []string{"1|cn|s|1"}},
	}
	for _, tt := range tests {
		var got []string
		for _, b := range CnNS.Pager(l, tt.page, tt.total, 10, CnSessions) {
			got = append(got, b.Data)
		}
		assert.Equal(t, tt.want, got, "page %d of %d", tt.page, tt.total)
	}
	from, to := handlers.Span(2, 5, 10)
	assert.Equal(t, [2]int{21, 25}, [2]int{from, to})
	assert.Equal(t, "Про бюд…", handlers.Short("Про бюджет", 8))
	assert.Equal(t, "Про", handlers.Short("Про", 8))
}

func TestRatioShowsCountsBehindThePercentage(t *testing.T) {
	assert.Equal(t, "45,1\u00a0% — 23 з 51", ratio(locales.New("uk"), council.Ratio{Num: 23, Den: 51}))
	assert.Equal(t, "— — 0 of 0", ratio(locales.New("en"), council.Ratio{}))
}
