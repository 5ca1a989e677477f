package bot_test

import (
	"testing"

	"github.com/transparentcities/nazar/bot"
	"github.com/transparentcities/nazar/bot/bottest"
	"github.com/transparentcities/nazar/config"
)

func BenchmarkTmpNazarOnly(b *testing.B) {
	h := bottest.StartWith(b, bot.Options{UnpacedAnswers: true}, func(c *config.Config) { c.Log.Level = "warn" })
	for b.Loop() {
		round(b, h.SB)
	}
}

func BenchmarkTmpEchoOnly(b *testing.B) {
	echo := startEchoBot(b)
	for b.Loop() {
		round(b, echo)
	}
}
