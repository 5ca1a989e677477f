package bot

import (
	"io"
	"log/slog"

	"github.com/transparentcities/nazar/privacy"
)

// NewLogger builds the process logger: format "text", "json" or "auto"
// (text when terminal is true), at the given level, scrubbing personal data
// and secrets from every line.
func NewLogger(w io.Writer, format, level string, terminal bool) *slog.Logger {
	var lvl slog.Level
	_ = lvl.UnmarshalText([]byte(level)) // validated by config; info on error
	opts := &slog.HandlerOptions{Level: lvl}
	var h slog.Handler
	if format == "text" || (format == "auto" && terminal) {
		h = slog.NewTextHandler(w, opts)
	} else {
		h = slog.NewJSONHandler(w, opts)
	}
	return slog.New(privacy.NewScrubHandler(h))
}
