package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/transparentcities/nazar/bot/sandbox"
)

// BenchmarkIdleRSS reports the resident memory of the real binary after
// start-up (migrations applied, long polling, cron and sender running) with
// nothing to do. Goals: ≤ 40 MB (issue 2), ≤ 20 MB (issue 20). The binary
// is built as `make build` builds it; it pages out its start-up pages one
// second after start (exe_pages_linux.go), before this reads VmRSS.
func BenchmarkIdleRSS(b *testing.B) {
	var rss float64
	for b.Loop() {
		sb := sandbox.New(testToken)
		p := startProcess(b, sb, filepath.Join(b.TempDir(), "nazar.db"), nil, "run")
		waitPolling(b, sb, p)
		time.Sleep(2 * time.Second) // let start-up garbage be collected
		kb, err := procStatusKB(p.cmd.Process.Pid, "VmRSS:")
		if err != nil {
			b.Fatal(err)
		}
		rss = max(rss, float64(kb)/1024)
		_ = p.cmd.Process.Kill()
		<-p.done
		sb.Close()
	}
	b.ReportMetric(rss, "idle_RSS_MB")
	b.ReportMetric(0, "ns/op")
}

// procStatusKB reads a memory field (VmRSS:, VmHWM:) of /proc/PID/status (Linux).
func procStatusKB(pid int, field string) (int, error) {
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(status), "\n") {
		if rest, ok := strings.CutPrefix(line, field); ok {
			return strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
		}
	}
	return 0, fmt.Errorf("no %s in /proc/%d/status", field, pid)
}

// BenchmarkDigestSendPeakRSS runs the real binary through a digest to
// 100,000 subscribers (sandbox limit 1,000/s, Telegram's paid-broadcast ceiling, the bot paced to it) and
// reports the process's peak resident memory. Goal (issue 3): ≤ 100 MB.
func BenchmarkDigestSendPeakRSS(b *testing.B) {
	const subscribers = 100_000
	var peak float64
	for b.Loop() {
		db := filepath.Join(b.TempDir(), "nazar.db")
		seedDigest(b, db, subscribers)
		runCLI(b, db, "digest", "send-now")
		sb := sandbox.New(testToken)
		sb.SetRateLimit(1000, 1)
		env := []string{"NAZAR_DIGEST_RATE_PER_SECOND=1000", "NAZAR_DIGEST_WORKERS=16", "NAZAR_LOG_LEVEL=warn"}
		p := startProcess(b, sb, db, env, "run")
		if !sb.WaitFor(3*time.Minute, func() bool { return delivered(sb) >= subscribers }) {
			b.Fatalf("delivered %d of %d; stderr:\n%s", delivered(sb), subscribers, p.stderr.String())
		}
		kb, err := procStatusKB(p.cmd.Process.Pid, "VmHWM:")
		if err != nil {
			b.Fatal(err)
		}
		peak = max(peak, float64(kb)/1024)
		_ = p.cmd.Process.Kill()
		<-p.done
		sb.Close()
	}
	b.ReportMetric(peak, "peak_RSS_MB")
	b.ReportMetric(0, "ns/op")
}
