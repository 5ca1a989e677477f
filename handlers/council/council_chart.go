package council

import (
	"context"
	"errors"
	"math"
	"sync"
	"time"

	"github.com/transparentcities/nazar/chart"
	"github.com/transparentcities/nazar/council"
	"github.com/transparentcities/nazar/handlers"
	"github.com/transparentcities/nazar/locales"
)

// councilChartStore is the part of the store for the charts (issue 18); a
// deputy and a faction come from the other parts.
type councilChartStore interface {
	CouncilVersion(ctx context.Context) (int64, error)
	DeputyMonths(ctx context.Context, deputy int64, today time.Time) ([]council.MonthFigures, bool, error)
	FactionMonths(ctx context.Context, faction int64, today time.Time) ([]council.MonthFigures, error)
}

// chartCache keeps rendered charts until the next council import: a chart
// costs tens of milliseconds to draw, and the figures change only then.
type chartCache struct {
	mu      sync.Mutex
	version int64
	pngs    map[string][]byte // by kind, id and language
}

// maxCachedCharts bounds the cache (about 60 KB a chart).
const maxCachedCharts = 512

func (c *chartCache) get(version int64, key string, render func() ([]byte, error)) ([]byte, error) {
	c.mu.Lock()
	if c.version != version || c.pngs == nil || len(c.pngs) >= maxCachedCharts {
		c.version, c.pngs = version, map[string][]byte{}
	}
	png, ok := c.pngs[key]
	c.mu.Unlock()
	if ok {
		return png, nil
	}
	png, err := render()
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.version == version {
		c.pngs[key] = png
	}
	c.mu.Unlock()
	return png, nil
}

// deputyChart sends a deputy's chart: attendance by month, and discipline
// against their faction's.
func (c *Council) deputyChart(ctx context.Context, req *handlers.Request, id int64) (handlers.Response, error) {
	d, found, err := c.Store.Deputy(ctx, id, req.Now)
	if err != nil || !found {
		return handlers.Response{Answer: req.L.T("council_gone")}, err
	}
	return c.chartReply(ctx, req, "d"+handlers.Itoa(id), req.L.T("miniapp_chart_deputy_caption", map[string]any{"Name": d.FullName}),
		locales.ID("miniapp_chart_legend_faction"), func() ([]council.MonthFigures, error) {
			months, _, err := c.Store.DeputyMonths(ctx, id, req.Now)
			return months, err
		})
}

// factionChart sends a faction's chart: its members' attendance by month,
// and its discipline against the whole council's.
func (c *Council) factionChart(ctx context.Context, req *handlers.Request, id int64) (handlers.Response, error) {
	f, found, err := c.Store.FactionDetail(ctx, id, req.Now)
	if err != nil || !found {
		return handlers.Response{Answer: req.L.T("council_gone")}, err
	}
	return c.chartReply(ctx, req, "f"+handlers.Itoa(id), req.L.T("miniapp_chart_faction_caption", map[string]any{"Name": f.Name}),
		locales.ID("miniapp_chart_legend_council"), func() ([]council.MonthFigures, error) {
			return c.Store.FactionMonths(ctx, id, req.Now)
		})
}

func (c *Council) chartReply(ctx context.Context, req *handlers.Request, key, caption, referenceID string,
	months func() ([]council.MonthFigures, error)) (handlers.Response, error) {
	l := req.L
	version, err := c.Store.CouncilVersion(ctx)
	if err != nil {
		return handlers.Response{}, err
	}
	png, err := c.charts.get(version, key+"|"+l.Lang, func() ([]byte, error) {
		list, err := months()
		if err != nil {
			return nil, err
		}
		return chart.Render(chartMonths(l, list, referenceID))
	})
	if errors.Is(err, chart.ErrNoData) {
		return handlers.Response{Answer: l.T("miniapp_chart_empty"), ShowAlert: true}, nil
	}
	if err != nil {
		return handlers.Response{}, err
	}
	return handlers.Response{Replies: []handlers.Reply{{Photo: &handlers.Photo{PNG: png, Caption: caption}}}}, nil
}

// chartMonths turns the store's months into the chart's series.
func chartMonths(l *locales.Localizer, list []council.MonthFigures, referenceID string) chart.Months {
	m := chart.Months{AttendanceTitle: l.T("miniapp_chart_title_attendance"),
		DisciplineTitle: l.T("miniapp_chart_title_discipline"), AttendanceLegend: l.T("miniapp_web_col_attendance"),
		SubjectLegend: l.T("miniapp_chart_legend_deputy"), ReferenceLegend: l.T(referenceID)}
	if referenceID == locales.ID("miniapp_chart_legend_council") {
		m.SubjectLegend = l.T("miniapp_chart_legend_faction")
	}
	for _, f := range list {
		m.Labels = append(m.Labels, f.Month.Format("01.06"))
		m.Attendance = append(m.Attendance, share(f.Attendance))
		m.Discipline = append(m.Discipline, share(f.Discipline))
		m.Reference = append(m.Reference, share(f.Reference))
	}
	return m
}

func share(r council.Ratio) float64 {
	if r.Den == 0 {
		return math.NaN()
	}
	return float64(r.Num) / float64(r.Den)
}
