package privacy

import (
	"context"
	"log/slog"
)

// ScrubHandler is a slog.Handler that passes every message and string
// attribute through Scrub before the wrapped handler writes it.
type ScrubHandler struct{ next slog.Handler }

// NewScrubHandler wraps next.
func NewScrubHandler(next slog.Handler) *ScrubHandler { return &ScrubHandler{next: next} }

// Enabled reports whether the wrapped handler logs at level.
func (h *ScrubHandler) Enabled(ctx context.Context, level slog.Level) bool {
	return h.next.Enabled(ctx, level)
}

// Handle scrubs the record and hands it on.
func (h *ScrubHandler) Handle(ctx context.Context, r slog.Record) error {
	clean := slog.NewRecord(r.Time, r.Level, Scrub(r.Message), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		clean.AddAttrs(scrubAttr(a))
		return true
	})
	return h.next.Handle(ctx, clean)
}

// WithAttrs scrubs attributes attached once for many records.
func (h *ScrubHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	clean := make([]slog.Attr, len(attrs))
	for i, a := range attrs {
		clean[i] = scrubAttr(a)
	}
	return &ScrubHandler{next: h.next.WithAttrs(clean)}
}

// WithGroup opens a group on the wrapped handler.
func (h *ScrubHandler) WithGroup(name string) slog.Handler {
	return &ScrubHandler{next: h.next.WithGroup(name)}
}

func scrubAttr(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		return slog.String(a.Key, Scrub(v.String()))
	case slog.KindGroup:
		group := v.Group()
		clean := make([]any, len(group))
		for i, g := range group {
			clean[i] = scrubAttr(g)
		}
		return slog.Group(a.Key, clean...)
	case slog.KindAny:
		if err, ok := v.Any().(error); ok {
			return slog.String(a.Key, Scrub(err.Error()))
		}
		return a
	default:
		return a
	}
}
