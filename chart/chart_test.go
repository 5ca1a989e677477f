package chart

import (
	"bytes"
	"image/png"
	"math"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/image/font/sfnt"
)

func sample(n int) Months {
	m := Months{AttendanceTitle: "Відвідуваність по місяцях, %", DisciplineTitle: "Дисципліна по місяцях, %",
		SubjectLegend: "депутат", ReferenceLegend: "фракція", AttendanceLegend: "відвідуваність"}
	for i := range n {
		m.Labels = append(m.Labels, "міс"+string(rune('А'+i%20)))
		m.Attendance = append(m.Attendance, float64(i%5)/4)
		d := 0.9 - float64(i%3)/10
		if i == 2 {
			d = math.NaN() // a month without a line
		}
		m.Discipline = append(m.Discipline, d)
		m.Reference = append(m.Reference, 0.85)
	}
	return m
}

func TestRenderIsALegiblePNG(t *testing.T) {
	if dir := os.Getenv("NAZAR_CHART_OUT"); dir != "" { // a look at the picture: NAZAR_CHART_OUT=/tmp go test ./chart/
		out, err := Render(sample(12))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(dir+"/chart.png", out, 0o644))
	}
	for _, n := range []int{1, 6, 40} {
		out, err := Render(sample(n))
		require.NoError(t, err)
		img, err := png.Decode(bytes.NewReader(out))
		require.NoError(t, err)
		assert.GreaterOrEqual(t, img.Bounds().Dx(), 800, "legible on a phone: at least 800 px wide")
		assert.Equal(t, WidthPx, img.Bounds().Dx())
		assert.Equal(t, HeightPx, img.Bounds().Dy())
	}
	_, err := Render(Months{})
	assert.ErrorIs(t, err, ErrNoData)
}

// The charts' font is embedded (Liberation Serif) and has the Ukrainian
// letters: labels render as text, not as boxes, on any machine.
func TestTheFontHasCyrillic(t *testing.T) {
	f, err := serif()
	require.NoError(t, err)
	var buf sfnt.Buffer
	for _, r := range "ВідвуаністьДсциплінаїєґЇЄҐʼ" {
		idx, err := f.GlyphIndex(&buf, r)
		require.NoError(t, err)
		assert.NotZero(t, idx, "glyph for %q", r)
	}
}
