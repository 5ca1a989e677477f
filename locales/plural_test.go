package locales

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestUkrainianPluralForms checks go-i18n's CLDR rule through N: every
// form has its own text in core.uk.toml, so the chosen form is visible.
func TestUkrainianPluralForms(t *testing.T) {
	forms := map[string]string{"one": "елемент", "few": "елементи", "many": "елементів"}
	tests := map[string][]int{
		"one":  {1, 21, 101, -1},
		"few":  {2, 3, 4, 22, 102},
		"many": {0, 5, 11, 12, 14, 25, 111, 1000},
	}
	l := New("uk")
	for form, counts := range tests {
		for _, n := range counts {
			want := strconv.Itoa(n) + " " + forms[form]
			assert.Equal(t, want, l.N("items_count", n, nil), "%d must select %q", n, form)
		}
	}
}

func TestEnglishPluralForms(t *testing.T) {
	l := New("en")
	assert.Equal(t, "1 item", l.N("items_count", 1, nil))
	for _, n := range []int{0, 2, 11, 21, 101} {
		assert.Equal(t, strconv.Itoa(n)+" items", l.N("items_count", n, nil), "count %d", n)
	}
}

func TestNKeepsCallerData(t *testing.T) {
	data := map[string]any{"Extra": "x"}
	assert.Equal(t, "3 items", New("en").N("items_count", 3, data))
	assert.Equal(t, map[string]any{"Extra": "x"}, data, "N must not modify the caller's map")
}
