package main

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/transparentcities/nazar/bot"
	"github.com/transparentcities/nazar/demo"
	"github.com/transparentcities/nazar/importer"
	"github.com/transparentcities/nazar/sources"
	"github.com/transparentcities/nazar/store"
)

// runConsole chats with the bot in the terminal; logs go to stderr at the
// configured level so they do not mix with the conversation on stdout.
func runConsole(ctx context.Context, e *env) error {
	st, err := openStore(ctx, e)
	if err != nil {
		return err
	}
	defer st.Close()
	if len(e.args) > 0 && (e.args[0] == "--demo" || e.args[0] == "-demo") {
		if err := loadDemo(ctx, e, st); err != nil {
			return err
		}
	}
	src := sources.New(e.cfg, st, sources.Options{Logger: e.log})
	stopSources, err := startSources(ctx, e, src)
	if err != nil {
		return err
	}
	defer stopSources()
	return bot.RunConsole(ctx, e.cfg, st, bot.Options{Logger: e.log, Collectors: []prometheus.Collector{src.Collector()}},
		e.stdin, e.stdout)
}

// loadDemo loads the demo city and makes the console its city: the
// greeting names it, and the console user is an admin, so /admin (digest,
// voucher statuses, form submissions) can be tried too.
func loadDemo(ctx context.Context, e *env, st *store.Store) error {
	e.cfg.City.Name = demo.CityName
	if !slices.Contains(e.cfg.Admins, bot.ConsoleUser.ID) {
		e.cfg.Admins = append(e.cfg.Admins, bot.ConsoleUser.ID)
	}
	fmt.Fprintf(e.stdout, "Loading the demo city «%s»…\n", demo.CityName)
	summaries, err := demo.Load(ctx, importer.Env{Store: st, Config: e.cfg}, time.Now())
	if err != nil {
		return err
	}
	for _, s := range summaries {
		fmt.Fprintln(e.stdout, s)
	}
	fmt.Fprintln(e.stdout, "You are an admin of the demo: /admin opens the admin panel.")
	return nil
}
