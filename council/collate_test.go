package council

import (
	"slices"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
)

// SortByName computes each key once and orders exactly as Less does,
// keeping equal names in their order.
func TestSortByNameOrdersAsLess(t *testing.T) {
	type named struct {
		name string
		n    int
	}
	var list []named
	for i, s := range []string{"Янів", "Ґалаґан", "Мар'яненко", "білик", "Їжакевич", "Марченко", "Гнатюк", "Янів",
		"Єрмак", "Іваненко", "Білик", "Жук", "Дмитренко", "Мар’яненко"} {
		list = append(list, named{s, i})
	}
	want := slices.Clone(list)
	sort.SliceStable(want, func(i, j int) bool { return Less(want[i].name, want[j].name) })
	got := slices.Clone(list)
	SortByName(got, func(v named) string { return v.name })
	assert.Equal(t, want, got)

	byFirst := slices.Clone(list)
	SortStableBy(byFirst, func(v named) string { return v.name }, func(a, b named) int { return b.n%3 - a.n%3 })
	sort.SliceStable(want, func(i, j int) bool { return want[i].n%3 > want[j].n%3 })
	assert.Equal(t, want, byFirst, "first decides, then the name")
}
