package benchmark

import (
	"testing"

	"github.com/transparentcities/nazar/bot/bottest"
)

// BenchmarkRepliesDuringImport measures the bot's reply latency while
// residents chat and a digest goes out, alone and while another store on
// the same file imports a council of 2,250,000 votes (bottest.RepliesDuringImport).
// Goals (issue 15): p99 at most 300 ms above the p99 without the import,
// and no "database is locked" in the bot's log.
func BenchmarkRepliesDuringImport(b *testing.B) {
	bottest.RepliesDuringImport(b, "council", folderOf(b, issue15))
}
