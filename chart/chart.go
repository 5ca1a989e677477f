// Package chart renders the council's charts for the chat as PNG (issue
// 18): attendance by month as bars, and discipline by month as a line
// against a reference line (the faction's for a deputy, the council's for
// a faction). It draws with git.sr.ht/~sbinet/gg in the embedded
// Liberation Serif, which covers Cyrillic, so the labels need no font on the
// machine. The font is the binary's only one and is parsed on the first
// chart (issue 20: gonum plot, drawn with before, linked twelve fonts and
// parsed them all at start-up).
package chart

import (
	"bytes"
	"errors"
	"image/color"
	"math"
	"strconv"
	"sync"

	"codeberg.org/go-fonts/liberation/liberationserifregular"
	"git.sr.ht/~sbinet/gg"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
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

// Render draws m as a PNG of WidthPx × HeightPx: attendance above,
// discipline below.
func Render(m Months) ([]byte, error) {
	if len(m.Labels) == 0 {
		return nil, ErrNoData
	}
	f, err := serif()
	if err != nil {
		return nil, err
	}
	faces, err := newFaces(f)
	if err != nil {
		return nil, err
	}
	dc := gg.NewContext(WidthPx, HeightPx)
	dc.SetColor(color.White)
	dc.Clear()
	pad, gap := pt(8), pt(16)
	h := (HeightPx - 2*pad - gap) / 2
	top := panel{x: pad, y: pad, w: WidthPx - pad - pt(16), h: h, labels: thin(m.Labels), faces: faces}
	bottom := top
	bottom.y = pad + h + gap
	top.drawAttendance(dc, m)
	bottom.drawDiscipline(dc, m)
	var buf bytes.Buffer
	if err := dc.EncodePNG(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

var (
	serifOnce sync.Once
	serifFont *opentype.Font
	serifErr  error
)

// serif parses the embedded font once, on the first chart.
func serif() (*opentype.Font, error) {
	serifOnce.Do(func() { serifFont, serifErr = opentype.Parse(liberationserifregular.TTF) })
	return serifFont, serifErr
}

// faces are the sizes a chart writes in; a face is not safe for concurrent
// use, so each Render makes its own from the shared font.
type faces struct{ title, tick, legend font.Face }

func newFaces(f *opentype.Font) (faces, error) {
	var out faces
	for _, s := range []struct {
		face *font.Face
		size float64
	}{{&out.title, 17}, {&out.tick, 12}, {&out.legend, 13}} {
		face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: s.size, DPI: dpi, Hinting: font.HintingFull})
		if err != nil {
			return faces{}, err
		}
		*s.face = face
	}
	return out, nil
}

// pt converts typographic points to pixels at dpi.
func pt(points float64) float64 { return points * dpi / 72 }

// panel is one of the two charts: a title, a 0–100 % axis on the left, one
// slot per month along the bottom.
type panel struct {
	x, y, w, h float64
	labels     []string
	faces      faces
	// the plotting area, set by frame
	left, right, top, bottom float64
}

// frame draws the title, grid, axes and labels and sets the plotting area.
func (p *panel) frame(dc *gg.Context, title string) {
	dc.SetFontFace(p.faces.title)
	dc.SetColor(color.Black)
	dc.DrawStringAnchored(title, p.x+p.w/2, p.y, 0.5, 1)
	dc.SetFontFace(p.faces.tick)
	labelW, _ := dc.MeasureString("100")
	tickH := dc.FontHeight()
	p.left, p.right = p.x+labelW+pt(10), p.x+p.w
	p.top, p.bottom = p.y+pt(17)*1.5, p.y+p.h-tickH-pt(6)
	dc.SetLineWidth(pt(0.5))
	dc.SetColor(color.Gray{Y: 0xd8})
	for _, v := range []float64{0, 50, 100} {
		dc.DrawLine(p.left, p.yOf(v), p.right, p.yOf(v))
	}
	for i := range p.labels {
		dc.DrawLine(p.xOf(i), p.top, p.xOf(i), p.bottom)
	}
	dc.Stroke()
	dc.SetColor(color.Black)
	dc.DrawLine(p.left, p.top, p.left, p.bottom)
	for v := 0.0; v <= 100; v += 10 {
		tick := pt(3)
		if int(v)%50 == 0 {
			tick = pt(6)
		}
		dc.DrawLine(p.left-tick, p.yOf(v), p.left, p.yOf(v))
	}
	dc.Stroke()
	for _, v := range []float64{0, 50, 100} {
		dc.DrawStringAnchored(strconv.Itoa(int(v)), p.left-pt(8), p.yOf(v), 1, 0.35)
	}
	for i, l := range p.labels {
		dc.DrawStringAnchored(l, p.xOf(i), p.bottom+pt(4), 0.5, 1)
	}
}

func (p *panel) slot() float64         { return (p.right - p.left) / float64(len(p.labels)) }
func (p *panel) xOf(i int) float64     { return p.left + (float64(i)+0.5)*p.slot() }
func (p *panel) yOf(v float64) float64 { return p.bottom - v/100*(p.bottom-p.top) }

func (p *panel) drawAttendance(dc *gg.Context, m Months) {
	p.frame(dc, m.AttendanceTitle)
	width := math.Min(pt(math.Max(4, 560/float64(len(m.Attendance)+1))), 0.9*p.slot())
	dc.SetColor(barColour)
	for i, v := range m.Attendance {
		if !math.IsNaN(v) && v > 0 {
			dc.DrawRectangle(p.xOf(i)-width/2, p.yOf(100*v), width, p.yOf(0)-p.yOf(100*v))
		}
	}
	dc.Fill()
	p.legend(dc, []legendEntry{{text: m.AttendanceLegend, colour: barColour, bar: true}})
}

func (p *panel) drawDiscipline(dc *gg.Context, m Months) {
	p.frame(dc, m.DisciplineTitle)
	var entries []legendEntry
	for _, s := range []legendEntry{{values: m.Reference, colour: refColour, dashed: true, text: m.ReferenceLegend},
		{values: m.Discipline, colour: lineColour, text: m.SubjectLegend}} {
		if p.line(dc, s) {
			entries = append(entries, s)
		}
	}
	p.legend(dc, entries)
}

// line draws one series as a line through its months with a circle on each
// (months without a value are skipped); false when it has none.
func (p *panel) line(dc *gg.Context, s legendEntry) bool {
	var xs, ys []float64
	for i, v := range s.values {
		if !math.IsNaN(v) {
			xs, ys = append(xs, p.xOf(i)), append(ys, p.yOf(100*v))
		}
	}
	if len(xs) == 0 {
		return false
	}
	dc.SetColor(s.colour)
	dc.SetLineWidth(pt(2.5))
	if s.dashed {
		dc.SetDash(pt(6), pt(4))
	}
	for i := range xs {
		dc.LineTo(xs[i], ys[i])
	}
	dc.Stroke()
	dc.SetDash()
	dc.SetLineWidth(pt(1))
	for i := range xs {
		dc.DrawCircle(xs[i], ys[i], pt(3))
		dc.Stroke()
	}
	return true
}

// legendEntry is one series: its legend text and how it is drawn.
type legendEntry struct {
	text   string
	colour color.Color
	bar    bool
	dashed bool
	values []float64
}

// legend writes the entries at the plotting area's top right, each text
// followed by a sample of its bar or line.
func (p *panel) legend(dc *gg.Context, entries []legendEntry) {
	dc.SetFontFace(p.faces.legend)
	lineH := dc.FontHeight() * 1.2
	sample := pt(20)
	textW := 0.0
	for _, e := range entries {
		w, _ := dc.MeasureString(e.text)
		textW = math.Max(textW, w)
	}
	// on white, so that the lines under the legend do not cross its text
	dc.SetColor(color.White)
	dc.DrawRectangle(p.right-sample-pt(8)-textW, p.top, sample+pt(8)+textW, lineH*float64(len(entries)))
	dc.Fill()
	for i, e := range entries {
		y := p.top + lineH*(float64(i)+0.5)
		dc.SetColor(color.Black)
		dc.DrawStringAnchored(e.text, p.right-sample-pt(4), y, 1, 0.35)
		dc.SetColor(e.colour)
		if e.bar {
			dc.DrawRectangle(p.right-sample, y-lineH*0.35, sample, lineH*0.7)
			dc.Fill()
			continue
		}
		dc.SetLineWidth(pt(2.5))
		if e.dashed {
			dc.SetDash(pt(6), pt(4))
		}
		dc.DrawLine(p.right-sample, y, p.right, y)
		dc.Stroke()
		dc.SetDash()
		dc.SetLineWidth(pt(1))
		dc.DrawCircle(p.right-sample/2, y, pt(3))
		dc.Stroke()
	}
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
