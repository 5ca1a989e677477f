package locales

import (
	"fmt"
	"log/slog"
	"maps"
	"strings"
	"sync"
	"time"

	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// Localizer translates messages and formats numbers and dates for one
// supported language. It is immutable and safe for concurrent use.
type Localizer struct {
	// Lang is the normalized language code ("uk" or "en").
	Lang string

	loc *i18n.Localizer
	num numberStyle
	// plain keeps messages rendered without data (menu labels, titles):
	// the same text every time, and a go-i18n lookup and template run
	// saved on every reply.
	plain sync.Map // id → string
}

var (
	localizers sync.Map // normalized language → *Localizer
	warned     sync.Map // "lang\x00id\x00problem" → struct{}; each problem is logged once
)

// New returns the Localizer for lang, normalized with Normalize(lang,
// Default). Localizers are cached, so calling New per update is cheap.
func New(lang string) *Localizer {
	lang = Normalize(lang, Default)
	if l, ok := localizers.Load(lang); ok {
		return l.(*Localizer)
	}
	l := &Localizer{
		Lang: lang,
		loc:  i18n.NewLocalizer(Bundle(), lang),
		num:  styleFor(lang),
	}
	actual, _ := localizers.LoadOrStore(lang, l)
	return actual.(*Localizer)
}

// T returns the message id rendered with the optional template data (several
// maps are merged, later keys win). It never panics: an unknown id yields the
// id itself and a one-time warning in the log.
func (l *Localizer) T(id string, data ...map[string]any) string {
	merged := mergeData(data)
	if merged == nil {
		if out, ok := l.plain.Load(id); ok {
			return out.(string)
		}
	}
	cfg := &i18n.LocalizeConfig{MessageID: id}
	if merged != nil {
		cfg.TemplateData = merged
	}
	out := l.localize(id, cfg)
	if merged == nil {
		l.plain.Store(id, out)
	}
	return out
}

// N returns the plural form of message id that matches count under the
// language's CLDR rules; the template sees count as {{.Count}} next to data.
func (l *Localizer) N(id string, count int, data map[string]any) string {
	merged := mergeData([]map[string]any{data, {"Count": count}})
	return l.localize(id, &i18n.LocalizeConfig{
		MessageID:    id,
		TemplateData: merged,
		PluralCount:  count,
	})
}

// weekdayIDs indexes weekday messages by time.Weekday (0 = Sunday); the ID
// markers let the usage test verify they exist.
var weekdayIDs = [7]string{
	ID("weekday_0"), ID("weekday_1"), ID("weekday_2"), ID("weekday_3"),
	ID("weekday_4"), ID("weekday_5"), ID("weekday_6"),
}

// Weekday returns the localized name of t's weekday ("понеділок", "Monday").
func (l *Localizer) Weekday(t time.Time) string {
	return l.T(weekdayIDs[t.Weekday()])
}

// localize runs go-i18n and turns every failure into a logged fallback,
// because a missing translation must never break a chat reply.
func (l *Localizer) localize(id string, cfg *i18n.LocalizeConfig) (out string) {
	defer func() {
		if r := recover(); r != nil {
			l.warnOnce(id, "panic", fmt.Errorf("%v", r))
			out = id
		}
	}()
	msg, err := l.loc.Localize(cfg)
	if err != nil {
		// go-i18n still returns the Default-language text when only this
		// language lacks the id; that beats showing the raw id.
		l.warnOnce(id, "localize", err)
		if msg == "" {
			return id
		}
	}
	if strings.Contains(msg, "<no value>") {
		l.warnOnce(id, "data", fmt.Errorf("template data is missing a key"))
	}
	return msg
}

// warnOnce logs a problem with a message id the first time it is seen, so a
// broken message in a hot path cannot flood the log.
func (l *Localizer) warnOnce(id, kind string, err error) {
	if _, seen := warned.LoadOrStore(l.Lang+"\x00"+id+"\x00"+kind, struct{}{}); seen {
		return
	}
	slog.Warn("locales: message problem", "lang", l.Lang, "id", id, "err", err)
}

// mergeData combines template data maps; it returns nil when there is none.
func mergeData(data []map[string]any) map[string]any {
	var merged map[string]any
	for _, d := range data {
		if len(d) == 0 {
			continue
		}
		if merged == nil {
			merged = make(map[string]any, len(d))
		}
		maps.Copy(merged, d)
	}
	return merged
}
