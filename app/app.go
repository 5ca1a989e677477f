package app

import (
	"log/slog"

	"github.com/transparentcities/nazar/bot"
	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/store"
)

// NewBot builds the features from the configuration and the bot from them.
// The features log through opts.Logger, the app's scrubbing logger. It makes
// no network call.
func NewBot(cfg config.Config, st *store.Store, opts bot.Options) (*bot.App, error) {
	log := opts.Logger
	if log == nil {
		log = slog.Default()
	}
	features, err := NewFeatures(cfg, st, log)
	if err != nil {
		return nil, err
	}
	return bot.New(cfg, st, features, opts)
}
