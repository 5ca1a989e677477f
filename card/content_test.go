package card

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultContentOffersEveryDefaultCategory(t *testing.T) {
	c, err := LoadContent("", DefaultCategories)
	require.NoError(t, err)
	require.Len(t, c.Categories, len(DefaultCategories))
	for i, cat := range c.Categories {
		assert.Equal(t, DefaultCategories[i], cat.Code)
		for _, id := range cat.Points {
			_, ok := c.Point(id)
			assert.True(t, ok, id)
		}
	}
	assert.Equal(t, "Pensioner", c.Categories[0].Title.In("en"))
	assert.Equal(t, "Пенсіонер", c.Categories[0].Title.In("de"), "falls back to Ukrainian")
}

const okContent = `points:
  - {id: p1, name: {uk: Н, en: N}, address: {uk: А, en: A}, hours: {uk: Г, en: H}, lat: 49.8, lon: 24.0}
categories:
  - code: pupil
    title: {uk: Учень, en: Pupil}
    documents: {uk: [Паспорт], en: [Passport]}
    price: {uk: "0", en: "0"}
    validity: {uk: рік, en: year}
    processing: {uk: тиждень, en: week}
    points: [p1]
`

func TestParseContentErrors(t *testing.T) {
	tests := []struct{ name, yaml, want string }{
		{"unknown point", strings.Replace(okContent, "points: [p1]", "points: [p2]", 1), `categories[0] (pupil): points: unknown point "p2"`},
		{"missing english title", strings.Replace(okContent, "en: Pupil", "en: ''", 1), "categories[0] (pupil): title: no text in en"},
		{"no documents", strings.Replace(okContent, "en: [Passport]", "en: []", 1), "documents: no list in en"},
		{"no map pin", strings.Replace(okContent, "lat: 49.8, lon: 24.0", "lat: 0, lon: 0", 1), "points[0] (p1): lat/lon"},
		{"unknown key", okContent + "extra: 1\n", "field extra not found"},
		{"category not offered", okContent, `category "student" (listed in card.categories) is missing`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cats := []string{"pupil"}
			if tt.name == "category not offered" {
				cats = []string{"pupil", "student"}
			}
			_, err := ParseContent([]byte(tt.yaml), cats)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	_, err := ParseContent([]byte(okContent), []string{"pupil"})
	assert.NoError(t, err)
}

func TestLoadContentNamesTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "card.yaml")
	require.NoError(t, os.WriteFile(path, []byte("categories: [}"), 0o600))
	_, err := LoadContent(path, []string{"pupil"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), path)
}
