package main

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"
)

// canary lives in the binary's data; the test writes it, so its page is a
// private copy that releaseExecutablePages must keep.
var canary = [3 * 4096]byte{0: 1, 4096: 2, 8191: 3}

func TestReleaseExecutablePagesLeavesLessOfTheBinaryResident(t *testing.T) {
	before := executableRSSKB(t)
	released, err := releaseExecutablePages()
	if errors.Is(err, unix.EINVAL) {
		t.Skip("kernel without MADV_PAGEOUT")
	}
	require.NoError(t, err)
	require.Positive(t, released)
	after := executableRSSKB(t)
	t.Logf("binary resident: %d kB before, %d kB after", before, after)
	require.Less(t, after, before)
}

func TestReleaseExecutablePagesKeepsWhatTheProgramWrote(t *testing.T) {
	canary[0], canary[4096], canary[8191] = 41, 42, 43
	_, err := releaseExecutablePages()
	if errors.Is(err, unix.EINVAL) {
		t.Skip("kernel without MADV_PAGEOUT")
	}
	require.NoError(t, err)
	require.Equal(t, [3]byte{41, 42, 43}, [3]byte{canary[0], canary[4096], canary[8191]})
	require.Equal(t, byte(0), canary[3*4096-1], "an untouched byte reads back from the file")
}

// executableRSSKB sums the resident kB of the running binary's mappings.
func executableRSSKB(t *testing.T) int {
	t.Helper()
	exe, err := os.Readlink("/proc/self/exe")
	require.NoError(t, err)
	smaps, err := os.ReadFile("/proc/self/smaps")
	require.NoError(t, err)
	total, inExe := 0, false
	for _, line := range strings.Split(string(smaps), "\n") {
		fields := strings.Fields(line)
		switch {
		case len(fields) >= 5 && strings.Contains(fields[0], "-") && !strings.HasSuffix(fields[0], ":"):
			inExe = len(fields) >= 6 && fields[5] == exe
		case inExe && len(fields) >= 2 && fields[0] == "Rss:":
			kb, err := strconv.Atoi(fields[1])
			require.NoError(t, err)
			total += kb
		}
	}
	require.Positive(t, total, "no mapping of %s in /proc/self/smaps", exe)
	return total
}
