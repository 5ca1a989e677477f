package council

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNameQuery(t *testing.T) {
	names := []string{"Муль Роман Миколайович", "Янів Андрій Євстахійович", "Янів Олена Георгіївна",
		"Городинський Михайло Мар'янович"}
	tests := []struct {
		query string
		want  []int
	}{
		{"Муль", []int{0}},
		{"муль", []int{0}},
		{"Mul", []int{0}},
		{"MUL", []int{0}},
		{"Yaniv", []int{1, 2}},
		{"янів олена", []int{2}},
		{"Olena Yaniv", []int{2}},
		{"андрійович", nil},
		{"Мар'янович", []int{3}},
		{"Marianovych", []int{3}},
		{"ський", []int{3}},
		{"Шевченко", nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			q, ok := ParseNameQuery(tt.query)
			assert.True(t, ok)
			var got []int
			for i, n := range names {
				if q.Matches(NameKey(n)) {
					got = append(got, i)
				}
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestNameQueryRejects(t *testing.T) {
	for _, bad := range []string{"", " ", "М", "'; DROP TABLE council_deputies; --x"[0:3], "%%", strings.Repeat("а", 4000)} {
		_, ok := ParseNameQuery(bad)
		assert.False(t, ok, bad)
	}
	q, ok := ParseNameQuery("'; DROP TABLE council_deputies; --")
	assert.True(t, ok, "SQL-looking text is just words")
	assert.False(t, q.Matches(NameKey("Муль Роман")))
}

func TestLessFollowsTheUkrainianAlphabet(t *testing.T) {
	assert.True(t, Less("Білик", "Їжакевич"))
	assert.True(t, Less("Гнатюк", "Ґалаґан"))
	assert.True(t, Less("Ґалаґан", "Дмитренко"))
	assert.True(t, Less("Іваненко", "Їжакевич"))
	assert.True(t, Less("Єрмак", "Жук"))
	assert.True(t, Less("Марченко", "Мар'яненко"), "the apostrophe is ignored: «марч» < «маря»")
	assert.False(t, Less("Янів", "Янів"))
}
