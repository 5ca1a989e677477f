// Package chart renders the council's charts for the chat as PNG (issue
// 18): attendance by month as bars, and discipline by month as a line
// against a reference line (the faction's for a deputy, the council's for
// a faction). It draws with gonum.org/v1/plot, whose embedded Liberation
// fonts cover Cyrillic, so the labels need no font on the machine.
package chart

import (
	"bytes"
	"errors"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// Size of the picture in pixels: wider than a phone's screen in dots, so
// Telegram shows it sharp, and legible when shown full width.
const (
	WidthPx  = 1000
	HeightPx = 760
	dpi      = 96
)

// Months is what one chart shows. Values are shares 0–1; NaN where a month
// has nothing to count.
type Months struct {
	Labels           []string // one per month, e.g. "11.26"
	Attendance       []float64
	Discipline       []float64
	Reference        []float64
	AttendanceTitle  string
	DisciplineTitle  string
	SubjectLegend    string // the deputy's or faction's line
	ReferenceLegend  string // the faction's or council's line
	AttendanceLegend string
}

// ErrNoData is returned for a chart without a single month.
var ErrNoData = errors.New("chart: no months")

var (
	barColour  = color.RGBA{R: 0x24, G: 0x81, B: 0xcc, A: 0xff}
	lineColour = color.RGBA{R: 0xd6, G: 0x45, B: 0x45, A: 0xff}
	refColour  = color.RGBA{R: 0x55, G: 0x55, B: 0x55, A: 0xff}
)

// Render draws m as a PNG of WidthPx × HeightPx.
func Render(m Months) ([]byte, error) {
	if len(m.Labels) == 0 {
		return nil, ErrNoData
	}
	top, err := attendancePlot(m)
	if err != nil {
		return nil, err
	}
	bottom, err := disciplinePlot(m)
	if err != nil {
		return nil, err
	}
	w, h := vg.Length(WidthPx)*vg.Inch/dpi, vg.Length(HeightPx)*vg.Inch/dpi
	img := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(dpi), vgimg.UseBackgroundColor(color.White))
	dc := draw.New(img)
	tiles := draw.Tiles{Rows: 2, Cols: 1, PadTop: vg.Points(8), PadBottom: vg.Points(8), PadLeft: vg.Points(8),
		PadRight: vg.Points(16), PadY: vg.Points(16)}
	canvases := plot.Align([][]*plot.Plot{{top}, {bottom}}, tiles, dc)
	top.Draw(canvases[0][0])
	bottom.Draw(canvases[1][0])
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: img}).WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func newPlot(title string, labels []string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font.Size = vg.Points(17)
	p.Y.Min, p.Y.Max = 0, 100
	p.Y.Tick.Label.Font.Size = vg.Points(12)
	p.X.Tick.Label.Font.Size = vg.Points(12)
	p.Legend.TextStyle.Font.Size = vg.Points(13)
	p.Legend.Top = true
	p.Add(plotter.NewGrid())
	p.NominalX(thin(labels)...)
	return p
}

// thin blanks labels so that at most about 14 are shown.
func thin(labels []string) []string {
	step := (len(labels) + 13) / 14
	out := make([]string, len(labels))
	for i, l := range labels {
		if i%step == 0 {
			out[i] = l
		}
	}
	return out
}

func attendancePlot(m Months) (*plot.Plot, error) {
	p := newPlot(m.AttendanceTitle, m.Labels)
	vals := make(plotter.Values, len(m.Attendance))
	for i, v := range m.Attendance {
		if !math.IsNaN(v) {
			vals[i] = 100 * v
		}
	}
	bars, err := plotter.NewBarChart(vals, vg.Points(math.Max(4, 560/float64(len(vals)+1))))
	if err != nil {
		return nil, err
	}
	bars.Color, bars.LineStyle.Width = barColour, 0
	p.Add(bars)
	p.Legend.Add(m.AttendanceLegend, bars)
	return p, nil
}

func disciplinePlot(m Months) (*plot.Plot, error) {
	p := newPlot(m.DisciplineTitle, m.Labels)
	p.X.Min, p.X.Max = -0.5, float64(len(m.Labels))-0.5
	for _, series := range []struct {
		values []float64
		colour color.Color
		dashed bool
		legend string
	}{{m.Reference, refColour, true, m.ReferenceLegend}, {m.Discipline, lineColour, false, m.SubjectLegend}} {
		var xys plotter.XYs
		for i, v := range series.values {
			if !math.IsNaN(v) {
				xys = append(xys, plotter.XY{X: float64(i), Y: 100 * v})
			}
		}
		if len(xys) == 0 {
			continue
		}
		line, points, err := plotter.NewLinePoints(xys)
		if err != nil {
			return nil, err
		}
		line.Color, line.Width = series.colour, vg.Points(2.5)
		points.Color, points.Radius = series.colour, vg.Points(3)
		if series.dashed {
			line.Dashes = []vg.Length{vg.Points(6), vg.Points(4)}
		}
		p.Add(line, points)
		p.Legend.Add(series.legend, line, points)
	}
	return p, nil
}
