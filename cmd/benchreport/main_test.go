package main

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

const sample = `goos: linux
pkg: github.com/transparentcities/nazar/bot
cpu: Test CPU
BenchmarkThroughputVsEchoBot-2   	       5	      4535 echo_updates/s	        63.22 nazar_%_of_echo	      3210 nazar_updates/s
BenchmarkSustainedSendRate-2   	       1	11741810545 ns/op	        87.03 %_of_configured	         1.000 429s	       870.3 msgs/s
pkg: github.com/transparentcities/nazar/handlers
BenchmarkDigestEnqueue100k-2   	       1	1617407114 ns/op
PASS
`

func TestReportChecksEveryGoalItHasAFigureFor(t *testing.T) {
	results, cpu := parse(strings.NewReader(sample))
	assert.Equal(t, "Test CPU", cpu)
	assert.Equal(t, 63.22, results[key{"bot", "BenchmarkThroughputVsEchoBot", "nazar_%_of_echo"}])

	var out strings.Builder
	failed := write(&out, results, cpu, time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC))
	report := out.String()
	assert.Equal(t, 5, failed, "87 %% of the rate misses issues 3 and 20, one 429 issue 3's zero; "+
		"63 %% of echo and 1.62 s miss issue 20's")
	assert.Contains(t, report, "| 2 | Full pipeline /start throughput vs a bare go-telegram/bot echo bot | ≥ 50 % of echo | 63.2 % of echo | ✓ |")
	assert.Contains(t, report, "| ≥ 95 % of configured | 87 % of configured | ✗ |")
	assert.Contains(t, report, "| ≤ 2 s | 1.62 s | ✓ |")
	assert.Contains(t, report, "| Idle RSS of the binary | ≤ 40 MB | not run |")
	assert.Contains(t, report, "`go test -run '^$' -bench '^BenchmarkDigestEnqueue100k$' -benchtime 1x -tags sqlite_fts5 ./handlers/`")
	assert.Contains(t, report, "| 20 | Full pipeline vs a bare echo bot, at the limit | ≥ 80 % of echo | 63.2 % of echo | ✗ |")
	assert.Contains(t, report, "| 20 | Enqueue a 1,000,000-subscriber digest | ≤ 5 s | not run |")
	assert.Contains(t, report, "## Capacity of one machine")
	assert.Contains(t, report, "handled 3210 updates a second here, 107× the 30 replies")
	assert.NotContains(t, report, "- Memory:", "no idle RSS figure in this run")
}
