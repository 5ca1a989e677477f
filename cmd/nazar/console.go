package main

import (
	"context"

	"github.com/transparentcities/nazar/bot"
)

// runConsole chats with the bot in the terminal; logs go to stderr at the
// configured level so they do not mix with the conversation on stdout.
func runConsole(ctx context.Context, e *env) error {
	st, err := openStore(ctx, e)
	if err != nil {
		return err
	}
	defer st.Close()
	return bot.RunConsole(ctx, e.cfg, st, bot.Options{Logger: e.log}, e.stdin, e.stdout)
}
