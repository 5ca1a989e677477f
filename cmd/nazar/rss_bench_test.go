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
// nothing to do. Goal (issue 2): ≤ 40 MB.
func BenchmarkIdleRSS(b *testing.B) {
	var rss float64
	for b.Loop() {
		sb := sandbox.New(testToken)
		p := startProcess(b, sb, filepath.Join(b.TempDir(), "nazar.db"), nil, "run")
		if !sb.WaitFor(10*time.Second, func() bool { return sb.Polls() > 0 }) {
			b.Fatal("the bot did not start polling")
		}
		time.Sleep(2 * time.Second) // let start-up garbage be collected
		kb, err := residentKB(p.cmd.Process.Pid)
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

// residentKB reads VmRSS from /proc (Linux).
func residentKB(pid int) (int, error) {
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(status), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			return strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
		}
	}
	return 0, fmt.Errorf("no VmRSS in /proc/%d/status", pid)
}
