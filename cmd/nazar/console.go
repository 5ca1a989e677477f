package main

import (
	"context"
	"fmt"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/transparentcities/nazar/bot"
	"github.com/transparentcities/nazar/demo"
	"github.com/transparentcities/nazar/importer"
	"github.com/transparentcities/nazar/sources"
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
		summaries, err := demo.Load(ctx, importer.Env{Store: st, Config: e.cfg})
		if err != nil {
			return err
		}
		for _, s := range summaries {
			fmt.Fprintln(e.stdout, s)
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
