package handlers

import (
	"fmt"
	"strings"
	"time"

	"github.com/transparentcities/nazar/card"
	"github.com/transparentcities/nazar/card/cardhttp"
	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/locales"
	"github.com/transparentcities/nazar/privacy"
	"github.com/transparentcities/nazar/store"
)

// NewCard builds the social card feature and its alert check from the
// card section: the content file (an invalid one stops start-up, naming the
// problem) and the provider.
func NewCard(cfg config.CardConfig, st *store.Store, loc *time.Location) (*Card, *CardAlerts, error) {
	content, err := card.LoadContent(cfg.ContentFile, cfg.Categories)
	if err != nil {
		return nil, nil, err
	}
	provider, err := NewCardProvider(cfg, st)
	if err != nil {
		return nil, nil, err
	}
	c := &Card{Store: st, Provider: provider, Content: content, Location: loc, Timeout: cfg.ReplyTimeout,
		Rules: card.NumberRules{Length: cfg.NumberLength, Luhn: cfg.Luhn}, LowDefault: int64(cfg.LowBalanceUAH) * 100}
	alerts := &CardAlerts{Store: st, Provider: provider, Content: content, Location: loc, Timeout: cfg.ReplyTimeout}
	c.Alerts = alerts
	return c, alerts, nil
}

// NewCardProvider is the configured card provider.
func NewCardProvider(cfg config.CardConfig, st *store.Store) (card.Provider, error) {
	switch cfg.Provider {
	case "sqlite":
		return st.CardProvider(), nil
	case "http":
		return cardhttp.New(cfg.HTTP.BaseURL, cfg.HTTP.Token, cfg.HTTP.Timeout), nil
	}
	return nil, fmt.Errorf("card.provider: unknown provider %q", cfg.Provider)
}

// cardPrivacy is the card part of /privacy: linked cards (masked), watched
// applications and failed verifications kept for the lock.
func cardPrivacy(l *locales.Localizer, p store.CardPersonal) string {
	var b strings.Builder
	if len(p.Cards) > 0 {
		masked := make([]string, len(p.Cards))
		for i, n := range p.Cards {
			masked[i] = privacy.MaskCard(n)
		}
		b.WriteString("\n" + l.T("card_privacy", map[string]any{"Cards": strings.Join(masked, ", ")}))
	}
	if p.Watches > 0 {
		b.WriteString("\n" + l.T("card_privacy_watches", map[string]any{"Count": p.Watches}))
	}
	if p.Failures > 0 {
		b.WriteString("\n" + l.T("card_privacy_failures", map[string]any{"Count": p.Failures}))
	}
	return b.String()
}
