package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/transparentcities/nazar/bot/sandbox"
)

// After start-up the bot pages out most of its binary (exe_pages_linux.go);
// what a resident asks for next (a deputy's card, the chart drawn with the
// embedded fonts) is read back from the file and answered as before.
func TestTheBotAnswersAfterPagingOutItsBinary(t *testing.T) {
	binary(t) // skip early under -short
	db := filepath.Join(t.TempDir(), "data", "nazar.db")
	prepareDemoDB(t, db)
	sb := sandbox.New(testToken)
	defer sb.Close()
	p := startProcess(t, sb, db, []string{"NAZAR_LOG_LEVEL=debug"}, "run")
	waitPolling(t, sb, p)
	require.True(t, sb.WaitFor(30*time.Second, func() bool {
		// "kept" where the kernel lacks MADV_PAGEOUT (before 5.4)
		return strings.Contains(p.stderr.String(), "executable pages released") ||
			strings.Contains(p.stderr.String(), "executable pages kept")
	}), "the binary's pages were not handed back; stderr:\n%s", p.stderr.String())

	u := sandbox.User{ID: 520_001, FirstName: "Resident", LanguageCode: "uk"}
	converse(t, sb, u, "deputy card", say("/deputy Гнатюк"))
	require.Contains(t, lastText(sb, u), "Гнатюк Олександр Петрович")
	converse(t, sb, u, "chart", pressText("📊 Графік"))
	chart, _ := sb.Last(u.ID)
	require.Equal(t, "sendPhoto", chart.Method, "last: %s", chart.Text)
	require.NotNil(t, chart.Photo)
	require.Equal(t, "png", chart.Photo.Format)
	require.Contains(t, chart.Photo.Caption, "Гнатюк Олександр Петрович")
}
