package handlers

import (
	"context"
	"log/slog"
	"sort"
	"sync"
	"time"

	"github.com/transparentcities/nazar/understand"
)

// NamesStore gives the names the understanding layer matches, and a cheap
// version that changes when an import changes them.
type NamesStore interface {
	UnderstandNames(ctx context.Context) (deputies map[int64]string, businesses []string, err error)
	UnderstandNamesVersion(ctx context.Context) (string, error)
}

// NamesWatch keeps the engine's names snapshot in step with the store:
// loaded at start, reloaded when an import (in this process through a data
// source, or by `nazar import` in another) changed deputies or businesses.
type NamesWatch struct {
	Engine *understand.Engine
	Store  NamesStore

	mu      sync.Mutex
	version string
}

// Refresh reloads the names when their version changed; it reports
// whether it did.
func (w *NamesWatch) Refresh(ctx context.Context) (bool, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	v, err := w.Store.UnderstandNamesVersion(ctx)
	if err != nil || v == w.version {
		return false, err
	}
	deputies, businesses, err := w.Store.UnderstandNames(ctx)
	if err != nil {
		return false, err
	}
	n := understand.Names{Businesses: businesses}
	for id, name := range deputies {
		n.Deputies = append(n.Deputies, understand.Deputy{ID: id, FullName: name})
	}
	sort.Slice(n.Deputies, func(i, j int) bool { return n.Deputies[i].ID < n.Deputies[j].ID })
	w.Engine.SetNames(n)
	w.version = v
	return true, nil
}

// Run refreshes every interval until ctx ends.
func (w *NamesWatch) Run(ctx context.Context, every time.Duration, log *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if changed, err := w.Refresh(ctx); err != nil && ctx.Err() == nil {
			log.Warn("understand: names not refreshed", "err", err)
		} else if changed {
			log.Info("understand: names refreshed")
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
