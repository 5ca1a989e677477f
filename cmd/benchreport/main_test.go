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
	assert.Equal(t, 2, failed, "87 %% of the rate and one 429 miss their goals")
	assert.Contains(t, report, "| 2 | Full pipeline /start throughput vs a bare go-telegram/bot echo bot | ≥ 50 % of echo | 63.2 % of echo | ✓ |")
	assert.Contains(t, report, "| ≥ 95 % of configured | 87 % of configured | ✗ |")
	assert.Contains(t, report, "| ≤ 2 s | 1.62 s | ✓ |")
	assert.Contains(t, report, "| Idle RSS of the binary | ≤ 40 MB | not run |")
	assert.Contains(t, report, "`go test -run '^$' -bench '^BenchmarkDigestEnqueue100k$' -benchtime 1x -tags sqlite_fts5 ./handlers/`")
}
