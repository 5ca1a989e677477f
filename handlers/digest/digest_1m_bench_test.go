package digest_test

import (
	digestdom "github.com/transparentcities/nazar/digest"

	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/transparentcities/nazar/clock"
	digesth "github.com/transparentcities/nazar/handlers/digest"
	"github.com/transparentcities/nazar/store/storetest"
)

// BenchmarkDigestEnqueue1M is the digest job for 1,000,000 subscribers and
// the peak resident memory it adds: the process's high-water mark is reset
// after seeding (Linux /proc/self/clear_refs), so the figure is the job's.
// Goals (issue 20): ≤ 5 s and ≤ 100 MB. Seeding takes several seconds more.
func BenchmarkDigestEnqueue1M(b *testing.B) {
	const subscribers = 1_000_000
	now := time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)
	var peakMB float64
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		st := storetest.Open(b, clock.NewFake(now).Now)
		if err := st.SeedSubscriberRange(b.Context(), 1_000_000, subscribers, []string{"uk", "en"}); err != nil {
			b.Fatal(err)
		}
		var items []digestdom.Item
		for i, topic := range digestdom.Topics {
			items = append(items, digestdom.Item{ID: fmt.Sprint(i), Topic: topic, Title: "Подія " + topic,
				Body: "Субота, площа Ринок", PublishedAt: now.Add(-time.Hour), Source: "import"})
		}
		if _, err := st.SaveDigestItems(b.Context(), items); err != nil {
			b.Fatal(err)
		}
		if err := st.Checkpoint(b.Context()); err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		debug.FreeOSMemory()
		if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
			b.Fatalf("reset the peak RSS: %v", err)
		}
		job := &digesth.DigestJob{Store: st, City: "Demo", Location: time.UTC}
		cpuBefore := processCPU(b)
		b.StartTimer()
		d, sent, err := job.Send(b.Context(), now)
		b.StopTimer()
		cpu += processCPU(b) - cpuBefore
		if err != nil || !sent || d.Recipients != subscribers {
			b.Fatalf("sent=%v recipients=%d err=%v", sent, d.Recipients, err)
		}
		peakMB = max(peakMB, float64(peakRSSKB(b))/1024)
		b.StartTimer()
	}
	b.ReportMetric(peakMB, "peak_RSS_MB")
	// CPU time is steadier than wall time on a shared machine.
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu_s/op")
}

// processCPU is the user and system time this process has used.
func processCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakRSSKB is VmHWM of /proc/self/status: the peak resident memory.
func peakRSSKB(b *testing.B) int {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		b.Fatal(err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			if err != nil {
				b.Fatal(err)
			}
			return kb
		}
	}
	b.Fatal("no VmHWM in /proc/self/status")
	return 0
}
